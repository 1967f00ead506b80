/**
 * WaveSpeed's rule for image tasks ("How to Get Result", Task Result Polling Frequency): at least
 * 2 s between two checks of one task, and an interval that grows while the task is still created
 * or processing ("check after 2 seconds, then after 5 seconds, and gradually increase").
 */
export const MIN_CHECK_GAP_MS = 2000;
/** The shortest Poll Interval option: the rule's gap. */
export const POLL_INTERVAL_MIN_SECONDS = MIN_CHECK_GAP_MS / 1000;
/** Each check after the first two waits this much longer than the one before, up to Poll Interval. */
const GROWTH = 1.5;

export interface CheckState {
	/** Since WaveSpeed last told the task's status: the submit's answer, or the last check. */
	sinceLastLookMs: number;
	/** Since the task (probably) started running; undefined while it is seen waiting in `created`. */
	runningForMs?: number;
	/** When a task like it is done after its start (TaskDurationEstimate.readyByMs), if known. */
	readyByMs?: number;
	/** Checks of this task so far that found it not done when it was due (or with no estimate). */
	missedChecks: number;
	/** The longest wait between two checks: the Poll Interval option. */
	capMs: number;
}

/**
 * How long to wait before the next check. Never sooner than the rule allows. A running task with
 * a known duration is checked once when it should be done; otherwise (no estimate yet, still
 * queued, or late) the waits are 2 s, 2 s, then 1.5 times longer each, up to Poll Interval.
 */
export function nextCheckDelay(s: CheckState): number {
	const earliest = Math.max(0, MIN_CHECK_GAP_MS - s.sinceLastLookMs);
	let gap = Math.min(s.capMs, MIN_CHECK_GAP_MS * GROWTH ** Math.max(0, s.missedChecks - 1));
	if (s.readyByMs !== undefined && s.runningForMs !== undefined && s.missedChecks === 0) {
		gap = Math.min(s.capMs, s.readyByMs - s.runningForMs + s.sinceLastLookMs);
	}
	return Math.max(earliest, gap - s.sinceLastLookMs);
}
