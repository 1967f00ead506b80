import { createHash } from 'node:crypto';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { submitKey } from '../../account/acceptedTasks';
import { withoutKeys } from '../../models';
import { isHttpUrl } from '../../transport/client';
import type { CatalogEntry } from '../../transport/catalog';
import { isFinished } from '../../transport/predictions';
import { submitOnce } from '../../task/submitOnce';
import { outputText } from '../../task/outputItem';
import { taskFailed, waitForTask } from '../../task/waitForTask';
import { type Deadline, untilStopped } from '../../timing';
import type { ItemRun, NodeRun } from '../batch';
import type { EditItem } from './editItem';

/**
 * WaveSpeed's prompt optimizer. No edit model takes a parameter for prompt enhancement; WaveSpeed's
 * desktop app runs this model in sync mode and takes `outputs[0]` as the improved prompt
 * (WaveSpeedAI/wavespeed-desktop `src/api/client.ts` `optimizePrompt`). Its inputs are read from
 * WaveSpeed's catalog; callers in public code send `{text, mode: "image", style, image}`.
 */
export const PROMPT_OPTIMIZER = 'wavespeed-ai/prompt-optimizer';

export const enhancePromptFields: INodeProperties[] = [
	{
		displayName: 'Enhance Prompt',
		name: 'enhancePrompt',
		type: 'boolean',
		default: false,
		description:
			"Whether to improve the prompt with WaveSpeed's prompt optimizer before the edit (a task of its own, billed; with image1 when the optimizer takes an image). The output then has the prompt sent and the original one.",
	},
	{
		displayName: 'Enhance Prompt Style Name or ID',
		name: 'enhanceStyle',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getEnhanceStyles' },
		default: '',
		description:
			'The style the prompt optimizer writes in, when Enhance Prompt is on. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

/** An improved prompt and what it cost (null when the price is unknown). */
export interface EnhancedPrompt {
	text: string;
	cost: number | null;
}

/** The optimizer's inputs for an item, by what its schema takes. */
export function optimizerInputs(optimizer: CatalogEntry, item: EditItem): IDataObject {
	const { properties } = optimizer.schema;
	const inputs: IDataObject = { [properties.text ? 'text' : 'prompt']: item.prompt };
	if (properties.mode?.enum?.includes('image')) inputs.mode = 'image';
	if (properties.style) {
		const style = item.options.enhanceStyle ?? properties.style.default;
		if (style !== undefined && style !== '') inputs.style = style as string;
	}
	const image1 = item.imageUrls?.[0];
	if (properties.image && image1 && isHttpUrl(image1)) inputs.image = image1;
	return inputs;
}

/** What WaveSpeed is asked to price for one run of the optimizer: flat per run (its model page). */
export function optimizerPriceInputs(inputs: IDataObject): IDataObject {
	return withoutKeys(inputs, ['text', 'prompt', 'image']);
}

/** The optimizer's record in the catalog, or an error that says it is missing. */
export async function findOptimizer(run: NodeRun): Promise<CatalogEntry> {
	const catalog = await untilStopped(run.memory.catalog(run.client), run.stop);
	const optimizer = catalog.find((entry) => entry.id === PROMPT_OPTIMIZER);
	if (!optimizer) {
		throw run.client.fail(
			'rejected',
			`Options → Enhance Prompt: WaveSpeed's catalog has no prompt optimizer (${PROMPT_OPTIMIZER})`,
			{ description: 'Turn Enhance Prompt off, or try again later.' },
		);
	}
	return optimizer;
}

/**
 * The item's prompt, improved by WaveSpeed's prompt optimizer: once per execution for the same
 * prompt, image and style (items and retries share it), submitted once like any task (a lost
 * answer is looked for, never paid twice). A failure is the item's, in WaveSpeed's words: the
 * edit never goes on silently with the original prompt.
 */
export async function enhancePrompt(
	{ run, flow }: ItemRun,
	item: EditItem,
	deadline: Deadline,
): Promise<EnhancedPrompt> {
	const { ctx, client, memory, stop } = run;
	const optimizer = await findOptimizer(run);
	const inputs = optimizerInputs(optimizer, item);
	const fingerprint = createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
	const execution = `${ctx.getExecutionId()}\u0000${ctx.getNode().name}`;
	const work = memory.enhancedPrompts.get(`${execution}\u0000${fingerprint}`, async () => {
		const body: IDataObject = { ...inputs };
		if (optimizer.schema.properties.enable_sync_mode) body.enable_sync_mode = true;
		// The account's shared ask: the batch's cost check has usually asked it already.
		const price = memory
			.quote(client, PROMPT_OPTIMIZER, optimizerPriceInputs(inputs))
			.catch(() => undefined);
		const { task, answeredAt } = await submitOnce(
			{ client, memory, stop, deadline, onRateLimited: () => flow.rateLimited() },
			submitKey(ctx.getExecutionId(), ctx.getNode().name, -1, fingerprint),
			{ model: PROMPT_OPTIMIZER, body, holdsUntilDone: body.enable_sync_mode === true },
			{},
		);
		const ended = isFinished(task)
			? task
			: await waitForTask(
					{
						client,
						deadline,
						stop,
						estimate: memory.estimate(PROMPT_OPTIMIZER),
						batchSize: 1,
						capMs: 10_000,
					},
					task,
					answeredAt,
				);
		if (ended.status !== 'completed') throw taskFailed(client, ended);
		const text = outputText((ended.outputs ?? [])[0] ?? '')?.trim();
		if (!text) {
			throw client.fail(
				'badResponse',
				`WaveSpeed's prompt optimizer gave no prompt (task ${ended.id})`,
				{ taskId: ended.id },
			);
		}
		return { text, cost: (await price)?.cost ?? null };
	});
	return await untilStopped(work, stop);
}
