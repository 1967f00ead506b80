import { RateWindow } from '../../../../devkit/fake-wavespeed/rateWindow';

describe("the fake's per-window acceptance limit", () => {
	test('accepts the allowance, refuses the rest, and opens a new window with the first task after it', () => {
		const window = new RateWindow(3, 60_000);
		expect([0, 10, 20, 30, 59_999].map((t) => window.tryAccept(t))).toEqual([
			true,
			true,
			true,
			false,
			false,
		]);
		expect(window.refused).toBe(2);
		expect([60_000, 60_001, 60_002, 60_003].map((t) => window.tryAccept(t))).toEqual([
			true,
			true,
			true,
			false,
		]);
		// A quiet account: the next window opens with the next task, not on a clock.
		expect(window.tryAccept(500_000)).toBe(true);
	});

	test('is unlimited by default', () => {
		const window = new RateWindow();
		expect(Array.from({ length: 10_000 }, () => window.tryAccept(0)).every(Boolean)).toBe(true);
	});
});
