import { pngSize } from '../../../../devkit/fake-wavespeed/png';
import { FakeWaveSpeed } from '../../../../devkit/fake-wavespeed/server';
import { client, type TaskData } from './http';

const KLEIN = 'wavespeed-ai/flux-2-klein-base-9b/edit';
const KLEIN_4B = 'wavespeed-ai/flux-2-klein-base-4b/edit';
const KLEIN_LORA = 'wavespeed-ai/flux-2-klein-base-9b/edit-lora';

let fake: FakeWaveSpeed;
const { post, image } = client(() => fake);

beforeAll(async () => {
	fake = await FakeWaveSpeed.start({ taskMs: 10, startDelayMs: 0 });
});

afterAll(async () => await fake.close());

const refused = async (model: string, body: Record<string, unknown>) => {
	const accepted = fake.acceptedTasks;
	const { status, json } = await post(`/api/v3/${model}`, body);
	expect(fake.acceptedTasks).toBe(accepted);
	expect(status).toBe(400);
	expect(json).toMatchObject({ code: 400, data: null });
	return json.message;
};

const run = async (model: string, body: Record<string, unknown>) => {
	const { status, json } = await post<TaskData>(`/api/v3/${model}`, body);
	expect(status).toBe(200);
	await fake.until(() => fake.store.tasks.get(json.data.id)!.completedAt !== undefined);
	return fake.store.tasks.get(json.data.id)!;
};

const outputSize = async (url: string) =>
	pngSize(Buffer.from(await (await fetch(url)).arrayBuffer()));

describe("submits checked against the model's request schema", () => {
	const klein = () => ({ prompt: 'x', images: [image()] });

	test.each([
		['a missing prompt', { prompt: undefined }, 'prompt: is required'],
		['a blank prompt', { prompt: '  ' }, 'prompt: is required'],
		['no images', { images: [] }, 'images: is required'],
		[
			'4 images',
			{ images: [1, 2, 3, 4].map(() => 'http://127.0.0.1:9/a.png') },
			'images: must have at most 3 items',
		],
		['an image that is not a URL', { images: ['photo.png'] }, 'images[0]: must be an http(s) URL'],
		['images as a string', { images: 'http://127.0.0.1:9/a.png' }, 'images: must be a list'],
		[
			'a size side under 256',
			{ size: '255*512' },
			'size: must be "W*H" with each side between 256 and 1536',
		],
		[
			'a size that is not W*H',
			{ size: '512x512' },
			'size: must be "W*H" with each side between 256 and 1536',
		],
		['a seed over the top', { seed: 2147483648 }, 'seed: must be at most 2147483647'],
		['a fractional seed', { seed: 1.5 }, 'seed: must be an integer'],
		[
			'sync mode as a string',
			{ enable_sync_mode: 'yes' },
			'enable_sync_mode: must be true or false',
		],
	])('klein: %s → 400 "%s"', async (_, change, message) => {
		expect(await refused(KLEIN, { ...klein(), ...change })).toBe(message);
	});

	test('enum, minimum and maximum of other models', async () => {
		const images = [image()];
		expect(
			await refused('openai/gpt-image-1.5/edit', { prompt: 'x', images, size: '512*512' }),
		).toBe('size: must be one of 1024*1024, 1024*1536, 1536*1024');
		expect(
			await refused('google/nano-banana-pro/edit-multi', { prompt: 'x', images, num_images: 5 }),
		).toBe('num_images: must be at most 4');
		expect(
			await refused('google/nano-banana-pro/edit-multi', {
				prompt: 'x',
				images,
				output_format: 'webp',
			}),
		).toBe('output_format: must be one of png, jpeg');
		expect(
			await refused('bytedance/seedream-v4.5/edit', { prompt: 'x', images, size: '512*512' }),
		).toBe('size: must be "W*H" with each side between 1024 and 4096');
		expect(await refused('openai/gpt-image-1', { prompt: 'x', images })).toBe('image: is required');
		expect(await refused('wavespeed-ai/prompt-optimizer', { mode: 'image' })).toBe(
			'text: is required',
		);
	});

	test('keys the schema does not name are dropped, not refused (the task keeps the body as sent)', async () => {
		const task = await run(KLEIN, {
			...klein(),
			size: '256*256',
			aspect_ratio: '16:9',
			guidance: 3,
		});
		expect(task.status).toBe('completed');
		expect(task.body).toMatchObject({ aspect_ratio: '16:9', guidance: 3 });
	});

	test('the LoRA rules keep their messages; refuseKleinLoras false drops loras as WaveSpeed would', async () => {
		const lora = (path: string, scale: number) => ({ ...klein(), loras: [{ path, scale }] });
		expect(await refused(KLEIN_LORA, lora('', 1))).toBe('loras[0].path is required');
		expect(await refused(KLEIN_LORA, lora('owner/repo', 5))).toBe(
			'loras[0].scale must be a number from 0 to 4',
		);
		expect(await refused(KLEIN_LORA, lora('not a path', 1))).toBe(
			'Failed to load LoRA from not a path: expected a URL or a Hugging Face repository',
		);
		expect(await refused(KLEIN_4B, lora('owner/repo', 1))).toBe(
			`loras is not supported by ${KLEIN_4B}`,
		);
		fake.refuseKleinLoras = false;
		try {
			const task = await run(KLEIN_4B, { ...lora('owner/repo', 1), size: '256*256' });
			expect(task.status).toBe('completed');
		} finally {
			fake.refuseKleinLoras = true;
		}
		// A model outside the klein family never refuses an unknown `loras`.
		const other = await run('bytedance/seedream-v4.5/edit', {
			prompt: 'x',
			images: [image()],
			size: '1024*1024',
			loras: [{ path: '', scale: 9 }],
		});
		expect(other.status).toBe('completed');
	});
});

