import { responseFailure } from '../../../../../nodes/WaveSpeed/transport/responses';

const envelope = (code: number, message: string, data: unknown = null) => ({ code, message, data });
const judge = (status: number, body: unknown, headers: Record<string, unknown> = {}) =>
	responseFailure(status, body, headers, 'POST /api/v3/x');

describe('responseFailure: HTTP status × body → the kind of failure (which decides any retry)', () => {
	test.each([
		{ status: 200, body: envelope(200, 'success', { id: 't' }), kind: undefined },
		{ status: 200, body: JSON.stringify(envelope(200, 'success')), kind: undefined },
		{ status: 200, body: Buffer.from(JSON.stringify(envelope(200, 'ok'))), kind: undefined },
		{ status: 401, body: envelope(401, 'Unauthorized'), kind: 'auth' },
		{ status: 403, body: envelope(403, 'Forbidden'), kind: 'forbidden' },
		{
			status: 403,
			body: { message: 'Account suspended', error_code: 'ACCOUNT_SUSPENDED' },
			kind: 'forbidden',
		},
		{ status: 200, body: envelope(401, 'Invalid key'), kind: 'auth' },
		{ status: 429, body: envelope(429, 'Too many requests'), kind: 'rateLimited' },
		{ status: 429, body: '<html>', kind: 'rateLimited' },
		{ status: 400, body: envelope(400, 'prompt is required'), kind: 'rejected' },
		{ status: 404, body: envelope(404, 'not found'), kind: 'rejected' },
		{ status: 200, body: envelope(400, 'bad size'), kind: 'rejected' },
		{ status: 302, body: envelope(302, 'moved'), kind: 'rejected' },
		{ status: 500, body: envelope(500, 'Internal error'), kind: 'server' },
		{ status: 502, body: '<html>502 Bad Gateway</html>', kind: 'server' },
		{ status: 200, body: 'not json', kind: 'badResponse' },
		{ status: 400, body: '', kind: 'badResponse' },
		// Bodies without `code`: the base64-with-webhook refusal (WaveSpeed's base64-output page)…
		{
			status: 400,
			body: { error: 'webhook callback does not support base64 output' },
			kind: 'rejected',
		},
		// …and an exhausted balance, never retried.
		{
			status: 400,
			body: envelope(400, 'Insufficient credits — top up at wavespeed.ai/top-up'),
			kind: 'noBalance',
		},
		{ status: 402, body: { message: 'Insufficient credits' }, kind: 'noBalance' },
	])('HTTP $status, $body → $kind', ({ status, body, kind }) => {
		expect(judge(status, body)?.kind).toBe(kind);
	});

	test("WaveSpeed's own words are kept", () => {
		const failure = judge(400, envelope(400, 'size must be "W*H"'));
		expect(failure?.message).toBe('WaveSpeed refused the request: size must be "W*H"');
		expect(failure?.apiMessage).toBe('size must be "W*H"');
	});

	test('bodies without `code` are quoted, error_code included', () => {
		const bare = judge(400, { error: 'webhook callback does not support base64 output' });
		expect(bare?.message).toBe(
			'WaveSpeed refused the request: webhook callback does not support base64 output',
		);
		const forbidden = judge(403, { message: 'Key lacks permission', error_code: 'FORBIDDEN' });
		expect(forbidden?.message).toBe(
			'WaveSpeed refused this account or key: Key lacks permission [FORBIDDEN]',
		);
	});

	test("the sync-mode timeout of WaveSpeed's SDK fixtures (HTTP 200, data.code 5004) is an answer, not a failure", () => {
		const fixture = {
			code: 200,
			message: 'success',
			data: {
				id: 'pred-123',
				status: 'processing',
				code: 5004,
				error:
					'Sync mode timed out after 90 seconds. The prediction is still processing asynchronously.',
				urls: { get: 'https://api.wavespeed.ai/api/v3/predictions/pred-123/result' },
				outputs: [],
			},
		};
		expect(judge(200, fixture)).toBeUndefined();
	});

	test('a balance refusal says to top up', () => {
		expect(judge(400, envelope(400, 'Insufficient credits'))?.message).toBe(
			'WaveSpeed refused the task: Insufficient credits. Top up your WaveSpeed balance',
		);
	});

	test('a server error that names a task keeps its id, so the task is not lost', () => {
		expect(judge(504, envelope(504, 'Gateway timeout', { id: 'task-1' }))?.taskId).toBe('task-1');
	});

	test('Retry-After in seconds and as an HTTP date', () => {
		expect(judge(429, envelope(429, 'slow down'), { 'retry-after': '3' })?.retryAfterMs).toBe(3000);
		const inFive = new Date(Date.now() + 5000).toUTCString();
		const ms = judge(429, envelope(429, 'slow down'), { 'retry-after': inFive })?.retryAfterMs;
		expect(ms).toBeGreaterThan(3000);
		expect(ms).toBeLessThanOrEqual(5000);
	});

	test('an answer that is not JSON is quoted, briefly', () => {
		const failure = judge(502, `<html>${' x'.repeat(500)}</html>`);
		expect(failure?.message).toBe(
			'WaveSpeed answered POST /api/v3/x with something that is not JSON (HTTP 502)',
		);
		expect(failure?.description?.length).toBeLessThan(230);
	});
});
