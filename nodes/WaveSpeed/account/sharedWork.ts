import { KeptMap, type KeepRule } from './keptMap';

/**
 * Work done once per key and shared: whoever asks while it is in flight waits for the same
 * promise, and a result is kept by the KeepRule. A failure is not kept, so the next ask tries anew.
 */
export class SharedWork<V> {
	private results: KeptMap<Promise<V>>;

	constructor(rule: KeepRule) {
		this.results = new KeptMap(rule);
	}

	get(key: string, work: () => Promise<V>): Promise<V> {
		const known = this.results.get(key);
		if (known) return known;
		const running = work();
		this.results.set(key, running);
		running.catch(() => {
			if (this.results.get(key) === running) this.results.delete(key);
		});
		return running;
	}
}
