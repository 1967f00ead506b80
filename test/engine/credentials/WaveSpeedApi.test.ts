/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FakeWaveSpeed } from '../../../devkit/fake-wavespeed/server';
import { runCredentialTest } from './credentialTest';

let fake: FakeWaveSpeed;
beforeAll(async () => {
	fake = await FakeWaveSpeed.start();
});
afterAll(async () => {
	await fake.close();
});

/** An address where nothing listens: a port the system just handed out and took back. */
async function closedPortUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return `http://127.0.0.1:${port}`;
}

describe('WaveSpeed API credential test (run as n8n runs it)', () => {
	test('the right key passes: GET {Base URL}/api/v3/balance with the Bearer key', async () => {
		const { result, requests } = await runCredentialTest({
			apiKey: fake.apiKey,
			baseUrl: ` ${fake.url}/ `,
		});
		expect(result).toEqual({
			status: 'OK',
			message: 'WaveSpeed accepted the API key (balance: 1000)',
		});
		expect(requests).toBe(1);
		expect(fake.requests.at(-1)).toMatchObject({
			host: 'api',
			method: 'GET',
			path: '/api/v3/balance',
			authorization: `Bearer ${fake.apiKey}`,
			status: 200,
		});
	});

	test('a wrong key fails with words about the key, and the message does not echo it', async () => {
		const { result } = await runCredentialTest({ apiKey: 'not-the-key', baseUrl: fake.url });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			"WaveSpeed rejected the API key (HTTP 401). WaveSpeed said: Unauthorized: invalid or missing API key. Check the API key: copy it again from wavespeed.ai → Settings → API Keys (a new key works only after the account's first top-up).",
		);
		expect(result.message).not.toContain('not-the-key');
	});

	test.each([
		'ftp://x',
		'file:///etc/passwd',
		'api.wavespeed.ai',
		'http://',
		'javascript:alert(1)',
		'',
	])('Base URL %j never passes and nothing is sent', async (baseUrl) => {
		const before = fake.requests.length;
		const { result, requests } = await runCredentialTest({ apiKey: fake.apiKey, baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Base URL must start with http:\/\/ or https:\/\/ \(it is ".*"\)\./,
		);
		expect(requests).toBe(0);
		expect(fake.requests.length).toBe(before);
	});

	test('ftp://x: the message names the value and the right one', async () => {
		const { result } = await runCredentialTest({ apiKey: fake.apiKey, baseUrl: 'ftp://x' });
		expect(result.message).toBe(
			'Base URL must start with http:// or https:// (it is "ftp://x"). For WaveSpeed itself use https://api.wavespeed.ai.',
		);
	});

	test('a closed port: nothing answered there', async () => {
		const url = await closedPortUrl();
		const { result } = await runCredentialTest({ apiKey: fake.apiKey, baseUrl: url });
		expect(result).toEqual({
			status: 'Error',
			message: `Nothing answered at ${url} (connection refused, ECONNREFUSED). Check the Base URL; for WaveSpeed itself it is https://api.wavespeed.ai.`,
		});
	});

	test('a server that is not WaveSpeed: something answered, but not as the WaveSpeed API', async () => {
		fake.inject({ route: 'balance', action: { kind: 'notJson', status: 502 } });
		const { result } = await runCredentialTest({ apiKey: fake.apiKey, baseUrl: fake.url });
		expect(result).toEqual({
			status: 'Error',
			message: `Something answered at ${fake.url}, but not as the WaveSpeed API (HTTP 502 for GET /api/v3/balance). Check the Base URL; for WaveSpeed itself it is https://api.wavespeed.ai.`,
		});
	});

	test('a redirect is reported, not followed: the key never reaches the other host', async () => {
		const location = `${fake.outputUrl}/elsewhere`;
		fake.inject({ route: 'balance', action: { kind: 'redirect', location } });
		const outputRequests = fake.requests.filter((r) => r.host === 'output').length;
		const { result } = await runCredentialTest({ apiKey: fake.apiKey, baseUrl: fake.url });
		expect(result).toEqual({
			status: 'Error',
			message: `${fake.url} answered with a redirect (HTTP 302) to ${location}. Use the address it redirects to as Base URL.`,
		});
		expect(fake.requests.filter((r) => r.host === 'output').length).toBe(outputRequests);
	});

	test('WaveSpeed failing on its side is reported with its own message', async () => {
		fake.inject({
			route: 'balance',
			action: {
				kind: 'status',
				status: 500,
				body: { code: 500, message: 'Internal error', data: null },
			},
		});
		const { result } = await runCredentialTest({ apiKey: fake.apiKey, baseUrl: fake.url });
		expect(result).toEqual({
			status: 'Error',
			message: 'WaveSpeed answered HTTP 500 (code 500). WaveSpeed said: Internal error.',
		});
	});
});
