import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { ensureNodeError, ParameterProblem, settingError } from '../errors';
import {
	type OutputSettings,
	readOutputSettings,
	taskJson,
	toOutputItem,
} from '../task/outputItem';
import { Deadline } from '../timing';
import type { WaveSpeedClient } from '../transport/client';
import type { WaveSpeedTask } from '../transport/predictions';

/** How long a callback's images may take to download, all together. */
const DOWNLOAD_DEADLINE_MS = 5 * 60 * 1000;

/** The trigger's Options, read by the same rules as the edit node's. */
export function readTriggerOutput(ctx: IHookFunctions | IWebhookFunctions): OutputSettings {
	try {
		return readOutputSettings(ctx.getNodeParameter('options', {}) as IDataObject);
	} catch (error) {
		throw error instanceof ParameterProblem
			? settingError(ctx.getNode(), error)
			: ensureNodeError(ctx.getNode(), error);
	}
}

/** The item a callback starts the workflow with: the task's JSON, and its images as binary. */
export async function callbackItem(
	ctx: IWebhookFunctions,
	client: WaveSpeedClient,
	task: WaveSpeedTask,
	settings: OutputSettings,
): Promise<INodeExecutionData> {
	if (task.status !== 'completed') return { json: taskJson(task) };
	try {
		const { json, binary } = await toOutputItem(task, {
			helpers: ctx.helpers,
			client,
			settings,
			deadline: new Deadline(DOWNLOAD_DEADLINE_MS),
		});
		return { json, binary };
	} catch (error) {
		// The delivery is already acknowledged: the workflow still starts, with what went wrong.
		return { json: taskJson(task, {}, (error as Error).message) };
	}
}
