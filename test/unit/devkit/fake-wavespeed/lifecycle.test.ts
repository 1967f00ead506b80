import {
	DEFAULT_START_DELAY_MS,
	FakeWaveSpeed,
	type FakeWaveSpeedOptions,
} from '../../../../devkit/fake-wavespeed/server';
import type { FakeTask } from '../../../../devkit/fake-wavespeed/tasks';
import { client, type TaskData } from './http';

const MODEL = 'wavespeed-ai/flux-2-klein-base-9b/edit';

type Http = ReturnType<typeof client>;

/** Submits an edit of one 256×256 image with this prompt. */
const submitVia =
	({ post, image }: Http) =>
	(prompt: string, extra: Record<string, unknown> = {}) =>
		post<TaskData>(`/api/v3/${MODEL}`, { prompt, images: [image()], size: '256*256', ...extra });

const START_DELAY_MS = 1000;
let fake: FakeWaveSpeed;
const http = client(() => fake);
const { get } = http;
const submit = submitVia(http);

beforeAll(async () => {
	// A start delay no request round trip of this test comes near, even on a busy machine: the fake
	// starts a task at its planned instant, whenever it gets to it.
	fake = await FakeWaveSpeed.start({ taskMs: 30, startDelayMs: START_DELAY_MS, concurrency: 1 });
});

afterAll(async () => await fake.close());

const task = (id: string) => fake.store.tasks.get(id)!;

/** Runs a test on a fake of its own clock settings, closed afterwards. */
async function onOwnFake(
	options: FakeWaveSpeedOptions,
	run: (own: {
		fake: FakeWaveSpeed;
		get: Http['get'];
		submit: ReturnType<typeof submitVia>;
		task: (id: string) => FakeTask;
	}) => Promise<void>,
) {
	const own = await FakeWaveSpeed.start(options);
	const ownHttp = client(() => own);
	try {
		await run({
			fake: own,
			get: ownHttp.get,
			submit: submitVia(ownHttp),
			task: (id) => own.store.tasks.get(id)!,
		});
	} finally {
		await own.close();
	}
}

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

	test('a running slot taken: the next task waits in `created` until it frees, then runs and completes', async () =>
		await onOwnFake({ taskMs: 20, startDelayMs: 0, concurrency: 1 }, async (own) => {
			const started: string[] = [];
			own.fake.events.on('started', (t: { id: string }) => started.push(t.id));
			const first = (await own.submit('First [ms:300]')).json.data;
			await own.fake.until(() => started.includes(first.id));
			const second = (await own.submit('Second')).json.data;
			expect(second.status).toBe('created');
			// While the first runs, the second stays `created`, whatever its start delay.
			expect(own.task(second.id).status).toBe('created');
			await own.fake.until(() => own.task(first.id).status === 'completed');
			expect(started).toEqual([first.id, second.id]);
			await own.fake.until(() => own.task(second.id).status === 'completed');
			const done = own.task(second.id);
			const answer = await own.get<TaskData>(`/api/v3/predictions/${second.id}/result`);
			expect(answer.json.data).toMatchObject({
				status: 'completed',
				outputs: done.outputs,
				has_nsfw_contents: [false],
				// "Inference time in milliseconds" (docs/shared/submit-response): the time it ran.
				timings: { inference: done.completedAt! - done.startedAt! },
			});
			expect(done.startedAt!).toBeGreaterThanOrEqual(own.task(first.id).completedAt!);
			expect(own.fake.store.maxRunning).toBe(1);
		}));

	test('[ms:N] is the run time after the start; [status:x] replaces `processing`', async () =>
		await onOwnFake({ startDelayMs: 0 }, async (own) => {
			const { json } = await own.submit('Odd [status:queued] [ms:60]');
			expect(json.data.status).toBe('created');
			await own.fake.until(() => own.task(json.data.id).status === 'queued');
			await own.fake.until(() => own.task(json.data.id).status === 'completed');
			const done = own.task(json.data.id);
			expect(done.completedAt! - done.startedAt!).toBeGreaterThanOrEqual(60 - 1);
		}));

	test('sync mode: the one answer is the final one (completed), not `created`', async () =>
		await onOwnFake({ taskMs: 20 }, async (own) => {
			const { json } = await own.submit('Sync', { enable_sync_mode: true });
			expect(json.data.status).toBe('completed');
			expect(json.data.outputs).toHaveLength(1);
			expect(json.data.timings.inference).toBeGreaterThanOrEqual(0);
		}));

	test('a busy test process does not stretch a task: a check after it was due sees it done, run for exactly its time', async () =>
		await onOwnFake({ taskMs: 200, startDelayMs: 50 }, async (own) => {
			const { json } = await own.submit('Busy');
			const { createdAt } = own.task(json.data.id);
			// The process is busy past the task's start and end: no timer of the fake can run.
			while (Date.now() < createdAt + 400) {
				/* busy */
			}
			const answer = await own.get<TaskData>(`/api/v3/predictions/${json.data.id}/result`);
			expect(answer.json.data.status).toBe('completed');
			expect(answer.json.data.timings.inference).toBe(200);
			const done = own.task(json.data.id);
			expect(done.startedAt! - done.createdAt).toBe(50);
		}));

	test('run times that vary (taskJitterMs) are whole milliseconds, as `timings.inference` is', async () =>
		await onOwnFake({ taskMs: 30, taskJitterMs: 20, startDelayMs: 0 }, async (own) => {
			const ids: string[] = [];
			for (let n = 0; n < 5; n++) ids.push((await own.submit(`Varied ${n}`)).json.data.id);
			await own.fake.until(() => ids.every((id) => own.task(id).status === 'completed'));
			for (const id of ids) {
				const { inference } = (await own.get<TaskData>(`/api/v3/predictions/${id}/result`)).json
					.data.timings;
				expect(Number.isInteger(inference)).toBe(true);
				expect(inference).toBeGreaterThanOrEqual(10);
				expect(inference).toBeLessThanOrEqual(50);
			}
		}));

	test('the start delay defaults to 100 ms (not published: our choice) and is a clock setting', () => {
		expect(DEFAULT_START_DELAY_MS).toBe(100);
		expect(new FakeWaveSpeed().clock.startDelayMs).toBe(100);
		expect(new FakeWaveSpeed({ startDelayMs: 5 }).clock.startDelayMs).toBe(5);
	});
});
