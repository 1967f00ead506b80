import type { WaveSpeedClient } from '../transport/client';
import { TaskApi } from '../transport/tasks';
import { KeptMap } from './keptMap';

/** A secret fetched after a signature mismatch is fetched again at most this often. */
const REFETCH_AFTER_MISMATCH_MS = 60 * 1000;

interface Cached {
	secret: string;
	fetchedAt: number;
}

/**
 * The accounts' webhook signing secrets, fetched once per account (client.accountKey) and kept
 * 10 minutes; a signature that does not match may fetch a rotated secret sooner, once a minute.
 */
export class WebhookSecrets {
	private cache = new KeptMap<Cached>({ maxEntries: 100, keepMs: 10 * 60 * 1000 });

	constructor(
		private readonly fetchSecret = async (client: WaveSpeedClient) =>
			await new TaskApi(client).webhookSecret(),
	) {}

	async get(client: WaveSpeedClient, now = Date.now()): Promise<string> {
		return this.cache.get(client.accountKey, now)?.secret ?? (await this.fetch(client, now));
	}

	/** After a signature mismatch: a new secret when WaveSpeed has rotated it, else undefined. */
	async refreshAfterMismatch(
		client: WaveSpeedClient,
		now = Date.now(),
	): Promise<string | undefined> {
		const cached = this.cache.get(client.accountKey, now);
		if (cached && now - cached.fetchedAt < REFETCH_AFTER_MISMATCH_MS) return undefined;
		const secret = await this.fetch(client, now);
		return secret === cached?.secret ? undefined : secret;
	}

	private async fetch(client: WaveSpeedClient, now: number): Promise<string> {
		const secret = await this.fetchSecret(client);
		this.cache.set(client.accountKey, { secret, fetchedAt: now }, now);
		return secret;
	}
}

export const webhookSecrets = new WebhookSecrets();
