import { TaskDurationEstimate } from '../../../../../nodes/WaveSpeed/account/durationEstimate';

const estimate = (...samples: number[]) => {
	const e = new TaskDurationEstimate();
	samples.forEach((inferenceMs) => e.record({ inferenceMs, overheadAtLeastMs: 0 }));
	return e;
};

/** The batch plan: the upper end, two gaps between samples, and max(100 ms, 5 %). */
const batchPlan = (slowest: number, gap: number) =>
	slowest + 2 * gap + Math.max(100, 0.05 * slowest);

describe('TaskDurationEstimate: when a task like the last ones is done', () => {
	test('nothing known before the first task has finished', () => {
		expect(estimate().readyByMs(1)).toBeUndefined();
		expect(estimate().readyAfterAnswerMs(1)).toBeUndefined();
	});

	test('one sample: that duration plus 10 %', () => {
		expect(estimate(4000).readyByMs(1)).toBeCloseTo(4400);
		expect(estimate(4000).readyByMs(10)).toBeCloseTo(4400);
	});

	test('a lone item: the slowest recent task', () => {
		expect(estimate(4000, 4200, 3900).readyByMs(1)).toBe(4200);
	});

	test('a batch: the upper end of the range, widened by two gaps and a margin', () => {
		// range 3900..4200 over 3 samples: one gap is 150 ms
		expect(estimate(4000, 4200, 3900).readyByMs(8)).toBeCloseTo(batchPlan(4200, 150));
	});

	test('tasks that all take the same time: a batch is planned just after it', () => {
		expect(estimate(2500, 2500, 2500).readyByMs(20)).toBeCloseTo(2625);
	});

	test('an outlier over twice the median does not make every later item wait for it', () => {
		expect(estimate(7000, 200).readyByMs(1)).toBe(200);
		expect(estimate(4000, 30_000, 4100, 3900).readyByMs(1)).toBe(4100);
		expect(estimate(4000, 30_000, 4100, 3900).readyByMs(5)).toBeCloseTo(batchPlan(4100, 100));
	});

	test('keeps the 15 most recent samples', () => {
		const e = estimate(9000, ...Array.from({ length: 15 }, () => 1000));
		expect(e.readyByMs(1)).toBe(1000);
	});

	test('samples that are not durations are ignored', () => {
		expect(estimate(0, -5, Number.NaN).readyByMs(1)).toBeUndefined();
	});
});

describe("TaskDurationEstimate: WaveSpeed's delay between the submit's answer and the task's end", () => {
	test('none proved yet: planned from the answer as the inference time and one step', () => {
		expect(estimate(2500).readyAfterAnswerMs(1)).toBeCloseTo(2850);
		expect(estimate(2500, 2500).delayMs()).toBe(100);
	});

	test('a check that found a task not done proves a delay; the plan allows it and a step more', () => {
		const e = estimate(2500, 2500);
		e.record({ inferenceMs: 2500, overheadAtLeastMs: 30 });
		expect(e.delayMs()).toBe(130);
		expect(e.readyAfterAnswerMs(1)).toBe(2630);
		// Missed again at the new plan: the next one allows more, until the checks stop missing.
		e.record({ inferenceMs: 2500, overheadAtLeastMs: 130 });
		expect(e.delayMs()).toBe(230);
	});

	test('one outlying delay among several does not move the plan', () => {
		const e = new TaskDurationEstimate();
		for (const overheadAtLeastMs of [100, 120, 5000, 90])
			e.record({ inferenceMs: 2500, overheadAtLeastMs });
		expect(e.delayMs()).toBe(220);
	});

	test('a queued task teaches its running time, not a delay', () => {
		const e = new TaskDurationEstimate();
		e.record({ inferenceMs: 2500 });
		e.record({ inferenceMs: 2600, overheadAtLeastMs: undefined });
		expect(e.delayMs()).toBe(100);
		expect(e.readyByMs(1)).toBe(2600);
	});
});
