import type { FakeWaveSpeed, LoggedRequest } from '../../devkit/fake-wavespeed/server';
import { editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

// What WaveSpeed's own clients and docs ask of a client, through n8n's engine against the fake.
// Each answer injected here has the shape WaveSpeed's SDK fixtures or docs show.

const ws = withFakeWaveSpeed({ taskMs: 200 });
const simple = (overrides = {}) =>
	editParameters({ images: urlImages(ws.image(256, 256)), ...overrides });
const envelope = (data: unknown) => ({ code: 200, message: 'success', data });
const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };

/** The times of the submit and each status check of one task, from the fake's request log. */
function lookTimes(ws: { fake: FakeWaveSpeed }, taskId: string): number[] {
	const task = ws.fake.tasks.find((t) => t.id === taskId)!;
	const checks = ws.fake.requests.filter(
		(r: LoggedRequest) => r.route === 'poll' && r.path.includes(taskId),
	);
	return [task.createdAt, ...checks.map((r) => r.at)];
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

describe("WaveSpeed's check frequency (How to Get Result: at least 2 s between checks, growing)", () => {
	// Its own account: what the node learns of these long tasks stays with it.
	const ws = withFakeWaveSpeed({ taskMs: 200, apiKey: 'ws-checks-account-key-0001' });
	const simple = (overrides = {}) =>
		editParameters({ images: urlImages(ws.image(256, 256)), ...overrides });

	test('a batch of 6: no task is checked twice within 2 s', async () => {
		const result = await ws.run({
			items: Array.from({ length: 6 }, (_, i) => ({ json: { prompt: `item ${i}` } })),
			parameters: simple({ prompt: '={{ $json.prompt }}' }),
		});
		expect(result.items).toHaveLength(6);
		for (const item of result.items) {
			expect(Math.min(...gaps(lookTimes(ws, String(item.json.id))))).toBeGreaterThanOrEqual(2000);
		}
	});

	test('a task that runs 7 s: every check at least 2 s after the last, the gaps growing', async () => {
		const result = await ws.run({ parameters: simple({ prompt: 'x [ms:7000]' }) });
		expect(result.error).toBeUndefined();
		const times = lookTimes(ws, String(result.items[0].json.id));
		const between = gaps(times);
		expect(Math.min(...between)).toBeGreaterThanOrEqual(2000);
		for (let i = 1; i < between.length; i++) {
			expect(between[i]).toBeGreaterThanOrEqual(between[i - 1] - 50);
		}
		// The first two checks are 2 s apart, then the interval grows (2, 2, 3, 4.5 s).
		expect(between.length).toBeLessThanOrEqual(5);
	});

	test('Poll Interval under 2 s in a saved workflow runs, checked no faster than 2 s', async () => {
		const result = await ws.run({
			parameters: simple({ prompt: 'x [ms:5000]', options: { pollInterval: 0.5 } }),
		});
		expect(result.error).toBeUndefined();
		expect(
			Math.min(...gaps(lookTimes(ws, String(result.items[0].json.id)))),
		).toBeGreaterThanOrEqual(2000);
	});
});

describe('statuses WaveSpeed may answer', () => {
	test("a status the node does not know is checked again, as WaveSpeed's SDKs do, until it ends", async () => {
		const polls = ws.fake.count('poll');
		ws.fake.events.once('submitted', (task: { id: string }) =>
			ws.fake.inject({
				route: 'poll',
				action: {
					kind: 'status',
					status: 200,
					body: envelope({ id: task.id, status: 'queued', outputs: [] }),
				},
			}),
		);
		const result = await ws.run({ parameters: simple() });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('completed');
		expect(ws.fake.count('poll') - polls).toBe(2);
	});

	test('a deleted prediction is a failure that says why', async () => {
		ws.fake.inject({
			route: 'poll',
			action: {
				kind: 'status',
				status: 200,
				body: envelope({ id: 'gone', status: 'deleted', outputs: [], error: '' }),
			},
		});
		const result = await ws.run({ parameters: simple() });
		expect(result.error?.message).toMatch(/^WaveSpeed task gone was deleted/);
		expect(result.error?.description).toMatch(/7 days/);
	});

	test('outputs given as objects are read by their url', async () => {
		const url = ws.image(320, 200);
		ws.fake.inject({
			route: 'poll',
			action: {
				kind: 'status',
				status: 200,
				body: envelope({ id: 'obj', status: 'completed', outputs: [{ url }] }),
			},
		});
		const result = await ws.run({ parameters: simple() });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.outputs).toEqual([url]);
		expect(result.items[0].binary?.data).toBeDefined();
	});

	test('an output object without a url is a clear error', async () => {
		ws.fake.inject({
			route: 'poll',
			action: {
				kind: 'status',
				status: 200,
				body: envelope({ id: 'obj', status: 'completed', outputs: [{ type: 'image' }] }),
			},
		});
		const result = await ws.run({ parameters: simple() });
		expect(result.error?.message).toMatch(
			/returned output 1 as a record without a URL \(fields: type\)/,
		);
	});
});

