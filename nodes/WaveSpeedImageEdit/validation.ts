import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { binaryByteLength, sniffImageMime } from './imageBytes';
import { KNOWN_MODELS, LIMITS } from './constants';
import { ensureNodeError } from './errors';
import type { EditOptions, EditRequest, ImageInput } from './types';

interface ImageEntry {
	source?: string;
	url?: string;
	binaryPropertyName?: string;
}

export class ParameterProblem {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly fix: string,
	) {}
}

export function parameterError(ctx: IExecuteFunctions, itemIndex: number, p: ParameterProblem) {
	return new NodeOperationError(
		ctx.getNode(),
		`${p.field} (item ${itemIndex}): ${p.problem}. ${p.fix}`,
		{ itemIndex, description: p.fix },
	);
}

/** What is wrong with an image file, from what is known of it; undefined when it will do. */
export function imageFileProblem(
	field: string,
	name: string,
	file: { bytes?: number; sniffed?: string; mimeType: string },
): ParameterProblem | undefined {
	if (file.bytes === 0) return new ParameterProblem(field, `"${name}" is an empty file (0 bytes)`, 'Pass an image file');
	if (file.bytes !== undefined && file.bytes > LIMITS.uploadMaxBytes) {
		return new ParameterProblem(
			field,
			`"${name}" is ${file.bytes} bytes, over WaveSpeed's 20 MB upload limit`,
			'Resize or compress the image first',
		);
	}
	const isImage = file.sniffed === undefined ? file.mimeType.startsWith('image/') : file.sniffed !== 'not-image';
	if (!isImage) {
		return new ParameterProblem(
			field,
			`"${name}" is not an image (${file.mimeType || 'unknown type'})`,
			'Pass a PNG, JPEG, WebP, GIF or BMP file',
		);
	}
	return undefined;
}

function check(condition: boolean, field: string, problem: string, fix: string) {
	if (!condition) throw new ParameterProblem(field, problem, fix);
}

function show(value: unknown): string {
	return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isWholeNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}

function readImage(entry: ImageEntry, position: number, item: INodeExecutionData): ImageInput {
	const field = `Images → image ${position}`;
	if (entry.source === 'binary') {
		const name = (entry.binaryPropertyName ?? '').trim();
		check(name !== '', `${field} → Input Binary Field`, 'is empty', 'Name the binary field, e.g. "data"');
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
			bytes: binaryByteLength(binary!),
			sniffed: sniffImageMime(binary!),
			mimeType: binary!.mimeType,
		});
		if (problem) throw problem;
		return { source: 'binary', binaryPropertyName: name, binary: binary! };
	}
	check(
		entry.source === undefined || entry.source === 'url',
		`${field} → Source`,
		`unknown source ${show(entry.source)}`,
		'Choose "URL" or "Binary File"',
	);
	const url = (entry.url ?? '').trim();
	check(url !== '', `${field} → Image URL`, 'is empty', 'Enter an http(s) address of the image');
	let protocol = '';
	try {
		protocol = new URL(url).protocol;
	} catch {
		protocol = '';
	}
	check(
		protocol === 'http:' || protocol === 'https:',
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
		['Width', ctx.getNodeParameter('width', i, 1024)],
		['Height', ctx.getNodeParameter('height', i, 1024)],
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

function readOptions(ctx: IExecuteFunctions, i: number): EditOptions {
	const o = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const timeout = o.timeout ?? 300;
	check(
		typeof timeout === 'number' && timeout > 0,
		'Options → Timeout',
		`${show(timeout)} seconds is not allowed`,
		'Use a number of seconds above 0 (default 300)',
	);
	const pollInterval = o.pollInterval ?? 2;
	check(
		typeof pollInterval === 'number' && pollInterval >= LIMITS.pollIntervalMin,
		'Options → Poll Interval',
		`${show(pollInterval)} seconds is not allowed`,
		`Use at least ${LIMITS.pollIntervalMin} seconds (default 2)`,
	);
	const binaryPropertyOutput = String(o.binaryPropertyOutput ?? 'data').trim();
	check(
		binaryPropertyOutput !== '',
		'Options → Output Binary Field',
		'is empty',
		'Name the output field, e.g. "data"',
	);
	return {
		timeoutMs: (timeout as number) * 1000,
		pollIntervalMs: (pollInterval as number) * 1000,
		binaryPropertyOutput,
		downloadOutput: o.downloadOutput !== false,
		syncMode: o.syncMode === true,
		base64Output: o.base64Output === true,
	};
}

function readRequest(ctx: IExecuteFunctions, i: number, item: INodeExecutionData): EditRequest {
	const model = ctx.getNodeParameter('model', i) as string;
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
		entries.length >= LIMITS.imagesMin && entries.length <= LIMITS.imagesMax,
		'Images',
		`${entries.length} images given`,
		'Add 1 to 3 images',
	);
	const images = entries.map((entry, n) => readImage(entry, n + 1, item));
	const size = readSize(ctx, i);
	const seed = ctx.getNodeParameter('seed', i, -1);
	check(
		isWholeNumber(seed) && seed >= -1 && seed <= LIMITS.seedMax,
		'Seed',
		`${show(seed)} is not allowed`,
		`Use -1 for a random seed, or a whole number from 0 to ${LIMITS.seedMax}`,
	);
	return { itemIndex: i, model, prompt: prompt as string, images, size, seed: seed as number, options: readOptions(ctx, i) };
}

/** Reads and checks one item's parameters; throws a NodeOperationError naming field and item. */
export function readEditRequest(ctx: IExecuteFunctions, itemIndex: number): EditRequest {
	const item = ctx.getInputData()[itemIndex];
	try {
		return readRequest(ctx, itemIndex, item);
	} catch (error) {
		if (error instanceof ParameterProblem) throw parameterError(ctx, itemIndex, error);
		throw ensureNodeError(ctx.getNode(), error, itemIndex);
	}
}

export function readMaxConcurrency(ctx: IExecuteFunctions): number {
	const value = (ctx.getNodeParameter('options.maxConcurrency', 0, 4) as unknown) ?? 4;
	if (!isWholeNumber(value) || value < 1 || value > LIMITS.concurrencyMax) {
		throw parameterError(
			ctx,
			0,
			new ParameterProblem(
				'Options → Max Concurrency',
				`${show(value)} is not allowed`,
				`Use a whole number from 1 to ${LIMITS.concurrencyMax} (default 4)`,
			),
		);
	}
	return value;
}
