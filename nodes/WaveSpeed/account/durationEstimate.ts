import type { Waker } from '../timing';

const SAMPLES_KEPT = 15;

/**
 * Learns, for one account and model, how long a task runs once WaveSpeed starts it (for the life
 * of the process, see accountMemory), so each item can check for its result when it is due
 * instead of on a fixed beat.
 */
export class TaskDurationEstimate implements Waker {
	private samples: number[] = [];

	private listeners = new Set<() => void>();

	/** Wakes the waiting items only with the first sample: later ones refine, and a wake is a poll. */
	record(durationMs: number) {
		if (!(durationMs > 0)) return;
		const first = this.samples.length === 0;
		this.samples = [...this.samples.slice(-(SAMPLES_KEPT - 1)), durationMs];
		if (first) for (const listener of [...this.listeners]) listener();
	}

	/**
	 * How long after its start a task is done, to plan the first check (undefined before the first
	 * task has finished). A lone item is checked when the slowest recent task was done (its own
	 * lag is what counts); a batch waits for its slowest item, so its items are checked when all
	 * of them will be done: the recent range's upper end, extended by one gap between samples (the
	 * range of a few samples is narrower than the durations'), plus 10 %. A sample over twice the
	 * median (a stuck task, a cold start) does not set the plan: checks after a missed one come
	 * every few seconds, while a plan set by an outlier would make every item wait for it.
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
		const spread = slowest - typical[0];
		return (slowest + spread / (typical.length - 1)) * 1.1;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}
