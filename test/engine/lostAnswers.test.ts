import type { AcceptedThen } from '../../devkit/fake-wavespeed/faults';
import { pngSize } from '../../devkit/fake-wavespeed/png';
import { editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

// WaveSpeed accepts and bills a submit, and its answer is lost or useless: the node looks for the
// task in WaveSpeed's prediction history (POST /api/v3/predictions, which WaveSpeed's CLI and
// desktop app read) and resumes it. Only a clear refusal (4xx) proves nothing was accepted.

const ws = withFakeWaveSpeed({ taskMs: 60 });
const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };
const simple = (overrides = {}) =>
	editParameters({ images: urlImages(ws.image(320, 240)), ...overrides });

function counts() {
	return {
		accepted: ws.fake.acceptedTasks,
		submits: ws.fake.count('submit'),
		history: ws.fake.historyRequests,
	};
}

function since(before: ReturnType<typeof counts>) {
	const now = counts();
	return {
		accepted: now.accepted - before.accepted,
		submits: now.submits - before.submits,
		history: now.history - before.history,
	};
}

describe('a submit WaveSpeed accepted whose answer is unusable: found again, paid once', () => {
	test.each<[string, AcceptedThen]>([
		['HTTP 200 without a task id ({code:200, data:null})', 'nullData'],
		['HTTP 200 with a body that is not JSON', 'notJson'],
		['a 500', { status: 500 }],
		['a 502 gateway page', { status: 502, body: '<html>502 Bad Gateway</html>' }],
		['a connection cut before the answer', 'reset'],
	])('%s: the task is resumed from the history, the image delivered', async (_, then) => {
		const before = counts();
		ws.fake.inject({ route: 'submit', action: { kind: 'acceptThen', then } });
		const result = await ws.run({ parameters: simple() });
		expect(result.error).toBeUndefined();
		const task = ws.fake.tasks.at(-1)!;
		expect(result.items[0].json.id).toBe(task.id);
		expect(pngSize(await result.binaryBuffer(result.items[0]))).toEqual({
			width: 320,
			height: 240,
		});
		expect(since(before)).toMatchObject({ accepted: 1, submits: 1 });
		expect(since(before).history).toBeGreaterThanOrEqual(1);
	});

	test('a sync-mode request cut off by a gateway (504, no id): the same path, one task', async () => {
		const before = counts();
		ws.fake.inject({ route: 'submit', action: { kind: 'acceptThen', then: { status: 504 } } });
		const result = await ws.run({ parameters: simple({ options: { syncMode: true } }) });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('completed');
		expect(since(before)).toMatchObject({ accepted: 1, submits: 1 });
	});

	test('two identical items whose answers are both lost each get their own task, never the other one', async () => {
		const before = counts();
		ws.fake.inject({ route: 'submit', times: 2, action: { kind: 'acceptThen', then: 'reset' } });
		const result = await ws.run({
			items: [{ json: {} }, { json: {} }],
			parameters: simple({ seed: 42, options: { maxConcurrency: 2 } }),
		});
		expect(result.error).toBeUndefined();
		const ids = result.items.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(2);
		expect(ids.sort()).toEqual(
			ws.fake.tasks
				.slice(-2)
				.map((t) => t.id)
				.sort(),
		);
		expect(since(before)).toMatchObject({ accepted: 2, submits: 2 });
	});
});

describe('a submit that may have been accepted but is not in the history: never sent again', () => {
	test('looked for, not found: the item fails saying what was checked; Retry On Fail does not submit it again', async () => {
		const before = counts();
		// A gateway answers 200 with a page that is not JSON, and WaveSpeed never saw the task.
		ws.fake.inject({ route: 'submit', action: { kind: 'notJson', status: 200 } });
		const result = await ws.run({
			parameters: simple({ options: { timeout: 6 } }),
			settings: RETRY,
		});
		expect(result.error?.message).toMatch(
			/^Not submitted again: WaveSpeed may have accepted this item's task, but its answer was lost \(WaveSpeed answered POST \/api\/v3\/wavespeed-ai\/flux-2-klein-base-9b\/edit with something that is not JSON \(HTTP 200\)\); the node looked for it in WaveSpeed's prediction history \d+ times? over [\d.]+ s \(model wavespeed-ai\/flux-2-klein-base-9b\/edit, created since .* UTC, the exact inputs sent\) and found none/,
		);
		expect(result.error?.description).toContain('502 Bad Gateway');
		expect(result.error?.description).toMatch(/Get Result/);
		// Three tries, one submit: each try looked in the history again.
		expect(since(before)).toMatchObject({ accepted: 0, submits: 1 });
		expect(since(before).history).toBeGreaterThanOrEqual(3);
	});

	test('the history cannot be read: the item fails saying so, and nothing is submitted again', async () => {
		const before = counts();
		ws.fake.inject({ route: 'submit', action: { kind: 'acceptThen', then: 'nullData' } });
		ws.fake.inject({ route: 'history', times: 20, action: { kind: 'status', status: 503 } });
		const result = await ws.run({ parameters: simple({ options: { timeout: 6 } }) });
		ws.fake.faults.clear();
		expect(result.error?.message).toMatch(/could not read WaveSpeed's prediction history/);
		expect(since(before)).toMatchObject({ accepted: 1, submits: 1 });
	});
});

describe('a clear refusal proves nothing was accepted', () => {
	test("a 4xx refusal: WaveSpeed's words, no history search, and a retry may submit again", async () => {
		const before = counts();
		ws.fake.inject({
			route: 'submit',
			times: 2,
			action: {
				kind: 'status',
				status: 400,
				body: { code: 400, message: 'images[0] could not be fetched', data: null },
			},
		});
		const result = await ws.run({ parameters: simple(), settings: RETRY });
		expect(result.error).toBeUndefined();
		expect(since(before)).toMatchObject({ accepted: 1, submits: 3, history: 0 });
	});
});

describe('Retry On Fail resumes only a task that may still give its image', () => {
	test('a task that failed is submitted anew by the retry (a second task, the image delivered)', async () => {
		const before = counts();
		const result = await ws.run({
			parameters: simple({ prompt: 'Make it glow [fail-once]' }),
			settings: RETRY,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('completed');
		expect(since(before)).toMatchObject({ accepted: 2, submits: 2 });
		const [failed, completed] = ws.fake.tasks.slice(-2);
		expect([failed.status, completed.status]).toEqual(['failed', 'completed']);
		expect(result.items[0].json.id).toBe(completed.id);
	});
});
