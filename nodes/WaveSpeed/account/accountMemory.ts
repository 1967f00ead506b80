import { TaskDurationEstimate } from './durationEstimate';
import { KeptMap } from './keptMap';
import type { UploadRoutes } from '../transport/upload';
import { SubmitGate } from './submitGate';

/**
 * What the node learns about one WaveSpeed account while the n8n process runs: when the account
 * will accept tasks again, and how long each model's tasks take, so a fresh execution (one photo
 * from a webhook) waits as well as the tenth item of a batch.
 */
export class AccountMemory {
	readonly gate = new SubmitGate();

	/** Which upload API the account's gateway has (learned once: the ticket endpoint or not). */
	readonly uploadRoutes: UploadRoutes = {};

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
