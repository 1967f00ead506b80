/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { createHmac, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';

/** What to do to the next callback, so tests can see the trigger refuse or deduplicate it. */
export interface CallbackTweak {
	/** Send it this many more times with the same webhook-id. */
	duplicates?: number;
	/** Change the body after signing it. */
	tamper?: boolean;
	/** Sign it with a timestamp this many seconds in the past. */
	ageSeconds?: number;
	/** Send no signature headers. */
	unsigned?: boolean;
	/** Send nothing. */
	drop?: boolean;
	/** Hold it back until `release()` is called. */
	hold?: boolean;
	/** Not WaveSpeed's: a test hook. Send it with this webhook-id instead of the task id. */
	webhookId?: string;
}

export interface Delivery {
	webhookId: string;
	url: string;
	taskId: string;
	/** The HTTP status the receiver answered, or the error (connection failure) when none came. */
	status?: number;
	error?: string;
	attempt: number;
	tweak: CallbackTweak;
	at: number;
}

/**
 * WaveSpeed retries a callback its receiver answered with an error (4xx too) or did not answer, up
 * to 3 times with back-off (WaveSpeed's webhook docs). The waits are ours: 1 s, 2 s, 4 s.
 */
export const DEFAULT_CALLBACK_RETRY_MS = [1000, 2000, 4000];

/** Signs as WaveSpeed documents: HMAC-SHA256 over "<id>.<timestamp>.<raw body>", key = secret without "whsec_". */
export function signCallback(
	secret: string,
	webhookId: string,
	timestamp: number,
	rawBody: string,
): string {
	const key = secret.replace(/^whsec_/, '');
	return `v3,${createHmac('sha256', key).update(`${webhookId}.${timestamp}.${rawBody}`).digest('hex')}`;
}

function newSecret(): string {
	return `whsec_${randomBytes(24).toString('base64url')}`;
}

/** The fake's side of WaveSpeed's webhooks: signed POSTs of the bare task object when a task ends. */
export class WebhookSender {
	secret = newSecret();

	readonly deliveries: Delivery[] = [];

	readonly events = new EventEmitter();

	/**
	 * Waits before each retry: its length is the number of retries (WaveSpeed: 3). Tests pass small
	 * ones (FakeWaveSpeedOptions.callbackRetryMs), e.g. [0, 0, 0], or [] for no retries.
	 */
	retryDelaysMs: number[];

	constructor(retryDelaysMs: number[] = DEFAULT_CALLBACK_RETRY_MS) {
		this.retryDelaysMs = [...retryDelaysMs];
	}

	private tweaks: CallbackTweak[] = [];

	private held: Array<() => Promise<void>> = [];

	private pending = new Set<Promise<void>>();

	/** A new signing secret, as when the account's owner rotates it on WaveSpeed. */
	rotateSecret() {
		this.secret = newSecret();
	}

	/** The next callbacks get these tweaks, in order. */
	tweakNext(...tweaks: CallbackTweak[]) {
		this.tweaks.push(...tweaks);
	}

	/** Sends the callbacks held back so far. */
	async release() {
		const held = this.held.splice(0);
		await Promise.all(held.map((send) => send()));
	}

	/** Waits until every callback sent so far was answered (or failed for good). */
	async settled() {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	deliver(url: string, task: { id: string } & Record<string, unknown>) {
		const tweak = this.tweaks.shift() ?? {};
		if (tweak.drop) return;
		// WaveSpeed's signed webhook example uses the task id as the webhook-id.
		const webhookId = tweak.webhookId ?? task.id;
		const send = async () => {
			for (let copy = 0; copy <= (tweak.duplicates ?? 0); copy++)
				await this.sendWithRetries(url, webhookId, task, tweak);
		};
		if (tweak.hold) {
			this.held.push(send);
			return;
		}
		const sending = send().finally(() => this.pending.delete(sending));
		this.pending.add(sending);
	}

	private async sendWithRetries(
		url: string,
		webhookId: string,
		task: { id: string },
		tweak: CallbackTweak,
	) {
		const retries = [...this.retryDelaysMs];
		for (let attempt = 1; attempt <= retries.length + 1; attempt++) {
			const delayMs = retries[attempt - 2] ?? 0;
			if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
			const delivery = await this.sendOnce(url, webhookId, task, tweak, attempt);
			// Only a 2xx ends it: WaveSpeed retries 4xx, 5xx and no answer alike.
			if (delivery.status !== undefined && delivery.status >= 200 && delivery.status < 300) return;
		}
	}

	private async sendOnce(
		url: string,
		webhookId: string,
		task: { id: string },
		tweak: CallbackTweak,
		attempt: number,
	) {
		const rawBody = JSON.stringify(task);
		const timestamp = Math.floor(Date.now() / 1000) - (tweak.ageSeconds ?? 0);
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (!tweak.unsigned) {
			headers['webhook-id'] = webhookId;
			headers['webhook-timestamp'] = String(timestamp);
			headers['webhook-signature'] = signCallback(this.secret, webhookId, timestamp, rawBody);
		}
		const sent = tweak.tamper
			? rawBody.replace(/"status":"[a-z]+"/, '"status":"completed","tampered":true')
			: rawBody;
		const delivery: Delivery = { webhookId, url, taskId: task.id, attempt, tweak, at: Date.now() };
		try {
			const response = await fetch(url, { method: 'POST', headers, body: sent });
			await response.arrayBuffer();
			delivery.status = response.status;
		} catch (error) {
			delivery.error = (error as Error).message;
		}
		this.deliveries.push(delivery);
		this.events.emit('delivery', delivery);
		return delivery;
	}
}
