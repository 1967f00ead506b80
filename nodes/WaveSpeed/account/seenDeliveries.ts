import { KeptMap } from './keptMap';

/**
 * The callbacks this process accepted lately, so WaveSpeed's retried deliveries start nothing
 * twice. A delivery is known by its webhook-id and by its task id and status: WaveSpeed's signed
 * example uses the task id as the webhook-id, and whether its retries keep the id is not
 * documented. Kept 10 minutes: WaveSpeed's retries of one delivery come within minutes.
 */
export class SeenDeliveries {
	private seen = new KeptMap<true>({ maxEntries: 100_000, keepMs: 10 * 60 * 1000 });

	/**
	 * True the first time a delivery is offered within the window; false when any of its keys
	 * (see deliveryKeys) was seen.
	 */
	firstTime(keys: string[], now = Date.now()): boolean {
		if (keys.some((key) => this.seen.get(key, now))) return false;
		for (const key of keys) this.seen.set(key, true, now);
		return true;
	}
}

/** The keys of one delivery to one workflow's trigger. */
export function deliveryKeys(
	scope: string,
	webhookId: string,
	task: { id: string; status: string },
): string[] {
	return [
		['webhook-id', scope, webhookId].join('\u0000'),
		['task', scope, task.id, task.status].join('\u0000'),
	];
}

export const seenDeliveries = new SeenDeliveries();
