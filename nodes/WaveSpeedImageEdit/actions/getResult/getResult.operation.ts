import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { WaveSpeedError } from '../../helpers/errors';
import { taskJson, toOutputItem } from '../../helpers/outputItem';
import { isFinished, waitForTask } from '../../helpers/polling';
import { taskFailed } from '../../helpers/taskErrors';
import { Deadline } from '../../helpers/timing';
import { WaveSpeedClient } from '../../transport/client';
import { TaskApi } from '../../transport/tasks';
import type { BatchContext, ItemOperation } from '../batch';
import { readGetResultRequest, type GetResultRequest } from './request';

/** One item: look the task up (and wait for it, if asked); never submits anything. */
async function getResult(
	ctx: IExecuteFunctions,
	request: GetResultRequest,
	itemIndex: number,
	batch: BatchContext,
): Promise<INodeExecutionData> {
	const deadline = new Deadline(request.options.timeoutMs);
	const client = await WaveSpeedClient.forItem(ctx, itemIndex);
	const api = new TaskApi(client, batch.stop);
	try {
		let task = await api.fetchTask(request.taskId);
		if (!isFinished(task)) {
			if (!request.waitForResult) return { json: taskJson(task), pairedItem: { item: itemIndex } };
			task = await waitForTask(api, task, {
				deadline,
				capMs: request.options.pollIntervalMs,
				estimate: batch.estimate,
				cancel: batch.stop,
			});
		}
		if (task.status !== 'completed') throw taskFailed(client, task);
		const item = await toOutputItem(ctx.helpers, client, task, request.options, {}, deadline, batch.stop.signal);
		return { ...item, pairedItem: { item: itemIndex } };
	} catch (error) {
		if (error instanceof WaveSpeedError) error.setTaskId(request.taskId);
		throw client.ensure(error);
	}
}

export const getResultOperation: ItemOperation<GetResultRequest> = {
	read: readGetResultRequest,
	run: getResult,
};
