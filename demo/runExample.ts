import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { useTemporaryUserFolder } from '../devkit/harness/temporaryUserFolder';

useTemporaryUserFolder('wavespeed-demo');

/**
 * The README's first command: runs "photo → WaveSpeed Image Edit" through n8n's engine and
 * writes the edited image to out/. Uses the embedded fake WaveSpeed unless WAVESPEED_API_KEY
 * is set, in which case it calls the real API (WAVESPEED_IMAGE_URL picks the input photo).
 */
async function main() {
	const { FakeWaveSpeed } = await import('../devkit/fake-wavespeed/server');
	const { pngSize } = await import('../devkit/fake-wavespeed/png');
	const { runImageEdit } = await import('../devkit/harness/engine');

	const realKey = process.env.WAVESPEED_API_KEY;
	const fake = realKey ? undefined : await FakeWaveSpeed.start({ taskMs: 1500 });
	const credentials = fake
		? { apiKey: fake.apiKey, baseUrl: fake.url }
		: { apiKey: realKey!, baseUrl: process.env.WAVESPEED_BASE_URL ?? 'https://api.wavespeed.ai' };
	const imageUrl = fake
		? `${fake.outputUrl}/images/800x600.png`
		: (process.env.WAVESPEED_IMAGE_URL ?? 'https://picsum.photos/id/237/800/600.jpg');

	console.log(`Editing ${imageUrl} on ${fake ? 'the embedded fake WaveSpeed (no key needed)' : credentials.baseUrl}…`);
	const started = Date.now();
	const result = await runImageEdit({
		credentials,
		parameters: {
			model: 'wavespeed-ai/flux-2-klein-base-9b/edit',
			prompt: 'Turn image1 into a watercolor painting with soft pastel colors',
			images: { image: [{ source: 'url', url: imageUrl }] },
			size: 'matchInput',
			seed: 42,
			options: {},
		},
	});
	await fake?.close();
	if (result.error) {
		console.error(`The node failed: ${result.error.message}\n${result.error.description ?? ''}`);
		process.exitCode = 1;
		return;
	}
	const [item] = result.items;
	const bytes = await result.binaryBuffer(item);
	const outDir = resolve(__dirname, '..', 'out');
	mkdirSync(outDir, { recursive: true });
	const file = join(outDir, item.binary!.data.fileName ?? 'edited.png');
	writeFileSync(file, bytes);
	const size = pngSize(bytes);
	console.log(JSON.stringify(item.json, null, 2));
	console.log(
		`Wrote ${file} (${bytes.length} bytes${size ? `, ${size.width}×${size.height} PNG` : ''}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
	);
}

void main();
