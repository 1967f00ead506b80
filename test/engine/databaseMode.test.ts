/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only code, not in the published package */
import {
	useDatabaseBinaryMode,
	type DatabaseBinaryStore,
} from '../../devkit/harness/databaseBinaryMode';
import { pngSize } from '../../devkit/fake-wavespeed/png';
import { storeBinary } from '../../devkit/harness/engine';
import { binaryImages, editParameters, pngFile, withFakeWaveSpeed } from './fixtures';

// n8n's `database` binary mode (queue mode's): every read of a file loads it whole from the
// database, so the node reads each new input image once and never reads an output back.

const ws = withFakeWaveSpeed({ taskMs: 50, apiKey: 'ws-database-mode-key-7' });
let store: DatabaseBinaryStore;

beforeAll(async () => {
	store = await useDatabaseBinaryMode();
});

const inputIds = (result: Awaited<ReturnType<typeof ws.run>>) =>
	result.run.data.resultData.runData['Item Source'][0].data!.main[0]!.map(
		(item) => item.binary!.data.id!,
	);

describe("n8n's database binary mode", () => {
	test('each new input image is loaded once from the database; no output is loaded back', async () => {
		const result = await ws.run({
			items: [
				{ binary: { data: pngFile(310, 210, 'one.png') } },
				{ binary: { data: pngFile(320, 220, 'two.png') } },
			],
			parameters: editParameters({ images: binaryImages('data') }),
		});
		expect(result.error).toBeUndefined();
		const inputs = inputIds(result);
		expect(inputs.every((id) => id.startsWith('database:'))).toBe(true);
		expect(inputs.map((id) => store.loadsOf(id))).toEqual([1, 1]);
		const outputs = result.items.map((item) => item.binary!.data.id!);
		expect(outputs.every((id) => id.startsWith('database:'))).toBe(true);
		expect(outputs.map((id) => store.loadsOf(id))).toEqual([0, 0]);
		expect(result.items.map((item) => [item.json.width, item.json.height])).toEqual([
			[310, 210],
			[320, 220],
		]);
		// The stored output is the whole image (read here by the test, after the node).
		expect(pngSize(await result.binaryBuffer(result.items[1]))).toEqual({
			width: 320,
			height: 220,
		});
	});

	test('50 items carrying one stored background (n8n passes a file on by reference): loaded once, uploaded once', async () => {
		const uploads = ws.fake.count('uploadTicket');
		const file = pngFile(400, 300, 'background.png');
		const stored = await storeBinary(file.bytes, file.fileName, file.mimeType);
		expect(stored.id).toMatch(/^database:/);
		const result = await ws.run({
			items: Array.from({ length: 50 }, (_, i) => ({
				json: { prompt: `product ${i}` },
				binary: { background: { stored } },
			})),
			parameters: editParameters({
				prompt: '={{ $json.prompt }}',
				images: binaryImages('background'),
				options: { downloadOutput: false },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(store.loadsOf(stored.id!)).toBe(1);
		expect(ws.fake.count('uploadTicket') - uploads).toBe(1);
		expect(new Set(ws.fake.tasks.slice(-50).map((t) => (t.body.images as string[])[0])).size).toBe(
			1,
		);
	});

	test('a stored non-image is found before any task is submitted', async () => {
		const submits = ws.fake.count('submit');
		const result = await ws.run({
			items: [
				{ binary: { data: pngFile(256, 256, 'fine.png') } },
				{
					binary: {
						data: { bytes: Buffer.from('%PDF-1.7 not an image'), mimeType: 'image/png' },
					},
				},
			],
			parameters: editParameters({ images: binaryImages('data'), options: { maxConcurrency: 1 } }),
		});
		expect(result.error?.message).toMatch(/^Images → image 1 \(item 1\): "data" is not an image/);
		expect(ws.fake.count('submit')).toBe(submits);
	});
});
