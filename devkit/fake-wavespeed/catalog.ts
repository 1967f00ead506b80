/**
 * The fake's model catalog, served at `GET /api/v3/models` in the shape WaveSpeed's own clients read
 * (WaveSpeedAI/wavespeed-cli `src/lib/api.ts` `LiveModel`: "live `api_schema` has
 * `api_schemas[0].request_schema`, not the OpenAPI-nested form"; WaveSpeedAI/wavespeed-desktop
 * `src/lib/schemaToForm.ts` `getFormFieldsFromModel` picks the entry with `type === "model_run"`).
 *
 * Every figure below is marked: "recorded" = taken from the WaveSpeed page or WaveSpeed repository
 * named beside it; "test data" = ours, because WaveSpeed publishes nothing for it (or because the
 * fake's tests need a fixed figure). Prices marked test data are not WaveSpeed's price list.
 */
import { TEST_PRICES } from './pricing';

/** A property hint as WaveSpeed's desktop app reads one (`src/types/model.ts`, `schemaToForm.ts`). */
export interface SchemaProperty {
	type: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
	title?: string;
	description?: string;
	default?: unknown;
	minimum?: number;
	maximum?: number;
	enum?: Array<string | number>;
	items?: SchemaProperty & { properties?: Record<string, SchemaProperty>; required?: string[] };
	properties?: Record<string, SchemaProperty>;
	required?: string[];
	minItems?: number;
	maxItems?: number;
	step?: number;
	'x-ui-component'?: 'slider' | 'uploader' | 'uploaders' | 'loras' | 'select';
	'x-accept'?: string;
	'x-placeholder'?: string;
	'x-hidden'?: boolean;
	nullable?: boolean;
}

export interface RequestSchema {
	type: 'object';
	properties: Record<string, SchemaProperty>;
	required: string[];
	'x-order-properties': string[];
}

/** One model as `GET /api/v3/models` lists it (CLI `LiveModel`, desktop `Model`). */
export interface CatalogModel {
	model_id: string;
	name: string;
	description: string;
	type: string;
	base_price: number;
	sort_order: number;
	formula?: string;
	api_schema: {
		api_schemas: Array<{
			type: 'model_run';
			method: 'POST';
			api_path: string;
			request_schema: RequestSchema;
		}>;
	};
}

/** The request schema of a model: the `model_run` entry, as the desktop app and ComfyUI pick it. */
export function requestSchemaOf(model: CatalogModel): RequestSchema {
	return model.api_schema.api_schemas.find((s) => s.type === 'model_run')!.request_schema;
}

/** What a model gives back: pictures (URLs of PNGs) or text (the prompt optimizer). */
export function outputKindOf(model: CatalogModel): 'image' | 'text' {
	return model.type.endsWith('-to-text') ? 'text' : 'image';
}

function model(
	fields: Omit<CatalogModel, 'api_schema' | 'name'> & { name?: string },
	properties: Record<string, SchemaProperty>,
	required: string[],
): CatalogModel {
	return {
		// WaveSpeed's desktop app finds the prompt optimizer by `name === "wavespeed-ai/prompt-optimizer"`
		// (src/components/playground/PromptOptimizer.tsx): a model's `name` can be its id. Ours always is.
		name: fields.model_id,
		...fields,
		api_schema: {
			api_schemas: [
				{
					type: 'model_run',
					method: 'POST',
					// Submit path = the model id (docs "How to Submit Task"; every SDK's `_submit`).
					api_path: `/api/v3/${fields.model_id}`,
					request_schema: {
						type: 'object',
						properties,
						required,
						'x-order-properties': Object.keys(properties),
					},
				},
			],
		},
	};
}

/**
 * `enable_sync_mode` and `enable_base64_output`: booleans, default false, on every model page
 * (e.g. docs/docs-api/openai/openai-gpt-image-1 "Request Parameters"). The desktop app hides both by
 * name (schemaToForm.ts HIDDEN_FIELDS).
 */
