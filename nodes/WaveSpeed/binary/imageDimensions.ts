import { sleep } from 'n8n-workflow';

import { type ImageMime, signatureFit } from './imageFile';

export interface ImageDimensions {
	width: number;
	height: number;
}

/** What a file's first bytes tell: its size, that more bytes are needed, or that they cannot. */
export type HeadReading = ImageDimensions | 'needMore' | undefined;

/** Room for a JPEG's metadata segments (Exif, ICC profile, XMP) before its frame header. */
export const MAX_HEAD_BYTES = 256 * 1024;

function sized(width: number, height: number): ImageDimensions | undefined {
	return width > 0 && height > 0 ? { width, height } : undefined;
}

/** Signature, then the IHDR chunk: length, "IHDR", width, height (big-endian). */
function pngDimensions(head: Buffer): HeadReading {
	if (head.length < 24) return 'needMore';
	if (head.toString('latin1', 12, 16) !== 'IHDR') return undefined;
	return sized(head.readUInt32BE(16), head.readUInt32BE(20));
}

/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
function isStartOfFrame(marker: number): boolean {
	return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Markers without a length field: TEM and RST0–RST7. */
function isStandalone(marker: number): boolean {
	return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/** Walks the segments after SOI, jumping over each by its length, up to the frame header. */
function jpegDimensions(head: Buffer): HeadReading {
	let pos = 2;
	for (;;) {
		if (pos >= head.length) return 'needMore';
		if (head[pos] !== 0xff) return undefined;
		// Any number of 0xFF fill bytes may precede a marker.
		while (pos < head.length && head[pos] === 0xff) pos++;
		if (pos >= head.length) return 'needMore';
		const marker = head[pos];
		pos++;
		if (isStandalone(marker)) continue;
		// Image data (SOS) or the end (EOI) before any frame header: no size to read.
		if (marker === 0xda || marker === 0xd9 || marker === 0x00) return undefined;
		if (pos + 2 > head.length) return 'needMore';
		const length = head.readUInt16BE(pos);
		if (length < 2) return undefined;
		if (isStartOfFrame(marker)) {
			// Length, sample precision, then height and width; a height of 0 comes later in a DNL segment.
			if (pos + 7 > head.length) return 'needMore';
			return sized(head.readUInt16BE(pos + 5), head.readUInt16BE(pos + 3));
		}
		pos += length;
	}
}

/** Bytes up to the end of the size fields, by the first chunk's type. */
const WEBP_HEAD_BYTES: Record<string, number | undefined> = { 'VP8 ': 30, VP8L: 25, VP8X: 30 };

/** RIFF header, then the first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X). */
function webpDimensions(head: Buffer): HeadReading {
	if (head.length < 16) return 'needMore';
	const chunk = head.toString('latin1', 12, 16);
	const needed = WEBP_HEAD_BYTES[chunk];
	if (needed === undefined) return undefined;
	if (head.length < needed) return 'needMore';
	if (chunk === 'VP8 ') {
		// 3-byte frame tag (bit 0 clear on a key frame), start code 9D 01 2A, then 14-bit sizes.
		if ((head[20] & 1) !== 0 || head[23] !== 0x9d || head[24] !== 0x01 || head[25] !== 0x2a) {
			return undefined;
		}
		return sized(head.readUInt16LE(26) & 0x3fff, head.readUInt16LE(28) & 0x3fff);
	}
	if (chunk === 'VP8L') {
		if (head[20] !== 0x2f) return undefined;
		const bits = head.readUInt32LE(21);
		return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
	}
	return sized(head.readUIntLE(24, 3) + 1, head.readUIntLE(27, 3) + 1);
}

const READERS: Array<[ImageMime, (head: Buffer) => HeadReading]> = [
	['image/png', pngDimensions],
	['image/jpeg', jpegDimensions],
	['image/webp', webpDimensions],
];

/**
 * Width and height of a PNG, JPEG or WebP from its first bytes. 'needMore' when `head` is a
 * prefix of such an image that ends before its size; undefined when it is not one (or is broken).
 */
export function imageDimensions(head: Buffer): HeadReading {
	if (head.length === 0) return 'needMore';
	for (const [mime, read] of READERS) {
		const fit = signatureFit(head, mime);
		if (fit === 'prefix') return 'needMore';
		if (fit === 'matches') return read(head);
	}
	return undefined;
}

/** The part of a Node readable stream that the peek below uses (an HTTP answer's body). */
export interface PeekableStream {
	read(): Buffer | null;
	unshift(chunk: Buffer): void;
	on(event: 'readable' | 'end' | 'error', listener: (error?: Error) => void): unknown;
	off(event: 'readable' | 'end' | 'error', listener: (error?: Error) => void): unknown;
	/** True once 'end' was emitted: no event will come any more. */
	readonly readableEnded: boolean;
}

/** What a peek leaves: the size, and the image to hand on (the stream, or all of it when it ended). */
export interface Peeked<S> {
	dimensions?: ImageDimensions;
	body: S | Buffer;
}

/**
 * The size of the image a stream carries, read from its first bytes (at most `maxHeadBytes`),
 * which are then put back (`unshift`, Node's way to parse a header and pass a stream on): the
 * stream is handed on unread, so whoever stores it gets every byte and the image is read once.
 * A stream that ended while being peeked at is handed on as the bytes read.
 */
export async function peekImageDimensions<S extends PeekableStream>(
	stream: S,
	maxHeadBytes = MAX_HEAD_BYTES,
): Promise<Peeked<S>> {
	const parts: Buffer[] = [];
	let kept = 0;
	let lookedAt = 0;
	let ended = false;
	let reading: HeadReading = 'needMore';
	while (reading === 'needMore' && kept < maxHeadBytes && !ended) {
		const chunk = stream.read();
		if (chunk === null) {
			ended = stream.readableEnded;
			if (ended) break;
			await new Promise<void>((resolve, reject) => {
				const settle = (outcome: 'readable' | 'end' | 'error') => (error?: Error) => {
					stream.off('readable', onReadable);
					stream.off('end', onEnd);
					stream.off('error', onError);
					ended ||= outcome === 'end';
					if (outcome === 'error') reject(error ?? new Error('the stream failed'));
					else resolve();
				};
				const onReadable = settle('readable');
				const onEnd = settle('end');
				const onError = settle('error');
				stream.on('readable', onReadable);
				stream.on('end', onEnd);
				stream.on('error', onError);
			});
			continue;
		}
		parts.push(chunk);
		kept += chunk.length;
		// Looked at again each time the head has doubled: many small chunks cost linear copying.
		if (kept >= 2 * lookedAt || kept >= maxHeadBytes) {
			lookedAt = kept;
			reading = imageDimensions(Buffer.concat(parts, kept));
		}
	}
	const head = Buffer.concat(parts, kept);
	if (reading === 'needMore' && kept > lookedAt) reading = imageDimensions(head);
	const dimensions = typeof reading === 'object' ? reading : undefined;
	if (ended) return { dimensions, body: head };
	if (kept > 0) stream.unshift(head);
	// Node lets a stream flow to a new reader only once the last 'readable' listener is gone, a
	// tick after its removal.
	await sleep(0);
	return { dimensions, body: stream };
}

/** The size of an image held in memory, from its first bytes. */
export function bufferImageDimensions(bytes: Buffer): ImageDimensions | undefined {
	const reading = imageDimensions(bytes.subarray(0, MAX_HEAD_BYTES));
	return typeof reading === 'object' ? reading : undefined;
}
