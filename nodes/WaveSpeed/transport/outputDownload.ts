import type { IBinaryData, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import type { Deadline } from '../timing';

const DOWNLOAD_TIMEOUT_MS = 120_000;

/** The n8n helpers that move an output image into n8n's binary store. */
export type BinaryHelpers = Pick<IExecuteFunctions['helpers'], 'httpRequest' | 'prepareBinaryData'>;

export interface OutputDownload<Peeked> {
	/** The stored file's name, once the answer's content type is known. */
	fileName(mime: string): string;
	/**
	 * Reads what it needs of the image's first bytes before it is stored; gives back what to store
	 * (the body, its head put back, or the bytes when that was all of it).
	 */
	peek(body: unknown): Promise<{ peeked: Peeked; body: unknown }>;
	deadline: Deadline;
	cancel?: AbortSignal;
	/** The error to throw, with the reason the download failed. */
	fail(reason: string): Error;
}

interface Readable {
	destroy(error?: Error): void;
}

export interface DownloadedOutput<Peeked> {
	binary: IBinaryData;
	peeked: Peeked;
}

/**
 * Streams one output image into n8n's binary store. Output URLs are on WaveSpeed's file hosts,
 * not its API: the request goes through n8n's plain httpRequest, so it carries no credentials.
 */
export async function downloadOutput<Peeked>(
	helpers: BinaryHelpers,
	url: string,
	{ fileName, peek, deadline, cancel, fail }: OutputDownload<Peeked>,
): Promise<DownloadedOutput<Peeked>> {
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
		const head = await peek(body);
		const binary = await helpers.prepareBinaryData(head.body as Buffer, fileName(mime), mime);
		return { binary, peeked: head.peeked };
	} catch (error) {
		throw fail(timeout.aborted ? 'it timed out' : (error as Error).message);
	} finally {
		abortSignal.removeEventListener('abort', stalled);
	}
}
