import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { parameterError } from '../errors/parameterProblem';
import { extensionForMime, sniffBufferMime } from './imageBytes';
import { imageFileProblem } from './imageFileCheck';
import { openWithHead, StreamedFile } from './streamedFile';

/**
 * The file to upload for one binary input. A binary that n8n keeps on disk (or elsewhere) is
 * streamed from there, opened once; an inline one is already in memory. Either way it is checked
 * on its real bytes first: for stored binaries validation only had the metadata.
 */
export async function toUploadFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	input: { binaryPropertyName: string; binary: IBinaryData },
	position: number,
): Promise<File> {
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
			throw parameterError(ctx, itemIndex, problem);
		}
		return {
			sniffed,
			fileName: binary.fileName || `image${position}.${extensionForMime(sniffed)}`,
		};
	};
	if (!binary.id) {
		const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
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
