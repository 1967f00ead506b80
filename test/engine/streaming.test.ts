/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { readFileSync, statSync } from 'node:fs';
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { pngSize } from '../../devkit/fake-wavespeed/png';
import { useFilesystemBinaryMode } from '../../devkit/harness/engine';
import { binaryImages, editParameters, pngFile, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 50, outputCompression: 0 });

beforeAll(async () => {
	await useFilesystemBinaryMode();
});

describe("n8n's filesystem binary mode", () => {
	test('outputs are streamed into files: items hold a file reference, not the bytes', async () => {
		const result = await ws.run({
			items: [{}, {}, {}].map(() => ({ json: {} })),
			parameters: editParameters({
				images: urlImages(ws.image(256, 256)),
				size: 'custom',
				width: 1024,
				height: 1024,
				options: { maxConcurrency: 3 },
			}),
		});
		expect(result.error).toBeUndefined();
		for (const item of result.items) {
			const binary = item.binary!.data;
			expect(binary.id).toMatch(/^filesystem/);
			expect(binary.data).not.toMatch(/^iVBOR/);
			const path = Container.get(BinaryDataService).getPath(binary.id!);
			expect(statSync(path).size).toBeGreaterThan(3_000_000);
			expect(pngSize(readFileSync(path))).toEqual({ width: 1024, height: 1024 });
		}
	});

	test('a non-image stored on disk under an image type is refused from its bytes, before upload', async () => {
		const uploadsBefore = ws.fake.count('upload');
		const submitsBefore = ws.fake.count('submit');
		const result = await ws.run({
			items: [
				{
					binary: {
						data: {
							bytes: Buffer.from('%PDF-1.7\n1 0 obj'),
							mimeType: 'image/png',
							fileName: 'fake.png',
						},
					},
				},
			],
			parameters: editParameters({ images: binaryImages('data') }),
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			'Images → image 1 (item 0): "data" is not an image (image/png). Pass a PNG, JPEG, WebP, GIF or BMP file',
		);
		expect(ws.fake.count('upload')).toBe(uploadsBefore);
		expect(ws.fake.count('submit')).toBe(submitsBefore);
	});

	test('binary inputs stored on disk are streamed to the upload with their bytes intact', async () => {
		const photo = pngFile(333, 222, 'disk.png');
		const result = await ws.run({
			items: [{ binary: { data: photo } }],
			parameters: editParameters({ images: binaryImages('data') }),
		});
		expect(result.error).toBeUndefined();
		const input =
			result.run.data.resultData.runData['Item Source'][0].data!.main[0]![0].binary!.data;
		expect(input.id).toMatch(/^filesystem/);
		const upload = [...ws.fake.uploads.values()].at(-1)!;
		expect(upload.data.equals(photo.bytes)).toBe(true);
		expect(pngSize(await result.binaryBuffer(result.items[0]))).toEqual({
			width: 333,
			height: 222,
		});
	});

	test('a non-image among the items is found before the first submit: nothing is billed, even one item at a time', async () => {
		const accepted = ws.fake.acceptedTasks;
		const submits = ws.fake.count('submit');
		const result = await ws.run({
			items: [
				{ binary: { data: pngFile(256, 256, 'good.png') } },
				{
					binary: {
						data: {
							bytes: Buffer.from('<!doctype html><html><body>Not found</body></html>'),
							mimeType: 'image/png',
							fileName: 'page.png',
						},
					},
				},
			],
			parameters: editParameters({
				images: binaryImages('data'),
				options: { maxConcurrency: 1 },
			}),
		});
		expect(result.error?.message).toBe(
			'Images → image 1 (item 1): "data" is not an image (image/png). Pass a PNG, JPEG, WebP, GIF or BMP file',
		);
		expect(ws.fake.count('submit')).toBe(submits);
		expect(ws.fake.acceptedTasks).toBe(accepted);
	});

	test("each new stored image is read once from n8n's store, and no output is read back", async () => {
		const service = Container.get(BinaryDataService);
		const streams = jest.spyOn(service, 'getAsStream');
		const buffers = jest.spyOn(service, 'getAsBuffer');
		try {
			const result = await ws.run({
				items: [
					{ binary: { data: pngFile(301, 201, 'one.png') } },
					{ binary: { data: pngFile(302, 202, 'two.png') } },
					{ binary: { data: pngFile(301, 201, 'one.png') } },
				],
				parameters: editParameters({ images: binaryImages('data') }),
			});
			expect(result.error).toBeUndefined();
			const inputs = result.run.data.resultData.runData['Item Source'][0].data!.main[0]!.map(
				(item) => item.binary!.data.id!,
			);
			const read = streams.mock.calls.map(([id]) => id);
			// The third item's file is another stored copy: it has its own id, and is read once too.
			expect(read.sort()).toEqual([...inputs].sort());
			const outputs = result.items.map((item) => item.binary!.data.id!);
			expect(read.filter((id) => outputs.includes(id))).toEqual([]);
			expect(buffers.mock.calls.filter(([b]) => outputs.includes(b.id!))).toEqual([]);
			expect(result.items.map((item) => [item.json.width, item.json.height])).toEqual([
				[301, 201],
				[302, 202],
				[301, 201],
			]);
		} finally {
			streams.mockRestore();
			buffers.mockRestore();
		}
	});
});
