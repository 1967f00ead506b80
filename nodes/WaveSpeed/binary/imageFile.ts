import { createHash } from 'node:crypto';
import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { ParameterProblem } from '../errors';
import type { UploadFile } from '../transport/upload';

/** The image types WaveSpeed takes, by the bytes their files start with (at an offset). */
const SIGNATURES = {
	'image/png': [{ at: 0, bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }],
	'image/jpeg': [{ at: 0, bytes: Buffer.from([0xff, 0xd8, 0xff]) }],
	'image/webp': [
		{ at: 0, bytes: Buffer.from('RIFF', 'latin1') },
		{ at: 8, bytes: Buffer.from('WEBP', 'latin1') },
	],
	'image/gif': [{ at: 0, bytes: Buffer.from('GIF8', 'latin1') }],
	'image/bmp': [{ at: 0, bytes: Buffer.from('BM', 'latin1') }],
} as const;

export type ImageMime = keyof typeof SIGNATURES;

/** Bytes enough to tell every signature above. */
const SNIFF_BYTES = 32;

/** WaveSpeed's upload limit. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** Whether `head` is a file of this type: 'prefix' when it ends before its signature does. */
export function signatureFit(head: Buffer, mime: ImageMime): 'matches' | 'prefix' | 'no' {
	let complete = true;
	for (const { at, bytes } of SIGNATURES[mime]) {
		const available = head.subarray(at, at + bytes.length);
		if (!available.equals(bytes.subarray(0, available.length))) return 'no';
		if (available.length < bytes.length) complete = false;
	}
	return complete ? 'matches' : 'prefix';
}

/** The image type named by a file's first bytes, or 'not-image'. */
export function sniffBufferMime(head: Buffer): string {
	const mimes = Object.keys(SIGNATURES) as ImageMime[];
	return mimes.find((mime) => signatureFit(head, mime) === 'matches') ?? 'not-image';
}

export function extensionForMime(mime: string): string {
	const subtype = mime.split('/')[1]?.split(/[;+]/)[0] ?? 'png';
	return subtype === 'jpeg' ? 'jpg' : subtype;
}

/** What is wrong with an image file, from its size and first bytes; undefined when it will do. */
export function imageFileProblem(
	field: string,
	name: string,
	file: { bytes: number; sniffed: string; mimeType: string },
): ParameterProblem | undefined {
	if (file.bytes === 0) {
		return new ParameterProblem(
			field,
			`"${name}" is an empty file (0 bytes)`,
			'Pass an image file',
		);
	}
	if (file.bytes > UPLOAD_MAX_BYTES) {
		return new ParameterProblem(
			field,
			`"${name}" is ${file.bytes} bytes, over WaveSpeed's 20 MB upload limit`,
			'Resize or compress the image first',
		);
	}
	if (file.sniffed === 'not-image') {
		return new ParameterProblem(
			field,
			`"${name}" is not an image (${file.mimeType || 'unknown type'})`,
			'Pass a PNG, JPEG, WebP, GIF or BMP file',
		);
	}
	return undefined;
}

/** The binary field of a task's n-th image: `data`, then `data_1`, `data_2`… */
export function outputFieldName(base: string, n: number): string {
	return n === 0 ? base : `${base}_${n}`;
}

export function outputFileName(taskId: string, n: number, mime: string): string {
	return `wavespeed-${taskId}${n === 0 ? '' : `-${n + 1}`}.${extensionForMime(mime)}`;
}

/** An output given inline (Base64 Output), with or without a data: prefix. */
export function decodeBase64Output(output: string): Buffer {
	return Buffer.from(output.replace(/^data:[^;,]*;base64,/, ''), 'base64');
}

/** What n8n's binary store hands out: a Node stream, read here only as an async iterable. */
type ByteSource = AsyncIterable<Uint8Array> & { destroy?(): void };

/**
 * A File whose bytes are read from n8n's binary store only while it is being sent, so an upload
 * never holds the whole image in memory. It keeps the public Blob contract that HTTP clients and
 * multipart encoders read (name, type, size, stream()). The first send continues the stream that
 * was opened to check the file's type; only a retried send opens the file again.
 */
export class StreamedFile extends File {
	constructor(
		name: string,
		type: string,
		private readonly byteLength: number,
		private readonly open: () => Promise<ByteSource>,
		private opened?: { head: Buffer; source: ByteSource; rest: AsyncIterator<Uint8Array> },
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

	/** Closes the stream opened for the type check if no send read it. */
	release() {
		this.opened?.source.destroy?.();
		this.opened = undefined;
	}
}

/** An input image file of an item, as the node reads it. */
export interface InputFile {
	/** What the item names it by: its binary field. */
	fieldName: string;
	binary: IBinaryData;
}

/** The one name of an image file's content: n8n's binary id, or a hash of an inline file's bytes. */
export function inlineIdentity(bytes: Buffer): string {
	return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Whether n8n keeps the file in its binary store (filesystem, database, S3) rather than inline. */
export function isStored(binary: IBinaryData): binary is IBinaryData & { id: string } {
	return typeof binary.id === 'string' && binary.id !== '';
}

/**
 * Opens an input image for its upload, reading it once: an inline file is decoded from the
 * item, a stored one streamed from n8n's binary store. Its first bytes are checked before
 * anything is sent; a file that is not an image, is empty or is too large is a ParameterProblem.
 */
export async function openImageFile(
	helpers: Pick<IExecuteFunctions['helpers'], 'getBinaryStream' | 'getBinaryMetadata'>,
	field: string,
	file: InputFile & { inlineBytes?: Buffer },
	position: number,
): Promise<UploadFile & { release(): void }> {
	const { binary, fieldName } = file;
	const checked = (head: Buffer, bytes: number) => {
		const sniffed = sniffBufferMime(head);
		const problem = imageFileProblem(field, fieldName, {
			bytes,
			sniffed,
			mimeType: binary.mimeType,
		});
		return {
			problem,
			sniffed,
			name: binary.fileName || `image${position}.${extensionForMime(sniffed)}`,
		};
	};
	if (!isStored(binary)) {
		const bytes = file.inlineBytes ?? Buffer.from(binary.data, 'base64');
		const { problem, sniffed, name } = checked(bytes, bytes.length);
		if (problem) throw problem;
		return { name, type: sniffed, size: bytes.length, content: bytes, release() {} };
	}
	const id = binary.id;
	const size = binary.bytes ?? (await helpers.getBinaryMetadata(id)).fileSize;
	const source = (await helpers.getBinaryStream(id)) as unknown as ByteSource;
	const rest = source[Symbol.asyncIterator]();
	const parts: Buffer[] = [];
	let length = 0;
	while (length < SNIFF_BYTES) {
		const next = await rest.next();
		if (next.done) break;
		parts.push(Buffer.from(next.value));
		length += next.value.length;
	}
	const head = Buffer.concat(parts);
	const { problem, sniffed, name } = checked(head, size);
	if (problem) {
		source.destroy?.();
		throw problem;
	}
	const content = new StreamedFile(
		name,
		sniffed,
		size,
		async () => (await helpers.getBinaryStream(id)) as unknown as ByteSource,
		{ head, source, rest },
	);
	return { name, type: sniffed, size, content, release: () => content.release() };
}
