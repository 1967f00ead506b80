import { createHash } from 'node:crypto';
import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { SharedWork } from '../account/sharedWork';

/**
 * The SHA-256 of each stored binary read so far, by its id: a stored binary never changes, and
 * the 50 items that carry one background image share its id, so it is read once. Kept an hour.
 */
const hashesById = new SharedWork<string>({ maxEntries: 10_000, keepMs: 60 * 60 * 1000 });

/** A hash of a binary input's bytes: the same image, from any item or execution, has the same. */
export async function contentHash(
	ctx: IExecuteFunctions,
	itemIndex: number,
	input: { binaryPropertyName: string; binary: IBinaryData },
): Promise<string> {
	const id = input.binary.id;
	if (!id) {
		const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, input.binaryPropertyName);
		return createHash('sha256').update(bytes).digest('hex');
	}
	return await hashesById.get(id, async () => {
		const hash = createHash('sha256');
		for await (const chunk of await ctx.helpers.getBinaryStream(id)) hash.update(chunk as Buffer);
		return hash.digest('hex');
	});
}
