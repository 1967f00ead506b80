// Types only from catalog.ts: it reads TEST_PRICES from here.
import type { CatalogModel } from './catalog';
import { outputCountOf } from './schemaValidation';

/**
 * WaveSpeed's pricing endpoint, `POST /api/v3/model/price` with `{model_id, inputs}`, answers
 * `{model_id, price, discounted_price, discount_rate?, currency?}` (the shape WaveSpeed's MCP
 * server reads as "the documented pricing endpoint"; it charges discounted_price when it is above
 * 0, else price). The prices below are test data, not WaveSpeed's price list.
 */
export interface ModelPrice {
	price: number;
	/** 0 or absent: no discount. */
	discountedPrice?: number;
}

export const TEST_PRICES: Record<string, ModelPrice> = {
	'wavespeed-ai/flux-2-klein-base-9b/edit': { price: 0.03 },
	'wavespeed-ai/flux-2-klein-base-4b/edit': { price: 0.02, discountedPrice: 0.015 },
	'wavespeed-ai/flux-2-klein-base-9b/edit-lora': { price: 0.04 },
	'wavespeed-ai/flux-2-klein-base-4b/edit-lora': { price: 0.03 },
};

/**
 * The price of one task of a model with these inputs: the model's test price (`prices`, TEST_PRICES
 * for the klein models) or else its catalog `base_price`, times `num_images` where the model's schema
 * has it (a per-image price, as WaveSpeed's pages give them: "$0.07 per image"). Partial or empty
 * inputs are priced with the schema's defaults, never refused (WaveSpeedAI/mcp-server
 * `src/lib/pricing-vars.ts`: a formula whose variables are missing collapses to `base_price`).
 */
export function priceOf(
	model: CatalogModel,
	inputs: unknown,
	prices: Record<string, ModelPrice>,
): ModelPrice {
	const base = prices[model.model_id] ?? { price: model.base_price };
	const schema = model.api_schema.api_schemas.find((s) => s.type === 'model_run')!.request_schema;
	if (!schema.properties.num_images) return base;
	const body = (typeof inputs === 'object' && inputs !== null ? inputs : {}) as Record<
		string,
		unknown
	>;
	const count = outputCountOf(schema, body);
	const times = (dollars: number) => Number((dollars * count).toFixed(6));
	return {
		price: times(base.price),
		...(base.discountedPrice ? { discountedPrice: times(base.discountedPrice) } : {}),
	};
}

/** What WaveSpeed charges for one task of a model: the discounted price when there is one. */
export function chargeOf(price: ModelPrice): number {
	return price.discountedPrice && price.discountedPrice > 0 ? price.discountedPrice : price.price;
}

/** The pricing endpoint's `data` for a model. */
export function priceAnswer(modelId: string, price: ModelPrice) {
	const discounted = price.discountedPrice ?? 0;
	return {
		model_id: modelId,
		price: price.price,
		discounted_price: discounted,
		...(discounted > 0 ? { discount_rate: Number((1 - discounted / price.price).toFixed(4)) } : {}),
		currency: 'USD',
	};
}

/**
 * The legacy pricing endpoint's `data`, `POST /api/v3/model/pricing` → `{model_id, unit_price,
 * currency: "USD"}` (docs/docs-common-api/pricing; WaveSpeed's desktop app reads `unit_price`).
 * Whether `unit_price` is the list or the discounted price is not published: ours is the charge.
 */
export function pricingAnswer(modelId: string, price: ModelPrice) {
	return { model_id: modelId, unit_price: chargeOf(price), currency: 'USD' };
}

/**
 * The account's balance (`GET /api/v3/balance` → `data.balance`), lowered by each accepted task's
 * charge. Kept in integer micro-dollars so a thousand tasks add up exactly.
 */
export class Balance {
	private micros: number;

	constructor(dollars: number) {
		this.micros = Math.round(dollars * 1e6);
	}

	get dollars(): number {
		return this.micros / 1e6;
	}

	set dollars(value: number) {
		this.micros = Math.round(value * 1e6);
	}

	/** Charges one task; false (nothing charged) when the balance is short. */
	charge(dollars: number): boolean {
		const amount = Math.round(dollars * 1e6);
		if (amount > this.micros) return false;
		this.micros -= amount;
		return true;
	}
}
