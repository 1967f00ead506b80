import {
	Balance,
	chargeOf,
	priceAnswer,
	TEST_PRICES,
} from '../../../../devkit/fake-wavespeed/pricing';
import { MODELS } from '../../../../devkit/fake-wavespeed/server';

describe("the fake's pricing and balance", () => {
	test('every model the fake serves has a price', () => {
		for (const model of MODELS) expect(TEST_PRICES[model]).toBeDefined();
	});

	test("the charge is the discounted price when there is one, as WaveSpeed's MCP server reads it", () => {
		expect(chargeOf({ price: 0.02, discountedPrice: 0.015 })).toBe(0.015);
		expect(chargeOf({ price: 0.02, discountedPrice: 0 })).toBe(0.02);
		expect(priceAnswer('m', { price: 0.02, discountedPrice: 0.015 })).toEqual({
			model_id: 'm',
			price: 0.02,
			discounted_price: 0.015,
			discount_rate: 0.25,
			currency: 'USD',
		});
	});

	test('a balance is charged exactly, and refuses what it cannot pay', () => {
		const balance = new Balance(0.1);
		expect(balance.charge(0.03)).toBe(true);
		expect(balance.charge(0.03)).toBe(true);
		expect(balance.charge(0.03)).toBe(true);
		expect(balance.dollars).toBe(0.01);
		expect(balance.charge(0.03)).toBe(false);
		expect(balance.dollars).toBe(0.01);
	});
});
