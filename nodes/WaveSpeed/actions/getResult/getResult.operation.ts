import type { INodeExecutionData } from 'n8n-workflow';

import { accountMemory } from '../../account/accountMemory';
import { type BatchItem, openItem } from '../../task/itemContext';
import { taskJson } from '../../task/outputItem';
import { isFinished } from '../../task/statuses';
import { taskResult } from '../../task/taskResult';
import type { ItemOperation } from '../batch';
import { readGetResultRequest, type GetResultRequest } from './request';

/** One item: look the task up (and wait for it, if asked); never submits anything. */
async function getResult(
	batchItem: BatchItem,
	request: GetResultRequest,
): Promise<INodeExecutionData> {
	const item = await openItem(batchItem, request.options.timeoutMs);
	const pairedItem = { item: item.itemIndex };
	const task = await item.api.fetchTask(request.taskId);
	if (!isFinished(task) && !request.waitForResult) return { json: taskJson(task), pairedItem };
	const output = await taskResult(item, task, {
		pollIntervalMs: request.options.pollIntervalMs,
		output: request.options.output,
		estimate: accountMemory(item.client.accountKey).estimate(task.model ?? ''),
	});
	return { ...output, pairedItem };
}

export const getResultOperation: ItemOperation<GetResultRequest> = {
	read: readGetResultRequest,
	run: getResult,
};
