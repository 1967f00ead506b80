import type { TaskDurationEstimate } from '../account/durationEstimate';
import { WaveSpeedError } from '../errors/waveSpeedError';
import type { RequestFacts, WaveSpeedTask } from '../transport/types';
import type { ItemContext } from './itemContext';
import { type OutputItem, toOutputItem } from './outputItem';
import type { OutputSettings } from './outputOptions';
import { isFinished } from './statuses';
import { taskFailed } from './taskErrors';
import { waitForTask } from './waitForTask';

export interface ResultWait {
	pollIntervalMs: number;
	output: OutputSettings;
	estimate: TaskDurationEstimate;
	facts?: RequestFacts;
}

/**
 * Waits for a task to end, if it has not, and turns it into its output item: the one ending
 * Edit Image and Get Result share. A task that did not complete is WaveSpeed's error; every
 * error names the task, so the user can fetch it later.
 */
export async function taskResult(
	item: ItemContext,
	task: WaveSpeedTask,
	{ pollIntervalMs, output, estimate, facts }: ResultWait,
): Promise<OutputItem> {
	try {
		const ended = isFinished(task)
			? task
			: await waitForTask(item, task, { capMs: pollIntervalMs, estimate });
		if (ended.status !== 'completed') throw taskFailed(item.client, ended);
		return await toOutputItem(ended, {
			helpers: item.ctx.helpers,
			client: item.client,
			settings: output,
			deadline: item.deadline,
			cancel: item.stop.signal,
			facts,
		});
	} catch (error) {
		if (error instanceof WaveSpeedError) error.setTaskId(task.id);
		throw item.client.ensure(error);
	}
}
