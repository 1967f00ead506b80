import type { TaskApi } from '../transport/tasks';
import type { WaveSpeedTask } from '../transport/types';
import type { TaskDurationEstimate } from './durationEstimate';
import type { BinaryHelpers } from './outputDownload';
import { type OutputItem, type RequestFacts, toOutputItem } from './outputItem';
import { isFinished, waitForTask } from './polling';
import type { ResultOptions } from './resultOptions';
import { taskFailed } from './taskErrors';
import type { Deadline, StopSignal } from './timing';

export interface ResultWait {
	api: TaskApi;
	options: ResultOptions;
	deadline: Deadline;
	estimate: TaskDurationEstimate;
	stop: StopSignal;
	onStatus?(task: WaveSpeedTask): void;
}

/**
 * Waits for a task to end, if it has not, and turns it into its output item: the one ending
 * Edit Image and Get Result share. A task that did not complete is WaveSpeed's error.
 */
export async function taskResult(
	helpers: BinaryHelpers,
	task: WaveSpeedTask,
	facts: RequestFacts,
	{ api, options, deadline, estimate, stop, onStatus }: ResultWait,
): Promise<OutputItem> {
	const ended = isFinished(task)
		? task
		: await waitForTask(api, task, {
				deadline,
				capMs: options.pollIntervalMs,
				estimate,
				cancel: stop,
				onStatus,
			});
	if (ended.status !== 'completed') throw taskFailed(api.client, ended);
	return await toOutputItem(helpers, api.client, ended, options, facts, deadline, stop.signal);
}
