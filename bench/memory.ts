/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- dev-only code, not in the published package */
import { useTemporaryUserFolder } from '../devkit/harness/temporaryUserFolder';

useTemporaryUserFolder('wavespeed-bench-memory');

const ITEMS = Number(process.env.MEM_ITEMS ?? 20);
// With --expose-gc: a full collection before each sample, so that only what is still referenced
// counts, not chunks already written to disk that V8 has not collected yet.
const collect = (globalThis as { gc?: () => void }).gc;
const OUTPUT_SIDE = 1160; // an uncompressed 1160×1160 RGB PNG is about 4 MB

/**
 * ITEMS items (MEM_CONCURRENCY at once, 20 by default), each uploading a 4 MB image that n8n
 * keeps on disk and receiving a 4 MB output, in n8n's filesystem binary mode. The inputs are
 * stored before the measurement and the fake runs in its own process, so only what n8n and this
 * node hold counts. Prints one JSON line.
 */
async function main() {
	const { runImageEdit, storeBinary, useFilesystemBinaryMode } =
		await import('../devkit/harness/engine');
	const { makePng } = await import('../devkit/fake-wavespeed/png');
	const { startFakeProcess } = await import('./fakeProcess');

	await useFilesystemBinaryMode();
	const fake = await startFakeProcess({
		FAKE_TASK_MS: '200',
		FAKE_OUTPUT_COMPRESSION: '0',
		FAKE_SHARED_OUTPUT: `${OUTPUT_SIDE}x${OUTPUT_SIDE}`,
	});
	const photoBytes = makePng(OUTPUT_SIDE, OUTPUT_SIDE, 5, 0);
	const items = [];
	for (let i = 0; i < ITEMS; i++) {
		const photo = await storeBinary(photoBytes, 'photo.png', 'image/png');
		items.push({ json: { prompt: `memory item ${i}` }, binary: { photo: { stored: photo } } });
	}
	const parameters = {
		model: 'wavespeed-ai/flux-2-klein-base-9b/edit',
		prompt: '={{ $json.prompt }}',
		images: { image: [{ source: 'binary', binaryPropertyName: 'photo' }] },
		size: 'custom',
		width: OUTPUT_SIDE,
		height: OUTPUT_SIDE,
		seed: -1,
		options: { maxConcurrency: Math.min(ITEMS, Number(process.env.MEM_CONCURRENCY ?? 20)) },
	};
	const credentials = { apiKey: fake.apiKey, baseUrl: fake.api };
	await runImageEdit({ credentials, items: items.slice(0, 2), parameters }); // warm up code paths
	collect?.();
	const baselineRss = process.memoryUsage.rss();
	let peakRss = baselineRss;
	const sample = () => {
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
	};
	const sampler = collect
		? setInterval(() => {
				collect();
				sample();
			}, 20)
		: setInterval(sample, 5);
	const result = await runImageEdit({ credentials, items, parameters });
	clearInterval(sampler);
	sample();
	fake.stop();
	if (result.error || result.items.length !== ITEMS)
		throw new Error(`memory run failed: ${result.error?.message}`);
	console.log(
		JSON.stringify({
			items: ITEMS,
			held: Boolean(collect),
			inputBytes: photoBytes.length,
			outputBytes: result.items[0].binary!.data.bytes ?? 0,
			inFilesystem: result.items.every((i) => i.binary?.data.id?.startsWith('filesystem')),
			rssGrowth: peakRss - baselineRss,
		}),
	);
}

void main();
