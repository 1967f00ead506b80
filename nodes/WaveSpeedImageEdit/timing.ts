import { sleep } from 'n8n-workflow';

const WOKEN = Symbol('woken');

/** A wait ended because the execution was cancelled or the batch stopped. */
export class Interrupted extends Error {
	constructor() {
		super('Interrupted: the execution was cancelled or stopped');
	}
}

/** Something that can end a pause early without it being an error, e.g. news from other items. */
export interface Waker {
	subscribe(listener: () => void): () => void;
}

/**
 * Waits `ms`, rejecting at once when `cancel` fires and returning early when `wake` fires.
 * The timer is always cleared, so no pause outlives its caller.
 */
export async function pause(ms: number, cancel?: AbortSignal, wake?: Waker): Promise<void> {
	if (cancel?.aborted) throw new Interrupted();
	if (ms <= 0) return;
	const local = new AbortController();
	const onCancel = () => local.abort();
	cancel?.addEventListener('abort', onCancel, { once: true });
	const unsubscribe = wake?.subscribe(() => local.abort(WOKEN));
	const slept = await sleep(ms, local.signal).then(
		() => true,
		() => local.signal.reason === WOKEN,
	);
	cancel?.removeEventListener('abort', onCancel);
	unsubscribe?.();
	if (!slept) throw new Interrupted();
}

export class Deadline {
	readonly expiresAt: number;

	constructor(readonly totalMs: number) {
		this.expiresAt = Date.now() + totalMs;
	}

	remaining(): number {
		return Math.max(0, this.expiresAt - Date.now());
	}

	expired(): boolean {
		return this.remaining() === 0;
	}
}

/** Exponential back-off with full jitter between half and all of the step. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number): number {
	const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
	return step / 2 + Math.random() * (step / 2);
}
