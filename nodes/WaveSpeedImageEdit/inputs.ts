import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LIMITS } from './constants';
import { extensionForMime, sniffBufferMime } from './imageBytes';
import type { TaskApi } from './taskApi';
import type { Deadline } from './timing';
import type { EditRequest, ImageInput } from './types';

async function uploadBinaryImage(
	ctx: IExecuteFunctions,
	api: TaskApi,
	request: EditRequest,
	input: Extract<ImageInput, { source: 'binary' }>,
	position: number,
	deadline: Deadline,
): Promise<string> {
	const bytes = await ctx.helpers.getBinaryDataBuffer(request.itemIndex, input.binaryPropertyName);
	const sniffed = sniffBufferMime(bytes);
	const field = `Images → image ${position}`;
	const problem =
		bytes.length === 0
			? 'is an empty file (0 bytes)'
			: bytes.length > LIMITS.uploadMaxBytes
				? `is ${bytes.length} bytes, over WaveSpeed's 20 MB upload limit`
				: sniffed === 'not-image'
					? `is not an image (${input.binary.mimeType || 'unknown type'})`
					: undefined;
	if (problem) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${field} (item ${request.itemIndex}): "${input.binaryPropertyName}" ${problem}. Pass a PNG, JPEG, WebP, GIF or BMP file under 20 MB`,
			{ itemIndex: request.itemIndex },
		);
	}
	const fileName = input.binary.fileName || `image${position}.${extensionForMime(sniffed)}`;
	return await api.uploadImage({ bytes, fileName, mimeType: sniffed }, deadline);
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
				: await uploadBinaryImage(ctx, api, request, input, n + 1, deadline),
		);
	}
	return urls;
}
