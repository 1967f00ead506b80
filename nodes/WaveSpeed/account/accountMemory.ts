import type { IDataObject } from 'n8n-workflow';

import { askPrice, type Quote } from '../transport/billing';
import { type CatalogEntry, fetchCatalog } from '../transport/catalog';
import type { WaveSpeedClient } from '../transport/client';
import type { UploadRoutes } from '../transport/upload';
import { TaskDurationEstimate } from './durationEstimate';
import { KeptMap, SharedWork } from './keptMap';
import { SubmitGate } from './submitGate';

const HOUR_MS = 60 * 60 * 1000;
/** After the pricing endpoint failed, items go on without a price this long before it is asked again. */
const PRICING_RETRY_MS = 60_000;

/** Amounts are kept in millionths, so 3 × 0.03 adds up to 0.09 and not 0.09000000000000001. */
export const MICROS = 1_000_000;
export const toMicros = (amount: number) => Math.round(amount * MICROS);
export const addAmounts = (a: number, b: number) => (toMicros(a) + toMicros(b)) / MICROS;

/**
 * What the node learns about one WaveSpeed account while the n8n process runs: when the account
 * will accept tasks again, how long each model's tasks take (so a fresh execution, one photo
 * from a webhook, waits as well as the tenth item of a batch), what its tasks cost, which images
 * it has uploaded, which tasks are already some item's, and what each execution has spent.
 */
export class AccountMemory {
	readonly gate = new SubmitGate();

	/** Which upload API the account's gateway has (learned once: the ticket endpoint or not). */
	readonly uploadRoutes: UploadRoutes = {};

	/**
	 * WaveSpeed's price per model and price-relevant inputs: asked once an hour at most (prices
	 * change rarely; a batch of 1,000 items of one kind asks once).
	 */
	private quotes = new SharedWork<Quote>({ maxEntries: 1000, keepMs: HOUR_MS });

	/** When the pricing endpoint last failed on its own (0: never), so a batch does not ask it per item. */
	private pricingFailedAt = 0;

	/**
	 * The download URL of each image uploaded, by its identity (n8n's binary id, or a hash of an
	 * inline file's bytes): kept 24 hours (WaveSpeed keeps uploads 7 days), for the 5,000 most
	 * recent images; items that share an image share one upload, also while it is in flight.
	 */
	readonly uploads = new SharedWork<string>({ maxEntries: 5000, keepMs: 24 * HOUR_MS });

	/**
	 * Tasks some item of this process holds (accepted, or found again in WaveSpeed's history), so
	 * the search for a lost answer never takes another item's task for its own. Kept 2 hours: a
	 * search looks only at tasks created moments before it.
	 */
	readonly claimedTasks = new KeptMap<true>({ maxEntries: 100_000, keepMs: 2 * HOUR_MS });

	/**
	 * What each execution has committed to spend, per node (Max Cost per Execution), in millionths:
	 * every run of the node in one execution (branches, loops, an agent's repeated calls) counts
	 * against one total. Kept a day after the execution's last run.
	 */
	readonly spending = new KeptMap<number>({
		maxEntries: 10_000,
		keepMs: 24 * HOUR_MS,
		renewOnRead: true,
	});

	/**
	 * WaveSpeed's model catalog, kept an hour, as WaveSpeed's CLI and MCP server keep it
	 * (`src/lib/api.ts`: "new platform models work the day they ship").
	 */
	private catalogs = new SharedWork<CatalogEntry[]>({ maxEntries: 1, keepMs: HOUR_MS });

	/**
	 * Prompts improved by WaveSpeed's prompt optimizer, per execution, node and input: the same
	 * prompt and image are improved once in an execution. Kept a day.
	 */
	readonly enhancedPrompts = new SharedWork<{ text: string; cost: number | null }>({
		maxEntries: 10_000,
		keepMs: 24 * HOUR_MS,
	});

	private estimates = new Map<string, TaskDurationEstimate>();

	/** The catalog, fetched with `client` (detached: it serves every execution). */
	async catalog(client: WaveSpeedClient): Promise<CatalogEntry[]> {
		const detached = client.detached();
		return await this.catalogs.get('catalog', async () => await fetchCatalog(detached));
	}

	/**
	 * WaveSpeed's price for one task of a model with these inputs, asked once per kind and shared:
	 * the ask belongs to the account (a detached client), so a cancelled execution never spoils it
	 * for another; undefined for a while after the pricing endpoint failed.
	 */
	async quote(
		client: WaveSpeedClient,
		modelId: string,
		inputs: IDataObject,
	): Promise<Quote | undefined> {
		if (this.pricingFailedAt > Date.now() - PRICING_RETRY_MS) return undefined;
		const detached = client.detached();
		return await this.quotes.get(`${modelId}\u0000${JSON.stringify(inputs)}`, async () => {
			const price = askPrice(detached, modelId, inputs);
			price.catch(() => (this.pricingFailedAt = Date.now()));
			return await price;
		});
	}

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
