/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client, WavespeedSyncTimeoutException } from 'wavespeed';

import { makePng } from '../../devkit/fake-wavespeed/png';
import { FakeWaveSpeed } from '../../devkit/fake-wavespeed/server';

/**
 * WaveSpeed's official npm SDK (wavespeed 0.3.2) referees the fake: every request here is the
 * SDK's own. Where the two disagree, the fake is wrong.
 */

const MODEL = 'wavespeed-ai/flux-2-klein-base-9b/edit';

let fake: FakeWaveSpeed;
let client: Client;

/** The SDK's private single check, for a task the test keeps checking itself. */
type WithGetResult = {
	_getResult(id: string): Promise<{ data: { status: string; outputs: unknown[] } }>;
	_wait(id: string, timeout?: number, pollInterval?: number): Promise<{ outputs: unknown[] }>;
};

const input = (prompt: string) => ({
	prompt,
	images: [`${fake.outputUrl}/images/256x256.png`],
	size: '256*256',
	seed: 7,
});

// The SDK's wait between its checks, in seconds (its own loop, not the test's).
const run = (prompt: string, options: { enableSyncMode?: boolean } = {}) =>
	client.run(MODEL, input(prompt), { pollInterval: 0.02, timeout: 20, ...options });

beforeAll(async () => {
	fake = await FakeWaveSpeed.start({ taskMs: 50, syncHoldMs: 10_000, callbackRetryMs: [] });
	client = new Client(fake.apiKey, { baseUrl: fake.url, maxConnectionRetries: 0 });
});

afterAll(async () => await fake.close());

