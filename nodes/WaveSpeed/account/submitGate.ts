import { pause, type StopSignal, type Waker } from '../timing';

/** WaveSpeed's rate limits count tasks per minute ("limits reset every minute"). */
export const RATE_WINDOW_MS = 60_000;
const FIRST_PROBE_MS = 1000;
const PROBE_CAP_MS = 15_000;
/** After the predicted reset, so the probe lands in the new window despite clock and timer slack. */
const RESET_MARGIN_MS = 25;
const NEWS_CHECK_MS = 1000;

/** One item's permission to submit; a probe is the one submit sent while WaveSpeed refuses. */
export interface Turn {
	waitedMs: number;
	probe: boolean;
}

/**
 * Shared by every item that submits to one WaveSpeed account in this process. WaveSpeed counts
 * accepted tasks per minute and answers 429, with no Retry-After, once a tier's allowance is
 * used. After a 429 the gate holds every submit and lets one item probe at a time: first after
 * 1, 2, 4 … s, but never later than one window after the oldest task accepted in the last
 * minute, which is when a window that opened with it resets. The first acceptance opens the gate.
 */
export class SubmitGate implements Waker {
	/** When WaveSpeed accepted tasks, within the last window, oldest first. */
	private acceptedAt: number[] = [];

	private refusingSince?: number;

	private refusals = 0;

	private notBefore = 0;

	private probing = false;

	private listeners = new Set<() => void>();

	async waitTurn(cancel?: StopSignal): Promise<Turn> {
		const start = Date.now();
		for (;;) {
			const wait = this.notBefore - Date.now();
			if (wait > 0) {
				await pause(wait, cancel, this);
			} else if (this.refusingSince === undefined) {
				return { waitedMs: Date.now() - start, probe: false };
			} else if (!this.probing) {
				this.probing = true;
				return { waitedMs: Date.now() - start, probe: true };
			} else {
				await pause(NEWS_CHECK_MS, cancel, this);
			}
		}
	}

	/** How long WaveSpeed has refused every new task, 0 while it accepts them. */
	refusingForMs(): number {
		return this.refusingSince === undefined ? 0 : Date.now() - this.refusingSince;
	}

	accepted() {
		const now = Date.now();
		this.forgetBefore(now - RATE_WINDOW_MS);
		this.acceptedAt.push(now);
		this.refusingSince = undefined;
		this.refusals = 0;
		this.notBefore = 0;
		this.probing = false;
		this.notify();
	}

	/**
	 * A 429. The first of a run of refusals and each refused probe decide the next wait; submits
	 * that were already on their way when the gate closed only add a Retry-After they carry.
	 */
	rateLimited(retryAfterMs: number | undefined, probe: boolean) {
		const now = Date.now();
		const first = this.refusingSince === undefined;
		this.refusingSince ??= now;
		if (first || probe) {
			this.refusals++;
			this.notBefore = Math.max(this.notBefore, now + (retryAfterMs ?? this.untilRoom(now)));
		} else if (retryAfterMs !== undefined) {
			this.notBefore = Math.max(this.notBefore, now + retryAfterMs);
		}
		if (probe) this.probing = false;
		this.notify();
	}

	/** A probe that was neither accepted nor refused (e.g. no connection) lets another item try. */
	probeEnded() {
		this.probing = false;
		this.notify();
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private untilRoom(now: number): number {
		const backoff = Math.min(PROBE_CAP_MS, FIRST_PROBE_MS * 2 ** (this.refusals - 1));
		this.forgetBefore(now - RATE_WINDOW_MS);
		const oldest = this.acceptedAt[0];
		if (oldest === undefined) return backoff;
		return Math.min(backoff, oldest + RATE_WINDOW_MS + RESET_MARGIN_MS - now);
	}

	private forgetBefore(time: number) {
		while (this.acceptedAt.length > 0 && this.acceptedAt[0] <= time) this.acceptedAt.shift();
	}

	private notify() {
		for (const listener of [...this.listeners]) listener();
	}
}
