import {
	CATALOG,
	type CatalogModel,
	requestSchemaOf,
} from '../../../../devkit/fake-wavespeed/catalog';
import { FakeWaveSpeed, MODELS } from '../../../../devkit/fake-wavespeed/server';
import { client } from './http';

let fake: FakeWaveSpeed;
const { status, get } = client(() => fake);

beforeAll(async () => {
	fake = await FakeWaveSpeed.start({ taskMs: 10 });
});

afterAll(async () => await fake.close());

const listed = async () => (await get<CatalogModel[]>('/api/v3/models')).json.data;
const find = (models: CatalogModel[], id: string) => models.find((m) => m.model_id === id)!;

describe("GET /api/v3/models, as WaveSpeed's CLI, MCP server and desktop app read it", () => {
	test('one envelope, one list; every model has a model_run schema at its own api_path', async () => {
		const before = fake.catalogRequests;
		const { status, json } = await get<CatalogModel[]>('/api/v3/models');
		expect(status).toBe(200);
		expect(json).toMatchObject({ code: 200, message: 'success' });
		expect(fake.catalogRequests).toBe(before + 1);
		for (const model of json.data) {
			expect(model).toMatchObject({
				model_id: expect.any(String),
				name: model.model_id,
				description: expect.any(String),
				type: expect.any(String),
				base_price: expect.any(Number),
				sort_order: expect.any(Number),
			});
			const entry = model.api_schema.api_schemas.find((s) => s.type === 'model_run')!;
			expect(entry).toMatchObject({ method: 'POST', api_path: `/api/v3/${model.model_id}` });
			const schema = entry.request_schema;
			expect(schema.type).toBe('object');
			expect(schema['x-order-properties']).toEqual(Object.keys(schema.properties));
			for (const name of schema.required) expect(schema.properties).toHaveProperty(name);
			// Both API switches, as booleans defaulting to false.
			for (const name of ['enable_sync_mode', 'enable_base64_output'])
				expect(schema.properties[name]).toMatchObject({ type: 'boolean', default: false });
		}
	});

	test('the four klein models, with the schema of their model page', async () => {
		const models = await listed();
		for (const id of MODELS) {
			const schema = requestSchemaOf(find(models, id));
			expect(schema.required).toEqual(['prompt', 'images']);
			expect(schema.properties.images).toMatchObject({
				type: 'array',
				items: { type: 'string' },
				minItems: 1,
				maxItems: 3,
			});
			expect(schema.properties.size).toMatchObject({
				type: 'string',
				minimum: 256,
				maximum: 1536,
			});
			expect(schema.properties.seed).toMatchObject({
				type: 'integer',
				minimum: -1,
				maximum: 2147483647,
				default: -1,
			});
			const loras = schema.properties.loras;
			if (id.endsWith('-lora')) {
				expect(loras).toMatchObject({ type: 'array', 'x-ui-component': 'loras', maxItems: 3 });
				expect(loras.items?.properties?.scale).toMatchObject({ minimum: 0, maximum: 4 });
			} else expect(loras).toBeUndefined();
		}
	});

	test('the prompt optimizer: text, mode, style, image; $0.001 a run', async () => {
		const optimizer = find(await listed(), 'wavespeed-ai/prompt-optimizer');
		expect(optimizer).toMatchObject({ base_price: 0.001, type: 'text-to-text' });
		const schema = requestSchemaOf(optimizer);
		expect(schema.required).toEqual(['text']);
		expect(schema.properties.mode.enum).toEqual(['image', 'video']);
		expect(schema.properties.style.enum).toContain('default');
		expect(schema.properties.image).toMatchObject({ type: 'string', 'x-ui-component': 'uploader' });
	});

	test('image-edit models differ the way real ones do, and some models do not edit images', async () => {
		const models = await listed();
		const edit = models.filter((m) => m.type === 'image-to-image');
		expect(edit.length).toBeGreaterThanOrEqual(MODELS.length + 3);
		// A single `image` string.
		const single = requestSchemaOf(find(models, 'openai/gpt-image-1'));
		expect(single.properties.image.type).toBe('string');
		expect(single.properties.images).toBeUndefined();
		// Up to 10 images and a size enum.
		const sizes = requestSchemaOf(find(models, 'openai/gpt-image-1.5/edit'));
		expect(sizes.properties.images.maxItems).toBe(10);
		expect(sizes.properties.size.enum).toEqual(['1024*1024', '1024*1536', '1536*1024']);
		// output_format and num_images 1–4.
		const multi = requestSchemaOf(find(models, 'google/nano-banana-pro/edit-multi'));
		expect(multi.properties.output_format.enum).toEqual(['png', 'jpeg']);
		expect(multi.properties.num_images).toMatchObject({ type: 'integer', minimum: 1, maximum: 4 });
		// A client must filter: text-to-image, image-to-video, text-to-text are listed too.
		expect(new Set(models.map((m) => m.type))).toEqual(
			new Set(['image-to-image', 'text-to-text', 'text-to-image', 'image-to-video']),
		);
	});

	test('a removed model leaves the list, and its submits answer 404; restore brings it back', async () => {
		const id = 'bytedance/seedream-v4.5/edit';
		fake.catalog.remove(id);
		try {
			expect((await listed()).map((m) => m.model_id)).not.toContain(id);
			const submitted = await status(`/api/v3/${id}`, {
				method: 'POST',
				body: JSON.stringify({ prompt: 'x', images: [`${fake.outputUrl}/images/1024x1024.png`] }),
			});
			expect(submitted).toBe(404);
		} finally {
			fake.catalog.restore(id);
		}
		expect((await listed()).map((m) => m.model_id)).toContain(id);
		expect((await listed()).length).toBe(CATALOG.length);
	});

	test('the catalog can be made to fail (route `catalog`), and needs the key', async () => {
		fake.inject({ route: 'catalog', action: { kind: 'status', status: 503 } });
		expect(await status('/api/v3/models')).toBe(503);
		expect(await status('/api/v3/models')).toBe(200);
		expect(await status('/api/v3/models', { headers: { authorization: 'Bearer wrong' } })).toBe(
			401,
		);
	});
});
