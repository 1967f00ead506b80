import { accountMemory } from '../../account/accountMemory';
import { contentHash } from '../../binary/contentHash';
import { StreamedFile } from '../../binary/streamedFile';
import { toUploadFile } from '../../binary/uploadFile';
import type { ItemContext } from '../../task/itemContext';
import { uploadImage } from '../../transport/upload';
import type { ImageInput } from './request';

type BinaryInput = Extract<ImageInput, { source: 'binary' }>;

/**
 * The image URLs to send, in the user's order: URLs as given, binary files uploaded first. Each
 * image is uploaded once per account and content (see AccountMemory.uploads).
 */
export async function imageUrls(item: ItemContext, images: ImageInput[]): Promise<string[]> {
	const memory = accountMemory(item.client.accountKey);
	const urls: string[] = [];
	for (const [n, input] of images.entries()) {
		if (input.source === 'url') {
			urls.push(input.url);
			continue;
		}
		const hash = await contentHash(item.ctx, item.itemIndex, input);
		urls.push(await memory.uploads.get(hash, async () => await upload(item, input, n + 1)));
	}
	return urls;
}

async function upload(item: ItemContext, input: BinaryInput, position: number): Promise<string> {
	const file = await toUploadFile(item.ctx, item.itemIndex, input, position);
	const routes = accountMemory(item.client.accountKey).uploadRoutes;
	try {
		return await uploadImage(item.client, item.ctx.helpers, file, routes, item.deadline, item.stop);
	} finally {
		if (file instanceof StreamedFile) file.release();
	}
}
