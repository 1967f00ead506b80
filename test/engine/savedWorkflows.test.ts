/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeParameters } from 'n8n-workflow';

import { pngSize } from '../../devkit/fake-wavespeed/png';
import { pngFile, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 50 });

/** The node's parameters exactly as a saved workflow holds them (0.1.0's have no `operation`). */
function savedParameters(file: string): INodeParameters {
	const text = readFileSync(join(__dirname, '..', 'fixtures', 'saved-workflows', file), 'utf8')
		// These machines cannot reach the internet: the same sizes, served by the fake.
		.replace(
			/https:\/\/picsum\.photos\/id\/\d+\/(\d+)\/(\d+)\.jpg/g,
			`${ws.fake.outputUrl}/images/$1x$2.png`,
		);
	const workflow = JSON.parse(text) as {
		nodes: Array<{ type: string; parameters: INodeParameters }>;
	};
	return workflow.nodes.find((node) => node.type.endsWith('.waveSpeedImageEdit'))!.parameters;
}

describe('workflows saved before operations existed run as before', () => {
	test.each([
		['edit-image-by-url.json', {}, { width: 800, height: 600 }],
		['composite-two-images.json', {}, { width: 1024, height: 768 }],
		[
			'webhook-edit-upload.json',
			{ binary: { data: pngFile(500, 375, 'upload.png') }, json: { query: {} } },
			{ width: 500, height: 375 },
		],
	])('%s', async (file, item, size) => {
		const parameters = savedParameters(file);
		expect(parameters).not.toHaveProperty('operation');

		const result = await ws.run({ parameters, items: [item] });

		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('completed');
		expect(pngSize(await result.binaryBuffer(result.items[0]))).toEqual(size);
		const task = ws.fake.tasks.at(-1)!;
		if (typeof parameters.seed === 'number' && parameters.seed >= 0)
			expect(task.body.seed).toBe(parameters.seed);
	});
});

describe('workflows saved with 0.2.0 (its examples, verbatim) run unchanged', () => {
	test.each([
		['0.2.0/edit-image-by-url.json', {}, { width: 800, height: 600 }],
		['0.2.0/composite-two-images.json', {}, { width: 1024, height: 768 }],
		[
			'0.2.0/webhook-edit-upload.json',
			{ binary: { data: pngFile(500, 375, 'upload.png') }, json: { query: {} } },
			{ width: 500, height: 375 },
		],
	])('%s', async (file, item, size) => {
		const parameters = savedParameters(file);
		const result = await ws.run({ parameters, items: [item] });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			status: 'completed',
			cost: 0.03,
			currency: 'USD',
		});
		expect(pngSize(await result.binaryBuffer(result.items[0]))).toEqual(size);
		if (typeof parameters.seed === 'number' && parameters.seed >= 0)
			expect(ws.fake.tasks.at(-1)!.body.seed).toBe(parameters.seed);
	});
});
