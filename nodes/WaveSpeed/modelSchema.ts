import type { IDataObject } from 'n8n-workflow';

import { type Model, type RequestSchema, withoutKeys } from './models';

/**
 * Models of WaveSpeed's catalog read the way WaveSpeed's desktop app turns a request schema into a
 * form (WaveSpeedAI/wavespeed-desktop `src/lib/schemaToForm.ts`): fields in `x-order-properties`
 * order, `x-hidden` ones hidden, `enable_sync_mode` and `enable_base64_output` never shown (the
 * node's own options set them), a property named `…image`, `…images`, `…image_url` or
 * `…image_urls` an image input, and `size` without `enum` a "W*H" within `minimum`/`maximum`.
 */

/** Set from the node's options (Sync Mode, Base64 Output), never typed inputs. */
const NODE_SET = ['enable_sync_mode', 'enable_base64_output'];
/** The image inputs the desktop app recognises by name. */
const IMAGE_NAME = /(^|_)(image|images|image_url|image_urls)$/;
/** Image-named inputs that are not what the edit works on. */
const NOT_THE_IMAGES = /^(mask|last|end|tail)_/;
/**
 * The most images a list input takes when its schema gives no `maxItems`: the desktop app's
 * default for an uploader list (our choice where WaveSpeed's schema is silent).
 */
const IMAGES_MAX_UNSTATED = 10;
const SEED_MAX = 2147483647;

/** Where the node's Images go in a model's inputs. */
export interface ImageInput {
	name: string;
	/** An array of URLs, or a single URL. */
	list: boolean;
	min: number;
	max: number;
}

/** The property the node's Images feed, if the model takes images. */
export function imageInputOf(schema: RequestSchema): ImageInput | undefined {
	const preferred = ['images', 'image', 'image_urls', 'image_url'];
	const name =
		preferred.find((n) => n in schema.properties) ??
		schema.order.find((n) => IMAGE_NAME.test(n) && !NOT_THE_IMAGES.test(n));
	if (name === undefined) return undefined;
	const property = schema.properties[name];
	const list = property.type === 'array';
	return {
		name,
		list,
		min: Math.max(1, list ? (property.minItems ?? 1) : 1),
		max: list ? (property.maxItems ?? IMAGES_MAX_UNSTATED) : 1,
	};
}

/** What a catalog entry's `type` says it makes: `image-to-image` → image, `image-effects` → image. */
function outputOf(type: string): string {
	return type.includes('-to-') ? type.split('-to-')[1] : type.split('-')[0];
}

/** A model of the catalog this node can run: it takes images and returns images. */
export function isEditModel(entry: { type: string; schema: RequestSchema }): boolean {
	return outputOf(entry.type) === 'image' && imageInputOf(entry.schema) !== undefined;
}

/** The inputs a user sets in Model Inputs: all but the prompt, the images and the node-set flags. */
export function typedInputNames(schema: RequestSchema): string[] {
	const image = imageInputOf(schema)?.name;
	return schema.order.filter(
		(name) =>
			name !== 'prompt' &&
			name !== image &&
			!NODE_SET.includes(name) &&
			schema.properties[name]['x-hidden'] !== true,
	);
}

/** A catalog entry as the one record every model is (models.ts). */
export function catalogModel(entry: {
	id: string;
	name: string;
	description: string;
	schema: RequestSchema;
}): Model {
	const { schema } = entry;
	const image = imageInputOf(schema);
	if (!image) throw new Error(`${entry.id} takes no image`);
	return {
		id: entry.id,
		name: entry.name,
		description: entry.description,
		limits: {
			imagesMin: image.min,
			imagesMax: image.max,
			sideMin: 0,
			sideMax: Number.MAX_SAFE_INTEGER,
			seedMax: SEED_MAX,
			lorasMax: 0,
			loraScaleMin: 0,
			loraScaleMax: 0,
		},
		schema,
		body({ prompt, images, syncMode, base64Output, extra = {} }) {
			const body: IDataObject = {};
			for (const name of schema.order) {
				if (name === 'prompt') body.prompt = prompt;
				else if (name === image.name) body[name] = image.list ? images : images[0];
				else if (name === 'enable_sync_mode') body[name] = syncMode;
				else if (name === 'enable_base64_output') body[name] = base64Output;
				else if (extra[name] !== undefined) body[name] = extra[name];
			}
			return body;
		},
		// Priced with the item's full inputs (a price may hang on any of them), but its prompt and seed.
		priceInputs: (body) => withoutKeys(body, ['prompt', 'seed']),
	};
}
