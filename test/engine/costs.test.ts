/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only code, not in the published package */
import { makePng } from '../../devkit/fake-wavespeed/png';
import { binaryImages, editParameters, pngFile, urlImages, withFakeWaveSpeed } from './fixtures';

// What an edit costs, and the guards that stop a batch before it is paid for. The fake's prices
// are test data (devkit/fake-wavespeed/pricing.ts): the 9B edit 0.03 USD, the 4B edit 0.02
// discounted to 0.015.

const NINE_B = 'wavespeed-ai/flux-2-klein-base-9b/edit';
const FOUR_B = 'wavespeed-ai/flux-2-klein-base-4b/edit';
const prompts = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ json: { prompt: `item ${i}` } }));

describe('each item says what WaveSpeed charges for it', () => {
	const ws = withFakeWaveSpeed({ taskMs: 50, apiKey: 'ws-costs-account-key-01' });
	const params = (overrides = {}) =>
		editParameters({
			prompt: '={{ $json.prompt }}',
			images: urlImages(ws.image(256, 256)),
			...overrides,
		});

	test('cost and currency on every output item; the discounted price where there is one', async () => {
		const nine = await ws.run({ items: prompts(1), parameters: params({ model: NINE_B }) });
		expect(nine.items[0].json).toMatchObject({ cost: 0.03, currency: 'USD' });
		const four = await ws.run({ items: prompts(1), parameters: params({ model: FOUR_B }) });
		expect(four.items[0].json).toMatchObject({ cost: 0.015, currency: 'USD' });
	});

	test('a batch of one kind asks the price once; the next execution asks none', async () => {
		const asked = ws.fake.priceRequests.length;
		const result = await ws.run({ items: prompts(6), parameters: params({ seed: 5 }) });
		expect(result.items.map((item) => item.json.cost)).toEqual(Array(6).fill(0.03));
		// The 9B model's quote is already known from the first test: this account asked it there.
		expect(ws.fake.priceRequests.length - asked).toBe(0);

		const sized = await ws.run({
			items: prompts(6),
			parameters: params({ size: 'custom', width: 512, height: 512 }),
		});
		expect(sized.error).toBeUndefined();
		expect(ws.fake.priceRequests.length - asked).toBe(1);
		// The prompt, the seed and the images are not sent to be priced; the settings are.
		expect(ws.fake.priceRequests.at(-1)).toEqual({
			modelId: NINE_B,
			inputs: expect.objectContaining({ size: '512*512' }),
		});
		expect(ws.fake.priceRequests.at(-1)!.inputs).not.toHaveProperty('prompt');
		expect(ws.fake.priceRequests.at(-1)!.inputs).not.toHaveProperty('images');
	});

	test('the pricing endpoint failing does not stop the edit: cost null', async () => {
		ws.fake.inject({ route: 'price', action: { kind: 'status', status: 500 } });
		const result = await ws.run({
			items: prompts(1),
			parameters: params({ size: 'custom', width: 640, height: 640 }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ status: 'completed', cost: null, currency: null });
	});

	test('a one-item execution reads no balance', async () => {
		const balances = ws.fake.count('balance');
		await ws.run({ items: prompts(1), parameters: params() });
		expect(ws.fake.count('balance')).toBe(balances);
	});
});

describe('Options → Max Cost per Execution', () => {
	const ws = withFakeWaveSpeed({ taskMs: 50, apiKey: 'ws-budget-account-key-01' });
	const params = (maxCostPerExecution: number, overrides = {}) =>
		editParameters({
			prompt: '={{ $json.prompt }}',
			images: urlImages(ws.image(256, 256)),
			options: { maxCostPerExecution },
			...overrides,
		});

	test('over the limit: nothing is submitted, and the error says the total, the limit and what fits', async () => {
		const accepted = ws.fake.acceptedTasks;
		const balance = ws.fake.balance.dollars;
		const result = await ws.run({ items: prompts(4), parameters: params(0.1) });
		expect(result.error?.message).toBe(
			'Options → Max Cost per Execution: the 4 items would cost 0.12 USD, over the limit of 0.10 USD; nothing was submitted',
		);
		expect(result.error?.description).toMatch(/^3 of the 4 items fit within the limit/);
		expect(ws.fake.count('submit')).toBe(0);
		expect(ws.fake.acceptedTasks).toBe(accepted);
		expect(ws.fake.balance.dollars).toBe(balance);
	});

	test('within the limit: every item runs', async () => {
		const result = await ws.run({ items: prompts(3), parameters: params(0.09) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
	});

	test('with Continue On Fail, every item carries the refusal; still nothing is sent', async () => {
		const submits = ws.fake.count('submit');
		const result = await ws.run({
			items: prompts(2),
			parameters: params(0.01),
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.error)).toEqual([
			expect.stringMatching(/^Options → Max Cost per Execution: the 2 items would cost 0\.06 USD/),
			expect.stringMatching(/^Options → Max Cost per Execution: the 2 items would cost 0\.06 USD/),
		]);
		expect(ws.fake.count('submit')).toBe(submits);
	});

	test('no price to be had: refused rather than guessed', async () => {
		ws.fake.inject({ route: 'price', times: 2, action: { kind: 'status', status: 503 } });
		const submits = ws.fake.count('submit');
		const result = await ws.run({
			items: prompts(1),
			parameters: params(5, { model: FOUR_B }),
		});
		expect(result.error?.message).toBe(
			"Options → Max Cost per Execution: WaveSpeed's price for item 0 could not be read, so nothing was submitted",
		);
		expect(ws.fake.count('submit')).toBe(submits);
	});

	test('0 or a negative limit is refused before any request', async () => {
		const before = ws.fake.requests.length;
		const result = await ws.run({ items: prompts(1), parameters: params(-1) });
		expect(result.error?.message).toMatch(
			/^Options → Max Cost per Execution \(item 0\): -1 is not allowed/,
		);
		expect(ws.fake.requests.length).toBe(before);
	});
});

describe('Max Cost per Execution holds for the whole execution, over every run of the node', () => {
	// Two branches feeding the node run it twice in one execution, as a loop or an AI Agent's
	// repeated tool calls do.
	const ws = withFakeWaveSpeed({ taskMs: 50, apiKey: 'ws-budget-execution-key-02' });
	const params = (maxCostPerExecution: number) =>
		editParameters({
			prompt: '={{ $json.prompt }}',
			images: urlImages(ws.image(256, 256)),
			options: { maxCostPerExecution },
		});

	test('a second run that would go over what is left is refused, saying what this execution spent', async () => {
		const accepted = ws.fake.acceptedTasks;
		const result = await ws.run({ branches: [prompts(1), prompts(1)], parameters: params(0.05) });
		expect(result.runs).toHaveLength(2);
		expect(result.runs[0].error).toBeUndefined();
		expect(result.runs[1].error?.message).toBe(
			'Options → Max Cost per Execution: the item would cost 0.03 USD; with 0.03 USD already spent in this execution that is over the limit of 0.05 USD; nothing was submitted',
		);
		expect(result.runs[1].error?.description).toMatch(/^0 of the 1 items fit within what is left/);
		expect(ws.fake.acceptedTasks - accepted).toBe(1);
	});

	test('runs that fit together all go; the next execution starts with nothing spent', async () => {
		const accepted = ws.fake.acceptedTasks;
		for (let execution = 0; execution < 2; execution++) {
			const result = await ws.run({
				branches: [prompts(1), prompts(1)],
				parameters: params(0.06),
			});
			expect(result.runs.map((run) => run.error)).toEqual([undefined, undefined]);
		}
		expect(ws.fake.acceptedTasks - accepted).toBe(4);
	});

	test('an item WaveSpeed refused gives its share back to the execution', async () => {
		const accepted = ws.fake.acceptedTasks;
		ws.fake.inject({
			route: 'submit',
			action: {
				kind: 'status',
				status: 400,
				body: { code: 400, message: 'bad image', data: null },
			},
		});
		const result = await ws.run({
			branches: [prompts(1), prompts(1)],
			parameters: params(0.05),
			continueOnFail: true,
		});
		expect(result.runs[0].items[0].json.error).toBe('WaveSpeed refused the request: bad image');
		expect(result.runs[1].items[0].json.status).toBe('completed');
		expect(ws.fake.acceptedTasks - accepted).toBe(1);
	});

	test('the editor default (1 USD) is a limit the node accepts', async () => {
		const result = await ws.run({ items: prompts(2), parameters: params(1) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
	});
});

describe('the balance guard for batches', () => {
	const ws = withFakeWaveSpeed({ taskMs: 50, apiKey: 'ws-balance-account-key-1', balance: 0.05 });
	const params = () =>
		editParameters({ prompt: '={{ $json.prompt }}', images: urlImages(ws.image(256, 256)) });

	test('a batch that the balance does not cover submits nothing and says what it covers', async () => {
		const balances = ws.fake.count('balance');
		const result = await ws.run({ items: prompts(3), parameters: params() });
		expect(result.error?.message).toBe(
			'Your WaveSpeed balance is 0.05 USD; the 3 items would cost 0.09 USD; it covers 1 of them. Top up your WaveSpeed balance; nothing was submitted',
		);
		expect(ws.fake.count('balance') - balances).toBe(1);
		expect(ws.fake.count('submit')).toBe(0);
		expect(ws.fake.balance.dollars).toBe(0.05);
	});

	test("a single item the balance does not cover: WaveSpeed's refusal says to top up", async () => {
		ws.fake.balance.dollars = 0.01;
		const result = await ws.run({ items: prompts(1), parameters: params() });
		expect(result.error?.message).toMatch(/Top up your WaveSpeed balance$/);
		expect(ws.fake.acceptedTasks).toBe(0);
	});

	test('the fake lowers the balance by each accepted task', async () => {
		ws.fake.balance.dollars = 1;
		const result = await ws.run({ items: prompts(2), parameters: params() });
		expect(result.error).toBeUndefined();
		expect(ws.fake.balance.dollars).toBe(0.94);
	});
});

describe('each image uploaded once', () => {
	const ws = withFakeWaveSpeed({ taskMs: 50, apiKey: 'ws-uploads-account-key-1' });
	const uploads = () => ws.fake.count('uploadTicket') + ws.fake.count('upload');

	test('50 items that share one background upload it once, and all send its URL', async () => {
		const before = uploads();
		// A 2 MB PNG (stored uncompressed); the outputs are small, to keep the test on the upload.
		const background = {
			bytes: makePng(820, 820, 3, 0),
			mimeType: 'image/png',
			fileName: 'background.png',
		};
		expect(background.bytes.length).toBeGreaterThan(2_000_000);
		const result = await ws.run({
			items: Array.from({ length: 50 }, (_, i) => ({
				json: { prompt: `product ${i} on the background` },
				binary: { background },
			})),
			parameters: editParameters({
				prompt: '={{ $json.prompt }}',
				images: binaryImages('background'),
				size: 'custom',
				width: 256,
				height: 256,
				options: { downloadOutput: false },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(50);
		expect(uploads() - before).toBe(1);
		const sent = new Set(ws.fake.tasks.slice(-50).map((t) => (t.body.images as string[])[0]));
		expect(sent.size).toBe(1);
	});

	test('the next execution with the same image uploads nothing; another image is uploaded', async () => {
		const before = uploads();
		const run = (file: { bytes: Buffer; mimeType: string; fileName: string }) =>
			ws.run({
				items: [{ binary: { photo: file } }],
				parameters: editParameters({
					images: binaryImages('photo'),
					size: 'custom',
					width: 256,
					height: 256,
				}),
			});
		await run({ bytes: makePng(820, 820, 3, 0), mimeType: 'image/png', fileName: 'again.png' });
		expect(uploads() - before).toBe(0);
		await run(pngFile(300, 200, 'other.png'));
		expect(uploads() - before).toBe(1);
	});
});
