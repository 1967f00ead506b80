import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { binaryByteLength, sniffImageMime } from '../../helpers/imageBytes';
import { imageFileProblem } from '../../helpers/imageFileCheck';
import { DEFAULTS, LIMITS } from '../../helpers/limits';
import { DEFAULT_MODEL, KNOWN_MODELS } from '../../helpers/models';
import { check, isWholeNumber, readItemParameters, show } from '../../helpers/parameters';
import { readResultOptions, type ResultOptions } from '../../helpers/resultOptions';
import { type Lora, readLoras } from './loras';

export type ImageInput =
	| { source: 'url'; url: string }
	| { source: 'binary'; binaryPropertyName: string; binary: IBinaryData };

export interface EditOptions extends ResultOptions {
	syncMode: boolean;
	base64Output: boolean;
	waitForResult: boolean;
	webhookUrl?: string;
}

/** One item's validated parameters: everything needed to edit it without reading the node again. */
export interface EditRequest {
	itemIndex: number;
	model: string;
	prompt: string;
	images: ImageInput[];
	/** Only for the models that take LoRAs. */
	loras?: Lora[];
	/** "W*H", or undefined to keep image1's size. */
	size?: string;
	/** -1 when the user asked for a random seed; the operation picks it. */
	seed: number;
	options: EditOptions;
}

interface ImageEntry {
	source?: string;
	url?: string;
	binaryPropertyName?: string;
}

function isHttpUrl(value: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
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
		const problem = imageFileProblem(field, name, {
			bytes: binaryByteLength(binary),
			sniffed: sniffImageMime(binary),
			mimeType: binary.mimeType,
		});
		if (problem) throw problem;
		return { source: 'binary', binaryPropertyName: name, binary };
	}
	check(
		entry.source === undefined || entry.source === 'url',
		`${field} → Source`,
		`unknown source ${show(entry.source)}`,
		'Choose "URL" or "Binary File"',
	);
	const url = (entry.url ?? '').trim();
	check(url !== '', `${field} → Image URL`, 'is empty', 'Enter an http(s) address of the image');
	check(
		isHttpUrl(url),
		`${field} → Image URL`,
		`${show(url.slice(0, 100))} is not an http(s) URL`,
		'Use an address that starts with http:// or https://, or switch Source to "Binary File"',
	);
	return { source: 'url', url };
}

function readSize(ctx: IExecuteFunctions, i: number): string | undefined {
	const mode = ctx.getNodeParameter('size', i, 'matchInput') as string;
	check(
		mode === 'matchInput' || mode === 'custom',
		'Size',
		`unknown value ${show(mode)}`,
		'Choose "Match Input" or "Custom"',
	);
	if (mode === 'matchInput') return undefined;
	const sides = [
		['Width', ctx.getNodeParameter('width', i, DEFAULTS.side)],
		['Height', ctx.getNodeParameter('height', i, DEFAULTS.side)],
	] as const;
	for (const [field, value] of sides) {
		check(
			isWholeNumber(value) && value >= LIMITS.sideMin && value <= LIMITS.sideMax,
			field,
			`${show(value)} is not allowed`,
			`Use a whole number of pixels from ${LIMITS.sideMin} to ${LIMITS.sideMax}`,
		);
	}
	return `${sides[0][1]}*${sides[1][1]}`;
}

function readEditOptions(ctx: IExecuteFunctions, i: number): EditOptions {
	const o = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const webhookUrl = String(o.webhookUrl ?? '').trim();
	check(
		webhookUrl === '' || isHttpUrl(webhookUrl),
		'Options → Webhook URL',
		`${show(webhookUrl.slice(0, 100))} is not an http(s) URL`,
		'Use the production URL of a WaveSpeed Trigger node (WaveSpeed needs a public https address), or remove the option',
	);
	return {
		...readResultOptions(o),
		syncMode: o.syncMode === true,
		base64Output: o.base64Output === true,
		waitForResult: o.waitForResult !== false,
		webhookUrl: webhookUrl === '' ? undefined : webhookUrl,
	};
}

function readRequest(ctx: IExecuteFunctions, i: number, item: INodeExecutionData): EditRequest {
	const model = ctx.getNodeParameter('model', i, DEFAULT_MODEL) as string;
	check(
		KNOWN_MODELS.includes(model),
		'Model',
		`unknown model ${show(model)}`,
		`Choose one of: ${KNOWN_MODELS.join(', ')}`,
	);
	const prompt = ctx.getNodeParameter('prompt', i, '');
	check(
		typeof prompt === 'string' && prompt.trim() !== '',
		'Prompt',
		'is empty',
		'Describe the edit, referring to the inputs as image1, image2, image3',
	);
	const entries = (ctx.getNodeParameter('images.image', i, []) as ImageEntry[]) ?? [];
	check(
		entries.length >= LIMITS.imagesMin,
		'Images',
		'no image given',
		'Add image1 with Add Image',
	);
	check(
		entries.length <= LIMITS.imagesMax,
		'Images',
		`at most ${LIMITS.imagesMax} (image1–image${LIMITS.imagesMax}), ${entries.length} given`,
		`Remove the images after image${LIMITS.imagesMax}`,
	);
	const images = entries.map((entry, n) => readImage(entry, n + 1, item));
	const loras = readLoras(ctx, i, model);
	const size = readSize(ctx, i);
	const seed = ctx.getNodeParameter('seed', i, DEFAULTS.seed);
	check(
		isWholeNumber(seed) && seed >= -1 && seed <= LIMITS.seedMax,
		'Seed',
		`${show(seed)} is not allowed`,
		`Use -1 for a random seed, or a whole number from 0 to ${LIMITS.seedMax}`,
	);
	return {
		itemIndex: i,
		model,
		prompt,
		images,
		loras,
		size,
		seed,
		options: readEditOptions(ctx, i),
	};
}

/** Reads and checks one item's parameters; throws a NodeOperationError naming field and item. */
export function readEditRequest(ctx: IExecuteFunctions, itemIndex: number): EditRequest {
	return readItemParameters(ctx, itemIndex, () =>
		readRequest(ctx, itemIndex, ctx.getInputData()[itemIndex]),
	);
}
