/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only code, not in the published package */
import { createHmac } from 'node:crypto';

import { signatureProblem } from '../../../../../nodes/WaveSpeed/trigger/signature';

// WaveSpeed's scheme (its webhook docs): HMAC-SHA256 over "<webhook-id>.<timestamp>.<raw body>",
// keyed with the secret without its "whsec_" prefix, sent as "v3,<hex>".
const SECRET = 'whsec_c2VjcmV0LWZvci10ZXN0cw';
const NOW = 1_800_000_000;
const BODY = Buffer.from('{"id":"t1","status":"completed"}');

function hmac(key: string, id: string, timestamp: string, body: Buffer): string {
	return createHmac('sha256', key)
		.update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]))
		.digest('hex');
}

const valid = hmac(SECRET.slice('whsec_'.length), 'msg_1', String(NOW), BODY);

function delivery(overrides: Record<string, unknown> = {}) {
	return {
		webhookId: 'msg_1',
		timestamp: String(NOW),
		signature: `v3,${valid}`,
		rawBody: BODY,
		...overrides,
	};
}

/** Correctly signed, with another timestamp: only the clock can refuse it. */
function signedAt(seconds: number) {
	const timestamp = String(seconds);
	const signature = `v3,${hmac(SECRET.slice('whsec_'.length), 'msg_1', timestamp, BODY)}`;
	return delivery({ timestamp, signature });
}

describe('signatureProblem: one case per branch', () => {
	test.each([
		{ name: 'a valid signature', given: delivery(), problem: undefined },
		{
			name: 'a valid one among several in one header',
			given: delivery({ signature: `v3,${'0'.repeat(64)} v3,${valid} v3,abc` }),
			problem: undefined,
		},
		{
			name: 'upper-case hex',
			given: delivery({ signature: `v3,${valid.toUpperCase()}` }),
			problem: undefined,
		},
		{ name: 'a timestamp 300 s old (the edge)', given: signedAt(NOW - 300), problem: undefined },
		{ name: 'a timestamp 300 s ahead (the edge)', given: signedAt(NOW + 300), problem: undefined },
		{
			name: 'no webhook-id',
			given: delivery({ webhookId: undefined }),
			problem: 'missing webhook-id, webhook-timestamp or webhook-signature header',
		},
		{
			name: 'no signature',
			given: delivery({ signature: undefined }),
			problem: 'missing webhook-id, webhook-timestamp or webhook-signature header',
		},
		{
			name: 'a non-numeric timestamp',
			given: delivery({ timestamp: '2026-12-03T08:00:00Z' }),
			problem: 'webhook-timestamp is not a number of seconds',
		},
		{
			name: 'a timestamp 301 s old',
			given: signedAt(NOW - 301),
			problem: 'webhook-timestamp is more than 300 s away from now',
		},
		{
			name: 'a timestamp 301 s in the future',
			given: signedAt(NOW + 301),
			problem: 'webhook-timestamp is more than 300 s away from now',
		},
		{
			name: 'a wrong prefix (v1)',
			given: delivery({ signature: `v1,${valid}` }),
			problem: 'webhook-signature does not match',
		},
		{
			name: 'a tampered body',
			given: delivery({ rawBody: Buffer.from('{"id":"t1","status":"failed"}') }),
			problem: 'webhook-signature does not match',
		},
		{
			name: 'another webhook-id than the one signed',
			given: delivery({ webhookId: 'msg_2' }),
			problem: 'webhook-signature does not match',
		},
		{
			name: 'a truncated signature',
			given: delivery({ signature: `v3,${valid.slice(0, 40)}` }),
			problem: 'webhook-signature does not match',
		},
	])('$name', ({ given, problem }) => {
		expect(signatureProblem(given, SECRET, NOW)).toBe(problem);
	});

	test('a secret given without "whsec_" is used as the key as it is', () => {
		const bare = 'plain-secret';
		const signature = `v3,${hmac(bare, 'msg_1', String(NOW), BODY)}`;
		expect(signatureProblem(delivery({ signature }), bare, NOW)).toBeUndefined();
		expect(signatureProblem(delivery({ signature }), SECRET, NOW)).toBe(
			'webhook-signature does not match',
		);
	});
});
