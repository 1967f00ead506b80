import { pngSize } from '../../devkit/fake-wavespeed/png';
import { editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({
	taskMs: 60,
	faults: { submit429Rate: 0.1, poll5xxRate: 0.2, retryAfterSeconds: 0.05, seed: 2026 },
});

const hundred = (failEvery?: number) =>
	Array.from({ length: 100 }, (_, i) => ({
		json: {
			n: i,
			prompt: failEvery && i % failEvery === 3 ? `item ${i} [fail:Blocked ${i}]` : `item ${i}`,
		},
	}));

const parameters = () =>
	editParameters({
		prompt: '={{ $json.prompt }}',
		images: urlImages(ws.image(256, 256)),
		size: 'custom',
		width: '={{ 256 + $json.n }}',
		height: 256,
		options: { maxConcurrency: 8 },
	});

describe('nothing is lost under load with injected faults', () => {
	test('100 items, 20% poll 5xx, 10% submit 429: 100 images in order, exactly 100 tasks accepted', async () => {
		const acceptedBefore = ws.fake.acceptedTasks;
		const submitsBefore = ws.fake.count('submit');
		const result = await ws.run({ items: hundred(), parameters: parameters() });

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(100);
		for (const [i, item] of result.items.entries()) {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.size).toBe(`${256 + i}*256`);
			expect(pngSize(await result.binaryBuffer(item))).toEqual({ width: 256 + i, height: 256 });
		}
		expect(ws.fake.acceptedTasks - acceptedBefore).toBe(100);
		const rejected429 = ws.fake.requests.filter(
			(r) => r.route === 'submit' && r.status === 429,
		).length;
		expect(ws.fake.count('submit') - submitsBefore).toBe(100 + rejected429);
		expect(rejected429).toBeGreaterThan(0);
		expect(ws.fake.requests.some((r) => r.route === 'poll' && (r.status ?? 0) >= 500)).toBe(true);
	});

	test('with Continue On Fail and 10 failing prompts: 90 images and 10 errors with task ids', async () => {
		const acceptedBefore = ws.fake.acceptedTasks;
		const result = await ws.run({
			items: hundred(10),
			parameters: parameters(),
			continueOnFail: true,
		});

		expect(result.items).toHaveLength(100);
		const failed = result.items.filter((item) => item.json.error);
		expect(failed).toHaveLength(10);
		for (const [i, item] of result.items.entries()) {
			expect(item.pairedItem).toEqual({ item: i });
			if (i % 10 === 3) {
				expect(item.json.error).toBe(`WaveSpeed task failed: Blocked ${i} (task ${item.json.id})`);
				expect(item.json.id).toMatch(/^[0-9a-f]{32}$/);
			} else {
				expect(item.binary?.data?.mimeType).toBe('image/png');
			}
		}
		expect(ws.fake.acceptedTasks - acceptedBefore).toBe(100);
	});
});
