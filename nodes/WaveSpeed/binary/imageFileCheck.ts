import { ParameterProblem } from '../errors/parameterProblem';

/** WaveSpeed's upload limit. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** What is wrong with an image file, from what is known of it; undefined when it will do. */
export function imageFileProblem(
	field: string,
	name: string,
	file: { bytes?: number; sniffed?: string; mimeType: string },
): ParameterProblem | undefined {
	if (file.bytes === 0) {
		return new ParameterProblem(
			field,
			`"${name}" is an empty file (0 bytes)`,
			'Pass an image file',
		);
	}
	if (file.bytes !== undefined && file.bytes > UPLOAD_MAX_BYTES) {
		return new ParameterProblem(
			field,
			`"${name}" is ${file.bytes} bytes, over WaveSpeed's 20 MB upload limit`,
			'Resize or compress the image first',
		);
	}
	const isImage =
		file.sniffed === undefined ? file.mimeType.startsWith('image/') : file.sniffed !== 'not-image';
	if (!isImage) {
		return new ParameterProblem(
			field,
			`"${name}" is not an image (${file.mimeType || 'unknown type'})`,
			'Pass a PNG, JPEG, WebP, GIF or BMP file',
		);
	}
	return undefined;
}
