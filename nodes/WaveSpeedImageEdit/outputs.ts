import type { IBinaryKeyData, IDataObject, IExecuteFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { extensionForMime, sniffBufferMime } from './imageBytes';
import type { TaskApi } from './taskApi';
import type { Deadline } from './timing';
import type { EditRequest, WaveSpeedTask } from './types';

const DOWNLOAD_TIMEOUT_MS = 120_000;

interface Readable {
	destroy(error?: Error): void;
}

function outputFieldName(base: string, n: number): string {
	return n === 0 ? base : `${base}_${n}`;
}

function outputFileName(taskId: string, n: number, mime: string): string {
	return `wavespeed-${taskId}${n === 0 ? '' : `-${n + 1}`}.${extensionForMime(mime)}`;
}

function decodeBase64Output(output: string): Buffer {
	return Buffer.from(output.replace(/^data:[^;,]*;base64,/, ''), 'base64');
}

/** Streams one output URL into n8n's binary store; the request carries no credentials. */
async function downloadOutputImage(
	ctx: IExecuteFunctions,
	api: TaskApi,
	task: WaveSpeedTask,
	url: string,
	n: number,
	deadline: Deadline,
	cancel?: AbortSignal,
) {
	const timeout = AbortSignal.timeout(Math.max(1, Math.min(deadline.remaining(), DOWNLOAD_TIMEOUT_MS)));
	const abortSignal = cancel ? AbortSignal.any([cancel, timeout]) : timeout;
	const fail = (reason: string) =>
		api.client.fail('download', `Could not download output ${n + 1} of WaveSpeed task ${task.id}: ${reason}`, {
			taskId: task.id,
			description: `The image is at ${url}. The task succeeded and was billed; download it from there.`,
		});
	let response: IN8nHttpFullResponse;
	try {
		response = (await ctx.helpers.httpRequest({
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
	const mime = String(response.headers['content-type'] ?? 'image/png').split(';')[0].trim();
	const stalled = () => body.destroy(new Error('the download stalled'));
	abortSignal.addEventListener('abort', stalled, { once: true });
	try {
		return await ctx.helpers.prepareBinaryData(
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

/** The item a finished task becomes: its JSON summary, and its images as binary data. */
export async function toOutputItem(
	ctx: IExecuteFunctions,
	api: TaskApi,
	request: EditRequest,
	task: WaveSpeedTask,
	deadline: Deadline,
	cancel?: AbortSignal,
): Promise<INodeExecutionData> {
	const outputs = task.outputs ?? [];
	if (outputs.length === 0) {
		throw api.client.fail('badResponse', `WaveSpeed task ${task.id} completed but returned no images`, {
			taskId: task.id,
		});
	}
	const { base64Output, downloadOutput, binaryPropertyOutput } = request.options;
	const binary: IBinaryKeyData = {};
	if (downloadOutput) {
		for (const [n, output] of outputs.entries()) {
			const field = outputFieldName(binaryPropertyOutput, n);
			if (base64Output) {
				const bytes = decodeBase64Output(output);
				const mime = sniffBufferMime(bytes);
				const type = mime === 'not-image' ? 'image/png' : mime;
				binary[field] = await ctx.helpers.prepareBinaryData(bytes, outputFileName(task.id, n, type), type);
			} else {
				binary[field] = await downloadOutputImage(ctx, api, task, output, n, deadline, cancel);
			}
		}
	}
	const json: IDataObject = {
		id: task.id,
		model: request.model,
		status: task.status,
		outputs: downloadOutput && base64Output ? Object.keys(binary).map((f) => `binary:${f}`) : outputs,
		timings: (task.timings ?? {}) as IDataObject,
		seed: request.seed,
		size: request.size ?? null,
		createdAt: task.created_at ?? null,
	};
	if (task.has_nsfw_contents) json.hasNsfwContents = task.has_nsfw_contents;
	return downloadOutput
		? { json, binary, pairedItem: { item: request.itemIndex } }
		: { json, pairedItem: { item: request.itemIndex } };
}
