import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { TaskDurationEstimate } from './durationEstimate';
import { WaveSpeedError } from './errors';
import { resolveImageUrls } from './inputs';
import { toOutputItem } from './outputs';
import { isFinished, waitForTask } from './polling';
import type { SubmitGate } from './rateLimit';
import { TaskApi } from './taskApi';
import { Deadline, Interrupted, type StopSignal } from './timing';
import { WaveSpeedClient } from './transport';
import type { EditRequest, WaveSpeedTask } from './types';

/** What the items of one execution share. */
export interface BatchContext {
	gate: SubmitGate;
	estimate: TaskDurationEstimate;
	/** Fires when the execution is cancelled or the batch stops after a failure. */
	stop: StopSignal;
	/** Called the moment WaveSpeed accepts an item's task, so a stopped batch can report it. */
	onSubmitted(itemIndex: number, taskId: string): void;
}

async function submitOrRecover(api: TaskApi, request: EditRequest, images: string[], batch: BatchContext, deadline: Deadline) {
	try {
		return await api.submit(request, images, batch.gate, deadline);
	} catch (error) {
		// A sync-mode gateway may give up while the task goes on; its id is enough to wait for it.
		if (error instanceof WaveSpeedError && error.taskId && (error.kind === 'server' || error.kind === 'noAnswer')) {
			return { id: error.taskId, status: 'processing' } satisfies WaveSpeedTask;
		}
		throw api.client.ensure(error);
	}
}

/** One item: images → submit → wait → outputs. */
export async function editImage(
	ctx: IExecuteFunctions,
	request: EditRequest,
	batch: BatchContext,
): Promise<INodeExecutionData> {
	const deadline = new Deadline(request.options.timeoutMs);
	const client = await WaveSpeedClient.forItem(ctx, request.itemIndex);
	const api = new TaskApi(client, batch.stop);
	const images = await resolveImageUrls(ctx, api, request, deadline);
	if (batch.stop.aborted) throw new Interrupted();
	const submitted = await submitOrRecover(api, request, images, batch, deadline);
	batch.onSubmitted(request.itemIndex, submitted.id);
	try {
		const task = isFinished(submitted)
			? submitted
			: await waitForTask(api, submitted, {
					deadline,
					capMs: request.options.pollIntervalMs,
					estimate: batch.estimate,
					cancel: batch.stop,
				});
		if (task.status !== 'completed') throw api.taskFailed(task);
		return await toOutputItem(ctx, api, request, task, deadline, batch.stop.signal);
	} catch (error) {
		if (error instanceof WaveSpeedError) error.setTaskId(submitted.id);
		throw client.ensure(error);
	}
}
