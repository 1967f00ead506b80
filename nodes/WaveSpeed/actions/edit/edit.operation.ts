import type { INodeExecutionData } from 'n8n-workflow';

import { accountMemory } from '../../account/accountMemory';
import { type BatchItem, openItem } from '../../task/itemContext';
import { taskJson } from '../../task/outputItem';
import { forgetAcceptedTasks, submitOnce } from '../../task/submitOnce';
import { taskResult } from '../../task/taskResult';
import { settledWithin } from '../../timing';
import type { ItemOperation } from '../batch';
import { checkCosts } from './costGuard';
import { imageUrls } from './imageUrls';
import { QUOTE_GRACE_MS, quoteFor } from './price';
import { readEditRequest, type EditRequest } from './request';
import { chooseSeed, editFingerprint, editSubmission } from './submission';

/** One item: images → submit (once) → wait → outputs. */
async function editImage(batchItem: BatchItem, request: EditRequest): Promise<INodeExecutionData> {
	const item = await openItem(batchItem, request.options.timeoutMs);
	// Asked while the image is uploaded and edited: it is needed only for the output.
	const quote = quoteFor(item.client, request);
	const seed = chooseSeed(request);
	const { task, facts } = await submitOnce(item, {
		fingerprint: editFingerprint(request),
		facts: { seed },
		prepare: async () => editSubmission(request, await imageUrls(item, request.images), seed),
	});
	item.onSubmitted(task.id);
	item.observer.accepted(task.status);
	// A price that is not there when the image is must not hold the image back.
	const price = await settledWithin(quote, QUOTE_GRACE_MS, item.stop);
	const allFacts = {
		...facts,
		model: request.model.id,
		size: request.size,
		cost: price?.cost ?? null,
		currency: price?.currency ?? null,
	};
	const pairedItem = { item: item.itemIndex };
	if (!request.options.waitForResult) return { json: taskJson(task, allFacts), pairedItem };
	const output = await taskResult(item, task, {
		pollIntervalMs: request.options.pollIntervalMs,
		output: request.options.output,
		estimate: accountMemory(item.client.accountKey).estimate(request.model.id),
		facts: allFacts,
	});
	return { ...output, pairedItem };
}

export const editOperation: ItemOperation<EditRequest> = {
	read: readEditRequest,
	check: checkCosts,
	run: editImage,
	finished: (ctx) => forgetAcceptedTasks(ctx.getExecutionId(), ctx.getNode().name),
};