const API_SWITCHES: Record<string, SchemaProperty> = {
	enable_sync_mode: {
		type: 'boolean',
		default: false,
		description:
			'If set to true, the function will wait for the result to be generated and uploaded before returning the response.',
	},
	enable_base64_output: {
		type: 'boolean',
		default: false,
		description: 'If enabled, the output will be encoded into a BASE64 string instead of a URL.',
	},
};

const PROMPT: SchemaProperty = { type: 'string', description: 'The positive prompt.' };

/** WaveSpeed's seed range on its model pages: -1 … 2147483647, -1 = random. */
const SEED: SchemaProperty = {
	type: 'integer',
	minimum: -1,
	maximum: 2147483647,
	default: -1,
	description: 'The random seed; -1 means a random seed will be used.',
};

function imageList(minItems: number, maxItems: number, description: string): SchemaProperty {
	return {
		type: 'array',
		items: { type: 'string' },
		minItems,
		maxItems,
		default: [],
		'x-ui-component': 'uploaders',
		'x-accept': 'image/*',
		description,
	};
}

/**
 * FLUX.2 [klein] Base Edit, recorded from WaveSpeed's model page for FLUX.2 Klein Base 9B Edit
 * (docs/docs-api/wavespeed-ai/flux-2-klein-base-9b-edit, FACTS §11): `prompt` required; `images`
 * required, 1–3 URLs; `size` optional "W*H", 256–1536 per side, empty = the input's size; `seed`
 * −1 … 2147483647. The 4B model's limits are not published: the 9B figures are used for it (our
 * choice).
 */
function kleinEditProperties(): Record<string, SchemaProperty> {
	return {
		prompt: PROMPT,
		images: imageList(1, 3, 'URLs of the images to edit; multiple images are supported.'),
		size: {
			type: 'string',
			minimum: 256,
			maximum: 1536,
			'x-placeholder': 'Same as the input image',
			description:
				'The size of the output in pixels (width*height). Empty keeps the input image size.',
		},
		seed: SEED,
		...API_SWITCHES,
	};
}

/**
 * `loras`: a list of `{path, scale}` (WaveSpeed's `…-4b-text-to-image-lora` page, FACTS §11). For the
 * edit-lora variants the maximum (3, the desktop app's default `maxFiles` for loras) and the scale
 * range 0–4 are not published: our choice, the same the node uses.
 */
const LORAS: SchemaProperty = {
	type: 'array',
	'x-ui-component': 'loras',
	maxItems: 3,
	default: [],
	description: 'LoRAs to apply: a URL or a Hugging Face repository, and a scale.',
	items: {
		type: 'object',
		properties: {
			path: { type: 'string' },
			scale: { type: 'number', minimum: 0, maximum: 4, default: 1, step: 0.01 },
		},
		required: ['path', 'scale'],
	},
};

/**
 * The catalog. `sort_order` values are test data (the desktop app sorts by it, higher first).
 * `type` values come from the list in WaveSpeedAI/wavespeed-comfyui `format_category_name` (FACTS §7).
 */
