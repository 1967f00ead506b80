import type { IDataObject } from 'n8n-workflow';

/** What one model accepts; the node checks every item against its model's limits before sending. */
export interface ModelLimits {
	imagesMin: number;
	imagesMax: number;
	sideMin: number;
	sideMax: number;
	seedMax: number;
	/** 0 for a model that takes no LoRAs: it never receives a `loras` field. */
	lorasMax: number;
	loraScaleMin: number;
	loraScaleMax: number;
}

/** One LoRA as WaveSpeed takes it. */
export interface Lora {
	path: string;
	scale: number;
}

/** One edit as WaveSpeed is asked for it, the images already as URLs (or, for a fingerprint, their identities). */
export interface EditInputs {
	prompt: string;
	images: string[];
	seed: number;
	/** "W*H", or undefined to keep image1's size. */
	size?: string;
	loras?: Lora[];
	syncMode: boolean;
	base64Output: boolean;
	/** A catalog model's typed inputs (Model Inputs), checked against its schema. */
	extra?: IDataObject;
}

/**
 * One model: what the node shows and checks for it, and how its submit body is built. The four
 * FLUX.2 [klein] models below are built in; any other comes from WaveSpeed's catalog at run time
 * (modelSchema.ts `catalogModel`), in the same shape.
 */
export interface Model {
	/** WaveSpeed's model id: the submit goes to POST /api/v3/<id>. */
	id: string;
	name: string;
	description: string;
	limits: ModelLimits;
	/** A catalog model's request schema: its Model Inputs are checked against it. */
	schema?: RequestSchema;
	/** The submit body, exactly as sent. */
	body(inputs: EditInputs): IDataObject;
	/** What WaveSpeed's pricing endpoint is asked for one task with this body. */
	priceInputs(body: IDataObject): IDataObject;
}

/**
 * A property of a model's request schema, with the hints WaveSpeed's desktop app reads to draw its
 * form (WaveSpeedAI/wavespeed-desktop `src/types/model.ts`, `src/lib/schemaToForm.ts`).
 */
export interface SchemaProperty {
	type?: string;
	title?: string;
	description?: string;
	default?: unknown;
	minimum?: number;
	maximum?: number;
	enum?: unknown[];
	items?: SchemaProperty & { properties?: Record<string, SchemaProperty>; required?: string[] };
	minItems?: number;
	maxItems?: number;
	step?: number;
	nullable?: boolean;
	'x-ui-component'?: string;
	'x-accept'?: string;
	'x-placeholder'?: string;
	'x-hidden'?: boolean;
}

/** The inputs a model takes: `api_schema.api_schemas[type = model_run].request_schema`. */
export interface RequestSchema {
	properties: Record<string, SchemaProperty>;
	required: string[];
	/** The order WaveSpeed shows the fields in (`x-order-properties`). */
	order: string[];
}

/** A submit's inputs as WaveSpeed is asked to price them: without those the price does not hang on. */
export function withoutKeys(body: IDataObject, keys: readonly string[]): IDataObject {
	const kept: IDataObject = { ...body };
	for (const key of keys) delete kept[key];
	return kept;
}

/** Klein is priced flat per image (its model page): the settings are asked, not the content. */
function settingsOnly(body: IDataObject): IDataObject {
	return withoutKeys(body, ['prompt', 'seed', 'images']);
}

/** FLUX.2 [klein] Base Edit, as WaveSpeed's model pages give its inputs. */
const KLEIN_EDIT: ModelLimits = {
	imagesMin: 1,
	imagesMax: 3,
	sideMin: 256,
	sideMax: 1536,
	seedMax: 2147483647,
	lorasMax: 0,
	loraScaleMin: 0,
	loraScaleMax: 4,
};

const KLEIN_EDIT_LORA: ModelLimits = { ...KLEIN_EDIT, lorasMax: 3 };

function kleinEditBody({ prompt, images, seed, size, syncMode, base64Output }: EditInputs) {
	const body: IDataObject = {
		prompt,
		images,
		seed,
		enable_sync_mode: syncMode,
		enable_base64_output: base64Output,
	};
	if (size !== undefined) body.size = size;
	return body;
}

function kleinEditLoraBody(inputs: EditInputs): IDataObject {
	return {
		...kleinEditBody(inputs),
		loras: (inputs.loras ?? []).map(({ path, scale }) => ({ path, scale })),
	};
}

/** The WaveSpeed models this node can run, in the order the editor lists them. */
export const MODELS: readonly Model[] = [
	{
		id: 'wavespeed-ai/flux-2-klein-base-9b/edit',
		name: 'FLUX.2 Klein Base 9B Edit',
		description: 'Best quality',
		limits: KLEIN_EDIT,
		body: kleinEditBody,
		priceInputs: settingsOnly,
	},
	{
		id: 'wavespeed-ai/flux-2-klein-base-4b/edit',
		name: 'FLUX.2 Klein Base 4B Edit',
		description: 'Cheaper and faster',
		limits: KLEIN_EDIT,
		body: kleinEditBody,
		priceInputs: settingsOnly,
	},
	{
		id: 'wavespeed-ai/flux-2-klein-base-9b/edit-lora',
		name: 'FLUX.2 Klein Base 9B Edit LoRA',
		description: 'Best quality, with up to 3 LoRAs',
		limits: KLEIN_EDIT_LORA,
		body: kleinEditLoraBody,
		priceInputs: settingsOnly,
	},
	{
		id: 'wavespeed-ai/flux-2-klein-base-4b/edit-lora',
		name: 'FLUX.2 Klein Base 4B Edit LoRA',
		description: 'Cheaper and faster, with up to 3 LoRAs',
		limits: KLEIN_EDIT_LORA,
		body: kleinEditLoraBody,
		priceInputs: settingsOnly,
	},
];

export const DEFAULT_MODEL = MODELS[0].id;

export function findModel(id: string): Model | undefined {
	return MODELS.find((model) => model.id === id);
}

export const LORA_MODELS: readonly string[] = MODELS.filter((m) => m.limits.lorasMax > 0).map(
	(m) => m.id,
);

/** The widest bounds over all models, for the editor's fields; each item is checked by its own model. */
export const ANY_MODEL: ModelLimits = {
	imagesMin: Math.min(...MODELS.map((m) => m.limits.imagesMin)),
	imagesMax: Math.max(...MODELS.map((m) => m.limits.imagesMax)),
	sideMin: Math.min(...MODELS.map((m) => m.limits.sideMin)),
	sideMax: Math.max(...MODELS.map((m) => m.limits.sideMax)),
	seedMax: Math.max(...MODELS.map((m) => m.limits.seedMax)),
	lorasMax: Math.max(...MODELS.map((m) => m.limits.lorasMax)),
	loraScaleMin: Math.min(...MODELS.map((m) => m.limits.loraScaleMin)),
	loraScaleMax: Math.max(...MODELS.map((m) => m.limits.loraScaleMax)),
};
