/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only code, not in the published package */
import type { INodeParameters } from 'n8n-workflow';

import { FakeWaveSpeed } from '../../devkit/fake-wavespeed/server';
import { pngSize } from '../../devkit/fake-wavespeed/png';
import { runImageEdit } from '../../devkit/harness/engine';
import { binaryImages, editParameters, pngFile, urlImages, withFakeWaveSpeed } from './fixtures';

// Any image-edit model of WaveSpeed's catalog (GET /api/v3/models), with the inputs its schema
// gives it. The fake's catalog holds the klein models, the prompt optimizer, and edit models whose
// schemas differ the way WaveSpeed's do (devkit/fake-wavespeed/catalog.ts).

const SEEDREAM = 'bytedance/seedream-v4.5/edit';
const GPT_IMAGE = 'openai/gpt-image-1';
const NANO_BANANA = 'google/nano-banana-pro/edit-multi';

const ws = withFakeWaveSpeed({ taskMs: 50, apiKey: 'ws-catalog-account-key-1' });

/**
 * Edit Image with a catalog model, as the editor saves it (n8n's resource locator and mapper). The
 * mapper's saved `schema` is left empty: a fixed value that does not fit the saved schema is
 * refused by n8n itself before the node runs (seen in real n8n, `test/e2e/checkCatalog.js`), so
 * the node's own check serves values from expressions and schemas that changed since saving.
 */
function catalogParameters(
	model: string,
	inputs: Record<string, unknown>,
	overrides: INodeParameters = {},
): INodeParameters {
	return editParameters({
		model: 'catalog',
		catalogModel: { __rl: true, mode: 'list', value: model, cachedResultName: model },
		modelInputs: {
			mappingMode: 'defineBelow',
			value: inputs,
			matchingColumns: [],
			schema: [],
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		},
		...overrides,
	} as INodeParameters);
}

const lastTask = () => ws.fake.tasks.at(-1)!;

describe('a model from WaveSpeed’s catalog, with its own inputs', () => {
	test('a Seedream-like model: two binary images, its own size, the image and its cost', async () => {
		const catalogBefore = ws.fake.catalogRequests;
		const result = await ws.run({
			items: [
				{
					binary: {
						person: pngFile(300, 400, 'person.png'),
						beach: pngFile(640, 480, 'beach.png'),
					},
				},
			],
			parameters: catalogParameters(
				SEEDREAM,
				{ size: '1024*1536' },
				{
					prompt: 'Put the person in image1 on the beach of image2',
					images: binaryImages('person', 'beach'),
				},
			),
		});
		expect(result.error).toBeUndefined();
		const task = lastTask();
		expect(task.model).toBe(SEEDREAM);
		expect(task.body).toEqual({
			prompt: 'Put the person in image1 on the beach of image2',
			images: [expect.stringMatching(/^http/), expect.stringMatching(/^http/)],
			size: '1024*1536',
			enable_sync_mode: false,
			enable_base64_output: false,
		});
		const [item] = result.items;
		expect(item.json).toMatchObject({
			id: task.id,
			model: SEEDREAM,
			status: 'completed',
			size: '1024*1536',
			cost: 0.04,
			currency: 'USD',
			width: 1024,
			height: 1536,
		});
		expect(pngSize(await result.binaryBuffer(item))).toEqual({ width: 1024, height: 1536 });
		expect(ws.fake.catalogRequests - catalogBefore).toBeLessThanOrEqual(1);
	});

	test('a model with a single `image` input: image1 is sent as one URL, with its enum inputs', async () => {
		const result = await ws.run({
			parameters: catalogParameters(
				GPT_IMAGE,
				{ quality: 'high', size: '1024*1024' },
				{ images: urlImages(ws.image(320, 240)) },
			),
		});
		expect(result.error).toBeUndefined();
		expect(lastTask().body).toMatchObject({
			image: ws.image(320, 240),
			quality: 'high',
			size: '1024*1024',
		});
		expect(lastTask().body).not.toHaveProperty('images');
	});

	test('num_images and output_format: every image comes out, priced with the full inputs', async () => {
		const result = await ws.run({
			parameters: catalogParameters(
				NANO_BANANA,
				{ num_images: 3, output_format: 'jpeg', aspect_ratio: '1:1' },
				{ images: urlImages(ws.image(256, 256)) },
			),
		});
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(Object.keys(item.binary!).sort()).toEqual(['data', 'data_1', 'data_2']);
		expect((item.json.outputs as string[]).length).toBe(3);
		expect(item.json.cost).toBeCloseTo(0.21);
		const asked = ws.fake.priceRequests.at(-1)!;
		expect(asked).toMatchObject({
			modelId: NANO_BANANA,
			inputs: expect.objectContaining({ num_images: 3, output_format: 'jpeg' }),
		});
	});

	test('inputs typed as text by the editor are sent as the schema types them', async () => {
		const result = await ws.run({
			parameters: catalogParameters(
				NANO_BANANA,
				{ num_images: '2' },
				{ images: urlImages(ws.image(256, 256)) },
			),
		});
		expect(result.error).toBeUndefined();
		expect(lastTask().body.num_images).toBe(2);
	});
});

