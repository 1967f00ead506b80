/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { createServer } from 'node:net';

import { editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 50 });

/** A port with nothing listening on it, for a connection that is refused. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function everythingShown(result: Awaited<ReturnType<typeof ws.run>>): string {
	const error = result.error as
		(Error & { description?: string; context?: unknown; cause?: unknown }) | undefined;
	return [
		JSON.stringify(result.items),
		error?.message,
		error?.description,
		error?.stack,
		JSON.stringify(error),
		JSON.stringify(error?.context),
		JSON.stringify(error?.cause),
		result.run ? JSON.stringify(result.run.data) : '',
	].join('\n');
}

describe('the API key never leaks', () => {
	const key = 'ws-live-SUPERSECRET-4d9c2b71e0';

	test.each([
		{ name: 'a wrong key (401)', baseUrl: () => ws.fake.url, continueOnFail: false },
		{
			name: 'a wrong key (401) with Continue On Fail',
			baseUrl: () => ws.fake.url,
			continueOnFail: true,
		},
		{
			name: 'a refused connection',
			baseUrl: async () => `http://127.0.0.1:${await closedPort()}`,
			continueOnFail: false,
		},
	])(
		'not in outputs, messages, descriptions or the stored error after $name',
		async ({ baseUrl, continueOnFail }) => {
			const result = await ws.run({
				credentials: { apiKey: key, baseUrl: await baseUrl() },
				continueOnFail,
				parameters: editParameters({ images: urlImages(ws.image(256, 256)) }),
			});
			expect(result.error ?? result.items[0]?.json.error).toBeDefined();
			expect(everythingShown(result)).not.toContain(key);
			expect(everythingShown(result)).not.toContain('SUPERSECRET');
		},
	);

	test('not in a successful run, and never sent to the output host', async () => {
		const result = await ws.run({
			parameters: editParameters({ images: urlImages(ws.image(256, 256)) }),
		});
		expect(result.error).toBeUndefined();
		expect(everythingShown(result)).not.toContain(ws.fake.apiKey);
		expect(ws.fake.requests.filter((r) => r.host === 'output' && r.authorization)).toEqual([]);
	});

	test('a network failure during polling is retried and then reported without the key', async () => {
		ws.fake.inject({ route: 'poll', times: 50, action: { kind: 'reset' } });
		const result = await ws.run({
			credentials: { apiKey: ws.fake.apiKey, baseUrl: ws.fake.url },
			parameters: editParameters({
				images: urlImages(ws.image(256, 256)),
				options: { timeout: 1.5 },
			}),
		});
		// Resets are transient: the node keeps checking until its timeout, then says so, with the
		// last status WaveSpeed told: its submit answer's `created`.
		expect(result.error?.message).toMatch(
			/^WaveSpeed task \w+ did not finish within 1\.5 s \(last status: created\)/,
		);
		expect(everythingShown(result)).not.toContain(ws.fake.apiKey);
		ws.fake.faults.clear();
	});
});
