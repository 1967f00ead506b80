/** The most items the node works on at once (see the bench's memory per item in flight). */
export const CONCURRENCY_MAX = 200;
/**
 * Items in flight when the node adapts, before it has heard anything from WaveSpeed: a batch
 * reaches a Silver account's room in two rounds of submits, and on Bronze (2 a minute) the ones
 * beyond its allowance are refused once and wait for the minute (account/submitGate.ts).
 */
export const ADAPTIVE_START = 16;

/** A task still waiting this long after WaveSpeed accepted it is queued behind the account's running limit. */
const QUEUED_AFTER_MS = 1000;

/** What one item tells the batch about its task, each from one place of the item's run. */
export interface ItemFlow {
	/** WaveSpeed answered 429 to this item's submit. */
	rateLimited(): void;
	/** WaveSpeed accepted the item's task (or it was resumed); `status` is the one it was in. */
	accepted(task: { id: string; status: string }): void;
	/** A status check saw the task in `status`. */
	seen(status: string): void;
	/** The item is done, whatever the outcome. */
	ended(): void;
}

/** How many items a batch works on at once. */
export interface Concurrency {
	current(): number;
	/** Resolves the next time current() grows. */
	raised(): Promise<void>;
	/** Called when an item starts; `onAccepted` hears of its task. */
	track(onAccepted: (taskId: string) => void): ItemFlow;
}

/** Max Concurrency set by the user: a fixed limit (1 runs the items strictly one after another). */
export class FixedConcurrency implements Concurrency {
	constructor(private readonly limit: number) {}

	current() {
		return this.limit;
	}

	raised() {
		return new Promise<void>(() => {});
	}

	track(onAccepted: (taskId: string) => void): ItemFlow {
		return {
			rateLimited() {},
			accepted: (task) => onAccepted(task.id),
			seen() {},
			ended() {},
		};
	}
}

/**
 * Max Concurrency left unset: find out what the account allows. Like TCP's congestion control,
 * it doubles while WaveSpeed accepts tasks (each acceptance adds one item), then grows by about
 * one item per round. A task seen still waiting in `created` at its first check means the
 * account's running limit is reached: the limit drops to the tasks actually running. A 429 means the per-minute
 * allowance is used: no new items start until WaveSpeed accepts again (the submit gate holds
 * them), and the limit falls to the items already in flight.
 */
export class AdaptiveConcurrency implements Concurrency {
	private limit: number = ADAPTIVE_START;

	private doubling = true;

	private inFlight = 0;

	private running = 0;

	private refused = false;

	private waiters: Array<() => void> = [];

	current(): number {
		return Math.max(1, Math.floor(this.limit));
	}

	raised(): Promise<void> {
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	track(onAccepted: (taskId: string) => void): ItemFlow {
		this.inFlight++;
		let acceptedAt: number | undefined;
		let settled = false;
		let counted = false;
		const setRunning = (on: boolean) => {
			if (on !== counted) this.running += on ? 1 : -1;
			counted = on;
		};
		const seen = (status: string) => {
			if (acceptedAt === undefined) return;
			if (status !== 'created') {
				setRunning(status === 'processing');
				settled = true;
			} else if (!settled && Date.now() - acceptedAt >= QUEUED_AFTER_MS) {
				settled = true;
				this.queued();
			}
		};
		return {
			rateLimited: () => this.rateLimited(),
			// Grown on acceptance: the first check may come only 2 s later (WaveSpeed's rule), too
			// late to pace a batch. WaveSpeed's levels bound it: Bronze's 2 a minute answers 429
			// before its 2 running fill up, and from Silver on (300 running) the node's ceiling is lower.
			accepted: ({ id, status }) => {
				onAccepted(id);
				this.refused = false;
				acceptedAt = Date.now();
				if (status === 'processing') setRunning(true);
				this.grow();
			},
			seen,
			ended: () => {
				setRunning(false);
				this.inFlight--;
			},
		};
	}

	private grow() {
		if (this.refused) return;
		const before = this.current();
		this.limit = Math.min(CONCURRENCY_MAX, this.limit + (this.doubling ? 1 : 1 / this.limit));
		if (this.current() > before) this.waiters.splice(0).forEach((wake) => wake());
	}

	private queued() {
		this.doubling = false;
		this.limit = Math.max(1, this.running);
	}

	private rateLimited() {
		if (this.refused) return;
		this.refused = true;
		this.doubling = false;
		this.limit = Math.max(1, Math.min(this.limit, this.inFlight));
	}
}
