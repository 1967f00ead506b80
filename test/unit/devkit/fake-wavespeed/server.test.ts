/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	BASE64_WEBHOOK_ERROR,
	FakeWaveSpeed,
	UPLOAD_TOKEN_HEADER,
} from '../../../../devkit/fake-wavespeed/server';
import { TIERS } from '../../../../devkit/fake-wavespeed/tiers';

const MODEL = 'wavespeed-ai/flux-2-klein-base-9b/edit';

let fake: FakeWaveSpeed;

beforeAll(async () => {
	fake = await FakeWaveSpeed.start({ taskMs: 20, callbackRetryMs: [0, 0, 0] });
});

afterAll(async () => await fake.close());

const api = (path: string, init: RequestInit = {}) =>
	fetch(`${fake.url}${path}`, {
		...init,
		headers: {
			authorization: `Bearer ${fake.apiKey}`,
			'content-type': 'application/json',
			...(init.headers as Record<string, string>),
		},
	});

const submit = (body: Record<string, unknown>, query = '') =>
	api(`/api/v3/${MODEL}${query}`, {
		method: 'POST',
		body: JSON.stringify({
			prompt: 'Make it blue',
			images: [`${fake.outputUrl}/images/256x256.png`],
			size: '256*256',
			...body,
		}),
	});

interface TicketData {
	type: string;
	download_url: string;
	filename: string;
	size: number;
	upload: { method: string; url: string; headers: Record<string, string>; expires_at: string };
}