describe("the fake WaveSpeed, as WaveSpeed's official SDK (npm wavespeed 0.3.2) sees it", () => {
	test('an async run: submit, checks until completed, the outputs', async () => {
		const { outputs } = await run('Make it blue');
		const task = fake.tasks.at(-1)!;
		expect(outputs).toEqual(task.outputs);
		expect(task.status).toBe('completed');
		expect(fake.checkTimes(task.id).length).toBe(task.polls);
		const download = await fetch(String(outputs[0]));
		expect(download.headers.get('content-type')).toBe('image/png');
	});

	test("the submit answers `created`; the SDK's checks then see `processing`, then `completed`", async () => {
		const submitAnswers: Array<{ data: { id: string; status: string } }> = [];
		const realFetch = globalThis.fetch;
		const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
			const response = await realFetch(url, init);
			if (init?.method === 'POST' && String(url) === `${fake.url}/api/v3/${MODEL}`)
				submitAnswers.push(await response.clone().json());
			return response;
		});
		const sdk = client as unknown as WithGetResult & {
			_submit(model: string, input: object): Promise<[string, unknown]>;
		};
		try {
			// No running slot: the task waits in `created` (docs "Authentication": "it will wait").
			fake.store.setConcurrency(0);
			const [id] = await sdk._submit(MODEL, input('Lifecycle [ms:1000]'));
			expect(submitAnswers.map((a) => a.data)).toEqual([
				expect.objectContaining({ id, status: 'created', outputs: [] }),
			]);
			expect((await sdk._getResult(id)).data.status).toBe('created');
			fake.store.setConcurrency(1000);
			await fake.until(() => fake.store.tasks.get(id)!.status === 'processing');
			expect((await sdk._getResult(id)).data.status).toBe('processing');
			const { outputs } = await sdk._wait(id, 20, 0.02);
			const task = fake.store.tasks.get(id)!;
			expect(task.status).toBe('completed');
			expect(outputs).toEqual(task.outputs);
		} finally {
			fake.store.setConcurrency(1000);
			spy.mockRestore();
		}
	});

	test('an accepted submit answered `data: null` (no task id): the SDK reports it, the task was billed', async () => {
		fake.inject({ route: 'submit', action: { kind: 'acceptThen', then: 'nullData' } });
		const accepted = fake.acceptedTasks;
		await expect(run('Lost id')).rejects.toThrow(/No request ID in response/);
		expect(fake.acceptedTasks).toBe(accepted + 1);
	});

	test('an accepted submit answered with a body that is not JSON: the SDK fails, the task was billed', async () => {
		fake.inject({ route: 'submit', action: { kind: 'acceptThen', then: 'notJson' } });
		const accepted = fake.acceptedTasks;
		await expect(run('Garbled')).rejects.toThrow();
		expect(fake.acceptedTasks).toBe(accepted + 1);
	});

	test("the SDK's headers are logged: X-Client-Name and X-Client-Version", async () => {
		await run('Headers');
		const submit = fake.requests.filter((r) => r.route === 'submit').at(-1)!;
		expect(submit.clientName).toBe(process.env.WAVESPEED_CLIENT_NAME ?? 'wavespeed-js');
		expect(submit.clientVersion).toBe('0.3.2');
		const poll = fake.requests.filter((r) => r.route === 'poll').at(-1)!;
		expect(poll.clientVersion).toBe('0.3.2');
	});

	test('a sync run that completes within the hold: one request, the outputs', async () => {
		const polls = fake.count('poll');
		const { outputs } = await run('Sync', { enableSyncMode: true });
		const task = fake.tasks.at(-1)!;
		expect(task.body.enable_sync_mode).toBe(true);
		expect(outputs).toEqual(task.outputs);
		expect(fake.count('poll')).toBe(polls);
	});

	test('a sync run past the hold: the 5004 answer is a sync timeout with the task id and its result URL; the task then completes', async () => {
		fake.syncHoldMs = 30;
		try {
			const error = await run('Slow [ms:400]', { enableSyncMode: true }).catch((e: unknown) => e);
			const task = fake.tasks.at(-1)!;
			expect(error).toBeInstanceOf(WavespeedSyncTimeoutException);
			const timeout = error as InstanceType<typeof WavespeedSyncTimeoutException>;
			expect(timeout.taskId).toBe(task.id);
			expect(timeout.resultUrl).toBe(`${fake.url}/api/v3/predictions/${task.id}/result`);
			expect(timeout.message).toContain('Sync mode timed out after 0.03 seconds');
			expect(fake.requests.filter((r) => r.route === 'submit').at(-1)!.status).toBe(200);
			// 0.3.2 returns there (run() throws); a caller keeps checking the task by its id.
			const { outputs } = await (client as unknown as WithGetResult)._wait(task.id, 20, 0.02);
			expect(outputs).toEqual(task.outputs);
		} finally {
			fake.syncHoldMs = 10_000;
		}
	});

	test("a failed task's error surfaces through the SDK", async () => {
		await expect(run('Edit [fail:Prompt rejected by the safety filter]')).rejects.toThrow(
			/^Prediction failed \(task_id: [0-9a-f]+\): Prompt rejected by the safety filter$/,
		);
	});

	test('a deleted task stops the SDK with "prediction deleted"', async () => {
		await expect(run('Gone [deleted]')).rejects.toThrow(/prediction deleted$/);
	});

	test('an unknown status keeps the SDK checking until the task completes', async () => {
		const { outputs } = await run('Odd [status:queued] [ms:150]');
		const task = fake.tasks.at(-1)!;
		expect(outputs).toEqual(task.outputs);
		expect(task.polls).toBeGreaterThan(1);
	});

	test('[output:object]: outputs as {url} objects', async () => {
		const { outputs } = await run('Objects [output:object]');
		expect(outputs).toEqual(fake.tasks.at(-1)!.outputs.map((url) => ({ url })));
	});

	test('a single check through the SDK (_getResult)', async () => {
		const { outputs } = await run('Checked');
		const id = fake.tasks.at(-1)!.id;
		const result = await (client as unknown as WithGetResult)._getResult(id);
		expect(result.data).toMatchObject({ status: 'completed', outputs });
	});

	test('an upload through the ticket API: the bytes come back at download_url, no key at the storage host', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'wavespeed-sdk-'));
		const file = join(folder, 'photo.png');
		const bytes = makePng(64, 48, 5);
		writeFileSync(file, bytes);
		const tickets = fake.count('uploadTicket');

		const downloadUrl = await client.upload(file);

		expect(fake.count('uploadTicket')).toBe(tickets + 1);
		expect(fake.count('upload')).toBe(0);
		const put = fake.requests.filter((r) => r.host === 'storage').at(-1)!;
		expect(put).toMatchObject({ method: 'PUT', route: 'storagePut', status: 200 });
		expect(fake.storageAuthorizationSeen).toBe(0);
		const download = await fetch(downloadUrl);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
	});

	test('a suspended account: the SDK reports the 403 body', async () => {
		fake.suspend();
		try {
			await expect(run('Suspended')).rejects.toThrow(/HTTP 403: .*ACCOUNT_SUSPENDED/);
		} finally {
			fake.suspend(false);
		}
	});

	test('an exhausted balance: the SDK reports the 400 and its message', async () => {
		fake.exhaustBalance();
		try {
			await expect(run('Broke')).rejects.toThrow(/HTTP 400: .*Insufficient credits/);
		} finally {
			fake.exhaustBalance(false);
		}
	});
});
