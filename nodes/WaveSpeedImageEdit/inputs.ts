import type { IExecuteFunctions } from 'n8n-workflow';

import { extensionForMime, sniffBufferMime } from './imageBytes';
import type { TaskApi } from './taskApi';
import type { Deadline } from './timing';
import type { EditRequest, ImageInput } from './types';
import { imageFileProblem, parameterError } from './validation';

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
	// Checked again on the bytes: n8n's filesystem mode gives validation only the metadata.
	const problem = imageFileProblem(`Images → image ${position}`, input.binaryPropertyName, {
		bytes: bytes.length,
		sniffed,
		mimeType: input.binary.mimeType,
	});
	if (problem) throw parameterError(ctx, request.itemIndex, problem);
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
