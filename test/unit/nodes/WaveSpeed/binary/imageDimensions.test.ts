/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only code, not in the published package */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { makePng } from '../../../../../devkit/fake-wavespeed/png';
import { storeBinary, useFilesystemBinaryMode } from '../../../../../devkit/harness/engine';
import {
	bufferImageDimensions,
	imageDimensions,
	MAX_HEAD_BYTES,
	peekImageDimensions,
} from '../../../../../nodes/WaveSpeed/binary/imageDimensions';

/** Stores a stream as n8n's prepareBinaryData does for a download. */
const storeStream = async (stream: Readable, mimeType: string) =>
	await storeBinary(stream as unknown as Buffer, 'output', mimeType);

// Made once with Debian's ImageMagick 6.9.11 and libwebp 1.2.4 (cwebp):
//   convert -size 7x5 gradient:red-blue -strip baseline-7x5.jpg
//   convert -size 9x4 gradient:green-white -strip -interlace JPEG progressive-9x4.jpg
//   cwebp -q 40 (300x7 gradient) → vp8-300x7.webp; cwebp -lossless (513x3) → vp8l-513x3.webp;
//   cwebp -q 40 (1030x2 gradient with alpha) → vp8x-1030x2.webp (VP8X + ALPH + VP8)
const fixture = (name: string) =>
	readFileSync(join(__dirname, '../../../../fixtures/images', name));

/** A JPEG segment: FF, marker, big-endian length (counting itself), payload. */
function segment(marker: number, payload: Buffer): Buffer {
	const header = Buffer.from([0xff, marker, 0, 0]);
	header.writeUInt16BE(payload.length + 2, 2);
	return Buffer.concat([header, payload]);
}

/** `jpeg` with APPn segments of `payloadBytes` each inserted right after SOI, before the rest. */
function withAppSegments(jpeg: Buffer, count: number, payloadBytes = 65533): Buffer {
	const exif = Buffer.alloc(payloadBytes, 0x20);
	exif.write('Exif\0\0MM', 'latin1');
	const segments = Array.from({ length: count }, (_, n) => segment(0xe1 + (n % 2), exif));
	return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

const baseline = fixture('baseline-7x5.jpg');

const images: Array<[string, Buffer, number, number]> = [
	['PNG 500×375 (makePng)', makePng(500, 375), 500, 375],
	['PNG 1×1 (makePng)', makePng(1, 1), 1, 1],
	['PNG 1536×1024 (makePng)', makePng(1536, 1024, 3), 1536, 1024],
	['JPEG baseline 7×5 (SOF0)', baseline, 7, 5],
	['JPEG progressive 9×4 (SOF2)', fixture('progressive-9x4.jpg'), 9, 4],
	['JPEG 7×5 with a 64 KiB APP1 (Exif) before SOF', withAppSegments(baseline, 1), 7, 5],
	['JPEG 7×5 with 3 × 64 KiB APP1/APP2 before SOF', withAppSegments(baseline, 3), 7, 5],
	[
		'JPEG 7×5 with fill bytes before a marker',
		Buffer.concat([baseline.subarray(0, 2), Buffer.from([0xff, 0xff]), baseline.subarray(2)]),
		7,
		5,
	],
	['WebP lossy 300×7 (VP8)', fixture('vp8-300x7.webp'), 300, 7],
	['WebP lossless 513×3 (VP8L)', fixture('vp8l-513x3.webp'), 513, 3],
	['WebP extended 1030×2 with alpha (VP8X)', fixture('vp8x-1030x2.webp'), 1030, 2],
];

describe('imageDimensions: width and height from the first bytes', () => {
	test.each(images)('%s', (_, bytes, width, height) => {
		expect(imageDimensions(bytes)).toEqual({ width, height });
	});

	test.each(images)(
		'%s: every shorter head says needMore or the right size, never a wrong one',
		(label, bytes, width, height) => {
			let needed: number | undefined;
			const wrong: number[] = [];
			for (let n = 0; n <= bytes.length; n++) {
				const reading = imageDimensions(bytes.subarray(0, n));
				if (reading === 'needMore') continue;
				needed ??= n;
				if (reading?.width !== width || reading.height !== height) wrong.push(n);
			}
			expect(wrong).toEqual([]);
			console.log(`${label}: size known after ${needed} of ${bytes.length} bytes`);
		},
	);

	const notImages: Array<[string, Buffer]> = [
		['text', Buffer.from('hello, world')],
		['a JSON error envelope', Buffer.from('{"code":404,"message":"Not found","data":null}')],
		['HTML', Buffer.from('<html><body>502 Bad Gateway</body></html>')],
		['GIF', Buffer.from('GIF89a\x0a\x00\x05\x00\x80\x00\x00', 'latin1')],
		['BMP', Buffer.from('BM\x36\x00\x00\x00', 'latin1')],
		[
			'a RIFF WAVE file',
			Buffer.from(
				'RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x44\xac\x00\x00',
				'latin1',
			),
		],
		[
			'a WebP with an unknown first chunk (told after 16 bytes)',
			Buffer.from('RIFF\x24\x00\x00\x00WEBPABCD', 'latin1'),
		],
		[
			'a VP8 chunk without its start code',
			Buffer.concat([
				Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 \x10\x00\x00\x00', 'latin1'),
				Buffer.alloc(20),
			]),
		],
		[
			'a PNG signature followed by another chunk than IHDR',
			Buffer.concat([makePng(2, 2).subarray(0, 12), Buffer.from('IDAT'), Buffer.alloc(8)]),
		],
		['a PNG of width 0', Buffer.concat([makePng(2, 2).subarray(0, 16), Buffer.alloc(8)])],
		[
			'a JPEG whose image data starts before any frame header',
			Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6]),
		],
		['a JPEG that ends before any frame header', Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
		[
			'a JPEG segment with a length below 2',
			Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0, 0]),
		],
		[
			'a JPEG with garbage where a marker belongs',
			Buffer.concat([baseline.subarray(0, 20), Buffer.from([0x12, 0x34]), baseline.subarray(22)]),
		],
		[
			'a JPEG whose height comes later (DNL)',
			Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 8, 0x00, 0x00, 0x00, 0x07, 3]),
		],
	];

	test.each(notImages)('%s: undefined', (_, bytes) => {
		expect(imageDimensions(bytes)).toBeUndefined();
	});

	test('heads too short to tell: needMore (the empty head, and prefixes of each signature)', () => {
		for (const head of [
			Buffer.alloc(0),
			Buffer.from([0x89, 0x50]),
			Buffer.from([0xff, 0xd8]),
			Buffer.from('RIFF\0\0\0\0WE', 'latin1'),
		]) {
			expect(imageDimensions(head)).toBe('needMore');
		}
	});

	test('a JPEG cut inside a large APP1 segment: needMore', () => {
		expect(imageDimensions(withAppSegments(baseline, 1).subarray(0, 40_000))).toBe('needMore');
	});
});

