import { pngSize } from '../../devkit/fake-wavespeed/png';
import { callAsToolOf } from '../../devkit/harness/engine';
import { MCP_TRIGGER_TYPE } from '../../nodes/WaveSpeed/task/toolAnswer';
import { editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 150 });

/** The edited images the node fetched from the output host (input images are route "image"). */
const downloads = () => ws.fake.count('output', 'output');

describe("as an AI Agent's tool (node type …Tool)", () => {
	test('answers the compact JSON and downloads nothing', async () => {
		const before = downloads();
		const result = await ws.run({
			asTool: true,
			parameters: editParameters({
				prompt: 'Tool edit one',
				images: urlImages(ws.image(320, 200)),
			}),
		});

		expect(result.error).toBeUndefined();
		const [item] = result.items;
		const task = ws.fake.tasks.find((t) => t.body.prompt === 'Tool edit one')!;
		expect(item.json).toStrictEqual({
			id: task.id,
			status: 'completed',
			imageUrl: task.outputs[0],
			seed: task.seed,
			size: null,
			// What WaveSpeed charged, as the node's task JSON gives it.
			cost: expect.any(Number),
			currency: 'USD',
			nsfw: false,
		});
		expect(item.binary).toBeUndefined();
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(downloads()).toBe(before);
	});

	test('with Download Output set explicitly it downloads, and still answers the compact JSON', async () => {
		const before = downloads();
		const result = await ws.run({
			asTool: true,
			parameters: editParameters({
				prompt: 'Tool edit downloaded',
				images: urlImages(ws.image(320, 200)),
				options: { downloadOutput: true },
			}),
		});

		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(Object.keys(item.json)).toEqual([
			'id',
			'status',
			'imageUrl',
			'seed',
			'size',
			'cost',
			'currency',
			'nsfw',
		]);
		// Downloaded, the image's real size is known.
		expect(item.json.size).toBe('320*200');
		expect(pngSize(await result.binaryBuffer(item))).toEqual({ width: 320, height: 200 });
		expect(downloads()).toBe(before + 1);
	});

	test('outside an agent nothing changes: the full task JSON, and the image downloaded', async () => {
		const before = downloads();
		const result = await ws.run({
			parameters: editParameters({ prompt: 'Plain edit', images: urlImages(ws.image(320, 200)) }),
		});

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ status: 'completed', outputs: expect.any(Array) });
		expect(result.items[0].binary?.data).toBeDefined();
		expect(downloads()).toBe(before + 1);
	});

	test("a failed task answers WaveSpeed's words and the task id as an item, not a thrown error", async () => {
		const result = await ws.run({
			asTool: true,
			parameters: editParameters({
				prompt: 'Tool edit [fail:Prompt rejected by the safety filter]',
				images: urlImages(ws.image(320, 200)),
			}),
		});

		expect(result.error).toBeUndefined();
		const task = ws.fake.tasks.find((t) => String(t.body.prompt).startsWith('Tool edit [fail'))!;
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			error: expect.stringContaining('Prompt rejected by the safety filter'),
			id: task.id,
		});
	});

	test('a parameter problem reaches the model as an error item too', async () => {
		const accepted = ws.fake.acceptedTasks;
		const result = await ws.run({
			asTool: true,
			parameters: editParameters({ prompt: '   ', images: urlImages(ws.image(320, 200)) }),
		});

		expect(result.error).toBeUndefined();
		expect(result.items[0].json.error).toEqual(expect.stringContaining('Prompt'));
		expect(ws.fake.acceptedTasks).toBe(accepted);
	});

	test('Wait for Result off: id and status, for Get Result later', async () => {
		const result = await ws.run({
			asTool: true,
			parameters: editParameters({
				prompt: 'Tool edit later [ms:3000]',
				images: urlImages(ws.image(320, 200)),
				options: { waitForResult: false },
			}),
		});

		expect(result.error).toBeUndefined();
		const { json } = result.items[0];
		expect(json).toMatchObject({ id: expect.any(String), imageUrl: null, nsfw: null });
		expect(json.status).not.toBe('completed');

		const looked = await ws.run({
			asTool: true,
			parameters: { operation: 'getResult', taskId: String(json.id) },
		});
		expect(looked.error).toBeUndefined();
		expect(looked.items[0].json).toMatchObject({
			id: json.id,
			status: 'completed',
			imageUrl: ws.fake.store.tasks.get(String(json.id))!.outputs[0],
		});
		expect(looked.items[0].binary).toBeUndefined();
	});

	describe('called by an MCP client through the MCP Server Trigger', () => {
		const call = (prompt: string, parentType = MCP_TRIGGER_TYPE) =>
			callAsToolOf(parentType, {
				credentials: { apiKey: ws.fake.apiKey, baseUrl: ws.fake.url },
				parameters: editParameters({ prompt, images: urlImages(ws.image(320, 200)) }),
			});

		test('a completed task answers the compact JSON', async () => {
			const [item] = await call('MCP edit');
			const task = ws.fake.tasks.find((t) => t.body.prompt === 'MCP edit')!;
			expect(item.json).toMatchObject({
				id: task.id,
				status: 'completed',
				imageUrl: task.outputs[0],
			});
		});

		test("a failed task throws WaveSpeed's words and the task id, for the client's isError", async () => {
			const failing = call('MCP edit [fail:Prompt rejected by the safety filter]');
			await expect(failing).rejects.toThrow(
				/^WaveSpeed task failed: Prompt rejected by the safety filter \(task [\w-]+\)$/,
			);
			const task = ws.fake.tasks.find((t) => String(t.body.prompt).startsWith('MCP edit [fail'))!;
			await expect(failing).rejects.toMatchObject({
				description: expect.stringContaining('Prompt rejected by the safety filter'),
				message: expect.stringContaining(`(task ${task.id})`),
			});
		});

		test('the same call from an agent before version 3 still answers an error item', async () => {
			const [item] = await call(
				'Agent edit [fail:Prompt rejected by the safety filter]',
				'@n8n/n8n-nodes-langchain.agent',
			);
			expect(item.json).toMatchObject({
				error: expect.stringContaining('Prompt rejected by the safety filter'),
			});
		});
	});
});
