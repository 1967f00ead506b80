import { TaskDurationEstimate } from '../../../../../nodes/WaveSpeed/account/durationEstimate';

const estimate = (...samples: number[]) => {
	const e = new TaskDurationEstimate();
	samples.forEach((ms) => e.record(ms));
	return e;
};

describe('TaskDurationEstimate: when a task like the last ones is done', () => {
	test('nothing known before the first task has finished', () => {
		expect(estimate().readyByMs(1)).toBeUndefined();
	});

	test('one sample: that duration plus 10 %', () => {
		expect(estimate(4000).readyByMs(1)).toBeCloseTo(4400);
		expect(estimate(4000).readyByMs(10)).toBeCloseTo(4400);
	});

	test('a lone item: the slowest recent task', () => {
		expect(estimate(4000, 4200, 3900).readyByMs(1)).toBe(4200);
	});

	test('a batch: the upper end of the range, widened by one gap, plus 10 %', () => {
		// range 3900..4200 over 3 samples: one gap is 150 ms
		expect(estimate(4000, 4200, 3900).readyByMs(8)).toBeCloseTo((4200 + 150) * 1.1);
	});

	test('an outlier over twice the median does not make every later item wait for it', () => {
		expect(estimate(7000, 200).readyByMs(1)).toBe(200);
		expect(estimate(4000, 30_000, 4100, 3900).readyByMs(1)).toBe(4100);
		expect(estimate(4000, 30_000, 4100, 3900).readyByMs(5)).toBeCloseTo((4100 + 100) * 1.1);
	});

	test('keeps the 15 most recent samples', () => {
		const e = estimate(9000, ...Array.from({ length: 15 }, () => 1000));
		expect(e.readyByMs(1)).toBe(1000);
	});

	test('samples that are not durations are ignored', () => {
		expect(estimate(0, -5, Number.NaN).readyByMs(1)).toBeUndefined();
	});
});
