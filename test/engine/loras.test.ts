import type { INodeParameters } from 'n8n-workflow';

import { editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 50 });
const LORA_9B = 'wavespeed-ai/flux-2-klein-base-9b/edit-lora';
const LORA_4B = 'wavespeed-ai/flux-2-klein-base-4b/edit-lora';
const STYLE_URL = 'https://example.com/loras/watercolor.safetensors';

const loras = (...entries: Array<Record<string, unknown>>): INodeParameters => ({
	lora: entries as INodeParameters[],
});
const withLoras = (model: string, value: INodeParameters) =>
	editParameters({ model, images: urlImages(ws.image(256, 256)), loras: value });

describe('the LoRA edit models', () => {
	test.each([LORA_9B, LORA_4B])('%s sends the LoRAs as WaveSpeed takes them', async (model) => {
		const result = await ws.run({
			parameters: withLoras(
				model,
				loras(
					{ path: STYLE_URL, scale: 0.8 },
					{ path: 'someone/flux-klein-ink', scale: 2 },
					{ path: ' owner/repo ' },
				),
			),
		});

		expect(result.error).toBeUndefined();
		const task = ws.fake.tasks.at(-1)!;
		expect(task.model).toBe(model);
		expect(task.body.loras).toEqual([
			{ path: STYLE_URL, scale: 0.8 },
			{ path: 'someone/flux-klein-ink', scale: 2 },
			{ path: 'owner/repo', scale: 1 },
		]);
		expect(result.items[0].json.model).toBe(model);
	});

	test('a model without LoRA support never sends loras, even when the field holds some', async () => {
		const result = await ws.run({
			parameters: withLoras(
				'wavespeed-ai/flux-2-klein-base-9b/edit',
				loras({ path: STYLE_URL, scale: 1 }),
			),
		});
		expect(result.error).toBeUndefined();
		expect(ws.fake.tasks.at(-1)!.body).not.toHaveProperty('loras');
	});

	test("WaveSpeed's own refusal of a LoRA comes back with WaveSpeed's message", async () => {
		// Which paths WaveSpeed accepts is its call (any URL or repository may hold a LoRA); its
		// refusal, in its envelope, is what the user reads.
		ws.fake.inject({
			route: 'submit',
			action: {
				kind: 'status',
				status: 400,
				body: {
					code: 400,
					message: 'Failed to load LoRA from https://example.com/model.bin',
					data: null,
				},
			},
		});
		const result = await ws.run({
			parameters: withLoras(LORA_9B, loras({ path: 'https://example.com/model.bin', scale: 1 })),
		});
		expect(result.error?.message).toBe(
			'WaveSpeed refused the request: Failed to load LoRA from https://example.com/model.bin',
		);
	});

	test('a path that is not a .safetensors URL is sent as given: WaveSpeed decides', async () => {
		const result = await ws.run({
			parameters: withLoras(LORA_9B, loras({ path: 'https://example.com/model.bin', scale: 1 })),
		});
		expect(result.error).toBeUndefined();
		expect(ws.fake.tasks.at(-1)!.body.loras).toEqual([
			{ path: 'https://example.com/model.bin', scale: 1 },
		]);
	});

	test.each([
		{
			name: 'an empty path',
			value: loras({ path: '  ', scale: 1 }),
			message:
				/^LoRAs → LoRA 1 → Path \(item 0\): is empty\. Enter the URL of a \.safetensors file/,
		},
		{
			name: 'no LoRA',
			value: loras(),
			message: /^LoRAs \(item 0\): no LoRA given\. Add one with Add LoRA/,
		},
		{
			name: '4 LoRAs',
			value: loras(...[1, 2, 3, 4].map((n) => ({ path: `owner/repo${n}`, scale: 1 }))),
			message: /^LoRAs \(item 0\): at most 3, 4 given\. Remove LoRAs until 3 are left/,
		},
		{
			name: 'scale above 4',
			value: loras({ path: STYLE_URL, scale: 4.5 }),
			message: /^LoRAs → LoRA 1 → Scale \(item 0\): 4\.5 is not allowed\. Use a number from 0 to 4/,
		},
		{
			name: 'negative scale',
			value: loras({ path: STYLE_URL, scale: 1 }, { path: STYLE_URL, scale: -0.5 }),
			message: /^LoRAs → LoRA 2 → Scale \(item 0\): -0\.5 is not allowed/,
		},
		{
			name: 'a scale that is not a number',
			value: loras({ path: STYLE_URL, scale: '={{ "strong" }}' }),
			message: /^LoRAs → LoRA 1 → Scale \(item 0\): "strong" is not allowed/,
		},
	])('$name is refused before any request, naming field and item', async ({ value, message }) => {
		const requestsBefore = ws.fake.requests.length;
		const result = await ws.run({ parameters: withLoras(LORA_9B, value) });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toMatch(message);
		expect(ws.fake.requests.length).toBe(requestsBefore);
	});
});

describe("the fake refuses LoRAs the way the node does, so a node bug can't hide", () => {
	test.each([
		{
			model: 'wavespeed-ai/flux-2-klein-base-4b/edit',
			loras: [{ path: STYLE_URL, scale: 1 }],
			message: 'loras is not supported by wavespeed-ai/flux-2-klein-base-4b/edit',
		},
		{ model: LORA_9B, loras: [{ path: '', scale: 1 }], message: 'loras[0].path is required' },
		{
			model: LORA_9B,
			loras: [{ path: STYLE_URL, scale: 5 }],
			message: 'loras[0].scale must be a number from 0 to 4',
		},
		{
			model: LORA_9B,
			loras: [1, 2, 3, 4].map(() => ({ path: STYLE_URL, scale: 1 })),
			message: 'loras must be a list of at most 3 items',
		},
	])('$message', async ({ model, loras: sent, message }) => {
		const response = await fetch(`${ws.fake.url}/api/v3/${model}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${ws.fake.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ prompt: 'x', images: [ws.image(256, 256)], loras: sent }),
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { message: string }).message).toBe(message);
	});
});