describe("WaveSpeed's error answers, in its own words", () => {
	test('403 {message, error_code}: worded as suspension or permission, not a wrong key', async () => {
		const submits = ws.fake.count('submit');
		ws.fake.inject({
			route: 'submit',
			action: {
				kind: 'status',
				status: 403,
				body: { message: 'Your account has been suspended', error_code: 'ACCOUNT_SUSPENDED' },
			},
		});
		const result = await ws.run({ parameters: simple() });
		expect(result.error?.message).toBe(
			'WaveSpeed refused this account or key: Your account has been suspended [ACCOUNT_SUSPENDED]',
		);
		expect(result.error?.description).toMatch(/suspended or the API key lacks permission/);
		expect(ws.fake.count('submit') - submits).toBe(1);
	});

	test('an exhausted balance says to top up, and is not retried', async () => {
		const submits = ws.fake.count('submit');
		const accepted = ws.fake.acceptedTasks;
		ws.fake.inject({
			route: 'submit',
			action: {
				kind: 'status',
				status: 400,
				body: { code: 400, message: 'Insufficient credits', data: null },
			},
		});
		const result = await ws.run({ parameters: simple() });
		expect(result.error?.message).toBe(
			'WaveSpeed refused the task: Insufficient credits. Top up your WaveSpeed balance',
		);
		expect(ws.fake.count('submit') - submits).toBe(1);
		expect(ws.fake.acceptedTasks - accepted).toBe(0);
	});

	test('a bare {"error": …} body is quoted', async () => {
		ws.fake.inject({
			route: 'submit',
			action: { kind: 'status', status: 400, body: { error: 'images[0] could not be fetched' } },
		});
		const result = await ws.run({ parameters: simple() });
		expect(result.error?.message).toBe(
			'WaveSpeed refused the request: images[0] could not be fetched',
		);
	});
});

describe('a submit whose answer was lost is never sent again', () => {
	test('the task was accepted, the connection broke: Retry On Fail does not pay twice', async () => {
		const accepted = ws.fake.acceptedTasks;
		const submits = ws.fake.count('submit');
		ws.fake.inject({ route: 'submit', action: { kind: 'acceptThen', then: 'reset' } });
		const result = await ws.run({ parameters: simple(), settings: RETRY });
		expect(ws.fake.acceptedTasks - accepted).toBe(1);
		expect(ws.fake.count('submit') - submits).toBe(1);
		expect(result.error?.message).toMatch(
			/^Not submitted again: an earlier try of this item may have created a WaveSpeed task/,
		);
		expect(result.error?.description).toMatch(/Get Result/);
	});
});

describe('refused before anything is sent', () => {
	test('Base64 Output with a Webhook URL: WaveSpeed refuses the pair, so the node does first', async () => {
		const before = ws.fake.requests.length;
		const result = await ws.run({
			parameters: simple({
				options: { base64Output: true, webhookUrl: 'https://n8n.example.com/webhook/x' },
			}),
		});
		expect(result.error?.message).toMatch(/Base64 Output/);
		expect(result.error?.message).toMatch(/Webhook URL/);
		expect(ws.fake.requests.length).toBe(before);
	});

	test("an http webhook with WaveSpeed's own Base URL: WaveSpeed needs a public https address", async () => {
		const result = await ws.run({
			credentials: { apiKey: ws.fake.apiKey, baseUrl: 'https://api.wavespeed.ai' },
			parameters: simple({ options: { webhookUrl: 'http://n8n.example.com/webhook/x' } }),
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/Webhook URL.*https/);
	});

	test('an http webhook is fine with a test server or proxy as the Base URL', async () => {
		const result = await ws.run({
			parameters: simple({ options: { webhookUrl: 'http://127.0.0.1:9/webhook/x' } }),
		});
		expect(result.error).toBeUndefined();
	});
});
