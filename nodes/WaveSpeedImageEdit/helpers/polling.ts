import type { TaskApi } from '../transport/tasks';
import type { WaveSpeedTask } from '../transport/types';
import type { TaskDurationEstimate } from './durationEstimate';
import { isTransient } from './errors';
import { taskTimedOut } from './taskErrors';
import { backoffDelay, type Deadline, pause, type StopSignal } from './timing';

const FIRST_POLL_MS = 100;
const DENSE_POLL_MS = 100;
const LEAD_MS = 100;
const QUEUED_POLL_MS = 500;

export interface PollState {
	/** Time since the task (probably) started running, or since submit while that is unknown. */
	runningForMs: number;
	expectedMs?: number;
	queued: boolean;
	previousDelayMs: number;
	capMs: number;
}

function jittered(ms: number): number {
	return ms / 2 + Math.random() * (ms / 2);
}

/**
 * When to look next. Without an estimate: soon, then backing off, with jitter so a batch's
 * items spread their checks and the first finished task is seen quickly (which teaches the
 * estimate and wakes the others). With an estimate:
 * sleep until just before the task is due, check densely around that moment, then back off.
 */
export function nextPollDelay(s: PollState): number {
	let delay: number;
	if (s.expectedMs === undefined) {
		// Waiting between half and all of the time waited so far keeps checks few as a task ages.
		delay = jittered(Math.max(FIRST_POLL_MS * 2, s.runningForMs));
	} else if (s.queued) {
		delay = QUEUED_POLL_MS;
	} else {
		const dueInMs = s.expectedMs - s.runningForMs;
		const denseWindowMs = Math.max(600, s.expectedMs * 0.3);
		if (dueInMs > LEAD_MS + DENSE_POLL_MS) delay = dueInMs - LEAD_MS;
		else if (-dueInMs < denseWindowMs) delay = DENSE_POLL_MS;
		else delay = Math.max(DENSE_POLL_MS, s.previousDelayMs * 1.5);
	}
	return Math.min(s.capMs, Math.max(DENSE_POLL_MS, delay));
}

export function isFinished(task: WaveSpeedTask): boolean {
	return task.status !== 'created' && task.status !== 'processing';
}

export interface WaitOptions {
	deadline: Deadline;
	capMs: number;
	estimate: TaskDurationEstimate;
	cancel?: StopSignal;
	/** Told every status a check sees. */
	onStatus?: (task: WaveSpeedTask) => void;
}

/** Polls a task until WaveSpeed reports it finished; returns it whatever the final status. */
export async function waitForTask(
	api: TaskApi,
	submitted: WaveSpeedTask,
	{ deadline, capMs, estimate, cancel, onStatus }: WaitOptions,
): Promise<WaveSpeedTask> {
	let task = submitted;
	let lastSeenQueuedAt = Date.now();
	let runningSince = task.status === 'processing' ? lastSeenQueuedAt : undefined;
	let delay = 0;
	let pollFailures = 0;
	let retryAfterMs = 0;
	while (!isFinished(task)) {
		if (deadline.expired()) throw taskTimedOut(api.client, task, deadline.totalMs);
		delay =
			pollFailures > 0
				? Math.max(backoffDelay(pollFailures - 1, 250, Math.max(capMs, 1000)), retryAfterMs)
				: nextPollDelay({
						runningForMs: Date.now() - (runningSince ?? lastSeenQueuedAt),
						expectedMs: estimate.expectedMs(),
						queued: task.status === 'created',
						previousDelayMs: delay,
						capMs,
					});
		await pause(
			Math.min(delay, deadline.remaining()),
			cancel,
			pollFailures > 0 ? undefined : estimate,
		);
		if (deadline.expired()) throw taskTimedOut(api.client, task, deadline.totalMs);
		const checkedAt = Date.now();
		try {
			task = await api.fetchTask(task.id);
			pollFailures = 0;
		} catch (error) {
			if (!isTransient(error)) throw api.client.ensure(error);
			pollFailures++;
			retryAfterMs = error.retryAfterMs ?? 0;
			continue;
		}
		onStatus?.(task);
		if (task.status === 'created') lastSeenQueuedAt = checkedAt;
		else runningSince ??= lastSeenQueuedAt;
	}
	if (task.status === 'completed') {
		estimate.record(task.timings?.inference ?? Date.now() - (runningSince ?? lastSeenQueuedAt));
	}
	return task;
}
