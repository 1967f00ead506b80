/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only code, not in the published package */
import { pngSize } from '../../devkit/fake-wavespeed/png';
import { answerWith, editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 60 });
const simple = (overrides = {}) =>
	editParameters({ images: urlImages(ws.image(256, 256)), ...overrides });

function snapshot() {
	return {
		accepted: ws.fake.acceptedTasks,
		submits: ws.fake.count('submit'),
		polls: ws.fake.count('poll'),
	};
}

describe('faults end in a clear answer, never a second bill', () => {
	test('401: says the API key is wrong, without the key', async () => {
		const key = 'ws-wrong-key-SECRET-9f8e7d';
		const result = await ws.run({
			credentials: { apiKey: key, baseUrl: ws.fake.url },
			parameters: simple(),
		});
		expect(result.error?.message).toBe('WaveSpeed rejected the API key');
		expect(result.error?.description).toMatch(
			/invalid or missing API key.*Check the API key in the WaveSpeed API credential/,
		);
		expect(JSON.stringify(result.error)).not.toContain(key);
	});

	test('429 on submit: backs off (Retry-After) and submits again; one task accepted', async () => {
		const before = snapshot();
		ws.fake.inject({
			route: 'submit',
			times: 2,
			action: {
				kind: 'status',
				status: 429,
				headers: { 'retry-after': '0.05' },
				body: { code: 429, message: 'Too many requests', data: null },
			},
		});
		const result = await ws.run({ parameters: simple() });
		expect(result.error).toBeUndefined();
		expect(ws.fake.count('submit') - before.submits).toBe(3);
		expect(ws.fake.acceptedTasks - before.accepted).toBe(1);
	});

	test('5xx and a dropped connection on polls are retried; the image still arrives', async () => {
		ws.fake.inject({ route: 'poll', times: 2, action: { kind: 'status', status: 503 } });
		ws.fake.inject({ route: 'poll', times: 1, action: { kind: 'reset' } });
		ws.fake.inject({ route: 'poll', times: 1, action: { kind: 'status', status: 429 } });
		const before = snapshot();
		const result = await ws.run({ parameters: simple() });
		expect(result.error).toBeUndefined();
		expect(ws.fake.count('poll') - before.polls).toBeGreaterThanOrEqual(5);
		expect(ws.fake.acceptedTasks - before.accepted).toBe(1);
		expect(pngSize(await result.binaryBuffer(result.items[0]))).toEqual({
			width: 256,
			height: 256,
		});
	});

	test('a 429 on a poll waits for the Retry-After it names before polling again', async () => {
		ws.fake.inject({
			route: 'poll',
			times: 1,
			action: { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
		});
		const result = await ws.run({ parameters: simple() });
		expect(result.error).toBeUndefined();
		const polls = ws.fake.requests.filter((r) => r.route === 'poll');
		const limited = polls.findIndex((r) => r.status === 429);
		expect(polls[limited + 1].at - polls[limited].at).toBeGreaterThanOrEqual(950);
	});

	test.each([
		{ name: 'a 500 after the task was created', then: { status: 500 } as const },
		{ name: 'a connection reset after the task was created', then: 'reset' as const },
	])('never resubmits after $name: finds the task in the history instead', async ({ then }) => {
		const before = snapshot();
		ws.fake.inject({ route: 'submit', action: { kind: 'acceptThen', then } });
		const result = await ws.run({ parameters: simple() });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.id).toBe(ws.fake.tasks.at(-1)!.id);
		expect(ws.fake.count('submit') - before.submits).toBe(1);
		expect(ws.fake.acceptedTasks - before.accepted).toBe(1);
	});

	test('a submit answer that is not JSON is reported with what came back', async () => {
		ws.fake.inject({ route: 'submit', action: { kind: 'notJson', status: 200 } });
		// The node first looks for a task in WaveSpeed's history; a short Timeout bounds that look.
		const result = await ws.run({ parameters: simple({ options: { timeout: 5 } }) });
		expect(result.error?.message).toMatch(
			/WaveSpeed answered POST \/api\/v3\/wavespeed-ai\/flux-2-klein-base-9b\/edit with something that is not JSON \(HTTP 200\)/,
		);
		expect(result.error?.description).toContain('502 Bad Gateway');
	});

	test("an envelope code other than 200 is an error carrying WaveSpeed's message", async () => {
		answerWith(ws.fake, 'submit', 200, {
			code: 400,
			message: 'prompt is too long (max 2000 characters)',
			data: null,
		});
		const result = await ws.run({ parameters: simple() });
		expect(result.error?.message).toBe(
			'WaveSpeed refused the request: prompt is too long (max 2000 characters)',
		);
	});

	test('a completed task with no outputs is an error naming the task', async () => {
		const result = await ws.run({ parameters: simple({ prompt: 'x [no-outputs]' }) });
		const task = ws.fake.tasks.at(-1)!;
		expect(result.error?.message).toBe(
			`WaveSpeed task ${task.id} completed but returned no images`,
		);
	});

	test('an output URL that 404s: says where the paid image was', async () => {
		ws.fake.inject({ route: 'output', action: { kind: 'status', status: 404 } });
		const result = await ws.run({ parameters: simple() });
		const task = ws.fake.tasks.at(-1)!;
		expect(result.error?.message).toBe(
			`Could not download output 1 of WaveSpeed task ${task.id}: HTTP 404`,
		);
		expect(result.error?.description).toContain(task.outputs[0]);
	});

	test('an output download that stalls gives up at the timeout', async () => {
		ws.fake.inject({ route: 'output', action: { kind: 'stall' } });
		// The task is done within the first check, which WaveSpeed's rule puts 2 s after the submit.
		const result = await ws.run({ parameters: simple({ options: { timeout: 3 } }) });
		const task = ws.fake.tasks.at(-1)!;
		expect(result.error?.message).toBe(
			`Could not download output 1 of WaveSpeed task ${task.id}: it timed out`,
		);
	});

	test('a task still processing at the timeout: the error names the task and says it may still finish', async () => {
		const result = await ws.run({
			parameters: simple({ prompt: 'x [hang]', options: { timeout: 3 } }),
		});
		const task = ws.fake.tasks.at(-1)!;
		expect(task.status).toBe('processing');
		// The check at 2 s (WaveSpeed's rule) saw it running; the submit's answer said `created`.
		expect(result.error?.message).toBe(
			`WaveSpeed task ${task.id} did not finish within 3 s (last status: processing)`,
		);
		expect(result.error?.description).toMatch(/may still finish on WaveSpeed/);
	});

	test.each([
		{
			prompt: 'x [fail:GPU out of memory]',
			message: 'WaveSpeed task failed: GPU out of memory',
			reason: 'GPU out of memory',
		},
		{
			prompt: 'x [cancel]',
			message: 'WaveSpeed task cancelled: Task cancelled by the server',
			reason: 'Task cancelled by the server',
		},
	])(
		'a task that ends $message is an error with that message',
		async ({ prompt, message, reason }) => {
			const result = await ws.run({ parameters: simple({ prompt }) });
			expect(result.error?.message).toBe(`${message} (task ${ws.fake.tasks.at(-1)!.id})`);
			// Where n8n shows only the description (execute-batch summaries), WaveSpeed's reason is still there.
			expect(result.error?.description).toContain(`WaveSpeed's reason: "${reason}"`);
		},
	);

	test("sync mode past WaveSpeed's hold (its 5004 answer): the node checks that task, never submits again", async () => {
		const saved = { syncHoldMs: ws.fake.syncHoldMs, taskMs: ws.fake.clock.taskMs };
		ws.fake.syncHoldMs = 20;
		ws.fake.clock.taskMs = 300;
		try {
			const before = snapshot();
			const result = await ws.run({ parameters: simple({ options: { syncMode: true } }) });
			expect(result.error).toBeUndefined();
			const task = ws.fake.tasks.at(-1)!;
			expect(task.body.enable_sync_mode).toBe(true);
			expect(ws.fake.count('poll') - before.polls).toBeGreaterThan(0);
			expect(ws.fake.acceptedTasks - before.accepted).toBe(1);
			expect(result.items[0].json).toMatchObject({ id: task.id, status: 'completed' });
		} finally {
			ws.fake.syncHoldMs = saved.syncHoldMs;
			ws.fake.clock.taskMs = saved.taskMs;
		}
	});

	test('sync mode within the hold: the answer is the finished task, no check needed', async () => {
		const before = snapshot();
		const result = await ws.run({ parameters: simple({ options: { syncMode: true } }) });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('completed');
		expect(ws.fake.count('poll') - before.polls).toBe(0);
	});

	test('sync mode with a Timeout shorter than WaveSpeed holds the request: sent async, then checked', async () => {
		const result = await ws.run({
			parameters: simple({ options: { syncMode: true, timeout: 60 } }),
		});
		expect(result.error).toBeUndefined();
		expect(ws.fake.tasks.at(-1)!.body.enable_sync_mode).toBe(false);
	});

	test('a redirect from the API host is not followed with the key', async () => {
		const outputBefore = ws.fake.requests.filter((r) => r.host === 'output').length;
		ws.fake.inject({
			route: 'poll',
			action: { kind: 'redirect', location: `${ws.fake.outputUrl}/images/256x256.png` },
		});
		const result = await ws.run({ parameters: simple() });
		expect(result.error?.message).toMatch(/not JSON \(HTTP 302\)/);
		const newOutputRequests = ws.fake.requests
			.filter((r) => r.host === 'output')
			.slice(outputBefore);
		expect(newOutputRequests.filter((r) => r.authorization)).toEqual([]);
	});

	test('a base URL that is not http(s) is refused before anything is sent', async () => {
		const requestsBefore = ws.fake.requests.length;
		const result = await ws.run({
			credentials: { apiKey: ws.fake.apiKey, baseUrl: 'ftp://127.0.0.1' },
			parameters: simple(),
		});
		expect(result.error?.message).toBe(
			'The Base URL of the WaveSpeed API credential must start with http:// or https://',
		);
		expect(ws.fake.requests.length).toBe(requestsBefore);
	});
});
