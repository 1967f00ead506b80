/**
 * WaveSpeed's rule for image tasks ("How to Get Result", Task Result Polling Frequency): at least
 * 2 s between two checks of one task, and an interval that grows while the task is still created
 * or processing ("check after 2 seconds, then after 5 seconds, and gradually increase").
 */
export const MIN_CHECK_GAP_MS = 2000;
/** Each check after the first two waits this much longer than the one before, up to Poll Interval. */
const GROWTH = 1.5;

export interface CheckState {
	/** Since WaveSpeed last told the task's status: the submit's answer, or the last check. */
	sinceLastLookMs: number;
	/**
	 * Since the submit's answer, for a task not seen waiting in `created` at a check: WaveSpeed
	 * answers every submit `created` ("How to Submit Task"), and an account with room starts it
	 * at once.
	 */
	sinceAnswerMs?: number;
	/** When a task like it is done after the submit's answer (TaskDurationEstimate.readyAfterAnswerMs). */
	readyAfterAnswerMs?: number;
	/** Since a task seen queued (in `created` at a check) was first seen running. */
	runningForMs?: number;
	/** When a task like it is done after its start (TaskDurationEstimate.readyByMs). */
	readyByMs?: number;
	/** Checks of this task so far that found it not done when it was due (or with no estimate). */
	missedChecks: number;
	/** The longest wait between two checks: the Poll Interval option. */
	capMs: number;
}

/**
 * How long to wait before the next check. Never sooner than the rule allows. With a known
 * duration a task is checked once, when it should be done: planned from the submit's answer, or,
 * for a task that was seen queued, from when it was seen running. Otherwise (no estimate yet,
 * still queued, or late) the waits are 2 s, 2 s, then 1.5 times longer each, up to Poll Interval.
 */
export function nextCheckDelay(s: CheckState): number {
	const earliest = Math.max(0, MIN_CHECK_GAP_MS - s.sinceLastLookMs);
	let gap = Math.min(s.capMs, MIN_CHECK_GAP_MS * GROWTH ** Math.max(0, s.missedChecks - 1));
	if (s.missedChecks === 0) {
		if (s.readyAfterAnswerMs !== undefined && s.sinceAnswerMs !== undefined) {
			gap = Math.min(s.capMs, s.readyAfterAnswerMs - s.sinceAnswerMs + s.sinceLastLookMs);
		} else if (s.readyByMs !== undefined && s.runningForMs !== undefined) {
			gap = Math.min(s.capMs, s.readyByMs - s.runningForMs + s.sinceLastLookMs);
		}
	}
	return Math.max(earliest, gap - s.sinceLastLookMs);
}
