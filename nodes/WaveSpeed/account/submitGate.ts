import { pause, type StopSignal, type Waker } from '../timing';

/** WaveSpeed's rate limits count tasks per minute ("limits reset every minute"). */
export const RATE_WINDOW_MS = 60_000;
const FIRST_PROBE_MS = 1000;
/** After the predicted reset, so the probe lands in the new window despite clock and timer slack. */
const RESET_MARGIN_MS = 25;
const NEWS_CHECK_MS = 1000;

/** One item's place at the gate; it remembers when WaveSpeed last refused the item. */
export interface Submitter {
	refusedAt?: number;
}

/** One item's permission to submit; a probe is the one submit sent while WaveSpeed refuses. */
export interface Turn {
	waitedMs: number;
	probe: boolean;
}

/**
 * Shared by every item that submits to one WaveSpeed account in this process. WaveSpeed counts
 * accepted tasks per minute and answers 429, with no Retry-After, once a level's allowance is
 * used ("Account Levels & Rate Limits"). After a 429 the gate holds every submit and lets one item
 * probe at a time, never one refused in the last minute while another waits: so each waiting item
 * is refused at most once a minute. Probes come after 1, 2, 4 … s, spread so that the waiting
 * items share the minute, and never later than one window after the oldest task accepted in it,
 * when a window that opened with that task resets. What WaveSpeed accepted in a window before
 * refusing is the allowance it is then held to: once it is used, the next submits wait for the
 * reset instead of being refused. An allowance proved wrong (more accepted) is forgotten.
 */
export class SubmitGate implements Waker {
	/** When WaveSpeed accepted tasks, within the last window, oldest first. */
	private acceptedAt: number[] = [];

	private refusingSince?: number;

	private refusals = 0;

	private notBefore = 0;

	private probing = false;

	/** Turns given and not yet answered. */
	private outstanding = 0;

	/** Tasks WaveSpeed accepts a window, learned from its first refusal in one. */
	private allowance?: number;

	private waiting = new Set<Submitter>();

	private listeners = new Set<() => void>();

	async waitTurn(submitter: Submitter, stop?: StopSignal): Promise<Turn> {
		const start = Date.now();
		this.waiting.add(submitter);
		try {
			for (;;) {
				const now = Date.now();
				this.forgetBefore(now - RATE_WINDOW_MS);
				const wait = this.notBefore - now;
				if (wait > 0) {
					await pause(wait, stop, this);
				} else if (this.refusingSince === undefined) {
					if (!this.allowanceUsed()) return this.give(start, false);
					// The window's allowance is used: wait for its reset rather than be refused.
					await pause(this.untilReset(now) ?? NEWS_CHECK_MS, stop, this);
				} else if (!this.probing && this.mayProbe(submitter, now)) {
					this.probing = true;
					return this.give(start, true);
				} else {
					await pause(NEWS_CHECK_MS, stop, this);
				}
			}
		} finally {
			this.waiting.delete(submitter);
		}
	}

	/** How long WaveSpeed has refused every new task, 0 while it accepts them. */
	refusingForMs(): number {
		return this.refusingSince === undefined ? 0 : Date.now() - this.refusingSince;
	}

	accepted() {
		const now = Date.now();
		this.outstanding = Math.max(0, this.outstanding - 1);
		this.forgetBefore(now - RATE_WINDOW_MS);
		this.acceptedAt.push(now);
		if (this.allowance !== undefined && this.acceptedAt.length > this.allowance) {
			this.allowance = undefined;
		}
		this.refusingSince = undefined;
		this.refusals = 0;
		this.notBefore = 0;
		this.probing = false;
		this.notify();
	}

	/**
	 * A 429 to `submitter`. The first of a run of refusals and each refused probe decide the next
	 * wait; submits that were already on their way when the gate closed only add a Retry-After.
	 */
	rateLimited(submitter: Submitter, turn: Turn, retryAfterMs: number | undefined) {
		const now = Date.now();
		this.outstanding = Math.max(0, this.outstanding - 1);
		// A Retry-After says when to come back: the item may then try again itself.
		if (retryAfterMs === undefined) submitter.refusedAt = now;
		this.forgetBefore(now - RATE_WINDOW_MS);
		const first = this.refusingSince === undefined;
		if (first) {
			this.refusingSince = now;
			if (this.acceptedAt.length > 0) this.allowance = this.acceptedAt.length;
		}
		if (first || turn.probe) {
			this.refusals++;
			this.notBefore = Math.max(this.notBefore, now + (retryAfterMs ?? this.untilProbe(now)));
		} else if (retryAfterMs !== undefined) {
			this.notBefore = Math.max(this.notBefore, now + retryAfterMs);
		}
		if (turn.probe) this.probing = false;
		this.notify();
	}

	/** A turn that was neither accepted nor refused (e.g. no connection) lets another item try. */
	released(turn: Turn) {
		this.outstanding = Math.max(0, this.outstanding - 1);
		if (turn.probe) this.probing = false;
		this.notify();
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private give(start: number, probe: boolean): Turn {
		this.outstanding++;
		return { waitedMs: Date.now() - start, probe };
	}

	private allowanceUsed(): boolean {
		return (
			this.allowance !== undefined && this.acceptedAt.length + this.outstanding >= this.allowance
		);
	}

	/** An item may probe unless it was refused in the last minute while another item waits that was not. */
	private mayProbe(submitter: Submitter, now: number): boolean {
		const fresh = (s: Submitter) =>
			s.refusedAt === undefined || now - s.refusedAt >= RATE_WINDOW_MS;
		if (fresh(submitter)) return true;
		if ([...this.waiting].some(fresh)) return false;
		// Everyone waiting was refused lately: the window's reset is the moment to try again.
		const reset = this.untilReset(now);
		return reset === undefined || reset <= 0;
	}

	private untilReset(now: number): number | undefined {
		const oldest = this.acceptedAt[0];
		return oldest === undefined ? undefined : oldest + RATE_WINDOW_MS + RESET_MARGIN_MS - now;
	}

	/** 1, 2, 4 … s, spread so the waiting items share a minute, and no later than the reset. */
	private untilProbe(now: number): number {
		const backoff = FIRST_PROBE_MS * 2 ** (this.refusals - 1);
		const shared = RATE_WINDOW_MS / Math.max(1, this.waiting.size + 1);
		const spaced = Math.max(backoff, this.refusals > 1 ? shared : 0);
		const reset = this.untilReset(now);
		return reset === undefined ? Math.min(spaced, RATE_WINDOW_MS) : Math.min(spaced, reset);
	}

	private forgetBefore(time: number) {
		while (this.acceptedAt.length > 0 && this.acceptedAt[0] <= time) this.acceptedAt.shift();
	}

	private notify() {
		for (const listener of [...this.listeners]) listener();
	}
}
