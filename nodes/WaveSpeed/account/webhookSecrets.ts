import type { WaveSpeedClient } from '../transport/client';
import { fetchWebhookSecret } from '../transport/predictions';
import { KeptMap } from './keptMap';

/** A secret is fetched again after this long, in case WaveSpeed rotated it. */
const FRESH_FOR_MS = 10 * 60 * 1000;
/** After a signature mismatch, or a refresh that failed, the secret is fetched again at most this often. */
const REFETCH_AFTER_MS = 60 * 1000;

interface Known {
	secret: string;
	fetchedAt: number;
	/** When a refresh last failed (0: never). */
	failedAt: number;
}

/**
 * The accounts' webhook signing secrets, fetched once per account (client.accountKey) and
 * refreshed every 10 minutes; a signature that does not match may fetch a rotated secret sooner,
 * once a minute. While a refresh fails, the last secret known keeps verifying (a refresh is tried
 * again a minute later), so a passing outage of WaveSpeed's API loses no callback.
 */
export class WebhookSecrets {
	private known = new KeptMap<Known>({ maxEntries: 100 });

	constructor(
		private readonly fetchSecret = async (client: WaveSpeedClient) =>
			await fetchWebhookSecret(client),
	) {}

	async get(client: WaveSpeedClient, now = Date.now()): Promise<string> {
		const known = this.known.get(client.accountKey, now);
		if (!known) return await this.fetch(client, now);
		const stale = now - known.fetchedAt >= FRESH_FOR_MS;
		if (!stale || now - known.failedAt < REFETCH_AFTER_MS) return known.secret;
		try {
			return await this.fetch(client, now);
		} catch {
			known.failedAt = now;
			return known.secret;
		}
	}

	/** After a signature mismatch: a new secret when WaveSpeed has rotated it, else undefined. */
	async refreshAfterMismatch(
		client: WaveSpeedClient,
		now = Date.now(),
	): Promise<string | undefined> {
		const known = this.known.get(client.accountKey, now);
		if (known && now - Math.max(known.fetchedAt, known.failedAt) < REFETCH_AFTER_MS) {
			return undefined;
		}
		let secret: string;
		try {
			secret = await this.fetch(client, now);
		} catch {
			if (known) known.failedAt = now;
			return undefined;
		}
		return secret === known?.secret ? undefined : secret;
	}

	private async fetch(client: WaveSpeedClient, now: number): Promise<string> {
		const secret = await this.fetchSecret(client);
		this.known.set(client.accountKey, { secret, fetchedAt: now, failedAt: 0 }, now);
		return secret;
	}
}

export const webhookSecrets = new WebhookSecrets();
