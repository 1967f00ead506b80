import { pngSize } from '../../devkit/fake-wavespeed/png';
import { binaryImages, editParameters, pngFile, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 80 });

function lastSubmit() {
	const task = ws.fake.tasks.at(-1)!;
	return { task, body: task.body };
}

describe('WaveSpeed Image Edit through the n8n engine', () => {
	test('edits an image given by URL and returns it as PNG binary data with the task JSON', async () => {
		const result = await ws.run({
			parameters: editParameters({ images: urlImages(ws.image(320, 240)) }),
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [item] = result.items;
		const { task } = lastSubmit();
		expect(item.json).toMatchObject({
			id: task.id,
			model: 'wavespeed-ai/flux-2-klein-base-9b/edit',
			status: 'completed',
			outputs: [task.outputs[0]],
			seed: task.body.seed,
			// Match Input: the size the output really has, read from the image's header.
			size: '320*240',
			width: 320,
			height: 240,
		});
		// Seed -1: the node picked the seed itself, sent it and reports it, so the image can be reproduced.
		expect(Number.isInteger(task.body.seed)).toBe(true);
		expect(task.body.seed).toBeGreaterThanOrEqual(0);
		expect(item.json.timings).toEqual({ inference: expect.any(Number) });
		expect(typeof item.json.createdAt).toBe('string');
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary!.data).toMatchObject({
			mimeType: 'image/png',
			fileName: `wavespeed-${task.id}.png`,
		});
		expect(pngSize(await result.binaryBuffer(item))).toEqual({ width: 320, height: 240 });
		expect(task.body.images).toEqual([ws.image(320, 240)]);
		expect(task.body).not.toHaveProperty('size');
	});

	test('uploads a binary input with its file name and type, then sends the uploaded URL', async () => {
		const uploadsBefore = ws.fake.uploads.size;
		const result = await ws.run({
			items: [{ binary: { photo: pngFile(400, 300, 'product.png') } }],
			parameters: editParameters({ images: binaryImages('photo') }),
		});

		expect(result.error).toBeUndefined();
		expect(ws.fake.uploads.size).toBe(uploadsBefore + 1);
		const upload = [...ws.fake.uploads.values()].at(-1)!;
		expect(upload).toMatchObject({ fileName: 'product.png', contentType: 'image/png' });
		expect(pngSize(upload.data)).toEqual({ width: 400, height: 300 });
		expect(lastSubmit().body.images).toEqual([
			expect.stringContaining(`/uploads/${upload.id}/product.png`),
		]);
		expect(pngSize(await result.binaryBuffer(result.items[0]))).toEqual({
			width: 400,
			height: 300,
		});
	});

	test('keeps the order of two and three images, mixing URLs and binaries', async () => {
		const two = await ws.run({
			parameters: editParameters({ images: urlImages(ws.image(300, 300), ws.image(500, 400)) }),
		});
		expect(two.error).toBeUndefined();
		expect(lastSubmit().body.images).toEqual([ws.image(300, 300), ws.image(500, 400)]);
		expect(pngSize(await two.binaryBuffer(two.items[0]))).toEqual({ width: 300, height: 300 });

		const three = await ws.run({
			items: [{ binary: { second: pngFile(260, 260, 'second.png') } }],
			parameters: editParameters({
				images: {
					image: [
						{ source: 'url', url: ws.image(640, 360) },
						{ source: 'binary', binaryPropertyName: 'second' },
						{ source: 'url', url: ws.image(256, 512) },
					],
				},
			}),
		});
		expect(three.error).toBeUndefined();
		const images = lastSubmit().body.images as string[];
		expect(images).toHaveLength(3);
		expect(images[0]).toBe(ws.image(640, 360));
		expect(images[1]).toMatch(/\/uploads\/[ut]\d+\/second\.png$/);
		expect(images[2]).toBe(ws.image(256, 512));
		expect(pngSize(await three.binaryBuffer(three.items[0]))).toEqual({ width: 640, height: 360 });
	});

	test('custom size is sent as W*H and the output has that size; a fixed seed is sent', async () => {
		const result = await ws.run({
			parameters: editParameters({
				images: urlImages(ws.image(320, 240)),
				size: 'custom',
				width: 768,
				height: 512,
				seed: 424242,
			}),
		});
		expect(result.error).toBeUndefined();
		expect(lastSubmit().body).toMatchObject({ size: '768*512', seed: 424242 });
		expect(result.items[0].json).toMatchObject({ size: '768*512', seed: 424242 });
		expect(pngSize(await result.binaryBuffer(result.items[0]))).toEqual({
			width: 768,
			height: 512,
		});
	});

	test('the 4B model is submitted to its own endpoint', async () => {
		const result = await ws.run({
			parameters: editParameters({
				model: 'wavespeed-ai/flux-2-klein-base-4b/edit',
				images: urlImages(ws.image(256, 256)),
			}),
		});
		expect(result.error).toBeUndefined();
		expect(lastSubmit().task.model).toBe('wavespeed-ai/flux-2-klein-base-4b/edit');
		expect(result.items[0].json.model).toBe('wavespeed-ai/flux-2-klein-base-4b/edit');
	});

	test("a failed task stops the node with WaveSpeed's message and the task id", async () => {
		const result = await ws.run({
			parameters: editParameters({
				prompt: 'Restyle [fail:Image contains a face the model refuses to edit]',
				images: urlImages(ws.image(256, 256)),
			}),
		});
		const { task } = lastSubmit();
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toContain('Image contains a face the model refuses to edit');
		expect(result.error?.message).toContain(task.id);
		expect(result.error?.name).toBe('NodeApiError');
	});

	test('with Continue On Fail, mixed items give one output each, in order, failures with their task id', async () => {
		const prompts = ['ok one', 'bad [fail:Unsupported content]', 'ok three', '   '];
		const result = await ws.run({
			continueOnFail: true,
			items: prompts.map((prompt) => ({ json: { prompt } })),
			parameters: editParameters({
				prompt: '={{ $json.prompt }}',
				images: urlImages(ws.image(256, 256)),
			}),
		});

		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(result.items[0].json.status).toBe('completed');
		expect(result.items[0].binary?.data).toBeDefined();
		expect(result.items[1].json.error).toContain('Unsupported content');
		expect(result.items[1].json.id).toMatch(/^[0-9a-f]{32}$/);
		expect(result.items[1].binary).toBeUndefined();
		expect(result.items[2].json.status).toBe('completed');
		expect(result.items[3].json.error).toMatch(/Prompt \(item 3\): is empty/);
		expect(result.items[3].json.id).toBeUndefined();
	});

	test('sync mode answers in one request, without polling', async () => {
		const pollsBefore = ws.fake.count('poll');
		const result = await ws.run({
			parameters: editParameters({
				images: urlImages(ws.image(300, 200)),
				options: { syncMode: true },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(lastSubmit().body.enable_sync_mode).toBe(true);
		expect(ws.fake.count('poll')).toBe(pollsBefore);
		expect(pngSize(await result.binaryBuffer(result.items[0]))).toEqual({
			width: 300,
			height: 200,
		});
	});

	test('base64 output is decoded into binary data without downloading anything', async () => {
		const downloadsBefore = ws.fake.count('output', 'output');
		const result = await ws.run({
			parameters: editParameters({
				images: urlImages(ws.image(280, 280)),
				options: { base64Output: true },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(lastSubmit().body.enable_base64_output).toBe(true);
		expect(ws.fake.count('output', 'output')).toBe(downloadsBefore);
		expect(result.items[0].json.outputs).toEqual(['binary:data']);
		expect(pngSize(await result.binaryBuffer(result.items[0]))).toEqual({
			width: 280,
			height: 280,
		});
	});

	test('base64 output with download off returns the base64 text in JSON', async () => {
		const result = await ws.run({
			parameters: editParameters({
				images: urlImages(ws.image(256, 300)),
				options: { base64Output: true, downloadOutput: false },
			}),
		});
		const [output] = result.items[0].json.outputs as string[];
		expect(pngSize(Buffer.from(output, 'base64'))).toEqual({ width: 256, height: 300 });
		expect(result.items[0].binary).toBeUndefined();
	});

	test('download off returns URLs only; a custom output field name is used', async () => {
		const urlsOnly = await ws.run({
			parameters: editParameters({
				images: urlImages(ws.image(256, 256)),
				options: { downloadOutput: false },
			}),
		});
		expect(urlsOnly.items[0].binary).toBeUndefined();
		expect(urlsOnly.items[0].json.outputs).toEqual([
			expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/outputs\//),
		]);

		const named = await ws.run({
			parameters: editParameters({
				images: urlImages(ws.image(256, 256)),
				options: { binaryPropertyOutput: 'edited' },
			}),
		});
		expect(Object.keys(named.items[0].binary ?? {})).toEqual(['edited']);
	});

	test('the API key goes to the API host only, never to the output host', async () => {
		await ws.run({ parameters: editParameters({ images: urlImages(ws.image(256, 256)) }) });
		const outputRequests = ws.fake.requests.filter((r) => r.host === 'output');
		const apiRequests = ws.fake.requests.filter((r) => r.host === 'api');
		expect(outputRequests.some((r) => r.route === 'output')).toBe(true);
		expect(outputRequests.filter((r) => r.authorization !== undefined)).toEqual([]);
		expect(apiRequests.every((r) => r.authorization === `Bearer ${ws.fake.apiKey}`)).toBe(true);
	});
});
