/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only code, not in the published package */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { makePng } from '../../../../../devkit/fake-wavespeed/png';
import { storeBinary, useFilesystemBinaryMode } from '../../../../../devkit/harness/engine';
import {
	binaryImageDimensions,
	imageDimensions,
	MAX_HEAD_BYTES,
	readImageDimensions,
} from '../../../../../nodes/WaveSpeed/binary/imageDimensions';

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

/** Yields `bytes` in chunks of `size`, counting the chunks taken and noting when it is closed. */
function chunked(bytes: Buffer, size: number) {
	const state = { pulled: 0, closed: false };
	async function* chunks() {
		try {
			for (let at = 0; at < bytes.length; at += size) {
				state.pulled++;
				yield bytes.subarray(at, at + size);
			}
		} finally {
			state.closed = true;
		}
	}
	return { chunks: chunks(), state };
}

describe('readImageDimensions: the size from a stream of chunks, reading no more than it needs', () => {
	test.each(images)(
		'%s, in chunks of 1, 7, 1000 and 65536 bytes',
		async (_, bytes, width, height) => {
			for (const size of [1, 7, 1000, 65536]) {
				expect(await readImageDimensions(chunked(bytes, size).chunks)).toEqual({ width, height });
			}
		},
	);

	test('a PNG in one 64 KiB chunk: settled by the first chunk', async () => {
		const png = makePng(1536, 1024, 1, 0);
		const { chunks, state } = chunked(png, 65536);
		expect(await readImageDimensions(chunks)).toEqual({ width: 1536, height: 1024 });
		expect(state.pulled).toBe(1);
		expect(state.closed).toBe(true);
	});

	test('a JPEG whose frame header lies past the limit: gives up with undefined, reading no more than the limit', async () => {
		const jpeg = withAppSegments(baseline, 5);
		expect(imageDimensions(jpeg)).toEqual({ width: 7, height: 5 });
		const { chunks, state } = chunked(jpeg, 65536);
		expect(await readImageDimensions(chunks)).toBeUndefined();
		expect(state.pulled).toBe(MAX_HEAD_BYTES / 65536);
		expect(state.closed).toBe(true);
	});

	test('a smaller limit is honoured', async () => {
		const { chunks, state } = chunked(withAppSegments(baseline, 1), 1000);
		expect(await readImageDimensions(chunks, 10_000)).toBeUndefined();
		expect(state.pulled).toBe(10);
	});

	test('a stream that ends early leaves the size unknown', async () => {
		expect(
			await readImageDimensions(chunked(makePng(4, 4).subarray(0, 20), 5).chunks),
		).toBeUndefined();
	});

	test('the head is a copy: the stream may reuse its chunk buffers', async () => {
		const png = makePng(640, 480);
		const reused = Buffer.from(png.subarray(0, 10));
		async function* chunks() {
			yield reused;
			reused.fill(0);
			yield png.subarray(10);
		}
		expect(await readImageDimensions(chunks())).toEqual({ width: 640, height: 480 });
	});
	test('reads chunks only until the size is known, then closes the stream', async () => {
		const jpeg = withAppSegments(baseline, 3);
		const { chunks, state } = chunked(Buffer.concat([jpeg, Buffer.alloc(1_000_000)]), 64 * 1024);
		expect(await readImageDimensions(chunks)).toEqual({ width: 7, height: 5 });
		expect(state.pulled).toBe(4);
		expect(state.closed).toBe(true);
	});

	test('a non-image: one chunk read, no size', async () => {
		const { chunks, state } = chunked(Buffer.alloc(500_000, 0x41), 64 * 1024);
		expect(await readImageDimensions(chunks)).toBeUndefined();
		expect(state.pulled).toBe(1);
	});

	test('a file in the binary store (it has an id): read through openStream', async () => {
		const png = makePng(640, 480);
		const opened: string[] = [];
		const dimensions = await binaryImageDimensions(
			{ id: 'filesystem-v2:abc', data: 'filesystem-v2', mimeType: 'image/png' },
			async (id) => {
				opened.push(id);
				return chunked(png, 64 * 1024).chunks;
			},
		);
		expect(dimensions).toEqual({ width: 640, height: 480 });
		expect(opened).toEqual(['filesystem-v2:abc']);
	});

	test.each<[string, Buffer, { width: number; height: number } | undefined]>([
		['a PNG', makePng(640, 480), { width: 640, height: 480 }],
		['a WebP', fixture('vp8l-513x3.webp'), { width: 513, height: 3 }],
		[
			'a JPEG with 3 × 64 KiB of APP segments',
			withAppSegments(baseline, 3),
			{ width: 7, height: 5 },
		],
		['a JPEG whose frame header lies past the limit', withAppSegments(baseline, 5), undefined],
		['text', Buffer.from('not an image'), undefined],
	])('inline base64 (n8n in-memory mode), %s', async (_, bytes, expected) => {
		const binary = { data: bytes.toString('base64'), mimeType: 'image/png' };
		const openStream = async () => {
			throw new Error('an inline binary has no stream');
		};
		expect(await binaryImageDimensions(binary, openStream)).toEqual(expected);
	});
});

describe("binaryImageDimensions on n8n's filesystem binary store", () => {
	beforeAll(async () => {
		await useFilesystemBinaryMode();
	});

	test.each<[string, Buffer, string, number, number]>([
		['a 3 MB PNG', makePng(1024, 1024, 5, 0), 'image/png', 1024, 1024],
		['a JPEG with 3 × 64 KiB of APP segments', withAppSegments(baseline, 3), 'image/jpeg', 7, 5],
		['a WebP', fixture('vp8x-1030x2.webp'), 'image/webp', 1030, 2],
	])(
		'%s stored as a file: read back from its head',
		async (label, bytes, mimeType, width, height) => {
			const stored = await storeBinary(bytes, 'output', mimeType);
			expect(stored.id).toMatch(/^filesystem/);
			const service = Container.get(BinaryDataService);
			const started = performance.now();
			const dimensions = await binaryImageDimensions(
				stored,
				async (id) => await service.getAsStream(id),
			);
			const ms = performance.now() - started;
			expect(dimensions).toEqual({ width, height });
			console.log(
				`${label} (${bytes.length} bytes on disk): size read back in ${ms.toFixed(2)} ms`,
			);
		},
	);
});
