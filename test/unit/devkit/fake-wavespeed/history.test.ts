import { HISTORY_WINDOW_MS } from '../../../../devkit/fake-wavespeed/history';
import { FakeWaveSpeed } from '../../../../devkit/fake-wavespeed/server';
import { client, type TaskData } from './http';

const KLEIN = 'wavespeed-ai/flux-2-klein-base-9b/edit';
const KLEIN_4B = 'wavespeed-ai/flux-2-klein-base-4b/edit';

let fake: FakeWaveSpeed;
const { post, status, image } = client(() => fake);

interface HistoryItem extends TaskData {
	executionTime: number;
	inputs?: Record<string, unknown>;
	input?: Record<string, unknown>;
}
type Page = { page: number; total: number; items: HistoryItem[] };

const history = (query: Record<string, unknown>) =>
	post<Page>('/api/v3/predictions', { page: 1, page_size: 20, ...query });

const submit = async (model: string, prompt: string) => {
	const body = { prompt, images: [image()], size: '256*256', seed: 3 };
	const { json } = await post<TaskData>(`/api/v3/${model}`, body);
	return json.data.id;
};

let ids: string[];

beforeAll(async () => {
	fake = await FakeWaveSpeed.start({ taskMs: 10, startDelayMs: 0 });
	ids = [
		await submit(KLEIN, 'one'),
		await submit(KLEIN_4B, 'two'),
		await submit(KLEIN, 'three [fail:Nope]'),
	];
	await fake.until(() => ids.every((id) => fake.store.tasks.get(id)!.completedAt !== undefined));
});

afterAll(async () => await fake.close());

describe("POST /api/v3/predictions, as WaveSpeed's CLI and desktop app read it", () => {
	test('newest first, with total and the documented item fields', async () => {
		const before = fake.historyRequests;
		const { status: code, json } = await history({});
		expect(code).toBe(200);
		expect(fake.historyRequests).toBe(before + 1);
		expect(json).toMatchObject({ code: 200, message: 'success' });
		expect(json.data.page).toBe(1);
		expect(json.data.total).toBe(3);
		expect(json.data.items.map((item) => item.id)).toEqual([...ids].reverse());
		const first = fake.store.tasks.get(ids[0])!;
		expect(json.data.items[2]).toEqual({
			id: first.id,
			model: KLEIN,
			status: 'completed',
			outputs: first.outputs,
			urls: { get: `${fake.url}/api/v3/predictions/${first.id}/result` },
			has_nsfw_contents: [false],
			created_at: new Date(first.createdAt).toISOString(),
			error: '',
			executionTime: first.completedAt! - first.startedAt!,
			timings: { inference: first.completedAt! - first.startedAt! },
		});
		expect(json.data.items[0]).toMatchObject({ status: 'failed', error: 'Nope', outputs: [] });
	});

	test('pages, and the model, status and time filters', async () => {
		const second = (await history({ page: 2, page_size: 2 })).json.data;
		expect(second).toMatchObject({ page: 2, total: 3 });
		expect(second.items.map((item) => item.id)).toEqual([ids[0]]);
		const byModel = (await history({ model: KLEIN_4B })).json.data;
		expect(byModel.items.map((item) => item.id)).toEqual([ids[1]]);
		const failed = (await history({ status: 'failed' })).json.data;
		expect(failed.items.map((item) => item.id)).toEqual([ids[2]]);
		const created = fake.store.tasks.get(ids[1])!.createdAt;
		const after = (await history({ created_after: new Date(created).toISOString() })).json.data;
		const expected = ids.filter((id) => fake.store.tasks.get(id)!.createdAt >= created);
		expect(after.items.map((item) => item.id)).toEqual(expected.reverse());
		expect(expected).toContain(ids[1]);
		const before = (await history({ created_before: new Date(created - 60_000).toISOString() }))
			.json.data;
		expect(before).toMatchObject({ total: 0, items: [] });
	});

	test('include_inputs: each item carries the exact submit body, as `inputs` or (switch) `input`', async () => {
		const sent = fake.store.tasks.get(ids[0])!.body;
		const { items } = (await history({ include_inputs: true })).json.data;
		expect(items[2].inputs).toEqual(sent);
		expect(items[2]).not.toHaveProperty('input');
		expect((await history({})).json.data.items[2]).not.toHaveProperty('inputs');
		fake.historyInputsKey = 'input';
		try {
			const withInput = (await history({ include_inputs: true })).json.data.items[2];
			expect(withInput.input).toEqual(sent);
			expect(withInput).not.toHaveProperty('inputs');
		} finally {
			fake.historyInputsKey = 'inputs';
		}
	});

	test.each([
		[{ page: 0 }, 'page: must be an integer of at least 1'],
		[{ page: undefined }, 'page: must be an integer of at least 1'],
		[{ page_size: 0 }, 'page_size: must be an integer from 1 to 100'],
		[{ page_size: 101 }, 'page_size: must be an integer from 1 to 100'],
		[{ page_size: 2.5 }, 'page_size: must be an integer from 1 to 100'],
		[{ created_after: 'yesterday' }, 'created_after: must be an ISO 8601 time'],
	])('%j → 400 "%s"', async (query, message) => {
		const { status: code, json } = await history(query);
		expect(code).toBe(400);
		expect(json).toEqual({ code: 400, message, data: null });
	});

	test('only the last 7 days', async () => {
		const old = fake.store.tasks.get(ids[0])!;
		const createdAt = old.createdAt;
		old.createdAt = Date.now() - HISTORY_WINDOW_MS - 1000;
		try {
			const { items } = (await history({})).json.data;
			expect(items.map((item) => item.id)).not.toContain(ids[0]);
		} finally {
			old.createdAt = createdAt;
		}
	});

	test('historyDelayMs: a task shows up only that long after its acceptance (not published)', async () => {
		fake.historyDelayMs = 60_000;
		try {
			const id = await submit(KLEIN, 'late');
			expect((await history({})).json.data.items.map((item) => item.id)).not.toContain(id);
			fake.historyDelayMs = 0;
			expect((await history({})).json.data.items[0].id).toBe(id);
		} finally {
			fake.historyDelayMs = 0;
		}
	});

	test('the history can be made to fail (route `history`); the submit route is not confused with it', async () => {
		fake.inject({ route: 'history', action: { kind: 'status', status: 500 } });
		expect(await status('/api/v3/predictions', { method: 'POST', body: '{}' })).toBe(500);
		expect(fake.count('submit')).toBe(fake.tasks.length);
	});
});
