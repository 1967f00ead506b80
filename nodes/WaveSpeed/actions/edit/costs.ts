import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { rememberedSubmits } from '../../account/acceptedTasks';
import { addAmounts, MICROS, toMicros } from '../../account/accountMemory';
import { outcomeOf } from '../../errors';
import { untilStopped } from '../../timing';
import { type Quote, readBalance } from '../../transport/billing';
import type { NodeRun } from '../batch';
import type { EditItem } from './editItem';
import {
	findOptimizer,
	optimizerInputs,
	optimizerPriceInputs,
	PROMPT_OPTIMIZER,
} from './enhancePrompt';

export function formatMoney(micros: number, currency: string): string {
	const amount = (micros / MICROS).toFixed(4).replace(/0{1,2}$/, '');
	return `${amount} ${currency}`;
}

/**
 * WaveSpeed's price for one task of a model with these inputs (the account's shared ask), waited
 * for until this run stops; undefined when the price cannot be had.
 */
export async function quoteOf(
	{ memory, client, stop }: NodeRun,
	modelId: string,
	inputs: IDataObject,
): Promise<Quote | undefined> {
	try {
		return await untilStopped(memory.quote(client, modelId, inputs), stop);
	} catch {
		return undefined;
	}
}

/** WaveSpeed's price for an item's edit. */
export async function quoteFor(run: NodeRun, item: EditItem): Promise<Quote | undefined> {
	return await quoteOf(run, item.model.id, item.priceInputs);
}

/**
 * The prompt optimizer's runs the batch will pay for (Enhance Prompt): one per distinct prompt,
 * image and style, charged to the first item that has it; undefined where the price is unknown.
 */
async function enhancementCosts(
	run: NodeRun,
	items: EditItem[],
): Promise<Map<EditItem, Quote | undefined>> {
	const costs = new Map<EditItem, Quote | undefined>();
	const enhancing = items.filter((item) => item.options.enhancePrompt);
	if (enhancing.length === 0) return costs;
	const optimizer = await findOptimizer(run);
	const seen = new Set<string>();
	for (const item of enhancing) {
		const inputs = optimizerInputs(optimizer, item);
		const key = JSON.stringify(inputs);
		if (seen.has(key)) continue;
		seen.add(key);
		costs.set(item, await quoteOf(run, PROMPT_OPTIMIZER, optimizerPriceInputs(inputs)));
	}
	return costs;
}

/** An item's price with the optimizer run it carries, if any; undefined when a part is unknown. */
function withExtra(
	quote: Quote | undefined,
	extras: Map<EditItem, Quote | undefined>,
	item: EditItem,
): Quote | undefined {
	if (!extras.has(item)) return quote;
	const extra = extras.get(item);
	if (!quote || !extra) return undefined;
	return { cost: addAmounts(quote.cost, extra.cost), currency: quote.currency };
}

/** How many items, in order, fit in `limit`. */
function itemsWithin(costs: number[], limit: number): number {
	let total = 0;
	let count = 0;
	for (const cost of costs) {
		if (total + cost > limit) break;
		total += cost;
		count++;
	}
	return count;
}

interface Priced {
	item: EditItem;
	quote: Quote;
}

/** What an execution of this node has committed to spend: its key in the account's memory. */
function spendingKey(run: NodeRun): string {
	return `${run.ctx.getExecutionId()}\u0000${run.ctx.getNode().name}`;
}

/** What one run committed of the execution's budget, so items that never got a task give it back. */
export interface Reservation {
	release(item: EditItem): void;
}

const NO_RESERVATION: Reservation = { release() {} };

/**
 * Before anything is sent: with Max Cost per Execution set, WaveSpeed's prices for the items to
 * submit, added to what earlier runs of the node in this execution committed, must stay within
 * it (no price: refused rather than guessed); for two items or more, the items must fit in the
 * account's balance too. Items whose task an earlier try of this execution already submitted
 * (Retry On Fail) cost nothing more and are not counted. A one-item run without the option asks
 * nothing here: its price comes in parallel with its task.
 */
