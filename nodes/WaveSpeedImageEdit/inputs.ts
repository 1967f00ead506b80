import type { IExecuteFunctions } from 'n8n-workflow';

import { extensionForMime, sniffBufferMime } from './imageBytes';
import { readHead, StreamedFile } from './streamedFile';
import type { TaskApi } from './taskApi';
import type { Deadline } from './timing';
import type { EditRequest, ImageInput } from './types';
import { imageFileProblem, parameterError } from './validation';

type BinaryInput = Extract<ImageInput, { source: 'binary' }>;

/**
 * The file to upload. A binary that n8n keeps on disk (or elsewhere) is streamed from there;
 * an inline one is already in memory. Either way it is checked on its real bytes first:
 * for stored binaries validation only had the metadata.
 */
async function toUploadFile(ctx: IExecuteFunctions, request: EditRequest, input: BinaryInput, position: number) {
	const { binary, binaryPropertyName } = input;
	let bytes: Buffer | undefined;
	let head: Buffer;
	let size: number;
	if (binary.id) {
		const id = binary.id;
		size = binary.bytes ?? (await ctx.helpers.getBinaryMetadata(id)).fileSize;
		head = await readHead(await ctx.helpers.getBinaryStream(id));
	} else {
		bytes = await ctx.helpers.getBinaryDataBuffer(request.itemIndex, binaryPropertyName);
		head = bytes;
		size = bytes.length;
	}
	const sniffed = sniffBufferMime(head);
	const problem = imageFileProblem(`Images → image ${position}`, binaryPropertyName, {
		bytes: size,
		sniffed,
		mimeType: binary.mimeType,
	});
	if (problem) throw parameterError(ctx, request.itemIndex, problem);
	const fileName = binary.fileName || `image${position}.${extensionForMime(sniffed)}`;
	return bytes
		? new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type: sniffed })
		: new StreamedFile(fileName, sniffed, size, async () => await ctx.helpers.getBinaryStream(binary.id!));
}

/** The image URLs to send, in the user's order: URLs as given, binary files uploaded first. */
export async function resolveImageUrls(
	ctx: IExecuteFunctions,
	api: TaskApi,
	request: EditRequest,
	deadline: Deadline,
): Promise<string[]> {
	const urls: string[] = [];
	for (const [n, input] of request.images.entries()) {
		urls.push(
			input.source === 'url'
				? input.url
				: await api.uploadImage(await toUploadFile(ctx, request, input, n + 1), deadline),
		);
	}
	return urls;
}
