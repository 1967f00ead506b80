import type { WaveSpeedTask } from '../WaveSpeedImageEdit/transport/types';

const FINAL_STATUSES = ['completed', 'failed', 'cancelled', 'timeout'];

/** The task object of a callback body, or undefined when the body is not one. */
export function parseCallbackTask(rawBody: Buffer): WaveSpeedTask | undefined {
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const task = body as Partial<WaveSpeedTask>;
	if (typeof task.id !== 'string' || task.id === '' || typeof task.status !== 'string')
		return undefined;
	if (!FINAL_STATUSES.includes(task.status) && !['created', 'processing'].includes(task.status))
		return undefined;
	if (
		task.outputs !== undefined &&
		!(Array.isArray(task.outputs) && task.outputs.every((o) => typeof o === 'string'))
	) {
		return undefined;
	}
	return task as WaveSpeedTask;
}
