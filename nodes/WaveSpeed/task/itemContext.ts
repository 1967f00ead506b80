import type { IExecuteFunctions } from 'n8n-workflow';

import { Deadline, type StopSignal } from '../timing';
import { WaveSpeedClient } from '../transport/client';
import { TaskApi } from '../transport/tasks';

/** What happens to an item's task, told to whoever paces the batch (adaptive concurrency). */
export interface TaskObserver {
	/** WaveSpeed answered 429 to this item's submit. */
	rateLimited(): void;
	/** WaveSpeed accepted the task; `status` is the one in its answer. */
	accepted(status: string): void;
	/** A status check saw the task in `status`. */
	seen(status: string): void;
}

/** What the batch gives each item: where it runs and who listens. */
export interface BatchItem {
	ctx: IExecuteFunctions;
	itemIndex: number;
	/** How many items the execution runs: a batch is planned for its slowest item. */
	batchSize: number;
	/** Fires when the execution is cancelled or the batch stops after a failure. */
	stop: StopSignal;
	observer: TaskObserver;
	/** Called the moment WaveSpeed accepts the item's task, so a stopped batch can report it. */
	onSubmitted(taskId: string): void;
}

/** One item at work: the batch's part, its client and its deadline. */
export interface ItemContext extends BatchItem {
	client: WaveSpeedClient;
	api: TaskApi;
	deadline: Deadline;
}

export async function openItem(item: BatchItem, timeoutMs: number): Promise<ItemContext> {
	const deadline = new Deadline(timeoutMs);
	const client = await WaveSpeedClient.forItem(item.ctx, item.itemIndex);
	return { ...item, client, api: new TaskApi(client), deadline };
}
