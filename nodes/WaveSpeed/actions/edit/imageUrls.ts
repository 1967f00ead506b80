import { StreamedFile } from '../../binary/streamedFile';
import { toUploadFile } from '../../binary/uploadFile';
import { accountMemory } from '../../account/accountMemory';
import type { ItemContext } from '../../task/itemContext';
import { uploadImage } from '../../transport/upload';
import type { ImageInput } from './request';

/** The image URLs to send, in the user's order: URLs as given, binary files uploaded first. */
export async function imageUrls(item: ItemContext, images: ImageInput[]): Promise<string[]> {
	const urls: string[] = [];
	for (const [n, input] of images.entries()) {
		if (input.source === 'url') {
			urls.push(input.url);
			continue;
		}
		const file = await toUploadFile(item.ctx, item.itemIndex, input, n + 1);
		try {
			const routes = accountMemory(item.client.accountKey).uploadRoutes;
			urls.push(
				await uploadImage(item.client, item.ctx.helpers, file, routes, item.deadline, item.stop),
			);
		} finally {
			if (file instanceof StreamedFile) file.release();
		}
	}
	return urls;
}
