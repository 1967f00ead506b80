import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { rememberedSubmits } from '../../account/acceptedTasks';
import { addAmounts } from '../../account/accountMemory';
import { outcomeOf, readItemParameters } from '../../errors';
import { taskJson } from '../../task/outputItem';
import { submitOnce } from '../../task/submitOnce';
import { finishTask } from '../../task/waitForTask';
import { Deadline, settledWithin } from '../../timing';
import type { Quote } from '../../transport/billing';
import type { ItemOperation, ItemRun, NodeRun } from '../batch';
import { checkCosts, quoteFor, type Reservation } from './costs';
import { chooseSeed, type EditItem, editSubmission, priceInputsOf, readEditItem } from './editItem';
import { maxCostOption } from './editOptions';
import { enhancePrompt, type EnhancedPrompt } from './enhancePrompt';
import { uploadImages } from './uploads';

const numberOr = (value: unknown) => (typeof value === 'number' ? value : undefined);
const stringOr = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** How long an item that is done waits for its price before it goes on with cost null. */
const QUOTE_GRACE_MS = 2000;

/** What the prepare phase committed of each run's budget, so an item without a task gives its part back. */
const reservations = new WeakMap<NodeRun, Reservation>();

/**
 * Before any item runs: every new image uploaded (checked from its first bytes on the way), then
 * the cost of the batch, priced with its full inputs, against Max Cost per Execution and the
 * balance. Nothing is submitted until every item has passed both.
 */
async function prepare(run: NodeRun, items: Array<EditItem | undefined>) {
	const readable = items.filter((item): item is EditItem => item !== undefined);
	const options = run.ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const budget = readItemParameters(run.ctx, 0, () => maxCostOption.read(options));
	const unprepared = await uploadImages(run, readable);
	const ready = readable.filter((item) => !unprepared.has(item.itemIndex));
	for (const item of ready) item.priceInputs = priceInputsOf(item);
	reservations.set(run, await checkCosts(run, ready, budget));
	return unprepared;
}

/** What the item costs: the edit and, when the prompt was improved, the optimizer's run. */
function costOf(price: Quote | undefined, enhanced: EnhancedPrompt | undefined) {
	if (!price) return { cost: null, currency: null };
	if (!enhanced) return { cost: price.cost, currency: price.currency };
	if (enhanced.cost === null) return { cost: null, currency: null };
	return { cost: addAmounts(price.cost, enhanced.cost), currency: price.currency };
}

/**
 * One item, top to bottom: submit it once (an earlier try's task is resumed, a lost answer looked
 * for in WaveSpeed's history), wait for it by WaveSpeed's rule, and build the output item.
 */
async function editImage(itemRun: ItemRun, item: EditItem) {
	const { run, itemIndex, flow } = itemRun;
	const { ctx, client, memory, stop, batchSize } = run;
	const deadline = new Deadline(item.options.timeoutMs);
	// A one-item run asks its price beside the task: it is needed only for the output.
	const quote = quoteFor(run, item);
	const enhanced = item.options.enhancePrompt
		? await enhancePrompt(itemRun, item, deadline)
		: undefined;
	const seed = chooseSeed(item);
	const submission = editSubmission(item, item.imageUrls!, seed, enhanced?.text);
	const submitted = await outcomeOf(
		submitOnce(
			{ client, memory, stop, deadline, onRateLimited: () => flow.rateLimited() },
			item.submitKey,
			submission,
			{ seed: seed ?? numberOr(item.extra?.seed) },
		),
	);
	if (!submitted.ok) {
		// No task, and none that may exist: the item's part of the budget is free again.
		if (rememberedSubmits.recall(item.submitKey) === undefined) {
			reservations.get(run)?.release(item);
		}
		throw submitted.error;
	}
	const { task, facts, answeredAt } = submitted.value;
	flow.accepted(task);
	// A price that is not there when the image is must not hold the image back.
	const price = await settledWithin(quote, QUOTE_GRACE_MS, stop);
	const allFacts = {
		...facts,
		model: item.model.id,
		size: item.size ?? stringOr(item.extra?.size),
		...costOf(price, enhanced),
	};
	const pairedItem = { item: itemIndex };
	// The prompt sent, and the user's, when WaveSpeed's optimizer rewrote it.
	const prompts = enhanced ? { prompt: enhanced.text, originalPrompt: item.prompt } : {};
	if (!item.options.waitForResult) {
		return { json: { ...taskJson(task, allFacts), ...prompts }, pairedItem };
	}
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
	return { ...output, json: { ...output.json, ...prompts }, pairedItem } as INodeExecutionData;
}

export const editOperation: ItemOperation<EditItem> = {
	read: readEditItem,
	prepare,
	run: editImage,
	finished: ({ ctx }) => rememberedSubmits.forget(ctx.getExecutionId(), ctx.getNode().name),
};
