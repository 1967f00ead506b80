import { openImageFile } from '../../binary/imageFile';
import { outcomeOf, ParameterProblem } from '../../errors';
import { untilStopped } from '../../timing';
import { uploadImage } from '../../transport/upload';
import type { NodeRun } from '../batch';
import type { EditItem, ImageInput } from './editItem';

/** Uploads at once, over all the batch's new images. */
const UPLOADS_AT_ONCE = 8;

type FileInput = Extract<ImageInput, { source: 'binary' }>;

/**
 * Gives every item its image URLs before any task is submitted: URLs as given, files uploaded
 * once per account and identity (see AccountMemory.uploads). Each new file is read once, checked
 * from its first bytes (a file that is not an image stops its items, with nothing billed) and
 * streamed on to WaveSpeed. An upload belongs to the account, not to this run: a cancelled
 * execution stops waiting for it, and another one sharing it still gets it. Returns the items
 * that cannot run, with why.
 */
export async function uploadImages(run: NodeRun, items: EditItem[]): Promise<Map<number, unknown>> {
	const { ctx, memory, stop } = run;
	const client = run.client.detached();
	const firstUse = new Map<string, { input: FileInput; position: number }>();
	for (const item of items) {
		item.images.forEach((input, n) => {
			if (input.source === 'binary' && !firstUse.has(input.identity)) {
				firstUse.set(input.identity, { input, position: n + 1 });
			}
		});
	}
	const uploaded = new Map<string, Promise<string>>();
	const upload = ({ input, position }: { input: FileInput; position: number }) =>
		memory.uploads.get(input.identity, async () => {
			const file = await openImageFile(
				ctx.helpers,
				`Images → image ${position}`,
				{ ...input.file, inlineBytes: input.inlineBytes },
				position,
			);
			try {
				return await uploadImage(client, ctx.helpers, file, memory.uploadRoutes);
			} finally {
				file.release();
			}
		});
	const queue = [...firstUse.entries()];
	const worker = async () => {
		for (let next = queue.shift(); next; next = queue.shift()) {
			const [identity, use] = next;
			const url = untilStopped(upload(use), stop);
			uploaded.set(identity, url);
			await url.catch(() => undefined);
		}
	};
	await Promise.all(Array.from({ length: Math.min(UPLOADS_AT_ONCE, queue.length) }, worker));

	const unprepared = new Map<number, unknown>();
	for (const item of items) {
		const urls = await outcomeOf(
			Promise.all(
				item.images.map(async (input, n) =>
					input.source === 'url'
						? input.url
						: await uploaded.get(input.identity)!.catch((error: unknown) => {
								// The same file may be another image of this item than of the one that found it.
								throw error instanceof ParameterProblem
									? new ParameterProblem(`Images → image ${n + 1}`, error.problem, error.fix)
									: error;
							}),
				),
			),
		);
		if (urls.ok) item.imageUrls = urls.value;
		else unprepared.set(item.itemIndex, urls.error);
	}
	return unprepared;
}
