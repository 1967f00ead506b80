/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData) >>> 0);
	return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A real RGB PNG of the given size: a gradient tinted by `seed`, so different tasks give
 * different pictures. Compression 0 makes large files (about 3 bytes a pixel) on purpose.
 */
export function makePng(width: number, height: number, seed = 0, compression = 6): Buffer {
	const rowLength = width * 3 + 1;
	const raw = Buffer.alloc(rowLength * height);
	const tint = [(seed * 67) % 256, (seed * 151) % 256, (seed * 29) % 256];
	for (let y = 0; y < height; y++) {
		const row = y * rowLength;
		for (let x = 0; x < width; x++) {
			const p = row + 1 + x * 3;
			raw[p] = (Math.floor((x * 255) / width) + tint[0]) & 255;
			raw[p + 1] = (Math.floor((y * 255) / height) + tint[1]) & 255;
			raw[p + 2] = (((x ^ y) & 32 ? 200 : 40) + tint[2]) & 255;
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw, { level: compression })),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/** Width and height from a PNG's header, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
	if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47) return undefined;
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
