import type { WaveSpeedClient } from '../transport/client';
import type { WaveSpeedTask } from '../transport/types';
import type { WaveSpeedError } from '../errors/waveSpeedError';
import { inSeconds } from '../timing';

export function taskTimedOut(
	client: WaveSpeedClient,
	task: WaveSpeedTask,
	totalMs: number,
): WaveSpeedError {
	return client.fail(
		'timeout',
		`WaveSpeed task ${task.id} did not finish within ${inSeconds(totalMs)} (last status: ${task.status})`,
		{
			taskId: task.id,
			description:
				'The task may still finish on WaveSpeed and be billed; fetch it later with the Get Result operation and this task id. Raise Options → Timeout to wait longer.',
		},
	);
}

export function taskFailed(client: WaveSpeedClient, task: WaveSpeedTask): WaveSpeedError {
	if (task.status === 'deleted') {
		return client.fail('taskFailed', `WaveSpeed task ${task.id} was deleted`, {
			taskId: task.id,
			apiMessage: task.error,
			description:
				'WaveSpeed keeps a task and its images for 7 days, then deletes them. Run the edit again to get a new image.',
		});
	}
	return client.fail(
		'taskFailed',
		`WaveSpeed task ${task.status}: ${task.error || 'no reason given'}`,
		{
			taskId: task.id,
			apiMessage: task.error,
			description: task.error
				? `WaveSpeed's reason: "${task.error}". Change this item's prompt or images and run it again.`
				: `WaveSpeed gave no reason; look the task up by its id in WaveSpeed's dashboard.`,
		},
	);
}
