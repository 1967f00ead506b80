import { FINAL_STATUSES, OPEN_STATUSES } from '../task/statuses';
import { jsonObjectOf } from '../transport/responses';
import type { WaveSpeedTask } from '../transport/types';

/** The task object of a callback body, or undefined when the body is not one. */
export function parseCallbackTask(rawBody: Buffer): WaveSpeedTask | undefined {
	const task = jsonObjectOf(rawBody) as Partial<WaveSpeedTask> | undefined;
	if (!task) return undefined;
	if (typeof task.id !== 'string' || task.id === '' || typeof task.status !== 'string')
		return undefined;
	if (!FINAL_STATUSES.includes(task.status) && !OPEN_STATUSES.includes(task.status))
		return undefined;
	const isOutput = (o: unknown) => typeof o === 'string' || (!!o && typeof o === 'object');
	if (
		task.outputs !== undefined &&
		!(Array.isArray(task.outputs) && task.outputs.every(isOutput))
	) {
		return undefined;
	}
	return task as WaveSpeedTask;
}
