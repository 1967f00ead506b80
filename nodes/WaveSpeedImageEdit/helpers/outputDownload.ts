import type { IBinaryData, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import type { WaveSpeedClient } from '../transport/client';
import type { WaveSpeedTask } from '../transport/types';
import { extensionForMime } from './imageBytes';
import type { Deadline } from './timing';

const DOWNLOAD_TIMEOUT_MS = 120_000;

/** The n8n helpers that move an output image into n8n's binary store. */
export type BinaryHelpers = Pick<
	IExecuteFunctions['helpers'],
	'httpRequest' | 'prepareBinaryData' | 'getBinaryStream'
>;

interface Readable {
	destroy(error?: Error): void;
}

export function outputFileName(taskId: string, n: number, mime: string): string {
	return `wavespeed-${taskId}${n === 0 ? '' : `-${n + 1}`}.${extensionForMime(mime)}`;
}

/** Streams one output URL into n8n's binary store; the request carries no credentials. */
export async function downloadOutputImage(
	helpers: BinaryHelpers,
	client: WaveSpeedClient,
	task: WaveSpeedTask,
	url: string,
	n: number,
	deadline: Deadline,
	cancel?: AbortSignal,
): Promise<IBinaryData> {
	const timeout = AbortSignal.timeout(
		Math.max(1, Math.min(deadline.remaining(), DOWNLOAD_TIMEOUT_MS)),
	);
	const abortSignal = cancel ? AbortSignal.any([cancel, timeout]) : timeout;
	const fail = (reason: string) =>
		client.fail(
			'download',
			`Could not download output ${n + 1} of WaveSpeed task ${task.id}: ${reason}`,
			{
				taskId: task.id,
				description: `The image is at ${url}. The task succeeded and was billed; download it from there, or run Get Result with this task id.`,
			},
		);
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
		return await helpers.prepareBinaryData(
			body as unknown as Buffer,
			outputFileName(task.id, n, mime),
			mime,
		);
	} catch (error) {
		throw fail(timeout.aborted ? 'it timed out' : (error as Error).message);
	} finally {
		abortSignal.removeEventListener('abort', stalled);
	}
}
