import type { IExecuteFunctions } from 'n8n-workflow';

import type { EditRequest, ImageInput } from '../actions/edit/request';
import type { TaskApi } from '../transport/tasks';
import { extensionForMime, sniffBufferMime } from './imageBytes';
import { imageFileProblem } from './imageFileCheck';
import { parameterError } from './parameters';
import { openWithHead, StreamedFile } from './streamedFile';
import type { Deadline } from './timing';

type BinaryInput = Extract<ImageInput, { source: 'binary' }>;

/**
 * The file to upload. A binary that n8n keeps on disk (or elsewhere) is streamed from there,
 * opened once; an inline one is already in memory. Either way it is checked on its real bytes
 * first: for stored binaries validation only had the metadata.
 */
async function toUploadFile(
	ctx: IExecuteFunctions,
	request: EditRequest,
	input: BinaryInput,
	position: number,
) {
	const { binary, binaryPropertyName } = input;
	const check = (head: Buffer, size: number, release?: () => void) => {
		const sniffed = sniffBufferMime(head);
		const problem = imageFileProblem(`Images → image ${position}`, binaryPropertyName, {
			bytes: size,
			sniffed,
			mimeType: binary.mimeType,
		});
		if (problem) {
			release?.();
			throw parameterError(ctx, request.itemIndex, problem);
		}
		return {
			sniffed,
			fileName: binary.fileName || `image${position}.${extensionForMime(sniffed)}`,
		};
	};
	if (!binary.id) {
		const bytes = await ctx.helpers.getBinaryDataBuffer(request.itemIndex, binaryPropertyName);
		const { sniffed, fileName } = check(bytes, bytes.length);
		return new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type: sniffed });
	}
	const id = binary.id;
	const size = binary.bytes ?? (await ctx.helpers.getBinaryMetadata(id)).fileSize;
	const opened = await openWithHead(await ctx.helpers.getBinaryStream(id));
	const { sniffed, fileName } = check(opened.head, size, () => opened.source.destroy?.());
	return new StreamedFile(
		fileName,
		sniffed,
		size,
		async () => await ctx.helpers.getBinaryStream(id),
		opened,
	);
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
		if (input.source === 'url') {
			urls.push(input.url);
			continue;
		}
		const file = await toUploadFile(ctx, request, input, n + 1);
		try {
			urls.push(await api.uploadImage(file, deadline));
		} finally {
			if (file instanceof StreamedFile) file.release();
		}
	}
	return urls;
}
