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
export async function pause(ms: number, stop?: StopSignal, wake?: Waker): Promise<void> {
	if (stop?.aborted) throw new Interrupted();
	if (ms <= 0) return;
	const local = new AbortController();
	const unsubscribeStop = stop?.subscribe(() => local.abort());
	const unsubscribeWake = wake?.subscribe(() => local.abort(WOKEN));
	const slept = await sleep(ms, local.signal).then(
		() => true,
		() => local.signal.reason === WOKEN,
	);
	unsubscribeStop?.();
	unsubscribeWake?.();
	if (!slept) throw new Interrupted();
}

/**
 * One listener on the execution's signal, fanned out to every waiting item: AbortSignal warns
 * about a leak past ten listeners, and a batch has many more waits than that.
 */
export class StopSignal implements Waker {
	private listeners = new Set<() => void>();

	constructor(readonly signal: AbortSignal) {
		signal.addEventListener('abort', () => [...this.listeners].forEach((listener) => listener()), {
			once: true,
		});
	}

	get aborted(): boolean {
		return this.signal.aborted;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}

export class Deadline {
	private expiresAt: number;

	constructor(readonly totalMs: number) {
		this.expiresAt = Date.now() + totalMs;
	}

	/** Moves the end later by time the Timeout does not count (waiting for a rate-limit slot). */
	extendBy(ms: number) {
		this.expiresAt += ms;
	}

	remaining(): number {
		return Math.max(0, this.expiresAt - Date.now());
	}

	expired(): boolean {
		return this.remaining() === 0;
	}
}

/** Between half and all of `ms`, so waits that start together spread out. */
export function jittered(ms: number): number {
	return ms / 2 + Math.random() * (ms / 2);
}

/** Exponential back-off, jittered. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number): number {
	return jittered(Math.min(capMs, baseMs * 2 ** Math.max(0, attempt)));
}

/** A duration as the user set it: "300 s", "1.5 s". */
export function inSeconds(ms: number): string {
	return `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * Waits for work this caller does not own (an upload or a price several executions share): the
 * work goes on whatever happens here, but this caller stops waiting the moment it is stopped.
 */
export async function untilStopped<T>(work: Promise<T>, stop?: StopSignal): Promise<T> {
	if (!stop) return await work;
	if (stop.aborted) throw new Interrupted();
	let unsubscribe = () => {};
	const stopped = new Promise<never>((_, reject) => {
		unsubscribe = stop.subscribe(() => reject(new Interrupted()));
	});
	try {
		return await Promise.race([work, stopped]);
	} finally {
		unsubscribe();
	}
}

/** The promise's value, or undefined when it has not settled within `ms` (or rejects, or `stop` fires). */
export async function settledWithin<T>(
	promise: Promise<T>,
	ms: number,
	stop?: StopSignal,
): Promise<T | undefined> {
	const done = new AbortController();
	const unsubscribe = stop?.subscribe(() => done.abort());
	const late = sleep(ms, done.signal).then(
		() => undefined,
		() => undefined,
	);
	const value = await Promise.race([promise.catch(() => undefined), late]);
	done.abort();
	unsubscribe?.();
	return value;
}
