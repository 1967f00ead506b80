/** How long a webhook-id is remembered: WaveSpeed's retries of one delivery come within minutes. */
const REMEMBER_MS = 10 * 60 * 1000;

/** The webhook-ids this process accepted lately, so WaveSpeed's retried deliveries start nothing twice. */
export class SeenDeliveries {
	private seen = new Map<string, number>();

	/** True the first time an id is offered within the window; false for a repeat. */
	firstTime(webhookId: string, now = Date.now()): boolean {
		for (const [id, at] of this.seen) {
			if (at > now - REMEMBER_MS) break;
			this.seen.delete(id);
		}
		if (this.seen.has(webhookId)) return false;
		this.seen.set(webhookId, now);
		return true;
	}
}

export const seenDeliveries = new SeenDeliveries();
