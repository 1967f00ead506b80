import type { Waker } from '../timing';

/** How many recent tasks of an account and model the estimate remembers. */
export const SAMPLES_KEPT = 15;
/** What a batch's plan adds beyond the range its samples show: at least this, for timers and network. */
const BATCH_MARGIN_MIN_MS = 100;
const BATCH_MARGIN_SHARE = 0.05;
/**
 * A check that found a task not done proves only that WaveSpeed's delay was longer than the plan
 * allowed for: the next plans allow this much more, so a few misses find the delay.
 */
const DELAY_STEP_MS = 100;

/** What one finished task tells about the account's tasks of its model. */
export interface Completion {
	/** How long it ran: WaveSpeed's `timings.inference` ("inference time in milliseconds"). */
	inferenceMs: number;
	/**
	 * How much longer than that its end came after the submit's answer, at least (0 when a check
	 * saw it done with nothing to bound it from below); undefined for a task seen queued, whose
	 * wait says nothing of the account's own delay.
	 */
	overheadAtLeastMs?: number;
}

/**
 * Learns, for one account and model, how long a task takes (for the life of the process, see
 * accountMemory), so each item can check for its result when it is due instead of on a fixed
 * beat. What is observable: `timings.inference` (how long the task ran), and when the checks saw
 * it not done and done after the submit's answer — so the time from the answer to the end is its
 * inference time plus a delay (WaveSpeed starting it, and making its result visible), learned
 * from checks that came before the end.
 */
export class TaskDurationEstimate implements Waker {
	private samples: number[] = [];

	private overheads: number[] = [];

	private listeners = new Set<() => void>();

	/** Wakes the waiting items only with the first sample: later ones refine, and a wake is a poll. */
	record(completion: Completion) {
		const { inferenceMs, overheadAtLeastMs } = completion;
		if (!(inferenceMs > 0)) return;
		const first = this.samples.length === 0;
		this.samples = [...this.samples.slice(-(SAMPLES_KEPT - 1)), inferenceMs];
		if (overheadAtLeastMs !== undefined) {
			this.overheads = [
				...this.overheads.slice(-(SAMPLES_KEPT - 1)),
				Math.max(0, overheadAtLeastMs),
			];
		}
		if (first) for (const listener of [...this.listeners]) listener();
	}

	/**
	 * How long after its start a task is done, to plan a check (undefined before the first task has
	 * finished). A lone item is checked when the slowest recent task was done (its own lag is what
	 * counts); a batch waits for its slowest item, so its items are checked when all of them will
	 * be done: the recent range's upper end, widened by two gaps between samples (a few samples
	 * span less than the durations do) and a small margin. A sample over twice the median (a stuck
	 * task, a cold start) does not set the plan: a check after a missed one comes a few seconds
	 * later, while a plan set by an outlier would make every item wait for it.
	 */
	readyByMs(batchSize: number): number | undefined {
		const n = this.samples.length;
		if (n === 0) return undefined;
		if (n === 1) return this.samples[0] * 1.1;
		const sorted = [...this.samples].sort((a, b) => a - b);
		const median = sorted[Math.floor((n - 1) / 2)];
		const typical = sorted.filter((sample) => sample <= 2 * median);
		const slowest = typical[typical.length - 1];
		if (batchSize <= 1) return slowest;
		if (typical.length === 1) return slowest * 1.1;
		const gap = (slowest - typical[0]) / (typical.length - 1);
		return slowest + 2 * gap + Math.max(BATCH_MARGIN_MIN_MS, BATCH_MARGIN_SHARE * slowest);
	}

	/**
	 * How much later than its inference a task's end comes after the submit's answer: the largest
	 * delay the checks have proved, one outlier aside (the second largest of the recent ones), and
	 * a step more. Some delay there always is (WaveSpeed starts the task after answering), so a
	 * step is allowed before any check has proved one.
	 */
	delayMs(): number {
		const proved = this.overheads.filter((ms) => ms > 0).sort((a, b) => b - a);
		const known = proved.length >= 3 ? proved[1] : (proved[0] ?? 0);
		return known + DELAY_STEP_MS;
	}

	/** How long after the submit's answer a task is done, for a task that starts at once. */
	readyAfterAnswerMs(batchSize: number): number | undefined {
		const readyBy = this.readyByMs(batchSize);
		return readyBy === undefined ? undefined : this.delayMs() + readyBy;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}
