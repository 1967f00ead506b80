import { KeptMap } from './keptMap';

/**
 * The webhook-ids of the callbacks this process accepted lately, so WaveSpeed's retried
 * deliveries start nothing twice. Kept 10 minutes: WaveSpeed's retries of one delivery come
 * within minutes.
 */
export class SeenDeliveries {
	private seen = new KeptMap<true>({ maxEntries: 100_000, keepMs: 10 * 60 * 1000 });

	/** True the first time an id is offered within the window; false for a repeat. */
	firstTime(webhookId: string, now = Date.now()): boolean {
		if (this.seen.get(webhookId, now)) return false;
		this.seen.set(webhookId, true, now);
		return true;
	}
}

export const seenDeliveries = new SeenDeliveries();
