import type { Quote } from '../transport/billing';
import type { UploadRoutes } from '../transport/upload';
import { TaskDurationEstimate } from './durationEstimate';
import { KeptMap } from './keptMap';
import { SharedWork } from './sharedWork';
import { SubmitGate } from './submitGate';

const HOUR_MS = 60 * 60 * 1000;

/**
 * What the node learns about one WaveSpeed account while the n8n process runs: when the account
 * will accept tasks again, how long each model's tasks take (so a fresh execution, one photo
 * from a webhook, waits as well as the tenth item of a batch), what its tasks cost, and which
 * images it has uploaded.
 */
export class AccountMemory {
	readonly gate = new SubmitGate();

	/** Which upload API the account's gateway has (learned once: the ticket endpoint or not). */
	readonly uploadRoutes: UploadRoutes = {};

	/**
	 * WaveSpeed's price per model and price-relevant inputs: asked once an hour at most (prices
	 * change rarely; a batch of 1,000 items of one kind asks once).
	 */
	readonly quotes = new SharedWork<Quote>({ maxEntries: 1000, keepMs: HOUR_MS });

	/** When the pricing endpoint last failed (0: never), so a batch does not ask it per item. */
	pricingFailedAt = 0;

	/**
	 * The download URL of each image uploaded, by a hash of its bytes: kept 24 hours (WaveSpeed
	 * keeps uploads 7 days), for the 5,000 most recent images; items that share an image share one
	 * upload, also while it is in flight.
	 */
	readonly uploads = new SharedWork<string>({ maxEntries: 5000, keepMs: 24 * HOUR_MS });

	private estimates = new Map<string, TaskDurationEstimate>();

	estimate(model: string): TaskDurationEstimate {
		let estimate = this.estimates.get(model);
		if (!estimate) {
			estimate = new TaskDurationEstimate();
			this.estimates.set(model, estimate);
		}
		return estimate;
	}
}

/** Kept for the life of the process, for the 100 accounts used most recently. */
const accounts = new KeptMap<AccountMemory>({ maxEntries: 100, renewOnRead: true });

/** The memory of the account behind `accountKey` (see accountKeyOf). */
export function accountMemory(accountKey: string): AccountMemory {
	let memory = accounts.get(accountKey);
	if (!memory) {
		memory = new AccountMemory();
		accounts.set(accountKey, memory);
	}
	return memory;
}
