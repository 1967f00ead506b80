import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { rememberedSubmits } from '../../account/acceptedTasks';
import { readItemParameters } from '../../errors';
import { taskJson } from '../../task/outputItem';
import { submitOnce } from '../../task/submitOnce';
import { finishTask } from '../../task/waitForTask';
import { Deadline, settledWithin } from '../../timing';
import type { ItemOperation, ItemRun, NodeRun } from '../batch';
import { checkCosts, quoteFor, type Reservation } from './costs';
import { chooseSeed, type EditItem, editSubmission, readEditItem } from './editItem';
import { maxCostOption } from './editOptions';
import { uploadImages } from './uploads';

/** How long an item that is done waits for its price before it goes on with cost null. */
const QUOTE_GRACE_MS = 2000;

/** What the prepare phase committed of each run's budget, so an item without a task gives its part back. */
const reservations = new WeakMap<NodeRun, Reservation>();

/**
 * Before any item runs: the cost of the batch against Max Cost per Execution and the balance, then
 * every new image uploaded (checked from its first bytes on the way): nothing is submitted until
 * every item has passed both.
 */
async function prepare(run: NodeRun, items: Array<EditItem | undefined>) {
	const readable = items.filter((item): item is EditItem => item !== undefined);
	const options = run.ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const budget = readItemParameters(run.ctx, 0, () => maxCostOption.read(options));
	const reservation = await checkCosts(run, readable, budget);
	reservations.set(run, reservation);
	const unprepared = await uploadImages(run, readable);
	for (const index of unprepared.keys()) reservation.release(items[index]!);
	return unprepared;
}

/**
 * One item, top to bottom: submit it once (an earlier try's task is resumed, a lost answer looked
 * for in WaveSpeed's history), wait for it by WaveSpeed's rule, and build the output item.
 */
async function editImage({ run, itemIndex, flow }: ItemRun, item: EditItem) {
	const { ctx, client, memory, stop, batchSize } = run;
	const deadline = new Deadline(item.options.timeoutMs);
	// A one-item run asks its price beside the task: it is needed only for the output.
	const quote = quoteFor(run, item);
	const seed = chooseSeed(item);
	const submission = editSubmission(item, item.imageUrls!, seed);
	let submitted;
	try {
		submitted = await submitOnce(
			{ client, memory, stop, deadline, onRateLimited: () => flow.rateLimited() },
			item.submitKey,
			submission,
			{ seed },
		);
	} catch (error) {
		// No task, and none that may exist: the item's part of the budget is free again.
		if (rememberedSubmits.recall(item.submitKey) === undefined) {
			reservations.get(run)?.release(item);
		}
		throw error;
	}
	const { task, facts, answeredAt } = submitted;
	flow.accepted(task);
	// A price that is not there when the image is must not hold the image back.
	const price = await settledWithin(quote, QUOTE_GRACE_MS, stop);
	const allFacts = {
		...facts,
		model: item.model.id,
		size: item.size,
		cost: price?.cost ?? null,
		currency: price?.currency ?? null,
	};
	const pairedItem = { item: itemIndex };
	if (!item.options.waitForResult) return { json: taskJson(task, allFacts), pairedItem };
	const output = await finishTask(
		{
			client,
			deadline,
			stop,
			estimate: memory.estimate(item.model.id),
			batchSize,
			capMs: item.options.pollIntervalMs,
			onSeen: (status) => flow.seen(status),
		},
		task,
		{ helpers: ctx.helpers, settings: item.options.output, facts: allFacts },
		answeredAt,
	);
	return { ...output, pairedItem } as INodeExecutionData;
}

export const editOperation: ItemOperation<EditItem> = {
	read: readEditItem,
	prepare,
	run: editImage,
	finished: ({ ctx }) => rememberedSubmits.forget(ctx.getExecutionId(), ctx.getNode().name),
};
