import { createHash, randomInt } from 'node:crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { submitKey } from '../../account/acceptedTasks';
import {
	imageFileProblem,
	inlineIdentity,
	type InputFile,
	isStored,
	sniffBufferMime,
} from '../../binary/imageFile';
import { check, displayValue, isWholeNumber } from '../../errors';
import { checkModelInputs } from '../../modelInputs';
import { catalogModel, isEditModel } from '../../modelSchema';
import { DEFAULT_MODEL, findModel, type Lora, type Model, MODELS } from '../../models';
import { untilStopped } from '../../timing';
import { isHttpUrl } from '../../transport/client';
import { SYNC_ANSWER_MARGIN_MS, SYNC_HOLD_MS, type Submission } from '../../transport/predictions';
import type { NodeRun } from '../batch';
import { CATALOG, EDIT_DEFAULTS } from './edit.description';
import { type EditOptions, readEditOptions } from './editOptions';
import { readLoras } from './loras';

/**
 * One input image with its one identity: its URL; n8n's binary id for a file n8n keeps in its
 * binary store; a hash of the bytes for a file kept inline (decoded once, here).
 */
export type ImageInput =
	| { source: 'url'; url: string; identity: string }
	| { source: 'binary'; file: InputFile; identity: string; inlineBytes?: Buffer };

/**
 * One item of Edit Image, read and checked once: everything its run and the batch's checks need.
 */
export interface EditItem {
	itemIndex: number;
	model: Model;
	prompt: string;
	images: ImageInput[];
	/** Only for the models that take LoRAs. */
	loras?: Lora[];
	/** "W*H", or undefined to keep image1's size. */
	size?: string;
	/** -1 when the user asked for a random seed; each try picks one. A catalog model's is in `extra`. */
	seed: number;
	/** A catalog model's Model Inputs, checked against its schema. */
	extra?: IDataObject;
	options: EditOptions;
	/** Names this item's exact request in this execution (for Retry On Fail). */
	submitKey: string;
	/** What WaveSpeed is asked to price (the model's rule, priceInputsOf), set once the images are uploaded. */
	priceInputs: IDataObject;
	/** The images' URLs, once the prepare phase has uploaded the files. */
	imageUrls?: string[];
}

interface ImageEntry {
	source?: string;
	url?: string;
	binaryPropertyName?: string;
}

function readImage(entry: ImageEntry, position: number, item: INodeExecutionData): ImageInput {
	const field = `Images → image ${position}`;
	if (entry.source === 'binary') {
		const name = (entry.binaryPropertyName ?? '').trim();
		check(
			name !== '',
			`${field} → Input Binary Field`,
			'is empty',
			'Name the binary field, e.g. "data"',
		);
		const binary = item.binary?.[name];
		const available = Object.keys(item.binary ?? {});
		check(
			binary !== undefined,
			`${field} → Input Binary Field`,
			`the item has no binary field "${name}"`,
			available.length
				? `Use one of: ${available.map((n) => `"${n}"`).join(', ')}`
				: 'Connect a node that outputs a file (e.g. HTTP Request with "File" response, or Read Files)',
		);
		const file = { fieldName: name, binary };
		if (isStored(binary)) {
			// Checked from its first bytes when it is uploaded, before any task is submitted.
			return { source: 'binary', file, identity: `binary:${binary.id}` };
		}
		const inlineBytes = Buffer.from(binary.data, 'base64');
		const problem = imageFileProblem(field, name, {
			bytes: inlineBytes.length,
			sniffed: sniffBufferMime(inlineBytes.subarray(0, 32)),
			mimeType: binary.mimeType,
		});
		if (problem) throw problem;
		return { source: 'binary', file, identity: inlineIdentity(inlineBytes), inlineBytes };
	}
	check(
		entry.source === undefined || entry.source === 'url',
		`${field} → Source`,
		`unknown source ${displayValue(entry.source)}`,
		'Choose "URL" or "Binary File"',
	);
	const url = (entry.url ?? '').trim();
	check(url !== '', `${field} → Image URL`, 'is empty', 'Enter an http(s) address of the image');
	check(
		isHttpUrl(url),
		`${field} → Image URL`,
		`${displayValue(url.slice(0, 100))} is not an http(s) URL`,
		'Use an address that starts with http:// or https://, or switch Source to "Binary File"',
	);
	return { source: 'url', url, identity: url };
}

function readSize(run: NodeRun, i: number, model: Model): string | undefined {
	const { ctx } = run;
	const { sideMin, sideMax } = model.limits;
	const mode = ctx.getNodeParameter('size', i, 'matchInput') as string;
	check(
		mode === 'matchInput' || mode === 'custom',
		'Size',
		`unknown value ${displayValue(mode)}`,
		'Choose "Match Input" or "Custom"',
	);
	if (mode === 'matchInput') return undefined;
	const sides = [
		['Width', ctx.getNodeParameter('width', i, EDIT_DEFAULTS.side)],
		['Height', ctx.getNodeParameter('height', i, EDIT_DEFAULTS.side)],
	] as const;
	for (const [field, value] of sides) {
		check(
			isWholeNumber(value) && value >= sideMin && value <= sideMax,
			field,
			`${displayValue(value)} is not allowed`,
			`Use a whole number of pixels from ${sideMin} to ${sideMax}`,
		);
	}
	return `${sides[0][1]}*${sides[1][1]}`;
}

/**
 * The seed to send: the user's, or one picked for this try so the result can be reproduced; a
 * catalog model's seed, if it takes one, is one of its Model Inputs (undefined here).
 */
export function chooseSeed(item: EditItem): number | undefined {
	if (item.model.schema) return undefined;
	return item.seed === -1 ? randomInt(0, item.model.limits.seedMax + 1) : item.seed;
}

