import {
	MIN_CHECK_GAP_MS,
	nextCheckDelay,
	type CheckState,
} from '../../../../../nodes/WaveSpeed/task/checkSchedule';

const start: CheckState = { sinceLastLookMs: 0, runningForMs: 0, missedChecks: 0, capMs: 10_000 };

/** The check times, from the submit, of a task that is never done, for the first `n` checks. */
function checkTimes(state: Partial<CheckState>, n: number): number[] {
	const times: number[] = [];
	let at = 0;
	let s: CheckState = { ...start, ...state };
	for (let k = 0; k < n; k++) {
		at += nextCheckDelay(s);
		times.push(at);
		s = { ...s, sinceLastLookMs: 0, missedChecks: s.missedChecks + 1 };
		if (s.runningForMs !== undefined) s.runningForMs = at;
	}
	return times;
}

describe("the check schedule follows WaveSpeed's rule: ≥ 2 s apart, growing", () => {
	test('without an estimate: 2 s after the submit, then 2 s, then 1.5 times longer each, up to Poll Interval', () => {
		expect(checkTimes({}, 8)).toEqual([2000, 4000, 7000, 11_500, 18_250, 28_250, 38_250, 48_250]);
	});

	test('a task still queued gets the same growing waits', () => {
		expect(checkTimes({ runningForMs: undefined, readyByMs: 2500 }, 4)).toEqual([
			2000, 4000, 7000, 11_500,
		]);
	});

	test('with an estimate: one check when the task should be done, then growing waits again', () => {
		expect(checkTimes({ readyByMs: 3300 }, 4)).toEqual([3300, 5300, 8300, 12_800]);
	});

	test('a task due sooner than the rule allows is checked when the rule allows', () => {
		expect(nextCheckDelay({ ...start, readyByMs: 800 })).toBe(MIN_CHECK_GAP_MS);
		expect(
			nextCheckDelay({ ...start, sinceLastLookMs: 1500, runningForMs: 1500, readyByMs: 800 }),
		).toBe(500);
	});

	test('planned from the submit: a task answered `created` on an account with room is checked once, when due', () => {
		expect(
			checkTimes({ runningForMs: undefined, sinceAnswerMs: 0, readyAfterAnswerMs: 2800 }, 3),
		).toEqual([2800, 4800, 7800]);
	});

	test('planned from the submit: never sooner than the rule allows', () => {
		expect(
			nextCheckDelay({
				...start,
				runningForMs: undefined,
				sinceAnswerMs: 0,
				readyAfterAnswerMs: 900,
			}),
		).toBe(MIN_CHECK_GAP_MS);
	});

	test('a task seen queued is planned from when it was seen running, not from the submit', () => {
		const queued: CheckState = {
			sinceLastLookMs: 0,
			sinceAnswerMs: undefined,
			runningForMs: 0,
			readyByMs: 2500,
			readyAfterAnswerMs: 2600,
			missedChecks: 0,
			capMs: 10_000,
		};
		expect(nextCheckDelay(queued)).toBe(2500);
	});

	test('a long task is checked at least every Poll Interval', () => {
		expect(nextCheckDelay({ ...start, readyByMs: 60_000 })).toBe(10_000);
		expect(nextCheckDelay({ ...start, capMs: 2000, missedChecks: 9 })).toBe(2000);
	});

	test('never two checks less than 2 s apart, whatever the state', () => {
		for (const sinceLastLookMs of [0, 300, 1999, 2000, 5000])
			for (const readyByMs of [undefined, 0, 1000, 2500, 9000])
				for (const runningForMs of [undefined, 0, 1500, 4000])
					for (const sinceAnswerMs of [undefined, 0, 2500])
						for (const missedChecks of [0, 1, 5])
							for (const capMs of [2000, 10_000]) {
								const delay = nextCheckDelay({
									sinceLastLookMs,
									sinceAnswerMs,
									readyAfterAnswerMs: readyByMs,
									readyByMs,
									runningForMs,
									missedChecks,
									capMs,
								});
								expect(sinceLastLookMs + delay).toBeGreaterThanOrEqual(MIN_CHECK_GAP_MS);
							}
	});
});
