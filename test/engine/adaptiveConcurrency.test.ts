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

describe('an account that runs 2 tasks at once, with no per-minute limit (not a WaveSpeed level: a proxy or private gateway)', () => {
	const ws = withFakeWaveSpeed({ taskMs: 50, concurrency: 2 });

	test("tasks queue at WaveSpeed, never more than the node's ceiling of 200 at once, and every item completes", async () => {
		const unfinishedAtSubmit: number[] = [];
		const onSubmitted = () =>
			unfinishedAtSubmit.push(
				ws.fake.tasks.filter((t: FakeTask) => t.status === 'created' || t.status === 'processing')
					.length,
			);
		ws.fake.events.on('submitted', onSubmitted);
		const result = await ws.run({
			items: prompts(230, (i) => `item ${i}`),
			parameters: editParameters({
				prompt: '={{ $json.prompt }}',
				images: urlImages(ws.image(256, 256)),
				options: { downloadOutput: false },
			}),
		});
		ws.fake.events.off('submitted', onSubmitted);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.status)).toEqual(Array(230).fill('completed'));
		// The first check comes 2 s after a submit (WaveSpeed's rule), so the node cannot see the
		// queue sooner: it fills its ceiling, and WaveSpeed runs the tasks 2 at a time.
		expect(Math.max(...unfinishedAtSubmit)).toBeLessThanOrEqual(200);
		expect(Math.max(...unfinishedAtSubmit)).toBeGreaterThan(100);
		expect(ws.fake.store.maxRunning).toBe(2);
	});
});

describe("an account with a per-minute acceptance limit (WaveSpeed's minute, 3 tasks a minute)", () => {
	const ws = withFakeWaveSpeed({
		taskMs: 50,
		concurrency: 2,
		ratePerWindow: 3,
		rateWindowMs: 60_000,
	});

	test('items wait for the next minute without failing, even with a Timeout shorter than that wait', async () => {
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
		// 5 items at 3 a minute need two minutes' allowances, so WaveSpeed refused some submits …
		expect(refused).toBeGreaterThan(0);
		// … but each waiting item at most once: the node waits for the minute to end, not in a loop.
		expect(refused).toBeLessThanOrEqual(2);
	}, 120_000);
});
