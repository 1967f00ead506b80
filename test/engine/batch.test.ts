import { pngSize } from '../../devkit/fake-wavespeed/png';
import { editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 100 });

function itemsWithPrompts(prompts: string[]) {
	return prompts.map((prompt, i) => ({ json: { prompt, width: 256 + 16 * i } }));
}

const perItem = (options = {}) =>
	editParameters({
		prompt: '={{ $json.prompt }}',
		images: urlImages(ws.image(256, 256)),
		size: 'custom',
		width: '={{ $json.width }}',
		height: 256,
		options,
	});

describe('items run concurrently and come out in input order', () => {
	test('out-of-order completions still give input order and the right pairedItem', async () => {
		ws.fake.store.resetStats();
		// Earlier items take longer, so they finish last on the server.
		const prompts = [400, 320, 240, 160, 80, 40, 20, 10].map((ms) => `edit [ms:${ms}]`);
		const result = await ws.run({
			items: itemsWithPrompts(prompts),
			parameters: perItem({ maxConcurrency: 4 }),
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(8);
		for (const [i, item] of result.items.entries()) {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.size).toBe(`${256 + 16 * i}*256`);
			expect(pngSize(await result.binaryBuffer(item))).toEqual({
				width: 256 + 16 * i,
				height: 256,
			});
		}
		expect(ws.fake.store.maxRunning).toBe(4);
	});

	test('maxConcurrency 1 runs strictly one item at a time', async () => {
		ws.fake.store.resetStats();
		const result = await ws.run({
			items: itemsWithPrompts(['a', 'b', 'c']),
			parameters: perItem({ maxConcurrency: 1 }),
		});
		expect(result.items.map((i) => i.json.size)).toEqual(['256*256', '272*256', '288*256']);
		expect(ws.fake.store.maxRunning).toBe(1);
	});

	test('without Continue On Fail the first failure stops the node: no new task is submitted after it', async () => {
		const acceptedBefore = ws.fake.acceptedTasks;
		const prompts = ['slow [ms:5000]', 'bad [fail:Refused] [ms:10]', 'c', 'd', 'e', 'f'];
		const result = await ws.run({
			items: itemsWithPrompts(prompts),
			parameters: perItem({ maxConcurrency: 2 }),
		});

		expect(result.error?.message).toMatch(/^WaveSpeed task failed: Refused \(task [0-9a-f]{32}\)$/);
		expect(ws.fake.acceptedTasks - acceptedBefore).toBe(2);
		const slowTask = ws.fake.tasks.find((t) => t.body.prompt === 'slow [ms:5000]')!;
		expect(result.error?.description).toContain(
			`item 0: task ${slowTask.id} (may still be running)`,
		);
	});

	test('cancelling the execution stops every wait at once and submits nothing more', async () => {
		const acceptedBefore = ws.fake.acceptedTasks;
		const prompts = Array.from({ length: 6 }, (_, i) => `long ${i} [ms:8000]`);
		const result = await ws.run({
			items: itemsWithPrompts(prompts),
			parameters: perItem({ maxConcurrency: 2 }),
			onStart: (cancel) => {
				void ws.fake.until(() => ws.fake.acceptedTasks - acceptedBefore === 2).then(cancel);
			},
		});

		const submitted = ws.fake.tasks.filter((t) => String(t.body.prompt).startsWith('long'));
		expect(submitted).toHaveLength(2);
		// The run ended while both 8-second tasks were still on the server, unfinished (accepted as
		// `created`, they may not have started yet).
		expect(submitted.map((t) => t.completedAt)).toEqual([undefined, undefined]);
		expect(submitted.every((t) => ['created', 'processing'].includes(t.status))).toBe(true);
		expect(result.items).toHaveLength(0);
		expect(ws.fake.acceptedTasks - acceptedBefore).toBe(2);
	});
});