/** A Node stream that gives `bytes` in chunks of `size` as they are read, counting the chunks given. */
function chunked(bytes: Buffer, size: number) {
	const state = { pulled: 0 };
	let at = 0;
	const stream = new Readable({
		highWaterMark: 1,
		read() {
			if (at >= bytes.length) return void this.push(null);
			state.pulled++;
			this.push(Buffer.from(bytes.subarray(at, at + size)));
			at += size;
		},
	});
	return { stream, state };
}

/** What a peek hands on, read to its end: it must be the whole image. */
async function rest(body: Readable | Buffer): Promise<Buffer> {
	if (Buffer.isBuffer(body)) return body;
	const parts: Buffer[] = [];
	for await (const chunk of body) parts.push(chunk as Buffer);
	return Buffer.concat(parts);
}

const peek = async (stream: Readable, max?: number) => await peekImageDimensions(stream, max);

describe('peekImageDimensions: the size from the head of a stream, which is then handed on whole', () => {
	test.each(images)(
		'%s, in chunks of 1, 7, 1000 and 65536 bytes: the size, and every byte still there',
		async (_, bytes, width, height) => {
			for (const size of [1, 7, 1000, 65536]) {
				const { stream } = chunked(bytes, size);
				const peeked = await peek(stream);
				expect(peeked.dimensions).toEqual({ width, height });
				expect((await rest(peeked.body)).equals(bytes)).toBe(true);
			}
		},
	);

	test('a PNG in one 64 KiB chunk: settled by the first chunk', async () => {
		const png = makePng(1536, 1024, 1, 0);
		const { stream, state } = chunked(png, 65536);
		const peeked = await peek(stream);
		expect(peeked.dimensions).toEqual({ width: 1536, height: 1024 });
		expect(state.pulled).toBeLessThanOrEqual(2);
		expect((await rest(peeked.body)).equals(png)).toBe(true);
	});

	test('a JPEG whose frame header lies past the limit: undefined, reading about the limit', async () => {
		const jpeg = withAppSegments(baseline, 5);
		expect(imageDimensions(jpeg)).toEqual({ width: 7, height: 5 });
		const { stream, state } = chunked(jpeg, 65536);
		const peeked = await peek(stream);
		expect(peeked.dimensions).toBeUndefined();
		expect(state.pulled).toBeLessThanOrEqual(MAX_HEAD_BYTES / 65536 + 1);
		expect((await rest(peeked.body)).equals(jpeg)).toBe(true);
	});

	test('a stream that ends early leaves the size unknown and gives back what it had', async () => {
		const cut = makePng(4, 4).subarray(0, 20);
		const { stream } = chunked(cut, 5);
		const peeked = await peek(stream);
		expect(peeked.dimensions).toBeUndefined();
		expect((await rest(peeked.body)).equals(cut)).toBe(true);
	});

	test('a non-image: no size, and the bytes untouched', async () => {
		const text = Buffer.alloc(500_000, 0x41);
		const { stream } = chunked(text, 64 * 1024);
		const peeked = await peek(stream);
		expect(peeked.dimensions).toBeUndefined();
		expect((await rest(peeked.body)).equals(text)).toBe(true);
	});

	test('a buffer in memory (inline base64 output)', () => {
		expect(bufferImageDimensions(makePng(640, 480))).toEqual({ width: 640, height: 480 });
		expect(bufferImageDimensions(Buffer.from('not an image'))).toBeUndefined();
	});
});

describe("peekImageDimensions, then n8n's filesystem binary store takes the stream", () => {
	beforeAll(async () => {
		await useFilesystemBinaryMode();
	});

	test.each<[string, Buffer, string, number, number]>([
		['a 3 MB PNG', makePng(1024, 1024, 5, 0), 'image/png', 1024, 1024],
		['a JPEG with 3 × 64 KiB of APP segments', withAppSegments(baseline, 3), 'image/jpeg', 7, 5],
		['a WebP', fixture('vp8x-1030x2.webp'), 'image/webp', 1030, 2],
	])('%s: sized on its way in, stored byte for byte', async (_, bytes, mimeType, width, height) => {
		const { stream } = chunked(bytes, 64 * 1024);
		const peeked = await peek(stream);
		expect(peeked.dimensions).toEqual({ width, height });
		const stored = await storeStream(peeked.body as Readable, mimeType);
		expect(stored.id).toMatch(/^filesystem/);
		const back = await Container.get(BinaryDataService).getAsBuffer(stored);
		expect(back.equals(bytes)).toBe(true);
	});
});
