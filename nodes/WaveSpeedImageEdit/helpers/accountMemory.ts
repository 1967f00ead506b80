import { TaskDurationEstimate } from './durationEstimate';
import { SubmitGate } from './submitGate';

const ACCOUNTS_KEPT = 100;

/**
 * What the node learns about one WaveSpeed account while the n8n process runs: when the account
 * will accept tasks again, and how long each model's tasks take, so a fresh execution (one photo
 * from a webhook) waits as well as the tenth item of a batch. Held in memory only, never saved.
 */
export class AccountMemory {
	readonly gate = new SubmitGate();

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

const accounts = new Map<string, AccountMemory>();

/**
 * The memory of the account behind `accountKey` (a hash of base URL and API key, see the client),
 * so two credentials never share what one of them learned. The least recently used is dropped.
 */
export function accountMemory(accountKey: string): AccountMemory {
	const memory = accounts.get(accountKey) ?? new AccountMemory();
	accounts.delete(accountKey);
	accounts.set(accountKey, memory);
	if (accounts.size > ACCOUNTS_KEPT) accounts.delete(accounts.keys().next().value as string);
	return memory;
}
