import { endpointAbsent, outcomeOf } from '../errors';
import { ENDPOINTS, type WaveSpeedClient } from './client';

/** What WaveSpeed will charge for one task. */
export interface Quote {
	cost: number;
	currency: string;
}

interface PriceAnswer {
	price?: unknown;
	discounted_price?: unknown;
	/** The older `/model/pricing` answer. */
	unit_price?: unknown;
	currency?: unknown;
}

/**
 * WaveSpeed's price for one task of a model with these inputs: `POST /api/v3/model/price`
 * `{model_id, inputs}` → `{price, discounted_price, discount_rate?, currency?}` (the endpoint
 * WaveSpeed's MCP server and CLI call "the documented pricing endpoint"); where a gateway lacks it
 * (404/405), the older `POST /api/v3/model/pricing` → `{unit_price}` that WaveSpeed's docs page and
 * desktop app use. The charge is the discounted price when there is one. WaveSpeed's balance and
 * prices are in US dollars, the currency assumed when none is named.
 */
export async function askPrice(
	client: WaveSpeedClient,
	modelId: string,
	inputs: Record<string, unknown>,
): Promise<Quote> {
	const ask = async (path: string) =>
		await client.call<PriceAnswer | null>({
			method: 'POST',
			path,
			body: { model_id: modelId, inputs },
			timeoutMs: 15_000,
		});
	const asked = await outcomeOf(ask(ENDPOINTS.price));
	let data: PriceAnswer | null;
	if (asked.ok) {
		data = asked.value;
	} else {
		if (!endpointAbsent(asked.error)) throw asked.error;
		data = await ask(ENDPOINTS.pricing);
	}
	const discounted = Number(data?.discounted_price);
	const cost = discounted > 0 ? discounted : Number(data?.price ?? data?.unit_price);
	if (!Number.isFinite(cost) || cost < 0) {
		throw client.fail('badResponse', `WaveSpeed's pricing endpoint gave no price for ${modelId}`);
	}
	const currency = typeof data?.currency === 'string' && data.currency ? data.currency : 'USD';
	return { cost, currency };
}

/** The account's balance (`GET /api/v3/balance` → `data.balance`), in US dollars. */
export async function readBalance(client: WaveSpeedClient): Promise<number> {
	const data = await client.call<{ balance?: unknown }>({
		method: 'GET',
		path: ENDPOINTS.balance,
		timeoutMs: 15_000,
	});
	const balance = Number(data?.balance);
	if (!Number.isFinite(balance)) {
		throw client.fail('badResponse', 'WaveSpeed answered the balance request without a balance');
	}
	return balance;
}