describe('outputs: how many and what size', () => {
	test('num_images gives that many outputs; without it, one', async () => {
		const multi = await run('google/nano-banana-pro/edit-multi', {
			prompt: 'x',
			images: [image(300, 200)],
			num_images: 3,
		});
		expect(multi.outputs).toHaveLength(3);
		const one = await run('google/nano-banana-pro/edit-multi', { prompt: 'x', images: [image()] });
		expect(one.outputs).toHaveLength(1);
	});

	test('the size sent wins; else the first input image, whatever the field is called', async () => {
		const sized = await run('openai/gpt-image-1.5/edit', {
			prompt: 'x',
			images: [image(300, 200)],
			size: '1024*1536',
		});
		expect(await outputSize(sized.outputs[0])).toEqual({ width: 1024, height: 1536 });
		// `image` (a single string), `size` auto.
		const single = await run('openai/gpt-image-1', { prompt: 'x', image: image(320, 240) });
		expect(await outputSize(single.outputs[0])).toEqual({ width: 320, height: 240 });
		// `images`, no size.
		const listed = await run('google/nano-banana-pro/edit-multi', {
			prompt: 'x',
			images: [image(300, 200), image(256, 256)],
		});
		expect(await outputSize(listed.outputs[0])).toEqual({ width: 300, height: 200 });
		// The first image unreadable: 400 naming the field.
		const accepted = fake.acceptedTasks;
		const unreadable = await post('/api/v3/openai/gpt-image-1', {
			prompt: 'x',
			image: 'http://127.0.0.1:9/gone.png',
		});
		expect(unreadable.status).toBe(400);
		expect(unreadable.json.message).toBe('image: could not read http://127.0.0.1:9/gone.png');
		expect(fake.acceptedTasks).toBe(accepted);
	});
});

describe('the prompt optimizer', () => {
	test('runs in sync mode, as the desktop app calls it: outputs[0] is the improved prompt', async () => {
		const { status, json } = await post<TaskData>('/api/v3/wavespeed-ai/prompt-optimizer', {
			text: '  a cat on a roof ',
			mode: 'video',
			style: 'anime',
			image: image(),
			enable_sync_mode: true,
		});
		expect(status).toBe(200);
		expect(json.data.status).toBe('completed');
		expect(json.data.outputs).toEqual([
			'a cat on a roof — optimized for video (style: anime), following the reference image',
		]);
	});

	test('also asynchronously, with the defaults', async () => {
		const task = await run('wavespeed-ai/prompt-optimizer', { text: 'a dog' });
		expect(task.outputs).toEqual(['a dog — optimized for image (style: default)']);
		expect(task.outputKind).toBe('text');
	});
});
