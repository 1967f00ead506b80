import type { IBinaryData } from 'n8n-workflow';

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
