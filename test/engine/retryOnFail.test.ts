import { pngSize } from '../../devkit/fake-wavespeed/png';
import { editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 100 });

describe("n8n's Retry On Fail", () => {
	test('resumes the tasks WaveSpeed already accepted instead of paying for new ones', async () => {
		const accepted = ws.fake.acceptedTasks;
		// The first download of each item's output fails once.
		ws.fake.inject({ route: 'output', times: 2, action: { kind: 'status', status: 503 } });

		const result = await ws.run({
			items: [{ json: {} }, { json: {} }],
			parameters: editParameters({
				images: urlImages(ws.image(400, 300)),
				options: { maxConcurrency: 2 },
			}),
			settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		for (const item of result.items)
			expect(pngSize(await result.binaryBuffer(item))).toEqual({ width: 400, height: 300 });
		expect(ws.fake.acceptedTasks - accepted).toBe(2);
		expect(ws.fake.requests.filter((r) => r.route === 'output' && r.status === 503)).toHaveLength(
			2,
		);
	});

	test('a new execution of the same workflow submits its own task', async () => {
		const accepted = ws.fake.acceptedTasks;
		const parameters = editParameters({ images: urlImages(ws.image(300, 300)), seed: 7 });

		const first = await ws.run({
			parameters,
			settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		});
		const second = await ws.run({
			parameters,
			settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		});

		expect(first.items[0].json.id).not.toBe(second.items[0].json.id);
		expect(ws.fake.acceptedTasks - accepted).toBe(2);
	});
});
