import { createHash } from 'node:crypto';

import type { WaveSpeedClient } from '../WaveSpeedImageEdit/transport/client';
import { TaskApi } from '../WaveSpeedImageEdit/transport/tasks';

/** A fetched secret is trusted this long; a failed check may fetch it again at most this often. */
const KEEP_MS = 10 * 60 * 1000;
const REFETCH_AFTER_MISMATCH_MS = 60 * 1000;

interface Cached {
	secret: string;
	fetchedAt: number;
}

/**
 * The account's webhook signing secret, fetched once and kept in memory per credential (keyed by
 * a hash of base URL and key, so one credential's secret never serves another).
 */
export class WebhookSecrets {
	private cache = new Map<string, Cached>();

	static key(baseUrl: string, apiKey: string): string {
		return createHash('sha256').update(`${baseUrl}\u0000${apiKey}`).digest('hex');
	}

	async get(key: string, client: WaveSpeedClient, now = Date.now()): Promise<string> {
		const cached = this.cache.get(key);
		if (cached && now - cached.fetchedAt < KEEP_MS) return cached.secret;
		return await this.fetch(key, client, now);
	}

	/** After a signature mismatch: the secret may have been rotated, so fetch it again, rarely. */
	async refreshAfterMismatch(
		key: string,
		client: WaveSpeedClient,
		now = Date.now(),
	): Promise<string | undefined> {
		const cached = this.cache.get(key);
		if (cached && now - cached.fetchedAt < REFETCH_AFTER_MISMATCH_MS) return undefined;
		const secret = await this.fetch(key, client, now);
		return secret === cached?.secret ? undefined : secret;
	}

	private async fetch(key: string, client: WaveSpeedClient, now: number): Promise<string> {
		const secret = await new TaskApi(client).webhookSecret();
		this.cache.set(key, { secret, fetchedAt: now });
		return secret;
	}
}

export const webhookSecrets = new WebhookSecrets();
