import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { binaryByteLength, sniffImageMime } from '../../binary/imageBytes';
import { imageFileProblem } from '../../binary/imageFileCheck';
import { check, isWholeNumber, readItemParameters, show } from '../../errors/parameterProblem';
import { DEFAULT_MODEL, findModel, type Model, MODELS } from '../../models';
import { isHttpUrl } from '../../transport/urls';
import { checkWebhookScheme, type EditOptions, readEditOptions } from './editOptions';
import { EDIT_DEFAULTS } from './edit.description';
import { type Lora, readLoras } from './loras';

/** One input image as the user gave it: an address, or a file of the item. */
export type ImageInput =
	| { source: 'url'; url: string }
	| { source: 'binary'; binaryPropertyName: string; binary: IBinaryData };

/** One item's validated parameters: everything needed to edit it without reading the node again. */
export interface EditRequest {
	itemIndex: number;
	model: Model;
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

function readSize(ctx: IExecuteFunctions, i: number, model: Model): string | undefined {
	const { sideMin, sideMax } = model.limits;
	const mode = ctx.getNodeParameter('size', i, 'matchInput') as string;
	check(
		mode === 'matchInput' || mode === 'custom',
		'Size',
		`unknown value ${show(mode)}`,
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
			`${show(value)} is not allowed`,
			`Use a whole number of pixels from ${sideMin} to ${sideMax}`,
		);
	}
	return `${sides[0][1]}*${sides[1][1]}`;
}

function readRequest(ctx: IExecuteFunctions, i: number, item: INodeExecutionData): EditRequest {
	const modelId = ctx.getNodeParameter('model', i, DEFAULT_MODEL) as string;
	const model = findModel(modelId);
	check(
		model !== undefined,
		'Model',
		`unknown model ${show(modelId)}`,
		`Choose one of: ${MODELS.map(({ id }) => id).join(', ')}`,
	);
	const { imagesMax, seedMax } = model.limits;
	const prompt = ctx.getNodeParameter('prompt', i, '');
	check(
		typeof prompt === 'string' && prompt.trim() !== '',
		'Prompt',
		'is empty',
		'Describe the edit, referring to the inputs as image1, image2, image3',
	);
	const entries = (ctx.getNodeParameter('images.image', i, []) as ImageEntry[]) ?? [];
	check(entries.length >= 1, 'Images', 'no image given', 'Add image1 with Add Image');
	check(
		entries.length <= imagesMax,
		'Images',
		`at most ${imagesMax} (image1–image${imagesMax}), ${entries.length} given`,
		`Remove the images after image${imagesMax}`,
	);
	const images = entries.map((entry, n) => readImage(entry, n + 1, item));
	const loras = readLoras(ctx, i, model);
	const size = readSize(ctx, i, model);
	const seed = ctx.getNodeParameter('seed', i, EDIT_DEFAULTS.seed);
	check(
		isWholeNumber(seed) && seed >= -1 && seed <= seedMax,
		'Seed',
		`${show(seed)} is not allowed`,
		`Use -1 for a random seed, or a whole number from 0 to ${seedMax}`,
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
export async function readEditRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<EditRequest> {
	const request = readItemParameters(ctx, itemIndex, () =>
		readRequest(ctx, itemIndex, ctx.getInputData()[itemIndex]),
	);
	await checkWebhookScheme(ctx, itemIndex, request.options.webhookUrl);
	return request;
}
