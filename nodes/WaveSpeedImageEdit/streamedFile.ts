/** What n8n's binary store hands out: a Node stream, read here only as an async iterable. */
export type ByteSource = AsyncIterable<Uint8Array> & { destroy?(): void };

/**
 * A File whose bytes are read from n8n's binary store only while it is being sent, so an
 * upload from n8n's filesystem mode never holds the whole image in memory. It keeps the
 * public Blob contract that multipart encoders read (name, type, size, stream()), and opens
 * a fresh stream each time, so a retried upload sends the whole file again.
 */
export class StreamedFile extends File {
	constructor(
		name: string,
		type: string,
		private readonly byteLength: number,
		private readonly open: () => Promise<ByteSource>,
	) {
		super([], name, { type });
	}

	override get size(): number {
		return this.byteLength;
	}

	override stream(): ReturnType<File['stream']> {
		const open = this.open;
		async function* chunks() {
			yield* await open();
		}
		return chunks() as unknown as ReturnType<File['stream']>;
	}

	override async arrayBuffer(): Promise<ArrayBuffer> {
		const parts: Uint8Array[] = [];
		for await (const chunk of await this.open()) parts.push(chunk);
		const all = Buffer.concat(parts);
		return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
	}
}

/** The first bytes of a stream, enough to tell an image type apart; the stream is closed. */
export async function readHead(source: ByteSource, bytes = 32): Promise<Buffer> {
	const parts: Buffer[] = [];
	let length = 0;
	for await (const chunk of source) {
		parts.push(Buffer.from(chunk));
		length += chunk.length;
		if (length >= bytes) break;
	}
	source.destroy?.();
	return Buffer.concat(parts).subarray(0, bytes);
}
