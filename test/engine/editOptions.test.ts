import { editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 2000 });

describe('Edit Image: Wait for Result and Webhook URL', () => {
	test('with Wait for Result off it submits every item and returns at once, polling nothing', async () => {
		const polls = ws.fake.count('poll');

		const result = await ws.run({
			items: [{ json: {} }, { json: {} }],
			parameters: editParameters({
				images: urlImages(ws.image(320, 240)),
				size: 'custom',
				width: 512,
				height: 768,
				options: { waitForResult: false },
			}),
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		for (const [n, item] of result.items.entries()) {
			const task = ws.fake.store.tasks.get(String(item.json.id))!;
			expect(item.json).toEqual({
				id: task.id,
				model: 'wavespeed-ai/flux-2-klein-base-9b/edit',
				// WaveSpeed's answer to every submit ("How to Submit Task").
				status: 'created',
				outputs: [],
				timings: {},
				resultUrl: `${ws.fake.url}/api/v3/predictions/${task.id}/result`,
				seed: task.body.seed,
				size: '512*768',
				cost: 0.03,
				currency: 'USD',
				createdAt: expect.any(String),
				hasNsfwContents: [],
			});
			expect(item.binary).toBeUndefined();
			expect(item.pairedItem).toEqual({ item: n });
		}
		expect(ws.fake.count('poll')).toBe(polls);
	});

	test("sends Webhook URL as WaveSpeed's webhook query parameter", async () => {
		const webhookUrl = 'https://n8n.example.com/webhook/abc/webhook?x=1&y=2';

		const result = await ws.run({
			parameters: editParameters({
				images: urlImages(ws.image(300, 300)),
				options: { waitForResult: false, webhookUrl },
			}),
		});

		expect(result.error).toBeUndefined();
		expect(ws.fake.store.tasks.get(String(result.items[0].json.id))!.webhookUrl).toBe(webhookUrl);
	});

	test('refuses a Webhook URL that is not http(s) before any request', async () => {
		const requests = ws.fake.requests.length;

		const result = await ws.run({
			parameters: editParameters({
				images: urlImages(ws.image(300, 300)),
				options: { webhookUrl: 'ftp://example.com/hook' },
			}),
		});

		expect(result.error?.message).toMatch(
			/^Options → Webhook URL \(item 0\): "ftp:\/\/example\.com\/hook" is not an http\(s\) URL/,
		);
		expect(ws.fake.requests.length).toBe(requests);
	});
});
