import { DEFAULT_START_DELAY_MS, FakeWaveSpeed } from '../../../../devkit/fake-wavespeed/server';
import { client, type TaskData } from './http';

const MODEL = 'wavespeed-ai/flux-2-klein-base-9b/edit';

const START_DELAY_MS = 1000;
let fake: FakeWaveSpeed;
const { post, get, image } = client(() => fake);

beforeAll(async () => {
	// A start delay no request round trip of this test comes near, even on a busy machine: the fake
	// starts a task at its planned instant, whenever it gets to it.
	fake = await FakeWaveSpeed.start({ taskMs: 30, startDelayMs: START_DELAY_MS, concurrency: 1 });
});

afterAll(async () => await fake.close());

const submit = (prompt: string, extra: Record<string, unknown> = {}) =>
	post<TaskData>(`/api/v3/${MODEL}`, { prompt, images: [image()], size: '256*256', ...extra });

const task = (id: string) => fake.store.tasks.get(id)!;

describe('a task\'s life: created → processing → completed (docs "What are Predictions")', () => {
	test('the submit answers `created` with the full field set, and the task starts only later', async () => {
		const { status, json } = await submit('Lifecycle [hang]');
		expect(status).toBe(200);
		expect(json).toMatchObject({ code: 200, message: 'success' });
		expect(json.data).toEqual({
			id: expect.stringMatching(/^[0-9a-f]{32}$/),
			model: MODEL,
			status: 'created',
			outputs: [],
			error: '',
			timings: {},
			created_at: expect.any(String),
			has_nsfw_contents: [],
			urls: { get: `${fake.url}/api/v3/predictions/${json.data.id}/result` },
		});
		const { id } = json.data;
		// A check right after the submit still sees `created`.
		expect((await get<TaskData>(`/api/v3/predictions/${id}/result`)).json.data.status).toBe(
			'created',
		);
		await fake.until(() => task(id).status === 'processing');
		// The docs' path without /result answers the same.
		expect((await get<TaskData>(`/api/v3/predictions/${id}`)).json.data.status).toBe('processing');
		expect(task(id).startedAt! - task(id).createdAt).toBe(START_DELAY_MS);
	});

	test('a running slot taken: the next task waits in `created` until it frees, then runs and completes', async () => {
		const other = await FakeWaveSpeed.start({ taskMs: 20, startDelayMs: 0, concurrency: 1 });
		const otherClient = client(() => other);
		try {
			const started: string[] = [];
			other.events.on('started', (t: { id: string }) => started.push(t.id));
			const body = (prompt: string) => ({
				prompt,
				images: [otherClient.image()],
				size: '256*256',
			});
			const first = (await otherClient.post<TaskData>(`/api/v3/${MODEL}`, body('First [ms:300]')))
				.json.data;
			await other.until(() => started.includes(first.id));
			const second = (await otherClient.post<TaskData>(`/api/v3/${MODEL}`, body('Second'))).json
				.data;
			expect(second.status).toBe('created');
			// While the first runs, the second stays `created`, whatever its start delay.
			expect(other.store.tasks.get(second.id)!.status).toBe('created');
			await other.until(() => other.store.tasks.get(first.id)!.status === 'completed');
			expect(started).toEqual([first.id, second.id]);
			await other.until(() => other.store.tasks.get(second.id)!.status === 'completed');
			const done = other.store.tasks.get(second.id)!;
			const answer = await otherClient.get<TaskData>(`/api/v3/predictions/${second.id}/result`);
			expect(answer.json.data).toMatchObject({
				status: 'completed',
				outputs: done.outputs,
				has_nsfw_contents: [false],
				// "Inference time in milliseconds" (docs/shared/submit-response): the time it ran.
				timings: { inference: done.completedAt! - done.startedAt! },
			});
			expect(done.startedAt!).toBeGreaterThanOrEqual(other.store.tasks.get(first.id)!.completedAt!);
			expect(other.store.maxRunning).toBe(1);
		} finally {
			await other.close();
		}
	});

	test('[ms:N] is the run time after the start; [status:x] replaces `processing`', async () => {
		const other = await FakeWaveSpeed.start({ startDelayMs: 0 });
		const otherClient = client(() => other);
		try {
			const { json } = await otherClient.post<TaskData>(`/api/v3/${MODEL}`, {
				prompt: 'Odd [status:queued] [ms:60]',
				images: [otherClient.image()],
				size: '256*256',
			});
			expect(json.data.status).toBe('created');
			await other.until(() => other.store.tasks.get(json.data.id)!.status === 'queued');
			await other.until(() => other.store.tasks.get(json.data.id)!.status === 'completed');
			const done = other.store.tasks.get(json.data.id)!;
			expect(done.completedAt! - done.startedAt!).toBeGreaterThanOrEqual(60 - 1);
		} finally {
			await other.close();
		}
	});

	test('sync mode: the one answer is the final one (completed), not `created`', async () => {
		const other = await FakeWaveSpeed.start({ taskMs: 20 });
		const otherClient = client(() => other);
		try {
			const { json } = await otherClient.post<TaskData>(`/api/v3/${MODEL}`, {
				prompt: 'Sync',
				images: [otherClient.image()],
				size: '256*256',
				enable_sync_mode: true,
			});
			expect(json.data.status).toBe('completed');
			expect(json.data.outputs).toHaveLength(1);
			expect(json.data.timings.inference).toBeGreaterThanOrEqual(0);
		} finally {
			await other.close();
		}
	});

	test('a busy test process does not stretch a task: a check after it was due sees it done, run for exactly its time', async () => {
		const other = await FakeWaveSpeed.start({ taskMs: 200, startDelayMs: 50 });
		const otherClient = client(() => other);
		try {
			const { json } = await otherClient.post<TaskData>(`/api/v3/${MODEL}`, {
				prompt: 'Busy',
				images: [otherClient.image()],
				size: '256*256',
			});
			const createdAt = other.store.tasks.get(json.data.id)!.createdAt;
			// The process is busy past the task's start and end: no timer of the fake can run.
			while (Date.now() < createdAt + 400) {
				/* busy */
			}
			const answer = await otherClient.get<TaskData>(`/api/v3/predictions/${json.data.id}/result`);
			expect(answer.json.data.status).toBe('completed');
			expect(answer.json.data.timings.inference).toBe(200);
			const done = other.store.tasks.get(json.data.id)!;
			expect(done.startedAt! - done.createdAt).toBe(50);
		} finally {
			await other.close();
		}
	});

	test('run times that vary (taskJitterMs) are whole milliseconds, as `timings.inference` is', async () => {
		const other = await FakeWaveSpeed.start({ taskMs: 30, taskJitterMs: 20, startDelayMs: 0 });
		const otherClient = client(() => other);
		try {
			const ids: string[] = [];
			for (let n = 0; n < 5; n++) {
				const { json } = await otherClient.post<TaskData>(`/api/v3/${MODEL}`, {
					prompt: `Varied ${n}`,
					images: [otherClient.image()],
					size: '256*256',
				});
				ids.push(json.data.id);
			}
			await other.until(() => ids.every((id) => other.store.tasks.get(id)!.status === 'completed'));
			for (const id of ids) {
				const { inference } = (await otherClient.get<TaskData>(`/api/v3/predictions/${id}/result`))
					.json.data.timings;
				expect(Number.isInteger(inference)).toBe(true);
				expect(inference).toBeGreaterThanOrEqual(10);
				expect(inference).toBeLessThanOrEqual(50);
			}
		} finally {
			await other.close();
		}
	});

	test('the start delay defaults to 100 ms (not published: our choice) and is a clock setting', () => {
		expect(DEFAULT_START_DELAY_MS).toBe(100);
		expect(new FakeWaveSpeed().clock.startDelayMs).toBe(100);
		expect(new FakeWaveSpeed({ startDelayMs: 5 }).clock.startDelayMs).toBe(5);
	});
});
