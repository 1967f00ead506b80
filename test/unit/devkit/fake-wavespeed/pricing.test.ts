import { CATALOG } from '../../../../devkit/fake-wavespeed/catalog';
import {
	Balance,
	chargeOf,
	priceAnswer,
	priceOf,
	TEST_PRICES,
} from '../../../../devkit/fake-wavespeed/pricing';
import { FakeWaveSpeed, MODELS } from '../../../../devkit/fake-wavespeed/server';
import { client } from './http';

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

describe('the pricing endpoints over HTTP, for every catalog model', () => {
	let fake: FakeWaveSpeed;
	const { post, image } = client(() => fake);

	beforeAll(async () => {
		fake = await FakeWaveSpeed.start({ taskMs: 10, startDelayMs: 0 });
	});

	afterAll(async () => await fake.close());

	const price = (endpoint: 'price' | 'pricing', modelId: string, inputs: unknown = {}) =>
		post<Record<string, unknown>>(`/api/v3/model/${endpoint}`, { model_id: modelId, inputs });

	test('/model/price and the legacy /model/pricing answer for every model, in their own shapes', async () => {
		for (const model of CATALOG) {
			const quoted = priceOf(model, {}, TEST_PRICES);
			const current = await price('price', model.model_id);
			expect(current.status).toBe(200);
			expect(current.json.data).toEqual(priceAnswer(model.model_id, quoted));
			const legacy = await price('pricing', model.model_id);
			expect(legacy.json.data).toEqual({
				model_id: model.model_id,
				unit_price: chargeOf(quoted),
				currency: 'USD',
			});
		}
		// The klein models keep their test prices; the others their catalog base_price.
		expect((await price('price', 'wavespeed-ai/flux-2-klein-base-9b/edit')).json.data.price).toBe(
			0.03,
		);
		expect((await price('pricing', 'wavespeed-ai/prompt-optimizer')).json.data.unit_price).toBe(
			0.001,
		);
		expect((await price('price', 'no/such-model')).status).toBe(404);
		expect(fake.pricingRequests.at(-1)).toEqual({
			modelId: 'wavespeed-ai/prompt-optimizer',
			inputs: {},
		});
		expect(fake.priceRequests.at(-1)).toEqual({
			modelId: 'wavespeed-ai/flux-2-klein-base-9b/edit',
			inputs: {},
		});
	});

	test('num_images times the base price; missing inputs are priced with the defaults', async () => {
		const multi = 'google/nano-banana-pro/edit-multi';
		expect((await price('price', multi, { num_images: 3 })).json.data.price).toBe(0.21);
		expect((await price('pricing', multi, { num_images: 4 })).json.data.unit_price).toBe(0.28);
		expect((await price('price', multi)).json.data.price).toBe(0.07);
		expect((await price('price', multi, 'not an object')).json.data.price).toBe(0.07);
	});

	test('modelPrice false: /model/price answers 404, /model/pricing still answers', async () => {
		fake.modelPriceEnabled = false;
		try {
			expect((await price('price', 'bytedance/seedream-v4.5/edit')).status).toBe(404);
			expect((await price('pricing', 'bytedance/seedream-v4.5/edit')).json.data.unit_price).toBe(
				0.04,
			);
		} finally {
			fake.modelPriceEnabled = true;
		}
	});

	test('an accepted task is charged what was quoted', async () => {
		const before = fake.balance.dollars;
		const { status } = await post('/api/v3/google/nano-banana-pro/edit-multi', {
			prompt: 'x',
			images: [image()],
			num_images: 2,
		});
		expect(status).toBe(200);
		expect(fake.balance.dollars).toBeCloseTo(before - 0.14, 6);
		const discounted = fake.balance.dollars;
		await post('/api/v3/wavespeed-ai/flux-2-klein-base-4b/edit', {
			prompt: 'x',
			images: [image()],
		});
		expect(fake.balance.dollars).toBeCloseTo(discounted - 0.015, 6);
	});
});
