import { backoffDelay, pause, type StopSignal } from './timing';

/**
 * Shared by all items of one execution: after a 429 on submit, every item holds its next
 * submit until the account has room again, so a batch slows down instead of failing.
 */
export class SubmitGate {
	private notBefore = 0;

	private consecutive429 = 0;

	async waitTurn(cancel?: StopSignal): Promise<void> {
		for (let wait = this.notBefore - Date.now(); wait > 0; wait = this.notBefore - Date.now()) {
			await pause(wait, cancel);
		}
	}

	rateLimited(retryAfterMs?: number) {
		this.consecutive429++;
		const ms = retryAfterMs ?? backoffDelay(this.consecutive429 - 1, 1000, 30_000);
		this.notBefore = Math.max(this.notBefore, Date.now() + ms);
	}

	accepted() {
		this.consecutive429 = 0;
	}
}