const ticket = async (body: Record<string, unknown>) => {
	const response = await api('/api/v3/media/uploads', {
		method: 'POST',
		body: JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as { data: TicketData } };
};

describe('the fake WaveSpeed server', () => {
	test('sync mode past the hold: HTTP 200 with the 5004 body of the SDK fixture', async () => {
		fake.syncHoldMs = 20;
		try {
			const response = await submit({ prompt: 'Slow [ms:300]', enable_sync_mode: true });
			const body = await response.json();
			const id = fake.tasks.at(-1)!.id;
			expect(response.status).toBe(200);
			expect(body).toEqual({
				code: 200,
				message: 'success',
				data: {
					id,
					status: 'processing',
					code: 5004,
					error:
						'Sync mode timed out after 0.02 seconds. The prediction is still processing asynchronously.',
					urls: { get: `${fake.url}/api/v3/predictions/${id}/result` },
					outputs: [],
				},
			});
		} finally {
			fake.syncHoldMs = 90_000;
		}
	});

	test('syncWaitMs is the old name of syncHoldMs; the hold is 90 s by default', async () => {
		const other = new FakeWaveSpeed({ syncWaitMs: 123 });
		expect(other.syncHoldMs).toBe(123);
		expect(new FakeWaveSpeed().syncHoldMs).toBe(90_000);
		other.syncWaitMs = 5;
		expect(other.syncHoldMs).toBe(5);
	});

	test('base64 output with a webhook: 400 {error}, no task', async () => {
		const accepted = fake.acceptedTasks;
		const response = await submit(
			{ enable_base64_output: true },
			`?webhook=${encodeURIComponent('http://127.0.0.1:9/hook')}`,
		);
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: BASE64_WEBHOOK_ERROR });
		expect(fake.acceptedTasks).toBe(accepted);
	});

	test('a suspended account: every API request answers 403 {message, error_code}', async () => {
		fake.suspend();
		try {
			for (const response of [await submit({}), await api('/api/v3/balance')]) {
				expect(response.status).toBe(403);
				expect(await response.json()).toEqual({
					message: 'Your account has been suspended',
					error_code: 'ACCOUNT_SUSPENDED',
				});
			}
			// A wrong key is still 401.
			const wrongKey = await api('/api/v3/balance', { headers: { authorization: 'Bearer nope' } });
			expect(wrongKey.status).toBe(401);
		} finally {
			fake.suspend(false);
		}
	});

	test('an exhausted balance: submits answer 400 in the envelope, no task', async () => {
		const accepted = fake.acceptedTasks;
		fake.exhaustBalance();
		try {
			const response = await submit({});
			expect(response.status).toBe(400);
			expect(await response.json()).toEqual({
				code: 400,
				message: 'Insufficient credits. Please top up at https://wavespeed.ai/top-up',
				data: null,
			});
			expect(fake.acceptedTasks).toBe(accepted);
		} finally {
			fake.exhaustBalance(false);
		}
	});

	test('check times: recorded per task, ms since submit; gaps under 2 s counted, the first one included', async () => {
		const response = await submit({ prompt: 'Checked [ms:50]' });
		const { data } = (await response.json()) as { data: { id: string } };
		const check = () => api(`/api/v3/predictions/${data.id}/result`).then((r) => r.json());
		const gapsBefore = fake.checkGapsUnder();
		await check();
		await check();
		const times = fake.checkTimes(data.id);
		expect(times).toHaveLength(2);
		expect(times[0]).toBeGreaterThanOrEqual(0);
		expect(times[1]).toBeGreaterThanOrEqual(times[0]);
		expect(fake.checkGapsUnder() - gapsBefore).toBe(2);
		expect(fake.checkGapsUnder(0)).toBe(0);
		expect(fake.checkTimes('no-such-task')).toEqual([]);
	});

	describe('upload tickets and the storage host', () => {
		const bytes = Buffer.from('not really a png, but bytes');

		test('ticket → PUT with its headers → download_url serves the bytes (404 before the PUT)', async () => {
			const { status, json } = await ticket({
				filename: 'a b.png',
				size: bytes.length,
				content_type: 'image/png',
			});
			expect(status).toBe(200);
			const { download_url: downloadUrl, upload } = json.data;
			expect(json.data).toMatchObject({ type: 'image', filename: 'a b.png', size: bytes.length });
			expect(upload).toMatchObject({
				method: 'PUT',
				headers: { 'content-type': 'image/png', [UPLOAD_TOKEN_HEADER]: expect.any(String) },
				expires_at: expect.any(String),
			});
			expect(upload.url.startsWith(fake.storageUrl)).toBe(true);
			expect(downloadUrl.startsWith(fake.outputUrl)).toBe(true);
			expect((await fetch(downloadUrl)).status).toBe(404);

			const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
			expect(put.status).toBe(200);
			const download = await fetch(downloadUrl);
			expect(download.headers.get('content-type')).toBe('image/png');
			expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
			expect(fake.storageAuthorizationSeen).toBe(0);
		});

		test('the storage host refuses a wrong token (403) and a size mismatch (400), and counts a key sent there', async () => {
			const { json } = await ticket({ filename: 'x.png', size: bytes.length });
			const { upload } = json.data;
			expect(upload.headers['content-type']).toBe('application/octet-stream');
			const noToken = await fetch(upload.url, {
				method: 'PUT',
				headers: { 'content-type': 'application/octet-stream' },
				body: bytes,
			});
			expect(noToken.status).toBe(403);
			const short = await fetch(upload.url, {
				method: 'PUT',
				headers: upload.headers,
				body: bytes.subarray(1),
			});
			expect(short.status).toBe(400);
			const seen = fake.storageAuthorizationSeen;
			const withKey = await fetch(upload.url, {
				method: 'PUT',
				headers: { ...upload.headers, authorization: `Bearer ${fake.apiKey}` },
				body: bytes,
			});
			expect(withKey.status).toBe(200);
			expect(fake.storageAuthorizationSeen).toBe(seen + 1);
		});

		test('tickets over 20 MB are refused; uploadTickets false answers 404', async () => {
			expect((await ticket({ filename: 'big.png', size: 20 * 1024 * 1024 + 1 })).status).toBe(413);
			expect((await ticket({ filename: 'x.png' })).status).toBe(400);
			fake.uploadTicketsEnabled = false;
			try {
				expect((await ticket({ filename: 'x.png', size: 3 })).status).toBe(404);
			} finally {
				fake.uploadTicketsEnabled = true;
			}
		});

		test('faults can be injected at the ticket and at the PUT', async () => {
			fake.inject({ route: 'uploadTicket', action: { kind: 'status', status: 503 } });
			expect((await ticket({ filename: 'x.png', size: 3 })).status).toBe(503);
			const { json } = await ticket({ filename: 'x.png', size: 3 });
			fake.inject({ route: 'storagePut', action: { kind: 'status', status: 500 } });
			const put = await fetch(json.data.upload.url, {
				method: 'PUT',
				headers: json.data.upload.headers,
				body: Buffer.from('abc'),
			});
			expect(put.status).toBe(500);
		});
	});

	test('X-Client-Name and X-Client-Version are logged', async () => {
		await api('/api/v3/balance', {
			headers: { 'x-client-name': 'tester', 'x-client-version': '9.9.9' },
		});
		expect(fake.requests.at(-1)).toMatchObject({ clientName: 'tester', clientVersion: '9.9.9' });
	});

	test('tier sets the running limit and the per-minute allowance', () => {
		const bronze = new FakeWaveSpeed({ tier: 'bronze' });
		expect(bronze.clock.concurrency).toBe(TIERS.bronze.running);
		expect(bronze.rateWindow.perWindow).toBe(2);
		expect(bronze.rateWindow.windowMs).toBe(60_000);
		const scaled = new FakeWaveSpeed({ tier: 'silver', rateWindowMs: 1000 });
		expect([scaled.clock.concurrency, scaled.rateWindow.perWindow]).toEqual([300, 500]);
		expect(scaled.rateWindow.windowMs).toBe(1000);
	});

	describe('callbacks', () => {
		let receiver: Server;
		let url: string;
		const answers: number[] = [];
		const seen: Array<{ id: string; status: string }> = [];

		beforeAll(async () => {
			receiver = createServer((req, res) => {
				seen.push({ id: String(req.headers['webhook-id']), status: '' });
				req.resume();
				res.writeHead(answers.shift() ?? 200).end();
			});
			await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
			url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
		});

		afterAll(() => receiver.close());

		const withCallback = async (prompt: string) => {
			const response = await submit({ prompt }, `?webhook=${encodeURIComponent(url)}`);
			const { data } = (await response.json()) as { data: { id: string } };
			await fake.until(() => fake.store.tasks.get(data.id)?.completedAt !== undefined);
			await fake.webhooks.settled();
			return fake.webhooks.deliveries.filter((d) => d.taskId === data.id);
		};

		test('webhook-id is the task id; a 2xx ends it', async () => {
			seen.length = 0;
			const deliveries = await withCallback('Once');
			expect(deliveries.map((d) => [d.attempt, d.status])).toEqual([[1, 200]]);
			expect(seen.map((s) => s.id)).toEqual([deliveries[0].taskId]);
		});

		test('retried up to 3 times on a 4xx or 5xx, with the same webhook-id', async () => {
			answers.push(401, 500, 404, 400);
			const deliveries = await withCallback('Refused');
			expect(deliveries.map((d) => [d.attempt, d.status])).toEqual([
				[1, 401],
				[2, 500],
				[3, 404],
				[4, 400],
			]);
			expect(new Set(deliveries.map((d) => d.webhookId))).toEqual(new Set([deliveries[0].taskId]));
		});

		test('retried on a connection failure, recording the error', async () => {
			const closed = `http://127.0.0.1:9/hook`;
			const response = await submit({ prompt: 'Nobody' }, `?webhook=${encodeURIComponent(closed)}`);
			const { data } = (await response.json()) as { data: { id: string } };
			await fake.until(() => fake.store.tasks.get(data.id)?.completedAt !== undefined);
			await fake.webhooks.settled();
			const deliveries = fake.webhooks.deliveries.filter((d) => d.taskId === data.id);
			expect(deliveries.map((d) => d.attempt)).toEqual([1, 2, 3, 4]);
			expect(deliveries.every((d) => d.status === undefined && d.error)).toBe(true);
		});

		test('the webhookId tweak sends another id', async () => {
			fake.webhooks.tweakNext({ webhookId: 'msg_other' });
			const deliveries = await withCallback('Other id');
			expect(deliveries.map((d) => d.webhookId)).toEqual(['msg_other']);
		});
	});
});
