import type { IBinaryData } from 'n8n-workflow';

const SIGNATURES: Array<{ mime: string; matches: (b: Buffer) => boolean }> = [
	{
		mime: 'image/png',
		matches: (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
	},
	{ mime: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
	{
		mime: 'image/webp',
		matches: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
	},
	{ mime: 'image/gif', matches: (b) => b.toString('latin1', 0, 4) === 'GIF8' },
	{ mime: 'image/bmp', matches: (b) => b.toString('latin1', 0, 2) === 'BM' },
];

/** The image type named by a file's first bytes, or 'not-image'. */
export function sniffBufferMime(head: Buffer): string {
	return SIGNATURES.find((s) => s.matches(head))?.mime ?? 'not-image';
}

function isStoredInline(binary: IBinaryData): boolean {
	return binary.id === undefined;
}

/** Sniffs an inline binary; undefined when n8n keeps the file elsewhere (read it to sniff). */
export function sniffImageMime(binary: IBinaryData): string | undefined {
	if (!isStoredInline(binary)) return undefined;
	return sniffBufferMime(Buffer.from(binary.data.slice(0, 24), 'base64'));
}

export function binaryByteLength(binary: IBinaryData): number | undefined {
	if (typeof binary.bytes === 'number') return binary.bytes;
	if (isStoredInline(binary)) return Buffer.byteLength(binary.data, 'base64');
	return undefined;
}

export function extensionForMime(mime: string): string {
	const subtype = mime.split('/')[1]?.split(/[;+]/)[0] ?? 'png';
	return subtype === 'jpeg' ? 'jpg' : subtype;
}
