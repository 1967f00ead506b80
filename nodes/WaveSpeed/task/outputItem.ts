import type { IBinaryKeyData, IDataObject, INodeProperties } from 'n8n-workflow';

import type { RequestFacts } from '../account/acceptedTasks';
import { check } from '../errors';
import { bufferImageDimensions, peekImageDimensions } from '../binary/imageDimensions';
import type { ImageDimensions, PeekableStream } from '../binary/imageDimensions';
import {
	decodeBase64Output,
	outputFieldName,
	outputFileName,
	sniffBufferMime,
} from '../binary/imageFile';
import type { Deadline } from '../timing';
import { isHttpUrl, type WaveSpeedClient } from '../transport/client';
import { type BinaryHelpers, downloadOutput } from '../transport/outputDownload';
import { isFinished, type TaskOutput, type WaveSpeedTask } from '../transport/predictions';

const BINARY_PROPERTY_OUTPUT = 'data';

/** How a finished task becomes an item: Edit Image, Get Result and the trigger all offer these. */
export interface OutputSettings {
	downloadOutput: boolean;
	binaryPropertyOutput: string;
}

export const downloadOutputField: INodeProperties = {
	displayName: 'Download Output',
	name: 'downloadOutput',
	type: 'boolean',
	default: true,
	description: 'Whether to download the edited images as binary data. Off returns only their URLs.',
};

export const binaryPropertyOutputField: INodeProperties = {
	displayName: 'Output Binary Field',
	name: 'binaryPropertyOutput',
	type: 'string',
	default: BINARY_PROPERTY_OUTPUT,
	description:
		'The output field for the edited image. Further images of the same task go to the same name with _1, _2 appended.',
};

/**
 * Reads both options from a node's Options collection; throws a ParameterProblem. Download Output
 * left out of the collection means `downloadByDefault` (an agent's tool downloads nothing unless
 * asked: the model gets only the JSON).
 */
export function readOutputSettings(options: IDataObject, downloadByDefault = true): OutputSettings {
	const binaryPropertyOutput = String(
		options.binaryPropertyOutput ?? BINARY_PROPERTY_OUTPUT,
	).trim();
	check(
		binaryPropertyOutput !== '',
		'Options → Output Binary Field',
		'is empty',
		`Name the output field, e.g. "${BINARY_PROPERTY_OUTPUT}"`,
	);
	const downloadOutput =
		options.downloadOutput === undefined ? downloadByDefault : options.downloadOutput !== false;
	return { downloadOutput, binaryPropertyOutput };
}

export interface OutputItem {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/** Where a completed task's images go. */
export interface OutputTarget {
	helpers: BinaryHelpers;
	client: WaveSpeedClient;
	settings: OutputSettings;
	deadline: Deadline;
	cancel?: AbortSignal;
	facts?: RequestFacts;
}

/**
 * An output as the node uses it: a URL or base64 text, or the `url` of a record (some models give
 * records, WaveSpeed's own n8n node reads their `url`); undefined for a record without one.
 */
export function outputText(output: TaskOutput): string | undefined {
	if (typeof output === 'string') return output;
	return typeof output?.url === 'string' ? output.url : undefined;
}

/** The request's seed and size as WaveSpeed echoes them in the task's `input`, if it does. */
function factsFromInput(task: WaveSpeedTask): RequestFacts {
	const input = task.input ?? {};
	return {
		seed: typeof input.seed === 'number' ? input.seed : undefined,
		size: typeof input.size === 'string' ? input.size : undefined,
	};
}

/**
 * The JSON of a task, the same fields whatever gives it: Edit Image (waiting or not), Get Result
 * and the trigger. A task that ended without completing carries WaveSpeed's reason in `error`;
 * `error` also says what went wrong after the task (a trigger's failed download).
 */
export function taskJson(
	task: WaveSpeedTask,
	facts: RequestFacts = {},
	error?: string,
): IDataObject {
	const echoed = factsFromInput(task);
	const json: IDataObject = {
		id: task.id,
		model: facts.model ?? task.model ?? null,
		status: task.status,
		outputs: (task.outputs ?? []).map((output) => outputText(output) ?? output) as IDataObject[],
		timings: (task.timings ?? {}) as IDataObject,
		seed: facts.seed ?? echoed.seed ?? null,
		size: facts.size ?? echoed.size ?? null,
		cost: facts.cost ?? null,
		currency: facts.cost === undefined || facts.cost === null ? null : (facts.currency ?? null),
		createdAt: task.created_at ?? null,
		resultUrl: task.urls?.get ?? null,
	};
	if (task.has_nsfw_contents) json.hasNsfwContents = task.has_nsfw_contents;
	if (isFinished(task) && task.status !== 'completed') {
		json.error = task.error || 'WaveSpeed gave no reason';
	}
	if (error !== undefined) json.error = error;
	return json;
}

/** The item a completed task becomes: its JSON, and its images as binary data. */
export async function toOutputItem(task: WaveSpeedTask, target: OutputTarget): Promise<OutputItem> {
	const { helpers, client, settings, deadline, cancel, facts } = target;
	if ((task.outputs ?? []).length === 0) {
		throw client.fail('badResponse', `WaveSpeed task ${task.id} completed but returned no images`, {
			taskId: task.id,
		});
	}
	const outputs = (task.outputs ?? []).map((output, n) => {
		const text = outputText(output);
		if (text !== undefined) return text;
		const keys = Object.keys(output ?? {}).join(', ') || 'none';
		throw client.fail(
			'badResponse',
			`WaveSpeed task ${task.id} returned output ${n + 1} as a record without a URL (fields: ${keys})`,
			{
				taskId: task.id,
				description:
					'The task succeeded; its outputs are in the JSON of Get Result with Download Output off.',
			},
		);
	});
	const json = taskJson(task, facts);
	if (!settings.downloadOutput) return { json };
	const binary: IBinaryKeyData = {};
	let dimensions: ImageDimensions | undefined;
	for (const [n, output] of outputs.entries()) {
		const field = outputFieldName(settings.binaryPropertyOutput, n);
		if (isHttpUrl(output)) {
			// The first image's size is read from its head as it streams into n8n's store.
			const downloaded = await downloadOutput(helpers, output, {
				fileName: (mime) => outputFileName(task.id, n, mime),
				peek: async (body) => {
					if (n > 0) return { peeked: undefined, body };
					const { dimensions, body: rest } = await peekImageDimensions(body as PeekableStream);
					return { peeked: dimensions, body: rest };
				},
				deadline,
				cancel,
				fail: (reason) =>
					client.fail(
						'download',
						`Could not download output ${n + 1} of WaveSpeed task ${task.id}: ${reason}`,
						{
							taskId: task.id,
							description: `The image is at ${output}. The task succeeded and was billed; download it from there, or run Get Result with this task id.`,
						},
					),
			});
			binary[field] = downloaded.binary;
			if (n === 0) dimensions = downloaded.peeked;
		} else {
			const bytes = decodeBase64Output(output);
			const mime = sniffBufferMime(bytes);
			const type = mime === 'not-image' ? 'image/png' : mime;
			binary[field] = await helpers.prepareBinaryData(
				bytes,
				outputFileName(task.id, n, type),
				type,
			);
			if (n === 0) dimensions = bufferImageDimensions(bytes);
		}
	}
	if (!outputs.every(isHttpUrl)) json.outputs = Object.keys(binary).map((f) => `binary:${f}`);
	json.width = dimensions?.width ?? null;
	json.height = dimensions?.height ?? null;
	json.size ??= dimensions ? `${dimensions.width}*${dimensions.height}` : null;
	return { json, binary };
}
