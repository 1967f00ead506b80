import type { IBinaryData, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import type { Deadline } from '../timing';

const DOWNLOAD_TIMEOUT_MS = 120_000;

/** The n8n helpers that move an output image into n8n's binary store. */
export type BinaryHelpers = Pick<
	IExecuteFunctions['helpers'],
	'httpRequest' | 'prepareBinaryData' | 'getBinaryStream'
>;

export interface OutputDownload {
	/** The stored file's name, once the answer's content type is known. */
	fileName(mime: string): string;
	deadline: Deadline;
	cancel?: AbortSignal;
	/** The error to throw, with the reason the download failed. */
	fail(reason: string): Error;
}

interface Readable {
	destroy(error?: Error): void;
}

/**
 * Streams one output image into n8n's binary store. Output URLs are on WaveSpeed's file hosts,
 * not its API: the request goes through n8n's plain httpRequest, so it carries no credentials.
 */
export async function downloadOutput(
	helpers: BinaryHelpers,
	url: string,
	{ fileName, deadline, cancel, fail }: OutputDownload,
): Promise<IBinaryData> {
	const timeout = AbortSignal.timeout(
		Math.max(1, Math.min(deadline.remaining(), DOWNLOAD_TIMEOUT_MS)),
	);
	const abortSignal = cancel ? AbortSignal.any([cancel, timeout]) : timeout;
	let response: IN8nHttpFullResponse;
	try {
		response = (await helpers.httpRequest({
			url,
			method: 'GET',
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			abortSignal,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw fail(timeout.aborted ? 'it timed out' : (error as Error).message);
	}
	const body = response.body as Readable;
	if (response.statusCode !== 200) {
		body.destroy();
		throw fail(`HTTP ${response.statusCode}`);
	}
	const mime = String(response.headers['content-type'] ?? 'image/png')
		.split(';')[0]
		.trim();
	const stalled = () => body.destroy(new Error('the download stalled'));
	abortSignal.addEventListener('abort', stalled, { once: true });
	try {
		return await helpers.prepareBinaryData(body as unknown as Buffer, fileName(mime), mime);
	} catch (error) {
		throw fail(timeout.aborted ? 'it timed out' : (error as Error).message);
	} finally {
		abortSignal.removeEventListener('abort', stalled);
	}
}
