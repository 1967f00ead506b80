import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ensureNodeError, WaveSpeedError } from '../errors/waveSpeedError';
import { isWholeNumber, ParameterProblem, parameterError, show } from '../errors/parameterProblem';
import type { BatchItem } from '../task/itemContext';
import { runsAsTool, throwsToolErrors, toolAnswer } from '../task/toolAnswer';
import { StopSignal } from '../timing';
import {
	AdaptiveConcurrency,
	type Concurrency,
	CONCURRENCY_MAX,
	FixedConcurrency,
} from './concurrency';

/** One operation as the batch runs it: read every item first, then run them, several at once. */
export interface ItemOperation<Request> {
	read(ctx: IExecuteFunctions, itemIndex: number): Request | Promise<Request>;
	run(item: BatchItem, request: Request): Promise<INodeExecutionData>;
	/**
	 * Called once every item is read, before any is run: a check of the whole batch (its cost).
	 * Throwing refuses the batch: nothing is sent.
	 */
	check?(ctx: IExecuteFunctions, requests: Request[]): Promise<void>;
	/** Called when the node returns its items: n8n will not run it again for this execution. */
	finished?(ctx: IExecuteFunctions): void;
}

type ItemError = ReturnType<typeof ensureNodeError>;

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

/** The Max Concurrency option, or undefined when it is not set and the node adapts. */
export function readMaxConcurrency(ctx: IExecuteFunctions): number | undefined {
	const { maxConcurrency: value } = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	if (value === undefined || value === null) return undefined;
	if (!isWholeNumber(value) || value < 1 || value > CONCURRENCY_MAX) {
		throw parameterError(
			ctx,
			0,
			new ParameterProblem(
				'Options → Max Concurrency',
				`${show(value)} is not allowed`,
				`Use a whole number from 1 to ${CONCURRENCY_MAX}, or remove the option to let the node adapt`,
			),
		);
	}
	return value;
}

/**
 * Owns the item loop: validates every item before anything is sent, runs as many items at once
 * as the concurrency allows (Max Concurrency, or what the account is found to take), keeps input
 * order and pairedItem, and shapes failures for Continue On Fail.
 */
export async function runBatch<Request>(
	ctx: IExecuteFunctions,
	operation: ItemOperation<Request>,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	// A tool answers a failure as an item (n8n 1.x fails an agent's whole chat on a throw), but
	// throws it to an MCP client, which then gets it as an error (throwsToolErrors).
	const asTool = runsAsTool(ctx.getNode());
	const continueOnFail = ctx.continueOnFail() || (asTool && !throwsToolErrors(ctx));
	const results: INodeExecutionData[] = new Array(items.length);
	const fail = (i: number, error: unknown) => {
		const itemError = ensureNodeError(ctx.getNode(), error, i);
		if (!continueOnFail) throw itemError;
		results[i] = errorItem(itemError, i);
	};

	let concurrency: Concurrency;
	try {
		const max = readMaxConcurrency(ctx);
		concurrency = max === undefined ? new AdaptiveConcurrency() : new FixedConcurrency(max);
	} catch (error) {
		items.forEach((_, i) => fail(i, error));
		operation.finished?.(ctx);
		return [results];
	}
	const requests: Array<Request | undefined> = [];
	for (const i of items.keys()) {
		try {
			requests.push(await operation.read(ctx, i));
		} catch (error) {
			fail(i, error);
			requests.push(undefined);
		}
	}

	const readable = requests.filter((request): request is Request => request !== undefined);
	if (operation.check && readable.length > 0) {
		try {
			await operation.check(ctx, readable);
		} catch (error) {
			requests.forEach((request, i) => request !== undefined && fail(i, error));
			operation.finished?.(ctx);
			return [results];
		}
	}

	const cancel = ctx.getExecutionCancelSignal();
	const stop = new AbortController();
	const submitted = new Map<number, string>();
	const finished = new Set<number>();
	const batchStop = new StopSignal(cancel ? AbortSignal.any([cancel, stop.signal]) : stop.signal);
	let firstFailure: { item: number; error: ItemError } | undefined;

	const runItem = async (i: number, request: Request) => {
		const flow = concurrency.track();
		const item: BatchItem = {
			ctx,
			itemIndex: i,
			batchSize: items.length,
			stop: batchStop,
			observer: flow,
			onSubmitted: (id) => submitted.set(i, id),
		};
		try {
			const result = await operation.run(item, request);
			results[i] = asTool ? { ...result, json: toolAnswer(result.json) } : result;
			finished.add(i);
		} catch (error) {
			// Interrupted, not failed: the run is cancelled, or another item already stopped the batch.
			if (batchStop.aborted) return;
			const itemError = ensureNodeError(ctx.getNode(), error, i);
			if (continueOnFail) {
				results[i] = errorItem(itemError, i);
			} else if (!firstFailure) {
				firstFailure = { item: i, error: itemError };
				stop.abort();
			}
		} finally {
			flow.ended();
		}
	};
	const inFlight = new Set<Promise<void>>();
	for (const [i, request] of requests.entries()) {
		if (request === undefined) continue;
		while (inFlight.size >= concurrency.current() && !batchStop.aborted) {
			await Promise.race([...inFlight, concurrency.raised()]);
		}
		if (batchStop.aborted) break;
		const item = runItem(i, request).finally(() => inFlight.delete(item));
		inFlight.add(item);
	}
	await Promise.all(inFlight);

	if (cancel?.aborted) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The execution was cancelled; no further tasks were submitted',
		);
	}
	if (firstFailure) {
		const { item, error } = firstFailure;
		const others = describeOthers(submitted, finished, item);
		if (others) error.description = `${error.description ?? ''}${others}`.trim();
		throw error;
	}
	operation.finished?.(ctx);
	return [results];
}
