import type { RequestFacts } from '../account/acceptedTasks';
import type { TaskDurationEstimate } from '../account/durationEstimate';
import { isTransient, outcomeOf, WaveSpeedError } from '../errors';
import { backoffDelay, type Deadline, inSeconds, pause, type StopSignal } from '../timing';
import type { WaveSpeedClient } from '../transport/client';
import type { BinaryHelpers } from '../transport/outputDownload';
import { fetchTask, isFinished, type WaveSpeedTask } from '../transport/predictions';
import { MIN_CHECK_GAP_MS, nextCheckDelay } from './checkSchedule';
import { type OutputItem, type OutputSettings, toOutputItem } from './outputItem';

/** What waiting for one task needs: whom to ask, until when, and who listens. */
export interface TaskWatch {
	client: WaveSpeedClient;
	deadline: Deadline;
	/** Fires when the execution is cancelled or the batch stops. */
	stop: StopSignal;
	estimate: TaskDurationEstimate;
	/** How many items the run holds: a batch is planned for its slowest item. */
	batchSize: number;
	/** The longest wait between two checks (the Poll Interval option). */
	capMs: number;
	/** Told the status each check saw (adaptive concurrency listens). */
	onSeen?(status: string): void;
}

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

/**
 * Checks a task until WaveSpeed reports it finished, by WaveSpeed's rule (checkSchedule); returns
 * it whatever the final status. Any status not known to be final is checked again, as WaveSpeed's
 * SDKs do, until the item's Timeout. `answeredAt`: when WaveSpeed last told the task's status.
 */
export async function waitForTask(
	watch: TaskWatch,
	submitted: WaveSpeedTask,
	answeredAt = Date.now(),
): Promise<WaveSpeedTask> {
	const { client, deadline, stop, estimate, batchSize, capMs } = watch;
	let task = submitted;
	let lastLookAt = answeredAt;
	/** The last time WaveSpeed said the task was not done: its end came after it. */
	let lastNotDoneAt = answeredAt;
	/** Seen waiting in `created` at a check: queued behind the account's running limit. */
	let queued = false;
	/** For a task seen queued: since when it may have been running. */
	let runningSince: number | undefined;
	let missedChecks = 0;
	let failures = 0;
	let retryAfterMs = 0;
	while (!isFinished(task)) {
		if (deadline.expired()) throw taskTimedOut(client, task, deadline.totalMs);
		const now = Date.now();
		const scheduled = nextCheckDelay({
			sinceLastLookMs: now - lastLookAt,
			sinceAnswerMs: queued ? undefined : now - answeredAt,
			readyAfterAnswerMs: estimate.readyAfterAnswerMs(batchSize),
			runningForMs: runningSince === undefined ? undefined : now - runningSince,
			readyByMs: estimate.readyByMs(batchSize),
			missedChecks,
			capMs,
		});
		// A failed check counts for the rule too, and the next one backs off.
		const delay =
			failures > 0
				? Math.max(scheduled, backoffDelay(failures - 1, 1000, Math.max(capMs, 4000)), retryAfterMs)
				: scheduled;
		await pause(Math.min(delay, deadline.remaining()), stop, failures > 0 ? undefined : estimate);
		if (deadline.expired()) throw taskTimedOut(client, task, deadline.totalMs);
		if (Date.now() - lastLookAt < MIN_CHECK_GAP_MS) continue; // woken early: plan again
		const previousLookAt = lastLookAt;
		const checkedAt = Date.now();
		const checked = await outcomeOf(fetchTask(client, task.id));
		if (!checked.ok) {
			if (!isTransient(checked.error)) throw checked.error;
			lastLookAt = Date.now();
			failures++;
			retryAfterMs = checked.error.retryAfterMs ?? 0;
			continue;
		}
		task = checked.value;
		failures = 0;
		// Timed from the answer, so two checks arrive at WaveSpeed at least the rule's gap apart.
		lastLookAt = Date.now();
		watch.onSeen?.(task.status);
		if (isFinished(task)) break;
		lastNotDoneAt = checkedAt;
		if (task.status === 'created') {
			queued = true;
			runningSince = undefined;
			missedChecks++;
		} else if (queued && runningSince === undefined) {
			// A queued task started at some time since the last look: plan from the earliest.
			runningSince = previousLookAt;
			missedChecks = 0;
		} else {
			missedChecks++;
		}
	}
	if (task.status === 'completed') {
		const inferenceMs = task.timings?.inference ?? lastLookAt - (runningSince ?? answeredAt);
		estimate.record({
			inferenceMs,
			overheadAtLeastMs: queued ? undefined : lastNotDoneAt - answeredAt - inferenceMs,
		});
	}
	return task;
}

/** Where a finished task's output goes. */
export interface OutputPlan {
	helpers: BinaryHelpers;
	settings: OutputSettings;
	facts?: RequestFacts;
}

/**
 * Waits for a task to end, if it has not, and turns it into its output item: the ending Edit
 * Image and Get Result share. A task that did not complete is WaveSpeed's error, naming the task.
 */
export async function finishTask(
	watch: TaskWatch,
	task: WaveSpeedTask,
	output: OutputPlan,
	answeredAt?: number,
): Promise<OutputItem> {
	const ended = isFinished(task) ? task : await waitForTask(watch, task, answeredAt);
	if (ended.status !== 'completed') throw taskFailed(watch.client, ended);
	return await toOutputItem(ended, {
		...output,
		client: watch.client,
		deadline: watch.deadline,
		cancel: watch.stop.signal,
	});
}
