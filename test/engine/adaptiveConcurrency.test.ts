import type { FakeTask } from '../../devkit/fake-wavespeed/tasks';
import { editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

// Without Max Concurrency the node adapts to what the account allows. These tests count what the
// fake saw (tasks accepted, queued, refused); none of them asserts a duration.

const prompts = (count: number, prompt: (i: number) => string) =>
	Array.from({ length: count }, (_, i) => ({ json: { prompt: prompt(i) } }));

describe('an account that runs everything at once', () => {
	const ws = withFakeWaveSpeed({ taskMs: 100, concurrency: 1000 });

	test('the node grows past its start while WaveSpeed starts every task at once', async () => {
		const acceptedBefore = ws.fake.acceptedTasks;
		// The tasks never end, so 24 accepted tasks mean 24 items in flight at once.
		const result = await ws.run({
			items: prompts(24, (i) => `hang ${i} [hang]`),
			parameters: editParameters({
				prompt: '={{ $json.prompt }}',
				images: urlImages(ws.image(256, 256)),
			}),
			onStart: (cancel) => {
				const all = () => ws.fake.acceptedTasks - acceptedBefore === 24;
				void ws.fake.until(all).then(cancel, cancel);
			},
		});
		expect(ws.fake.acceptedTasks - acceptedBefore).toBe(24);
		expect(result.error?.message).toMatch(/cancelled/);
	});
});

describe('an account that runs 2 tasks at once', () => {
	const ws = withFakeWaveSpeed({ taskMs: 100, concurrency: 2 });

	test('the node backs off once tasks wait in "created", and every item still completes', async () => {
		const waitingAtSubmit: number[] = [];
		const onSubmitted = () =>
			waitingAtSubmit.push(ws.fake.tasks.filter((t: FakeTask) => t.status === 'created').length);
		ws.fake.events.on('submitted', onSubmitted);
		const result = await ws.run({
			items: prompts(8, (i) => `slow ${i} [ms:3000]`),
			parameters: editParameters({
				prompt: '={{ $json.prompt }}',
				images: urlImages(ws.image(256, 256)),
			}),
		});
		ws.fake.events.off('submitted', onSubmitted);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(8);
		// Growth needs tasks seen running at their first check (2 s after the submit, WaveSpeed's
		// rule): 4 items, 2 of them run, so at most 6 go out before the node sees the other 2
		// still waiting (a fixed limit of 8 would queue 6 tasks at once). The 3 s tasks outlast
		// that first check, so a queued task is still queued when it is looked at.
		expect(Math.max(...waitingAtSubmit)).toBeLessThanOrEqual(4);
		// After that the node keeps what runs: no later submit finds more than one task waiting.
		expect(Math.max(...waitingAtSubmit.slice(6))).toBeLessThanOrEqual(2);
	});
});

describe('an account with a per-window acceptance limit (Bronze-like, with a short window)', () => {
	const ws = withFakeWaveSpeed({
		taskMs: 50,
		concurrency: 2,
		ratePerWindow: 3,
		rateWindowMs: 5000,
	});

	test('items wait for the next window without failing, even with a Timeout shorter than that wait', async () => {
		const refusedBefore = ws.fake.rateWindow.refused;
		const result = await ws.run({
			items: prompts(5, (i) => `item ${i}`),
			parameters: editParameters({
				prompt: '={{ $json.prompt }}',
				images: urlImages(ws.image(256, 256)),
				options: { timeout: 4 },
			}),
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
		expect(result.items.every((item) => item.json.status === 'completed')).toBe(true);
		const refused = ws.fake.rateWindow.refused - refusedBefore;
		// 5 items at 3 a window need two windows (the second one over 4 s later), so WaveSpeed refused
		// some submits …
		expect(refused).toBeGreaterThan(0);
		// … but few: while WaveSpeed refuses, one waiting item at a time tries again, not all of them.
		expect(refused).toBeLessThanOrEqual(6);
	});
});
