import { CATALOG } from '../../../../devkit/fake-wavespeed/catalog';
import { checkModelInputs, mapperFields } from '../../../../nodes/WaveSpeed/modelInputs';
import { catalogModel, imageInputOf, isEditModel } from '../../../../nodes/WaveSpeed/modelSchema';
import type { RequestSchema } from '../../../../nodes/WaveSpeed/models';

/** The fake's catalog entries, read as the node reads WaveSpeed's (transport/catalog.ts). */
const entries = CATALOG.map((m) => {
	const request = m.api_schema.api_schemas[0].request_schema;
	return {
		id: m.model_id,
		name: m.name,
		description: m.description,
		type: m.type,
		schema: {
			properties: request.properties,
			required: request.required,
			order: request['x-order-properties'],
		} as RequestSchema,
	};
});
const entry = (id: string) => entries.find((e) => e.id === id)!;

describe("catalog models: which ones edit images, and where the node's images go", () => {
	test('image-edit models are those that take images and return images', () => {
		expect(entries.filter(isEditModel).map((e) => e.id)).toEqual([
			'wavespeed-ai/flux-2-klein-base-9b/edit',
			'wavespeed-ai/flux-2-klein-base-4b/edit',
			'wavespeed-ai/flux-2-klein-base-9b/edit-lora',
			'wavespeed-ai/flux-2-klein-base-4b/edit-lora',
			'openai/gpt-image-1',
			'openai/gpt-image-1.5/edit',
			'bytedance/seedream-v4.5/edit',
			'google/nano-banana-pro/edit-multi',
		]);
	});

	test.each([
		['bytedance/seedream-v4.5/edit', { name: 'images', list: true, min: 1, max: 10 }],
		['openai/gpt-image-1', { name: 'image', list: false, min: 1, max: 1 }],
		['google/nano-banana-pro/edit-multi', { name: 'images', list: true, min: 1, max: 14 }],
	])('%s', (id, expected) => {
		expect(imageInputOf(entry(id).schema)).toEqual(expected);
	});

	test("a mask is not the images to edit: it stays one of the model's own inputs", () => {
		expect(mapperFields(entry('openai/gpt-image-1').schema, false).map((f) => f.id)).toEqual([
			'quality',
			'mask_image',
			'size',
		]);
	});
});

describe('Model Inputs as typed fields', () => {
	test("WaveSpeed's order, types, defaults, enum options and bounds in the name", () => {
		const fields = mapperFields(entry('google/nano-banana-pro/edit-multi').schema, false);
		expect(
			fields.map(({ id, type, displayName, defaultValue }) => ({
				id,
				type,
				displayName,
				defaultValue,
			})),
		).toEqual([
			{ id: 'aspect_ratio', type: 'options', displayName: 'Aspect Ratio', defaultValue: undefined },
			{ id: 'resolution', type: 'options', displayName: 'Resolution', defaultValue: '1k' },
			{ id: 'output_format', type: 'options', displayName: 'Output Format', defaultValue: 'png' },
			{
				id: 'num_images',
				type: 'number',
				displayName: 'Num Images (1–4)',
				defaultValue: 1,
			},
		]);
		expect(fields[2].options).toEqual([
			{ name: 'png', value: 'png' },
			{ name: 'jpeg', value: 'jpeg' },
		]);
	});

	test('a size without an enum says W*H and its bounds', () => {
		const [size] = mapperFields(entry('bytedance/seedream-v4.5/edit').schema, false);
		expect(size).toMatchObject({
			id: 'size',
			type: 'string',
			displayName: 'Size (W*H, 1024–4096)',
		});
	});

	test("as an AI Agent's tool, optional inputs default to $fromAI, so the tool's schema follows the model's", () => {
		const fields = mapperFields(entry('google/nano-banana-pro/edit-multi').schema, true);
		const numImages = fields.find((f) => f.id === 'num_images')!;
		expect(numImages.defaultValue).toBe(
			"={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('num_images', `How many images to generate; whole number, 1–4; default 1`, 'number', 1) }}",
		);
		// n8n offers no $fromAI for a list of options: they keep their default.
		expect(fields.find((f) => f.id === 'output_format')!.defaultValue).toBe('png');
	});

	test("an agent's description gives bounds once: WaveSpeed's words, when they name them", () => {
		const [size] = mapperFields(entry('bytedance/seedream-v4.5/edit').schema, true);
		expect(size.defaultValue).toContain(
			'Output size in pixels (WIDTH*HEIGHT). Each dimension: 1024-4096; width*height in pixels',
		);
		expect(size.defaultValue).not.toContain('each side');
	});

	test("bounds count as said only when WaveSpeed's words name those numbers, not digits of others", () => {
		const schema = (description: string): RequestSchema => ({
			properties: { guidance: { type: 'number', minimum: 0, maximum: 1, description } },
			required: [],
			order: ['guidance'],
		});
		const [loose] = mapperFields(schema('How closely to follow the prompt, e.g. 10'), true);
		expect(loose.defaultValue).toContain('number, 0–1');
		const [named] = mapperFields(schema('How closely to follow the prompt, from 0.0 to 1.0'), true);
		expect(named.defaultValue).toContain('from 0.0 to 1.0; number`');
	});
});

describe("checkModelInputs: an item's inputs against the model's schema", () => {
	const lora = catalogModel(entry('wavespeed-ai/flux-2-klein-base-9b/edit-lora'));

	test('LoRA lists are checked as the klein LoRAs are', () => {
		expect(checkModelInputs(lora, { loras: '[{"path":"owner/repo","scale":1.5}]' })).toEqual({
			loras: [{ path: 'owner/repo', scale: 1.5 }],
		});
		expect(() => checkModelInputs(lora, { loras: [{ path: 'a/b', scale: 9 }] })).toThrow(
			expect.objectContaining({
				field: 'Model Inputs → Loras → 1 → Scale',
				problem: '9 is not allowed',
			}),
		);
		expect(() =>
			checkModelInputs(lora, {
				loras: Array.from({ length: 4 }, () => ({ path: 'a/b', scale: 1 })),
			}),
		).toThrow(expect.objectContaining({ problem: 'at most 3, 4 given' }));
	});

	test('empty optional inputs are left to WaveSpeed’s default', () => {
		expect(checkModelInputs(lora, { size: '', seed: null })).toEqual({});
	});

	test('a required input missing is named', () => {
		const schema: RequestSchema = {
			properties: {
				prompt: { type: 'string' },
				images: { type: 'array', items: { type: 'string' } },
				strength: { type: 'number', minimum: 0, maximum: 1, description: 'How much to change' },
			},
			required: ['prompt', 'images', 'strength'],
			order: ['prompt', 'images', 'strength'],
		};
		const model = catalogModel({ id: 'x/edit', name: 'x/edit', description: '', schema });
		expect(() => checkModelInputs(model, {})).toThrow(
			expect.objectContaining({ field: 'Model Inputs → Strength', problem: 'is required' }),
		);
	});

	test('the body follows the schema: prompt, the images where the model wants them, then its inputs', () => {
		const model = catalogModel(entry('openai/gpt-image-1'));
		expect(
			model.body({
				prompt: 'p',
				images: ['https://x/1.png'],
				seed: -1,
				syncMode: false,
				base64Output: false,
				extra: { quality: 'low' },
			}),
		).toEqual({
			prompt: 'p',
			image: 'https://x/1.png',
			quality: 'low',
			enable_sync_mode: false,
			enable_base64_output: false,
		});
	});
});