describe('checked against the model’s schema before anything is sent', () => {
	test.each([
		[
			'an enum value it does not have (from an expression)',
			GPT_IMAGE,
			{ quality: '={{ "ultra" }}' },
			'Model Inputs → Quality (item 0): "ultra" is not one of its values. Choose one of: "high", "medium", "low"',
		],
		[
			'a number over its maximum',
			NANO_BANANA,
			{ num_images: 7 },
			'Model Inputs → Num Images (item 0): 7 is not allowed. Use a number from 1 to 4',
		],
		[
			'a whole number given with a fraction',
			NANO_BANANA,
			{ num_images: 1.5 },
			'Model Inputs → Num Images (item 0): 1.5 is not a whole number. Use a whole number from 1 to 4',
		],
		[
			'a size outside its bounds',
			SEEDREAM,
			{ size: '5000*1024' },
			'Model Inputs → Size (item 0): "5000*1024" is not allowed. Use width*height in pixels, e.g. 1024*1024, each side from 1024 to 4096',
		],
		[
			'an input the model does not take',
			SEEDREAM,
			{ strength: 0.5 },
			'Model Inputs → strength (item 0): bytedance/seedream-v4.5/edit takes no input "strength". Open Model Inputs and choose ⋮ → Refresh Input List, or remove the input',
		],
	])('%s', async (_, model, inputs, message) => {
		const submits = ws.fake.count('submit');
		const result = await ws.run({
			parameters: catalogParameters(model, inputs, { images: urlImages(ws.image(256, 256)) }),
		});
		expect(result.error?.message).toBe(message);
		expect(ws.fake.count('submit')).toBe(submits);
	});

	test('more images than the model takes', async () => {
		const result = await ws.run({
			parameters: catalogParameters(
				GPT_IMAGE,
				{},
				{ images: urlImages(ws.image(256, 256), ws.image(256, 256)) },
			),
		});
		expect(result.error?.message).toBe(
			'Images (item 0): at most 1 (image1–image1), 2 given. Remove the images after image1',
		);
	});

	test('a model that is not an image-edit model is refused by name', async () => {
		const result = await ws.run({
			parameters: catalogParameters('bytedance/seedance-v1.5-pro/image-to-video', {}),
		});
		expect(result.error?.message).toMatch(
			/^Catalog Model \(item 0\): "bytedance\/seedance-v1\.5-pro\/image-to-video" is not an image-edit model/,
		);
	});
});

describe('the catalog is read only when a catalog model is used, once an hour per account', () => {
	let fake: FakeWaveSpeed;
	beforeAll(async () => {
		fake = await FakeWaveSpeed.start({ taskMs: 50, apiKey: 'ws-catalog-account-key-2' });
	});
	afterAll(async () => await fake.close());
	const run = (parameters: INodeParameters) =>
		runImageEdit({ credentials: { apiKey: fake.apiKey, baseUrl: fake.url }, parameters });

	test('the built-in FLUX.2 [klein] models never fetch it', async () => {
		const result = await run(
			editParameters({ images: urlImages(`${fake.outputUrl}/images/256x256.png`) }),
		);
		expect(result.error).toBeUndefined();
		expect(fake.catalogRequests).toBe(0);
	});

	test('two executions with catalog models: one fetch; a model that vanished says so by name', async () => {
		fake.catalog.remove(GPT_IMAGE);
		const image = urlImages(`${fake.outputUrl}/images/256x256.png`);
		expect((await run(catalogParameters(SEEDREAM, {}, { images: image }))).error).toBeUndefined();
		const gone = await run(catalogParameters(GPT_IMAGE, {}, { images: image }));
		expect(gone.error?.message).toBe(
			'Catalog Model (item 0): "openai/gpt-image-1" is not in WaveSpeed\'s model catalog (any more). Choose another model from the list; WaveSpeed withdraws and renames models',
		);
		expect(fake.catalogRequests).toBe(1);
	});
});

