import { nextPollDelay } from '../../../nodes/WaveSpeedImageEdit/helpers/polling';

const base = { queued: false, previousDelayMs: 0, capMs: 2000 };

describe('poll scheduling', () => {
	test('without an estimate: the first check comes soon, later ones back off with the task age', () => {
		for (let i = 0; i < 50; i++) {
			expect(nextPollDelay({ ...base, runningForMs: 0 })).toBeGreaterThanOrEqual(100);
			expect(nextPollDelay({ ...base, runningForMs: 0 })).toBeLessThanOrEqual(200);
			const later = nextPollDelay({ ...base, runningForMs: 1600, previousDelayMs: 500 });
			expect(later).toBeGreaterThanOrEqual(800);
			expect(later).toBeLessThanOrEqual(1600);
		}
	});

	test('with an estimate: sleeps until just before the task is due, then checks every 100 ms', () => {
		expect(nextPollDelay({ ...base, runningForMs: 500, expectedMs: 2500 })).toBe(1900);
		expect(nextPollDelay({ ...base, runningForMs: 2450, expectedMs: 2500 })).toBe(100);
		expect(nextPollDelay({ ...base, runningForMs: 2900, expectedMs: 2500 })).toBe(100);
	});

	test('never waits longer than the Poll Interval option, nor less than 100 ms', () => {
		expect(nextPollDelay({ ...base, runningForMs: 0, expectedMs: 60_000 })).toBe(2000);
		expect(nextPollDelay({ ...base, capMs: 100, runningForMs: 5000 })).toBe(100);
		expect(
			nextPollDelay({ ...base, runningForMs: 10_000, expectedMs: 2500, previousDelayMs: 1800 }),
		).toBe(2000);
	});

	test('a task still queued is checked twice a second once durations are known', () => {
		expect(nextPollDelay({ ...base, queued: true, runningForMs: 3000, expectedMs: 2500 })).toBe(
			500,
		);
	});
});
