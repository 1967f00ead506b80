import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import type { WaveSpeedClient } from '../transport/client';
import type { WaveSpeedTask } from '../transport/types';
import { sniffBufferMime } from './imageBytes';
import { binaryImageDimensions } from './imageDimensions';
import { type BinaryHelpers, downloadOutputImage, outputFileName } from './outputDownload';
import type { Deadline } from './timing';

export interface OutputSettings {
	downloadOutput: boolean;
	binaryPropertyOutput: string;
}

/** What the caller knows of the request beyond what WaveSpeed's task object says. */
export interface RequestFacts {
	model?: string;
	seed?: number;
	size?: string;
}

export interface OutputItem {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

function outputFieldName(base: string, n: number): string {
	return n === 0 ? base : `${base}_${n}`;
}

function isUrl(output: string): boolean {
	return /^https?:\/\//i.test(output);
}

function decodeBase64Output(output: string): Buffer {
	return Buffer.from(output.replace(/^data:[^;,]*;base64,/, ''), 'base64');
}

/** The request's seed and size as WaveSpeed echoes them in the task's `input`, if it does. */
function factsFromInput(task: WaveSpeedTask): RequestFacts {
	const input = task.input ?? {};
	return {
		seed: typeof input.seed === 'number' ? input.seed : undefined,
		size: typeof input.size === 'string' ? input.size : undefined,
	};
}

/** The JSON every operation and the trigger give for a task, without its images. */
export function taskJson(task: WaveSpeedTask, facts: RequestFacts = {}): IDataObject {
	const echoed = factsFromInput(task);
	const json: IDataObject = {
		id: task.id,
		model: facts.model ?? task.model ?? null,
		status: task.status,
		outputs: task.outputs ?? [],
		timings: (task.timings ?? {}) as IDataObject,
		seed: facts.seed ?? echoed.seed ?? null,
		size: facts.size ?? echoed.size ?? null,
		createdAt: task.created_at ?? null,
	};
	if (task.has_nsfw_contents) json.hasNsfwContents = task.has_nsfw_contents;
	return json;
}

/** The item a completed task becomes: its JSON summary, and its images as binary data. */
export async function toOutputItem(
	helpers: BinaryHelpers,
	client: WaveSpeedClient,
	task: WaveSpeedTask,
	settings: OutputSettings,
	facts: RequestFacts,
	deadline: Deadline,
	cancel?: AbortSignal,
): Promise<OutputItem> {
	const outputs = task.outputs ?? [];
	if (outputs.length === 0) {
		throw client.fail('badResponse', `WaveSpeed task ${task.id} completed but returned no images`, {
			taskId: task.id,
		});
	}
	const json = taskJson(task, facts);
	if (!settings.downloadOutput) return { json };
	const binary: IBinaryKeyData = {};
	for (const [n, output] of outputs.entries()) {
		const field = outputFieldName(settings.binaryPropertyOutput, n);
		if (isUrl(output)) {
			binary[field] = await downloadOutputImage(helpers, client, task, output, n, deadline, cancel);
		} else {
			const bytes = decodeBase64Output(output);
			const mime = sniffBufferMime(bytes);
			const type = mime === 'not-image' ? 'image/png' : mime;
			binary[field] = await helpers.prepareBinaryData(
				bytes,
				outputFileName(task.id, n, type),
				type,
			);
		}
	}
	if (!outputs.every(isUrl)) json.outputs = Object.keys(binary).map((f) => `binary:${f}`);
	// The first image's real size, from its header in n8n's binary store (a few KiB read back):
	// a tap on the download itself would start the stream before n8n's store reads it.
	const first = binary[outputFieldName(settings.binaryPropertyOutput, 0)];
	const dimensions = await binaryImageDimensions(
		first,
		async (id) => await helpers.getBinaryStream(id),
	);
	json.width = dimensions?.width ?? null;
	json.height = dimensions?.height ?? null;
	json.size ??= dimensions ? `${dimensions.width}*${dimensions.height}` : null;
	return { json, binary };
}