describe('everything else as for klein', () => {
	test('a lost answer is found again in the history: one task, the image delivered', async () => {
		const accepted = ws.fake.acceptedTasks;
		ws.fake.inject({ route: 'submit', action: { kind: 'acceptThen', then: 'reset' } });
		const result = await ws.run({
			parameters: catalogParameters(SEEDREAM, {}, { images: urlImages(ws.image(256, 256)) }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.id).toBe(lastTask().id);
		expect(ws.fake.acceptedTasks - accepted).toBe(1);
	});

	test('Max Cost per Execution with the full inputs: 2 images of 0.07 are over 0.10', async () => {
		const submits = ws.fake.count('submit');
		const result = await ws.run({
			parameters: catalogParameters(
				NANO_BANANA,
				{ num_images: 2 },
				{ images: urlImages(ws.image(256, 256)), options: { maxCostPerExecution: 0.1 } },
			),
		});
		expect(result.error?.message).toBe(
			'Options → Max Cost per Execution: the item would cost 0.14 USD, over the limit of 0.10 USD; nothing was submitted',
		);
		expect(ws.fake.count('submit')).toBe(submits);
	});

	test("a gateway without /model/price: priced through /model/pricing's unit_price", async () => {
		const fake = await FakeWaveSpeed.start({
			taskMs: 50,
			apiKey: 'ws-catalog-account-key-3',
			modelPrice: false,
		});
		try {
			const result = await runImageEdit({
				credentials: { apiKey: fake.apiKey, baseUrl: fake.url },
				parameters: catalogParameters(
					SEEDREAM,
					{},
					{ images: urlImages(`${fake.outputUrl}/images/256x256.png`) },
				),
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.cost).toBe(0.04);
			expect(fake.pricingRequests.length).toBeGreaterThanOrEqual(1);
		} finally {
			await fake.close();
		}
	});
});

describe("Options → Enhance Prompt: WaveSpeed's prompt optimizer first", () => {
	const optimizerTasks = () =>
		ws.fake.tasks.filter((task) => task.model === 'wavespeed-ai/prompt-optimizer');

	test('the edit gets the improved prompt; the item says both, and the optimizer’s cost counts', async () => {
		const before = optimizerTasks().length;
		const result = await ws.run({
			items: [{ json: {} }, { json: {} }],
			parameters: editParameters({
				prompt: 'make it a watercolor',
				images: urlImages(ws.image(256, 256)),
				options: { enhancePrompt: true, enhanceStyle: 'artistic' },
			}),
		});
		expect(result.error).toBeUndefined();
		const improved =
			'make it a watercolor — optimized for image (style: artistic), following the reference image';
		for (const item of result.items) {
			expect(item.json).toMatchObject({
				prompt: improved,
				originalPrompt: 'make it a watercolor',
				cost: 0.031,
			});
		}
		// The same prompt and image are improved once in an execution.
		expect(optimizerTasks().length - before).toBe(1);
		const edits = ws.fake.tasks
			.slice(-2)
			.filter((task) => task.model !== 'wavespeed-ai/prompt-optimizer');
		for (const task of edits) expect(task.body.prompt).toBe(improved);
	});

	test("the optimizer failing fails the item with WaveSpeed's words; no edit is submitted", async () => {
		const edits = ws.fake.tasks.filter(
			(task) => task.model !== 'wavespeed-ai/prompt-optimizer',
		).length;
		const result = await ws.run({
			parameters: editParameters({
				prompt: 'anything [fail:Optimizer overloaded]',
				images: urlImages(ws.image(256, 256)),
				options: { enhancePrompt: true },
			}),
		});
		expect(result.error?.message).toMatch(/^WaveSpeed task failed: Optimizer overloaded/);
		expect(
			ws.fake.tasks.filter((task) => task.model !== 'wavespeed-ai/prompt-optimizer'),
		).toHaveLength(edits);
	});
});
