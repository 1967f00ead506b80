import { request } from 'undici';

import { FakeWaveSpeed } from '../../devkit/fake-wavespeed/server';
import { resolveCredentialTest } from './credentialTest';

let fake: FakeWaveSpeed;
beforeAll(async () => {
	fake = await FakeWaveSpeed.start();
});
afterAll(async () => {
	await fake.close();
});

async function send(apiKey: string, baseUrl: string) {
	const test = await resolveCredentialTest({ apiKey, baseUrl });
	const response = await request(test.url, { method: test.method as 'GET', headers: test.headers });
	return { test, status: response.statusCode, body: (await response.body.json()) as { code: number; data: unknown } };
}

describe('WaveSpeed API credential test', () => {
	test('a right key: GET {baseUrl}/api/v3/balance with the Bearer key answers 200 with the balance', async () => {
		const { test, status, body } = await send(fake.apiKey, `${fake.url}/`);
		expect(test.url).toBe(`${fake.url}/api/v3/balance`);
		expect(test.headers).toEqual({ Authorization: `Bearer ${fake.apiKey}` });
		expect(status).toBe(200);
		expect(body).toEqual({ code: 200, message: 'success', data: { balance: 12.5 } });
		expect(fake.requests.at(-1)).toMatchObject({ route: 'balance', status: 200 });
	});

	test('a wrong key fails the test with 401', async () => {
		const { status, body } = await send('not-the-key', fake.url);
		expect(status).toBe(401);
		expect(body.code).toBe(401);
	});

	test('a base URL that is not http(s) resolves to an address nothing can fetch', async () => {
		const test = await resolveCredentialTest({ apiKey: 'k', baseUrl: 'file:///etc' });
		expect(test.url).toBe('invalid-base-url:/api/v3/balance');
		await expect((async () => await request(test.url))()).rejects.toThrow(/URL protocol/);
	});
});
