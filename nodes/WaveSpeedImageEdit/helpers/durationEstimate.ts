import type { Waker } from './timing';

const SAMPLES_KEPT = 15;

/**
 * Learns, across the items of one execution, how long a task runs once WaveSpeed starts it,
 * so each item can check for its result just when it is due instead of on a fixed beat.
 */
export class TaskDurationEstimate implements Waker {
	private samples: number[] = [];

	private listeners = new Set<() => void>();

	record(durationMs: number) {
		if (!(durationMs > 0)) return;
		this.samples = [...this.samples.slice(-(SAMPLES_KEPT - 1)), durationMs];
		for (const listener of [...this.listeners]) listener();
	}

	/** The median of recent runs, or undefined before the first task has finished. */
	expectedMs(): number | undefined {
		if (this.samples.length === 0) return undefined;
		const sorted = [...this.samples].sort((a, b) => a - b);
		return sorted[Math.floor((sorted.length - 1) / 2)];
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}
