import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { type AccountMemory, accountMemory } from '../account/accountMemory';
import { ensureNodeError, ParameterProblem, parameterError, WaveSpeedError } from '../errors';
import { runsAsTool, throwsToolErrors, toolAnswer } from '../task/toolAnswer';
import { StopSignal } from '../timing';
import { WaveSpeedClient } from '../transport/client';
import {
	AdaptiveConcurrency,
	type Concurrency,
	FixedConcurrency,
	type ItemFlow,
} from './concurrency';
import { maxConcurrencyOption } from './options';

/** What one run of the node shares among its items: read once, not per item. */
export interface NodeRun {
	ctx: IExecuteFunctions;
	/** One client for the run's credential, and that account's memory. */
	client: WaveSpeedClient;
	memory: AccountMemory;
	/** The node runs as an AI Agent's tool. */
	asTool: boolean;
	/** How many items the run holds: a batch is planned for its slowest item. */
	batchSize: number;
	/** Fires when the execution is cancelled or the batch stops after a failure. */
	stop: StopSignal;
}

/** What the batch gives one item as it runs. */
export interface ItemRun {
	run: NodeRun;
	itemIndex: number;
	/** Where the item tells how its task goes: the batch's concurrency and its report of tasks. */
	flow: ItemFlow;
}

/** One operation as the batch runs it: read every item, prepare them together, then run them. */
export interface ItemOperation<Item> {
	/** Reads and checks one item's parameters; throws naming the field and the item. */
	read(run: NodeRun, itemIndex: number): Item | Promise<Item>;
	/**
	 * Called once every item is read, before any is run (costs, uploads). Returns the items that
	 * cannot run, with why; throwing refuses the batch: nothing is submitted.
	 */
	prepare?(run: NodeRun, items: Array<Item | undefined>): Promise<Map<number, unknown>>;
	run(item: ItemRun, request: Item): Promise<INodeExecutionData>;
	/** Called when the node returns its items: n8n will not run it again for this execution. */
	finished?(run: NodeRun): void;
}

type ItemError = ReturnType<typeof ensureNodeError>;

const cancelled = (ctx: IExecuteFunctions) =>
	new NodeOperationError(
		ctx.getNode(),
		'The execution was cancelled; no further tasks were submitted',
	);

function errorItem(error: ItemError, itemIndex: number): INodeExecutionData {
	const json: INodeExecutionData['json'] = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof WaveSpeedError && error.taskId) json.id = error.taskId;
	return { json, pairedItem: { item: itemIndex } };
}

function describeOthers(
	tasks: Map<number, string>,
	finished: Set<number>,
	failedItem: number,
): string {
	const others = [...tasks].filter(([item]) => item !== failedItem);
	if (others.length === 0) return '';
	const lines = others.map(
		([item, id]) =>
			`item ${item}: task ${id} (${finished.has(item) ? 'finished' : 'may still be running'})`,
	);
	return ` Tasks already submitted for other items, not resubmitted: ${lines.join('; ')}.`;
}

/**
 * Owns the item loop: reads every item, lets the operation prepare them together, then runs as
 * many items at once as the concurrency allows (Max Concurrency, or what the account is found to
 * take), keeps input order and pairedItem, and shapes failures for Continue On Fail.
 */
export async function runBatch<Item>(
	ctx: IExecuteFunctions,
	operation: ItemOperation<Item>,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	// A tool answers a failure as an item (n8n 1.x fails an agent's whole chat on a throw), but
	// throws it to an MCP client, which then gets it as an error (throwsToolErrors).
	const asTool = runsAsTool(ctx.getNode());
	const continueOnFail = ctx.continueOnFail() || (asTool && !throwsToolErrors(ctx));
	const results: INodeExecutionData[] = new Array(items.length);
	const toItemError = (i: number, error: unknown): ItemError => {
		const itemError =
			error instanceof ParameterProblem
				? parameterError(ctx.getNode(), i, error)
				: ensureNodeError(ctx.getNode(), error, i);
		itemError.context.itemIndex ??= i;
		return itemError;
	};
	const fail = (i: number, error: unknown) => {
		const itemError = toItemError(i, error);
		if (!continueOnFail) throw itemError;
		results[i] = errorItem(itemError, i);
	};

	const cancel = ctx.getExecutionCancelSignal();
	const halt = new AbortController();
	const stop = new StopSignal(cancel ? AbortSignal.any([cancel, halt.signal]) : halt.signal);
	let run: NodeRun;
	let concurrency: Concurrency;
	try {
		const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
		let max: number | undefined;
		try {
			max = maxConcurrencyOption.read(options);
		} catch (error) {
			throw error instanceof ParameterProblem ? parameterError(ctx.getNode(), 0, error) : error;
		}
		concurrency = max === undefined ? new AdaptiveConcurrency() : new FixedConcurrency(max);
		const client = await WaveSpeedClient.connect(ctx);
		const memory = accountMemory(client.accountKey);
		run = { ctx, client, memory, asTool, batchSize: items.length, stop };
	} catch (error) {
		items.forEach((_, i) => fail(i, error));
		return [results];
	}

	const requests: Array<Item | undefined> = [];
	for (const i of items.keys()) {
		try {
			requests.push(await operation.read(run, i));
		} catch (error) {
			fail(i, error);
			requests.push(undefined);
		}
	}
	if (operation.prepare && requests.some((request) => request !== undefined)) {
		let unprepared: Map<number, unknown>;
		try {
			unprepared = await operation.prepare(run, requests);
		} catch (error) {
			requests.forEach((request, i) => request !== undefined && fail(i, error));
			operation.finished?.(run);
			return [results];
		}
		if (cancel?.aborted) throw cancelled(ctx);
		// Any item that cannot run stops the batch before anything is submitted, unless Continue On Fail.
		for (const [i, error] of [...unprepared].sort(([a], [b]) => a - b)) {
			fail(i, error);
			requests[i] = undefined;
		}
	}

	const submitted = new Map<number, string>();
	const finished = new Set<number>();
	let firstFailure: { item: number; error: ItemError } | undefined;

	const runItem = async (i: number, request: Item) => {
		const flow = concurrency.track((taskId) => submitted.set(i, taskId));
		try {
			const result = await operation.run({ run, itemIndex: i, flow }, request);
			results[i] = asTool ? { ...result, json: toolAnswer(result.json) } : result;
			finished.add(i);
		} catch (error) {
			// Interrupted, not failed: the run is cancelled, or another item already stopped the batch.
			if (stop.aborted) return;
			const itemError = toItemError(i, error);
			if (continueOnFail) {
				results[i] = errorItem(itemError, i);
			} else if (!firstFailure) {
				firstFailure = { item: i, error: itemError };
				halt.abort();
			}
		} finally {
			flow.ended();
		}
	};
	const inFlight = new Set<Promise<void>>();
	for (const [i, request] of requests.entries()) {
		if (request === undefined) continue;
		while (inFlight.size >= concurrency.current() && !stop.aborted) {
			await Promise.race([...inFlight, concurrency.raised()]);
		}
		if (stop.aborted) break;
		const item = runItem(i, request).finally(() => inFlight.delete(item));
		inFlight.add(item);
	}
	await Promise.all(inFlight);

	if (cancel?.aborted) throw cancelled(ctx);
	if (firstFailure) {
		const { item, error } = firstFailure;
		const others = describeOthers(submitted, finished, item);
		if (others) error.description = `${error.description ?? ''}${others}`.trim();
		throw error;
	}
	operation.finished?.(run);
	return [results];
}
