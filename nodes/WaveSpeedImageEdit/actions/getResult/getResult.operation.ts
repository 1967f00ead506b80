import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { accountMemory } from '../../helpers/accountMemory';
import { WaveSpeedError } from '../../helpers/errors';
import { taskJson } from '../../helpers/outputItem';
import { isFinished } from '../../helpers/polling';
import { taskResult } from '../../helpers/taskResult';
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
		const task = await api.fetchTask(request.taskId);
		if (!isFinished(task) && !request.waitForResult) {
			return { json: taskJson(task), pairedItem: { item: itemIndex } };
		}
		const item = await taskResult(
			ctx.helpers,
			task,
			{},
			{
				api,
				options: request.options,
				deadline,
				estimate: accountMemory(client.accountKey).estimate(task.model ?? ''),
				stop: batch.stop,
			},
		);
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
