import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { wasSubmitted } from '../../task/submitOnce';
import { type Quote, readBalance } from '../../transport/billing';
import { WaveSpeedClient } from '../../transport/client';
import { quoteFor } from './price';
import type { EditRequest } from './request';
import { editFingerprint } from './submission';

const MICROS = 1_000_000;

/** Amounts are added in millionths, so 3 × 0.03 is 0.09 and not 0.09000000000000001. */
const toMicros = (amount: number) => Math.round(amount * MICROS);

export function formatMoney(micros: number, currency: string): string {
	const amount = (micros / MICROS).toFixed(4).replace(/0{1,2}$/, '');
	return `${amount} ${currency}`;
}

/** What the items cost in all, against an amount: their total, and how many fit in it, in order. */
function measure(priced: Priced[], amount: number) {
	const costs = priced.map(({ quote }) => toMicros(quote!.cost));
	const limit = toMicros(amount);
	const total = costs.reduce((sum, cost) => sum + cost, 0);
	return {
		total,
		limit,
		over: total > limit,
		fit: itemsWithin(costs, limit),
		currency: priced[0].quote!.currency,
	};
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
	request: EditRequest;
	client: WaveSpeedClient;
	quote?: Quote;
}

/**
 * Before anything is sent: with Max Cost per Execution set, the sum of WaveSpeed's prices for the
 * items to submit must stay within it (no price: refused rather than guessed); for two items or
 * more, within the account's balance too. Items whose task an earlier try of this execution
 * already submitted (Retry On Fail) cost nothing more and are not counted. A one-item execution
 * without the option asks nothing here: its price comes in parallel with its task.
 */
export async function checkCosts(ctx: IExecuteFunctions, requests: EditRequest[]): Promise<void> {
	const budget = requests[0].options.maxCostPerExecution;
	if (budget === undefined && requests.length < 2) return;
	const toSubmit = requests.filter(
		(request) => !wasSubmitted(ctx, request.itemIndex, editFingerprint(request)),
	);
	if (toSubmit.length === 0) return;
	const priced: Priced[] = await Promise.all(
		toSubmit.map(async (request) => {
			const client = await WaveSpeedClient.forItem(ctx, request.itemIndex);
			return { request, client, quote: await quoteFor(client, request) };
		}),
	);
	if (budget !== undefined) checkBudget(ctx, priced, budget);
	if (requests.length >= 2) await checkBalances(ctx, priced);
}

function checkBudget(ctx: IExecuteFunctions, priced: Priced[], budget: number) {
	const unknown = priced.find(({ quote }) => quote === undefined);
	if (unknown) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Options → Max Cost per Execution: WaveSpeed's price for item ${unknown.request.itemIndex} could not be read, so nothing was submitted`,
			{
				description:
					"With a cost limit set the node refuses rather than guess. WaveSpeed's pricing endpoint (POST /api/v3/model/price) did not answer with a price; try again later, or remove the option to run without the limit.",
			},
		);
	}
	const { total, limit, over, fit, currency } = measure(priced, budget);
	if (!over) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`Options → Max Cost per Execution: the ${priced.length} items would cost ${formatMoney(total, currency)}, over the limit of ${formatMoney(limit, currency)}; nothing was submitted`,
		{
			description: `${fit} of the ${priced.length} items fit within the limit. Raise Options → Max Cost per Execution, or send fewer items (e.g. with a Limit or Loop Over Items node).`,
		},
	);
}

/** One balance read per account of the batch; a balance that cannot be read does not stop it. */
async function checkBalances(ctx: IExecuteFunctions, priced: Priced[]) {
	if (priced.some(({ quote }) => quote === undefined)) return;
	const accounts = new Map<string, Priced[]>();
	for (const entry of priced) {
		accounts.set(entry.client.accountKey, [
			...(accounts.get(entry.client.accountKey) ?? []),
			entry,
		]);
	}
	for (const entries of accounts.values()) {
		const balance = await readBalance(entries[0].client).catch(() => undefined);
		if (balance === undefined) continue;
		const { total, limit: available, over, fit: covered, currency } = measure(entries, balance);
		if (!over) continue;
		throw new NodeOperationError(
			ctx.getNode(),
			`Your WaveSpeed balance is ${formatMoney(available, currency)}; the ${entries.length} items would cost ${formatMoney(total, currency)}; it covers ${covered} of them. Top up your WaveSpeed balance; nothing was submitted`,
			{
				description:
					'Top up at https://wavespeed.ai/top-up and run again, or send fewer items. No task was created.',
			},
		);
	}
}
