import type { TaskDurationEstimate } from '../account/durationEstimate';
import { isTransient } from '../errors/waveSpeedError';
import { backoffDelay, pause } from '../timing';
import type { WaveSpeedTask } from '../transport/types';
import { MIN_CHECK_GAP_MS, nextCheckDelay } from './checkSchedule';
import type { ItemContext } from './itemContext';
import { isFinished } from './statuses';
import { taskTimedOut } from './taskErrors';

export interface WaitOptions {
	/** The longest wait between two checks (the Poll Interval option). */
	capMs: number;
	estimate: TaskDurationEstimate;
	/** When WaveSpeed last told the task's status (its submit answer); now by default. */
	lookedAt?: number;
}

/**
 * Checks a task until WaveSpeed reports it finished, by WaveSpeed's rule (checkSchedule); returns
 * it whatever the final status. Any status not known to be final is checked again, as WaveSpeed's
 * SDKs do, until the item's Timeout.
 */
export async function waitForTask(
	{ api, deadline, stop, observer, batchSize }: ItemContext,
	submitted: WaveSpeedTask,
	{ capMs, estimate, lookedAt = Date.now() }: WaitOptions,
): Promise<WaveSpeedTask> {
	let task = submitted;
	let lastLookAt = lookedAt;
	let runningSince = task.status === 'created' ? undefined : lastLookAt;
	let missedChecks = 0;
	let failures = 0;
	let retryAfterMs = 0;
	while (!isFinished(task)) {
		if (deadline.expired()) throw taskTimedOut(api.client, task, deadline.totalMs);
		const now = Date.now();
		const scheduled = nextCheckDelay({
			sinceLastLookMs: now - lastLookAt,
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
		if (deadline.expired()) throw taskTimedOut(api.client, task, deadline.totalMs);
		if (Date.now() - lastLookAt < MIN_CHECK_GAP_MS) continue; // woken early: plan again
		const previousLookAt = lastLookAt;
		try {
			task = await api.fetchTask(task.id);
			failures = 0;
		} catch (error) {
			if (!isTransient(error)) throw api.client.ensure(error);
			lastLookAt = Date.now();
			failures++;
			retryAfterMs = error.retryAfterMs ?? 0;
			continue;
		}
		// Timed from the answer, so two checks arrive at WaveSpeed at least the rule's gap apart.
		lastLookAt = Date.now();
		observer.seen(task.status);
		if (task.status === 'created') {
			runningSince = undefined;
			missedChecks++;
		} else if (runningSince === undefined) {
			// It started at some time since the last look: plan from the earliest.
			runningSince = previousLookAt;
			missedChecks = 0;
		} else {
			missedChecks++;
		}
	}
	if (task.status === 'completed') {
		estimate.record(task.timings?.inference ?? lastLookAt - (runningSince ?? lookedAt));
	}
	return task;
}