/** What WaveSpeed is asked to do for an edit, its images given as `images` (URLs or identities). */
export function editSubmission(
	item: EditItem,
	images: string[],
	seed: number | undefined,
	prompt = item.prompt,
): Submission {
	const { model, size, loras, options, extra } = item;
	// Sync mode only when the item waits at least as long as WaveSpeed holds the request: a request
	// cut off earlier would lose the task's id while the task goes on (and is billed).
	const holdsUntilDone =
		options.syncMode &&
		options.waitForResult &&
		options.timeoutMs >= SYNC_HOLD_MS + SYNC_ANSWER_MARGIN_MS;
	return {
		model: model.id,
		body: model.body({
			prompt,
			images,
			seed: seed ?? item.seed,
			size,
			loras,
			syncMode: holdsUntilDone,
			base64Output: options.base64Output,
			extra,
		}),
		webhookUrl: options.webhookUrl,
		holdsUntilDone,
	};
}

/**
 * The request as every try of it would be built (each image by its identity, the user's seed),
 * hashed: the same for a retry, different when any field sent would differ.
 */
export function editFingerprint(item: EditItem): string {
	const submission = editSubmission(
		item,
		item.images.map(({ identity }) => identity),
		item.seed,
	);
	return createHash('sha256').update(JSON.stringify(submission)).digest('hex');
}

/**
 * What WaveSpeed is asked to price for the item (the model's rule: klein's settings only, a
 * catalog model's full inputs but prompt and seed), with its images' URLs once they are uploaded.
 */
export function priceInputsOf(item: EditItem): IDataObject {
	const images = item.imageUrls ?? item.images.map(({ identity }) => identity);
	return item.model.priceInputs(editSubmission(item, images, item.seed).body);
}

/** The model an item names: a built-in one, or one of WaveSpeed's catalog. */
async function readModel(run: NodeRun, i: number): Promise<Model> {
	const { ctx, client, memory, stop } = run;
	const modelId = ctx.getNodeParameter('model', i, DEFAULT_MODEL) as string;
	if (modelId !== CATALOG) {
		const model = findModel(modelId);
		check(
			model !== undefined,
			'Model',
			`unknown model ${displayValue(modelId)}`,
			`Choose one of: ${MODELS.map(({ id }) => id).join(', ')}, or "${CATALOG}"`,
		);
		return model;
	}
	const raw = ctx.getNodeParameter('catalogModel', i, '', { extractValue: true });
	const id = typeof raw === 'string' ? raw.trim() : '';
	check(id !== '', 'Catalog Model', 'is empty', "Choose a model from WaveSpeed's catalog");
	const entry = (await untilStopped(memory.catalog(client), stop)).find((m) => m.id === id);
	check(
		entry !== undefined,
		'Catalog Model',
		`${displayValue(id)} is not in WaveSpeed's model catalog (any more)`,
		'Choose another model from the list; WaveSpeed withdraws and renames models',
	);
	check(
		isEditModel(entry),
		'Catalog Model',
		`${displayValue(id)} is not an image-edit model (${entry.type || 'no type given'})`,
		'Choose a model that takes images and returns images',
	);
	return catalogModel(entry);
}

/**
 * Reads and checks one item's parameters; throws a ParameterProblem naming the field (the batch
 * names the item).
 */
export async function readEditItem(run: NodeRun, itemIndex: number): Promise<EditItem> {
	const { ctx, asTool, client } = run;
	const item = ctx.getInputData()[itemIndex];
	const model = await readModel(run, itemIndex);
	const { imagesMin, imagesMax, seedMax } = model.limits;
	const prompt = ctx.getNodeParameter('prompt', itemIndex, '');
	check(
		typeof prompt === 'string' && prompt.trim() !== '',
		'Prompt',
		'is empty',
		'Describe the edit, referring to the inputs as image1, image2, image3',
	);
	const entries = (ctx.getNodeParameter('images.image', itemIndex, []) as ImageEntry[]) ?? [];
	check(entries.length >= 1, 'Images', 'no image given', 'Add image1 with Add Image');
	check(
		entries.length >= imagesMin,
		'Images',
		`${model.id} takes at least ${imagesMin} images, ${entries.length} given`,
		`Add images up to image${imagesMin}`,
	);
	check(
		entries.length <= imagesMax,
		'Images',
		`at most ${imagesMax} (image1–image${imagesMax}), ${entries.length} given`,
		`Remove the images after image${imagesMax}`,
	);
	const images = entries.map((entry, n) => readImage(entry, n + 1, item));
	const loras = readLoras(ctx, itemIndex, model);
	let size: string | undefined;
	let seed = -1;
	let extra: IDataObject | undefined;
	if (model.schema) {
		const raw = ctx.getNodeParameter('modelInputs.value', itemIndex, {}, { skipValidation: true });
		extra = checkModelInputs(model, (raw ?? {}) as IDataObject);
	} else {
		size = readSize(run, itemIndex, model);
		seed = ctx.getNodeParameter('seed', itemIndex, EDIT_DEFAULTS.seed) as number;
		check(
			isWholeNumber(seed) && seed >= -1 && seed <= seedMax,
			'Seed',
			`${displayValue(seed)} is not allowed`,
			`Use -1 for a random seed, or a whole number from 0 to ${seedMax}`,
		);
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const edit: EditItem = {
		itemIndex,
		model,
		prompt,
		images,
		loras,
		size,
		seed,
		extra,
		options: readEditOptions(options, asTool, client.baseUrl),
		submitKey: '',
		priceInputs: {},
	};
	edit.submitKey = submitKey(
		ctx.getExecutionId(),
		ctx.getNode().name,
		itemIndex,
		editFingerprint(edit),
	);
	return edit;
}
