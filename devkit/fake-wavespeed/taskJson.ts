import type { FakeTask } from './tasks';

/** What the task's JSON needs from the server: its address, and an output's bytes for base64. */
export interface TaskJsonContext {
	apiUrl: string;
	outputBytes(task: FakeTask, n: number): Buffer;
}

/**
 * `[output:object]`: outputs as `{url}` objects, as some WaveSpeed models answer (the npm SDK
 * 0.3.2 reads `.url` of such an entry).
 */
export function outputsOf(task: FakeTask): Array<string | { url: string }> {
	return String(task.body.prompt ?? '').includes('[output:object]')
		? task.outputs.map((url) => ({ url }))
		: task.outputs;
}

/**
 * A task as WaveSpeed answers it (submit, result, history): the full field set of
 * docs/shared/submit-response. `timings.inference` is "Inference time in milliseconds": the time the
 * task ran, from its start (`processing`) to its end.
 */
export function publicTask(task: FakeTask, base64: boolean, ctx: TaskJsonContext) {
	return {
		id: task.id,
		model: task.model,
		status: task.status,
		outputs: base64
			? task.outputs.map((_, n) => ctx.outputBytes(task, n).toString('base64'))
			: outputsOf(task),
		error: task.error ?? '',
		timings:
			task.completedAt && task.startedAt ? { inference: task.completedAt - task.startedAt } : {},
		created_at: new Date(task.createdAt).toISOString(),
		has_nsfw_contents: task.outputs.map(() => false),
		urls: { get: `${ctx.apiUrl}/api/v3/predictions/${task.id}/result` },
	};
}

/** A webhook callback's body: the bare task object, as WaveSpeed documents it. */
export function callbackBody(task: FakeTask, ctx: TaskJsonContext) {
	const { id, model, status, error, created_at, has_nsfw_contents, urls, timings } = publicTask(
		task,
		false,
		ctx,
	);
	return {
		id,
		model,
		input: task.body,
		...(status === 'completed' ? { outputs: outputsOf(task) } : {}),
		urls,
		has_nsfw_contents,
		status,
		created_at,
		error,
		executionTime: timings.inference ?? 0,
		timings,
	};
}
