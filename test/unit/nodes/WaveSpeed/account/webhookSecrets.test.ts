import { WebhookSecrets } from '../../../../../nodes/WaveSpeed/account/webhookSecrets';
import type { WaveSpeedClient } from '../../../../../nodes/WaveSpeed/transport/client';

const MINUTE = 60 * 1000;

/** An account whose secret WaveSpeed can rotate, counting the fetches. */
function account(accountKey: string) {
	const state = { secret: `whsec_${accountKey}-1`, fetches: 0 };
	const client = { accountKey } as WaveSpeedClient;
	return { client, state };
}

function secretsFor(...accounts: Array<ReturnType<typeof account>>) {
	return new WebhookSecrets(async (client) => {
		const found = accounts.find((a) => a.client.accountKey === client.accountKey)!;
		found.state.fetches++;
		return found.state.secret;
	});
}

describe('WebhookSecrets: one fetch per account, and rotation', () => {
	test('fetched once, then served from memory for 10 minutes', async () => {
		const a = account('a');
		const secrets = secretsFor(a);
		expect(await secrets.get(a.client, 0)).toBe('whsec_a-1');
		expect(await secrets.get(a.client, 10 * MINUTE - 1)).toBe('whsec_a-1');
		expect(a.state.fetches).toBe(1);
		await secrets.get(a.client, 10 * MINUTE);
		expect(a.state.fetches).toBe(2);
	});

	test('two accounts never share a secret', async () => {
		const [a, b] = [account('a'), account('b')];
		const secrets = secretsFor(a, b);
		expect(await secrets.get(a.client, 0)).toBe('whsec_a-1');
		expect(await secrets.get(b.client, 0)).toBe('whsec_b-1');
	});

	test('after a mismatch, a rotated secret is fetched: at most once a minute', async () => {
		const a = account('a');
		const secrets = secretsFor(a);
		await secrets.get(a.client, 0);
		a.state.secret = 'whsec_a-2';
		expect(await secrets.refreshAfterMismatch(a.client, 30_000)).toBeUndefined();
		expect(a.state.fetches).toBe(1);
		expect(await secrets.refreshAfterMismatch(a.client, MINUTE)).toBe('whsec_a-2');
		expect(await secrets.get(a.client, MINUTE + 1)).toBe('whsec_a-2');
		expect(a.state.fetches).toBe(2);
	});

	test('a mismatch with an unchanged secret gives nothing new (the call was forged)', async () => {
		const a = account('a');
		const secrets = secretsFor(a);
		await secrets.get(a.client, 0);
		expect(await secrets.refreshAfterMismatch(a.client, 2 * MINUTE)).toBeUndefined();
		expect(a.state.fetches).toBe(2);
		expect(await secrets.refreshAfterMismatch(a.client, 2 * MINUTE + 1000)).toBeUndefined();
		expect(a.state.fetches).toBe(2);
	});

	test('a refresh that fails keeps the last secret verifying; it is tried again a minute later', async () => {
		const a = account('a');
		let failing = false;
		const secrets = new WebhookSecrets(async () => {
			a.state.fetches++;
			if (failing) throw new Error('WaveSpeed did not answer');
			return a.state.secret;
		});
		expect(await secrets.get(a.client, 0)).toBe('whsec_a-1');
		failing = true;
		expect(await secrets.get(a.client, 10 * MINUTE)).toBe('whsec_a-1');
		expect(a.state.fetches).toBe(2);
		expect(await secrets.get(a.client, 10 * MINUTE + 30_000)).toBe('whsec_a-1');
		expect(a.state.fetches).toBe(2);
		failing = false;
		a.state.secret = 'whsec_a-2';
		expect(await secrets.get(a.client, 11 * MINUTE)).toBe('whsec_a-2');
		expect(a.state.fetches).toBe(3);
	});

	test('with no secret known yet, a failed fetch is an error (nothing to verify with)', async () => {
		const secrets = new WebhookSecrets(async () => {
			throw new Error('WaveSpeed did not answer');
		});
		await expect(secrets.get(account('b').client, 0)).rejects.toThrow('WaveSpeed did not answer');
	});
});
