import { extensionForMime } from './imageBytes';

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
