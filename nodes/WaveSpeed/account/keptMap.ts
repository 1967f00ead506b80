/** How long entries of a KeptMap live, and how many it holds. */
export interface KeepRule {
	/** At most this many entries; past it the least recently used one is dropped. */
	maxEntries: number;
	/** Entries older than this are dropped, counted from when they were set (or last read, see renewOnRead). */
	keepMs?: number;
	/** Reading an entry makes it young again. */
	renewOnRead?: boolean;
}

/**
 * A Map of what this package keeps in the n8n process's memory, bounded by its KeepRule. Nothing
 * is ever written to disk, and a restart forgets everything. Entries stay in age order (a set or
 * a renewing read moves one to the end), so dropping expired ones reads only those.
 */
export class KeptMap<V> {
	private entries = new Map<string, { value: V; at: number }>();

	constructor(private readonly rule: KeepRule) {}

	get(key: string, now = Date.now()): V | undefined {
		this.sweep(now);
		const entry = this.entries.get(key);
		if (entry && this.rule.renewOnRead) {
			this.entries.delete(key);
			this.entries.set(key, { value: entry.value, at: now });
		}
		return entry?.value;
	}

	set(key: string, value: V, now = Date.now()) {
		this.sweep(now);
		this.entries.delete(key);
		this.entries.set(key, { value, at: now });
		while (this.entries.size > this.rule.maxEntries) {
			this.entries.delete(this.entries.keys().next().value as string);
		}
	}

	delete(key: string) {
		this.entries.delete(key);
	}

	/** Drops every entry whose key matches. */
	deleteWhere(matches: (key: string) => boolean) {
		for (const key of [...this.entries.keys()]) if (matches(key)) this.entries.delete(key);
	}

	private sweep(now: number) {
		if (this.rule.keepMs === undefined) return;
		for (const [key, { at }] of this.entries) {
			if (at > now - this.rule.keepMs) break;
			this.entries.delete(key);
		}
	}
}

/**
 * Work done once per key and shared: whoever asks while it is in flight gets the same promise,
 * and a result is kept by the KeepRule; a failure is not kept, so the next ask tries anew. The
 * work belongs to no caller: callers wait for it with `untilStopped` (timing.ts), so one caller's
 * cancellation never ends it for the others.
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

	/** Whether a result (or work in flight) is kept for the key. */
	has(key: string): boolean {
		return this.results.get(key) !== undefined;
	}
}
