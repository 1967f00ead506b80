import type { WaveSpeedTask } from '../transport/types';

/**
 * The statuses after which a task changes no more: those of WaveSpeed's SDKs, with `deleted`
 * (npm `wavespeed` 0.3.2; predictions are deleted after 7 days). Any other status is checked again
 * until the item's Timeout, as the SDKs do.
 */
export const FINAL_STATUSES: readonly string[] = [
	'completed',
	'failed',
	'cancelled',
	'timeout',
	'deleted',
];

/** Statuses of a task that has not ended yet. */
export const OPEN_STATUSES: readonly string[] = ['created', 'processing'];

export function isFinished(task: WaveSpeedTask): boolean {
	return FINAL_STATUSES.includes(task.status);
}
