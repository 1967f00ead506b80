/** What n8n's binary store hands out: a Node stream, read here only as an async iterable. */
export type ByteSource = AsyncIterable<Uint8Array> & { destroy?(): void };

/** A stream whose first bytes were already read (to check the file type), with the rest unread. */
export interface OpenedStream {
	head: Buffer;
	rest: AsyncIterator<Uint8Array>;
	source: ByteSource;
}

/**
 * Reads at least `bytes` from the start of a stream and keeps the stream open, so the same read
 * can go on to send the file: in n8n's database binary mode every open loads the whole file.
 */
export async function openWithHead(source: ByteSource, bytes = 32): Promise<OpenedStream> {
	const rest = source[Symbol.asyncIterator]();
	const parts: Buffer[] = [];
	let length = 0;
	while (length < bytes) {
		const next = await rest.next();
		if (next.done) break;
		parts.push(Buffer.from(next.value));
		length += next.value.length;
	}
	return { head: Buffer.concat(parts), rest, source };
}

/**
 * A File whose bytes are read from n8n's binary store only while it is being sent, so an
 * upload from n8n's filesystem mode never holds the whole image in memory. It keeps the
 * public Blob contract that multipart encoders read (name, type, size, stream()). The first
 * send continues the stream that was opened to check the file; a retried send opens a new one.
 */
export class StreamedFile extends File {
	constructor(
		name: string,
		type: string,
		private readonly byteLength: number,
		private readonly open: () => Promise<ByteSource>,
		private opened?: OpenedStream,
	) {
		super([], name, { type });
	}

	override get size(): number {
		return this.byteLength;
	}

	override stream(): ReturnType<File['stream']> {
		const opened = this.opened;
		this.opened = undefined;
		const open = this.open;
		async function* chunks() {
			if (!opened) {
				yield* await open();
				return;
			}
			yield opened.head;
			for (let next = await opened.rest.next(); !next.done; next = await opened.rest.next()) {
				yield next.value;
			}
		}
		return chunks() as unknown as ReturnType<File['stream']>;
	}

	override async arrayBuffer(): Promise<ArrayBuffer> {
		const parts: Uint8Array[] = [];
		for await (const chunk of this.stream() as unknown as AsyncIterable<Uint8Array>)
			parts.push(chunk);
		const all = Buffer.concat(parts);
		return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
	}

	/** Closes the stream opened for the type check if no send ever read it. */
	release() {
		this.opened?.source.destroy?.();
		this.opened = undefined;
	}
}
