import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AcceptedTasks, acceptedTasks } from '../../helpers/acceptedTasks';
import { accountMemory } from '../../helpers/accountMemory';
import type { ItemFlow } from '../../helpers/adaptiveConcurrency';
import { resolveImageUrls } from '../../helpers/binaryInput';
import { WaveSpeedError } from '../../helpers/errors';
import { taskJson } from '../../helpers/outputItem';
import { taskResult } from '../../helpers/taskResult';
import { Deadline, Interrupted } from '../../helpers/timing';
import { WaveSpeedClient } from '../../transport/client';
import { TaskApi } from '../../transport/tasks';
import type { WaveSpeedTask } from '../../transport/types';
import type { BatchContext, ItemOperation } from '../batch';
import { readEditRequest, type EditRequest } from './request';
import { chooseSeed, editSubmitBody, requestFingerprint } from './submitBody';

async function submitOrRecover(
	api: TaskApi,
	request: EditRequest,
	seed: number,
	ctx: IExecuteFunctions,
	batch: BatchContext,
	flow: ItemFlow,
	deadline: Deadline,
) {
	const images = await resolveImageUrls(ctx, api, request, deadline);
	if (batch.stop.aborted) throw new Interrupted();
	const submission = {
		model: request.model,
		body: editSubmitBody(request, images, seed),
		webhookUrl: request.options.webhookUrl,
		holdsUntilDone: request.options.syncMode && request.options.waitForResult,
	};
	try {
		const { gate } = accountMemory(api.client.accountKey);
		return await api.submit(submission, gate, deadline, () => flow.rateLimited());
	} catch (error) {
		// A sync-mode gateway may give up while the task goes on; its id is enough to wait for it.
		if (
			error instanceof WaveSpeedError &&
			error.taskId &&
			(error.kind === 'server' || error.kind === 'noAnswer')
		) {
			return { id: error.taskId, status: 'processing' } satisfies WaveSpeedTask;
		}
		throw api.client.ensure(error);
	}
}

/**
 * The task for this item: the one WaveSpeed already accepted for the same request in this
 * execution (n8n's Retry On Fail runs the node again), or a new one.
 */
async function acceptedTask(
	ctx: IExecuteFunctions,
	api: TaskApi,
	request: EditRequest,
	batch: BatchContext,
	flow: ItemFlow,
	deadline: Deadline,
) {
	const key = AcceptedTasks.key(
		ctx.getExecutionId(),
		ctx.getNode().name,
		request.itemIndex,
		requestFingerprint(request),
	);
	const remembered = acceptedTasks.recall(key);
	if (remembered) {
		return {
			task: { id: remembered.taskId, status: 'processing' } as WaveSpeedTask,
			seed: remembered.seed,
		};
	}
	const seed = chooseSeed(request);
	const task = await submitOrRecover(api, request, seed, ctx, batch, flow, deadline);
	acceptedTasks.remember(key, task.id, seed);
	return { task, seed };
}

/** One item: images → submit → wait → outputs. */
async function editImage(
	ctx: IExecuteFunctions,
	request: EditRequest,
	itemIndex: number,
	batch: BatchContext,
	flow: ItemFlow,
): Promise<INodeExecutionData> {
	const deadline = new Deadline(request.options.timeoutMs);
	const client = await WaveSpeedClient.forItem(ctx, itemIndex);
	const api = new TaskApi(client, batch.stop);
	const { task: submitted, seed } = await acceptedTask(ctx, api, request, batch, flow, deadline);
	batch.onSubmitted(itemIndex, submitted.id);
	flow.accepted(submitted.status);
	const facts = { model: request.model, seed, size: request.size };
	if (!request.options.waitForResult) {
		const { id, model, status, seed: sentSeed, size, createdAt } = taskJson(submitted, facts);
		const resultUrl = submitted.urls?.get ?? null;
		return {
			json: { id, model, status, resultUrl, seed: sentSeed, size, createdAt },
			pairedItem: { item: itemIndex },
		};
	}
	try {
		const item = await taskResult(ctx.helpers, submitted, facts, {
			api,
			options: request.options,
			deadline,
			estimate: accountMemory(client.accountKey).estimate(request.model),
			stop: batch.stop,
			onStatus: (task: WaveSpeedTask) => flow.seen(task.status),
		});
		return { ...item, pairedItem: { item: itemIndex } };
	} catch (error) {
		if (error instanceof WaveSpeedError) error.setTaskId(submitted.id);
		throw client.ensure(error);
	}
}

export const editOperation: ItemOperation<EditRequest> = {
	read: readEditRequest,
	run: editImage,
	finished: (ctx) => acceptedTasks.forget(ctx.getExecutionId(), ctx.getNode().name),
};