export async function checkCosts(
	run: NodeRun,
	items: EditItem[],
	budget: number | undefined,
): Promise<Reservation> {
	if (budget === undefined && items.length < 2) return NO_RESERVATION;
	const toSubmit = items.filter((item) => rememberedSubmits.recall(item.submitKey) === undefined);
	if (toSubmit.length === 0) return NO_RESERVATION;
	const extras = await enhancementCosts(run, toSubmit);
	const quotes = await Promise.all(
		toSubmit.map(async (item) => withExtra(await quoteFor(run, item), extras, item)),
	);
	const missing = toSubmit.findIndex((_, n) => quotes[n] === undefined);
	if (missing !== -1) {
		if (budget === undefined) return NO_RESERVATION;
		throw new NodeOperationError(
			run.ctx.getNode(),
			`Options → Max Cost per Execution: WaveSpeed's price for item ${toSubmit[missing].itemIndex} could not be read, so nothing was submitted`,
			{
				description:
					"With a cost limit set the node refuses rather than guess. WaveSpeed's pricing endpoint (POST /api/v3/model/price) did not answer with a price; try again later, or remove the option to run without the limit.",
			},
		);
	}
	const priced: Priced[] = toSubmit.map((item, n) => ({ item, quote: quotes[n]! }));
	const reservation = budget === undefined ? NO_RESERVATION : reserve(run, priced, budget);
	if (items.length >= 2) {
		const checked = await outcomeOf(checkBalance(run, priced));
		if (!checked.ok) {
			priced.forEach(({ item }) => reservation.release(item));
			throw checked.error;
		}
	}
	return reservation;
}

/** Commits the items' cost against the execution's budget, or refuses the run. */
function reserve(run: NodeRun, priced: Priced[], budget: number): Reservation {
	const { memory } = run;
	const key = spendingKey(run);
	const costs = priced.map(({ quote }) => toMicros(quote.cost));
	const total = costs.reduce((sum, cost) => sum + cost, 0);
	const limit = toMicros(budget);
	const spent = memory.spending.get(key) ?? 0;
	const currency = priced[0].quote.currency;
	if (spent + total > limit) {
		const count = priced.length;
		const what = count === 1 ? 'the item' : `the ${count} items`;
		const earlier =
			spent > 0
				? `; with ${formatMoney(spent, currency)} already spent in this execution that is`
				: ',';
		const fit = itemsWithin(costs, Math.max(0, limit - spent));
		throw new NodeOperationError(
			run.ctx.getNode(),
			`Options → Max Cost per Execution: ${what} would cost ${formatMoney(total, currency)}${earlier} over the limit of ${formatMoney(limit, currency)}; nothing was submitted`,
			{
				description: `${fit} of the ${count} items fit within ${spent > 0 ? 'what is left of ' : ''}the limit. Raise Options → Max Cost per Execution, or send fewer items (e.g. with a Limit or Loop Over Items node).`,
			},
		);
	}
	memory.spending.set(key, spent + total);
	const held = new Map(priced.map(({ item }, n) => [item, costs[n]]));
	return {
		release(item) {
			const cost = held.get(item);
			if (cost === undefined) return;
			held.delete(item);
			memory.spending.set(key, Math.max(0, (memory.spending.get(key) ?? 0) - cost));
		},
	};
}

/** One balance read; a balance that cannot be read does not stop the batch. */
async function checkBalance(run: NodeRun, priced: Priced[]) {
	const balance = await readBalance(run.client).catch(() => undefined);
	if (balance === undefined) return;
	const costs = priced.map(({ quote }) => toMicros(quote.cost));
	const total = costs.reduce((sum, cost) => sum + cost, 0);
	const available = toMicros(balance);
	if (total <= available) return;
	const currency = priced[0].quote.currency;
	throw new NodeOperationError(
		run.ctx.getNode(),
		`Your WaveSpeed balance is ${formatMoney(available, currency)}; the ${priced.length} items would cost ${formatMoney(total, currency)}; it covers ${itemsWithin(costs, available)} of them. Top up your WaveSpeed balance; nothing was submitted`,
		{
			description:
				'Top up at https://wavespeed.ai/top-up and run again, or send fewer items. No task was created.',
		},
	);
}
