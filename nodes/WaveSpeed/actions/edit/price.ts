import { accountMemory } from '../../account/accountMemory';
import { askPrice, type Quote } from '../../transport/billing';
import type { WaveSpeedClient } from '../../transport/client';
import type { EditRequest } from './request';
import { editFingerprint } from './submission';

/** How long an item that is done waits for its price before it goes on with cost null. */
export const QUOTE_GRACE_MS = 2000;

/** After the pricing endpoint failed, items go on without a price this long before it is asked again. */
const PRICING_RETRY_MS = 60_000;

/**
 * What WaveSpeed is asked to price: the request's settings (size, LoRAs, formats), not its
 * prompt, seed or images, so one quote serves a whole batch of one kind of edit.
 */
export function priceInputs(request: EditRequest): Record<string, unknown> {
	const settings: Record<string, unknown> = { ...editFingerprint(request).body };
	for (const content of ['prompt', 'seed', 'images']) delete settings[content];
	return settings;
}

/** WaveSpeed's price for the request, asked once per account and kind; undefined when unknown. */
export async function quoteFor(
	client: WaveSpeedClient,
	request: EditRequest,
): Promise<Quote | undefined> {
	const inputs = priceInputs(request);
	const key = `${request.model.id}\u0000${JSON.stringify(inputs)}`;
	const memory = accountMemory(client.accountKey);
	if (memory.pricingFailedAt > Date.now() - PRICING_RETRY_MS) return undefined;
	try {
		return await memory.quotes.get(
			key,
			async () => await askPrice(client, request.model.id, inputs),
		);
	} catch {
		memory.pricingFailedAt = Date.now();
		return undefined;
	}
}
