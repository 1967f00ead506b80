/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-hardcoded-secrets -- dev-only code, not in the published package */
import type { FakeWaveSpeed, LoggedRequest } from '../../devkit/fake-wavespeed/server';
import { readFileSync } from 'node:fs';

import {
	answerWith,
	binaryImages,
	editParameters,
	pngFile,
	urlImages,
	withFakeWaveSpeed,
} from './fixtures';

const packageVersion = (
	JSON.parse(readFileSync(`${__dirname}/../../package.json`, 'utf8')) as { version: string }
).version;

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
			answerWith(ws.fake, 'poll', 200, envelope({ id: task.id, status: 'queued', outputs: [] })),
		);
		const result = await ws.run({ parameters: simple() });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('completed');
		expect(ws.fake.count('poll') - polls).toBe(2);
	});

	test('a deleted prediction is a failure that says why', async () => {
		answerWith(
			ws.fake,
			'poll',
			200,
			envelope({ id: 'gone', status: 'deleted', outputs: [], error: '' }),
		);
		const result = await ws.run({ parameters: simple() });
		expect(result.error?.message).toMatch(/^WaveSpeed task gone was deleted/);
		expect(result.error?.description).toMatch(/7 days/);
	});

	test('outputs given as objects are read by their url', async () => {
		const url = ws.image(320, 200);
		answerWith(
			ws.fake,
			'poll',
			200,
			envelope({ id: 'obj', status: 'completed', outputs: [{ url }] }),
		);
		const result = await ws.run({ parameters: simple() });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.outputs).toEqual([url]);
		expect(result.items[0].binary?.data).toBeDefined();
	});

	test('an output object without a url is a clear error', async () => {
		answerWith(
			ws.fake,
			'poll',
			200,
			envelope({ id: 'obj', status: 'completed', outputs: [{ type: 'image' }] }),
		);
		const result = await ws.run({ parameters: simple() });
		expect(result.error?.message).toMatch(
			/returned output 1 as a record without a URL \(fields: type\)/,
		);
	});
});

describe("WaveSpeed's error answers, in its own words", () => {
	test('403 {message, error_code}: worded as suspension or permission, not a wrong key', async () => {
		const submits = ws.fake.count('submit');
		answerWith(ws.fake, 'submit', 403, {
			message: 'Your account has been suspended',
			error_code: 'ACCOUNT_SUSPENDED',
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
		answerWith(ws.fake, 'submit', 400, { code: 400, message: 'Insufficient credits', data: null });
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
	test('the task was accepted, the connection broke: found in the history, Retry On Fail never needed', async () => {
		const accepted = ws.fake.acceptedTasks;
		const submits = ws.fake.count('submit');
		ws.fake.inject({ route: 'submit', action: { kind: 'acceptThen', then: 'reset' } });
		const result = await ws.run({ parameters: simple(), settings: RETRY });
		expect(ws.fake.acceptedTasks - accepted).toBe(1);
		expect(ws.fake.count('submit') - submits).toBe(1);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.id).toBe(ws.fake.tasks.at(-1)!.id);
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

describe("uploads through WaveSpeed's current API (a ticket, then a PUT to its storage)", () => {
	test('a binary input: ticket, PUT without the key, then the download URL is sent', async () => {
		const counts = () => ({
			tickets: ws.fake.count('uploadTicket'),
			puts: ws.fake.count('storagePut', 'storage'),
			multipart: ws.fake.count('upload'),
		});
		const before = counts();
		const photo = pngFile(400, 300, 'ticket.png');
		const result = await ws.run({
			items: [{ binary: { photo } }],
			parameters: editParameters({ images: binaryImages('photo') }),
		});
		expect(result.error).toBeUndefined();
		const after = counts();
		expect(after.tickets - before.tickets).toBe(1);
		expect(after.puts - before.puts).toBe(1);
		expect(after.multipart - before.multipart).toBe(0);
		expect(ws.fake.storageAuthorizationSeen).toBe(0);
		const upload = [...ws.fake.uploads.values()].at(-1)!;
		expect(upload.data.equals(photo.bytes)).toBe(true);
		expect(ws.fake.tasks.at(-1)!.body.images).toEqual([
			expect.stringContaining(`/uploads/${upload.id}/ticket.png`),
		]);
	});

	test('a storage refusal is an upload error, and no task is submitted', async () => {
		const submits = ws.fake.count('submit');
		ws.fake.inject({
			route: 'storagePut',
			action: { kind: 'status', status: 403, body: { error: 'SignatureDoesNotMatch' } },
		});
		const result = await ws.run({
			items: [{ binary: { photo: pngFile(100, 100) } }],
			parameters: editParameters({ images: binaryImages('photo') }),
		});
		expect(result.error?.message).toMatch(
			/^WaveSpeed's upload storage \(127\.0\.0\.1:\d+\) refused the image \(HTTP 403\)/,
		);
		expect(ws.fake.count('submit')).toBe(submits);
	});
});

describe('a gateway without the ticket endpoint (404): the older multipart upload', () => {
	const old = withFakeWaveSpeed({
		taskMs: 100,
		uploadTickets: false,
		apiKey: 'ws-old-gateway-key-01',
	});

	test('falls back once, then uses multipart for the account without asking again', async () => {
		for (const [name, width] of [
			['one.png', 120],
			['two.png', 140],
		] as const) {
			const result = await old.run({
				items: [{ binary: { photo: pngFile(width, 80, name) } }],
				parameters: editParameters({ images: binaryImages('photo') }),
			});
			expect(result.error).toBeUndefined();
		}
		expect(old.fake.count('uploadTicket')).toBe(1);
		expect(old.fake.count('upload')).toBe(2);
		expect(old.fake.tasks.map((t) => (t.body.images as string[])[0])).toEqual([
			expect.stringMatching(/one\.png$/),
			expect.stringMatching(/two\.png$/),
		]);
	});
});

describe("attribution, as WaveSpeed's official clients send it", () => {
	test('every API request carries X-Client-Name and X-Client-Version; no other host gets them', async () => {
		const from = ws.fake.requests.length;
		const result = await ws.run({ parameters: simple() });
		expect(result.error).toBeUndefined();
		const requests = ws.fake.requests.slice(from);
		const api = requests.filter((r) => r.host === 'api');
		expect(api.length).toBeGreaterThanOrEqual(2);
		for (const r of api) {
			expect(r.clientName).toBe('n8n-nodes-wavespeed-image-edit');
			expect(r.clientVersion).toBe(packageVersion);
		}
		for (const r of requests.filter((r) => r.host !== 'api')) expect(r.clientName).toBeUndefined();
	});
});