export const CATALOG: readonly CatalogModel[] = [
	// --- The four built-in klein models (recorded schemas, see kleinEditProperties) ---
	model(
		{
			model_id: 'wavespeed-ai/flux-2-klein-base-9b/edit',
			description: 'FLUX.2 [klein] Base 9B Edit: multi-image editing with a 9B flow model.',
			type: 'image-to-image',
			// Test data: WaveSpeed's page says $0.016 per image; the fake's tests use 0.03.
			base_price: TEST_PRICES['wavespeed-ai/flux-2-klein-base-9b/edit'].price,
			sort_order: 90,
		},
		kleinEditProperties(),
		['prompt', 'images'],
	),
	model(
		{
			model_id: 'wavespeed-ai/flux-2-klein-base-4b/edit',
			description: 'FLUX.2 [klein] Base 4B Edit: faster multi-image editing with a 4B flow model.',
			type: 'image-to-image',
			base_price: TEST_PRICES['wavespeed-ai/flux-2-klein-base-4b/edit'].price, // test data
			sort_order: 89,
		},
		kleinEditProperties(),
		['prompt', 'images'],
	),
	model(
		{
			model_id: 'wavespeed-ai/flux-2-klein-base-9b/edit-lora',
			description: 'FLUX.2 [klein] Base 9B Edit with LoRAs.',
			type: 'image-to-image',
			base_price: TEST_PRICES['wavespeed-ai/flux-2-klein-base-9b/edit-lora'].price, // test data
			sort_order: 88,
		},
		{ ...kleinEditProperties(), loras: LORAS },
		['prompt', 'images'],
	),
	model(
		{
			model_id: 'wavespeed-ai/flux-2-klein-base-4b/edit-lora',
			description: 'FLUX.2 [klein] Base 4B Edit with LoRAs.',
			type: 'image-to-image',
			base_price: TEST_PRICES['wavespeed-ai/flux-2-klein-base-4b/edit-lora'].price, // test data
			sort_order: 87,
		},
		{ ...kleinEditProperties(), loras: LORAS },
		['prompt', 'images'],
	),

	// --- The prompt optimizer ---
	/**
	 * Recorded: the id; inputs `text`, `mode` (`image` | `video`: the values WaveSpeed's desktop app
	 * sets, PromptOptimizer.tsx), optional `image` (its `imageValue`); run with `enable_sync_mode:
	 * true`; `outputs[0]` is the optimized prompt string (desktop `optimizePrompt`); $0.001 per run
	 * (wavespeed.ai/models/wavespeed-ai/prompt-optimizer). Its model page tags it `llm`; `type`
	 * "text-to-text" is one of the types in WaveSpeed's ComfyUI list (our pick). Not published: the
	 * `style` values (ours, below), whether `text` is required (ours: yes), the description.
	 */
	model(
		{
			model_id: 'wavespeed-ai/prompt-optimizer',
			description: 'Improves a prompt for image or video generation.',
			type: 'text-to-text',
			base_price: 0.001,
			sort_order: 10,
		},
		{
			text: { type: 'string', description: 'The prompt to improve.' },
			mode: {
				type: 'string',
				enum: ['image', 'video'],
				default: 'image',
				'x-ui-component': 'select',
				description: 'What the prompt is for.',
			},
			// Test data: the style values are not published.
			style: {
				type: 'string',
				enum: ['default', 'artistic', 'photographic', 'technical', 'anime', 'realistic'],
				default: 'default',
				'x-ui-component': 'select',
				description: 'The style to write the prompt in.',
			},
			image: {
				type: 'string',
				'x-ui-component': 'uploader',
				'x-accept': 'image/*',
				description: 'An optional reference image the prompt is about.',
			},
			...API_SWITCHES,
		},
		['text'],
	),

	// --- Other image-edit models whose schemas differ the way real ones do ---
	/**
	 * A single `image` string, not a list. Recorded from docs/docs-api/openai/openai-gpt-image-1
	 * (the edit endpoint `POST /api/v3/openai/gpt-image-1`): `prompt` and `image` required,
	 * `quality` high|medium|low (default medium), `mask_image` optional, `size` auto|1024*1024|
	 * 1024*1536|1536*1024 (default auto). Price: not seen on that page, test data.
	 */
	model(
		{
			model_id: 'openai/gpt-image-1',
			description:
				"OpenAI's gpt-image-1 enables image generation and image editing via OpenAI's image API.",
			type: 'image-to-image',
			base_price: 0.05, // test data
			sort_order: 70,
		},
		{
			prompt: PROMPT,
			image: {
				type: 'string',
				'x-ui-component': 'uploader',
				'x-accept': 'image/*',
				description: 'The image to edit.',
			},
			quality: {
				type: 'string',
				enum: ['high', 'medium', 'low'],
				default: 'medium',
				description: 'The quality of the generated image.',
			},
			mask_image: {
				type: 'string',
				'x-ui-component': 'uploader',
				'x-accept': 'image/png',
				description: 'Fully transparent areas indicate where the image should be edited.',
			},
			size: {
				type: 'string',
				enum: ['auto', '1024*1024', '1024*1536', '1536*1024'],
				default: 'auto',
				description: 'The size of the generated media in pixels (width*height).',
			},
			...API_SWITCHES,
		},
		['prompt', 'image'],
	),
	/**
	 * A list of images and a `size` enum. Recorded from docs/docs-api/openai/openai-gpt-image-1.5-edit
	 * and its model page: `prompt` and `images` ("one or more") required, `quality` low|medium|high,
	 * `size` 1024*1024|1024*1536|1536*1024; "$0.1 per run" (wavespeed.ai/models/openai/gpt-image-1.5/edit).
	 * Not published: the most images (10 here, the desktop app's default for an image list) and the
	 * `quality` default (medium here, as gpt-image-1's).
	 */
	model(
		{
			model_id: 'openai/gpt-image-1.5/edit',
			description:
				"GPT Image 1.5 Edit is OpenAI's image model for precise, natural-language edits.",
			type: 'image-to-image',
			base_price: 0.1,
			sort_order: 75,
		},
		{
			prompt: PROMPT,
			images: imageList(1, 10, 'One or more images to edit or use as visual input.'),
			quality: {
				type: 'string',
				enum: ['low', 'medium', 'high'],
				default: 'medium',
				description: 'Output quality tier.',
			},
			size: {
				type: 'string',
				enum: ['1024*1024', '1024*1536', '1536*1024'],
				default: '1024*1024',
				description: 'Output size in pixels (width*height).',
			},
			...API_SWITCHES,
		},
		['prompt', 'images'],
	),
	/**
	 * Up to 10 images and a `size` range twice klein's. Recorded from WaveSpeedAI/agent-skills
	 * `skills/wavespeed-seedream-45/SKILL.md` and docs/docs-api/bytedance/bytedance-seedream-v4.5-edit:
	 * `images` 1–10 required, `prompt` required, `size` "W*H" 1024–4096 per side; $0.04 per image.
	 */
	model(
		{
			model_id: 'bytedance/seedream-v4.5/edit',
			description:
				'Seedream 4.5 Edit by ByteDance preserves facial features, lighting and color tone from reference images.',
			type: 'image-to-image',
			base_price: 0.04,
			sort_order: 80,
		},
		{
			prompt: PROMPT,
			images: imageList(1, 10, 'URLs of input images to edit (1-10 images).'),
			size: {
				type: 'string',
				minimum: 1024,
				maximum: 4096,
				description: 'Output size in pixels (WIDTH*HEIGHT). Each dimension: 1024-4096.',
			},
			...API_SWITCHES,
		},
		['prompt', 'images'],
	),
	/**
	 * An `output_format` enum and a `num_images` count that gives that many outputs. Recorded: the id
	 * and "generating multiple high-quality edited images in a single run … $0.07 per image"
	 * (wavespeed.ai/nano-banana-pro-api); `images` 1–14, `aspect_ratio`, `resolution` 1k|2k|4k and
	 * `output_format` png|jpeg as for `google/nano-banana-pro/edit` (agent-skills
	 * `skills/wavespeed-nano-banana-pro/SKILL.md`). Not published: the field `num_images` and its
	 * range 1–4 (test data), and the `formula` (test data, in the JSONata form WaveSpeed's MCP server
	 * reads, `pricing-vars.ts`). The fake serves PNG bytes whatever `output_format` says.
	 */
	model(
		{
			model_id: 'google/nano-banana-pro/edit-multi',
			description:
				"Google's Nano Banana Pro Edit, generating multiple edited images in a single run.",
			type: 'image-to-image',
			base_price: 0.07,
			sort_order: 85,
			formula: '{"total_price": base_price * num_images}',
		},
		{
			prompt: PROMPT,
			images: imageList(1, 14, 'URLs of input images to edit (1-14 images).'),
			aspect_ratio: {
				type: 'string',
				enum: ['1:1', '3:2', '2:3', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'],
				description: 'Output aspect ratio.',
			},
			resolution: { type: 'string', enum: ['1k', '2k', '4k'], default: '1k' },
			output_format: { type: 'string', enum: ['png', 'jpeg'], default: 'png' },
			num_images: {
				type: 'integer',
				minimum: 1,
				maximum: 4,
				default: 1,
				'x-ui-component': 'slider',
				description: 'How many images to generate.',
			},
			...API_SWITCHES,
		},
		['prompt', 'images'],
	),

	// --- Models that do not edit images, so a client must filter ---
	/**
	 * Recorded from agent-skills `skills/wavespeed-seedream-45/SKILL.md`: `prompt` required, `size`
	 * "W*H" default 2048*2048, 1024–4096 per side; $0.04 per image.
	 */
	model(
		{
			model_id: 'bytedance/seedream-v4.5',
			description: 'Seedream 4.5 text-to-image by ByteDance, custom resolutions up to 4096x4096.',
			type: 'text-to-image',
			base_price: 0.04,
			sort_order: 81,
		},
		{
			prompt: PROMPT,
			size: {
				type: 'string',
				minimum: 1024,
				maximum: 4096,
				default: '2048*2048',
				description: 'Output size in pixels (WIDTH*HEIGHT). Each dimension: 1024-4096.',
			},
			...API_SWITCHES,
		},
		['prompt'],
	),
	/**
	 * Recorded from agent-skills `skills/wavespeed-seedance-15-pro/SKILL.md`: `image` and `prompt`
	 * required, `last_image`, `aspect_ratio`, `duration` 4–12 (default 5), `resolution`
	 * 480p|720p|1080p (default 720p), `generate_audio` (default true), `camera_fixed`, `seed`; $0.26 for the defaults (720p, 5 s, audio). The fake
	 * answers a still PNG for it (test data) and does not scale the price.
	 */
	model(
		{
			model_id: 'bytedance/seedance-v1.5-pro/image-to-video',
			description: 'Seedance 1.5 Pro animates an image into a video by ByteDance.',
			type: 'image-to-video',
			base_price: 0.26,
			sort_order: 60,
		},
		{
			image: {
				type: 'string',
				'x-ui-component': 'uploader',
				'x-accept': 'image/*',
				description: 'URL of the source image to animate.',
			},
			prompt: PROMPT,
			last_image: {
				type: 'string',
				'x-ui-component': 'uploader',
				'x-accept': 'image/*',
				description: 'URL of an optional end-frame reference image.',
			},
			aspect_ratio: { type: 'string', enum: ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] },
			duration: { type: 'integer', minimum: 4, maximum: 12, default: 5 },
			resolution: { type: 'string', enum: ['480p', '720p', '1080p'], default: '720p' },
			generate_audio: { type: 'boolean', default: true },
			camera_fixed: { type: 'boolean', default: false },
			seed: SEED,
			...API_SWITCHES,
		},
		['image', 'prompt'],
	),
];

/** The catalog a fake serves; a test can take a model out ("the model vanished") and put it back. */
export class Catalog {
	private removed = new Set<string>();

	constructor(private readonly models: readonly CatalogModel[] = CATALOG) {}

	/** The models listed now, in catalog order. */
	list(): CatalogModel[] {
		return this.models.filter((m) => !this.removed.has(m.model_id));
	}

	/** A listed model, or undefined (unknown, or removed by a test). */
	get(modelId: string): CatalogModel | undefined {
		return this.removed.has(modelId) ? undefined : this.models.find((m) => m.model_id === modelId);
	}

	/** Not WaveSpeed's: a test hook. The model leaves the list and its submits answer 404. */
	remove(modelId: string) {
		this.removed.add(modelId);
	}

	/** Not WaveSpeed's: a test hook. Undoes remove(); with no id, restores every model. */
	restore(modelId?: string) {
		if (modelId === undefined) this.removed.clear();
		else this.removed.delete(modelId);
	}
}
