/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only code, not in the published package */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { useTemporaryUserFolder } from '../devkit/harness/temporaryUserFolder';

useTemporaryUserFolder('wavespeed-demo');

const FAKE_BANNER = `No WAVESPEED_API_KEY is set, so this runs on the embedded fake WaveSpeed: a local test
server that answers like the real API but returns a test pattern (a coloured checkerboard),
not an edited photo. With a real key, WAVESPEED_API_KEY=<key> npm start sends a photo to
WaveSpeed's FLUX.2 [klein] 9B Edit and writes the watercolor version of it (billed to that key).
`;

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

	console.log(
		fake
			? FAKE_BANNER
			: `Using WaveSpeed at ${credentials.baseUrl} with your key (billed to it).\n`,
	);
	console.log(`Editing ${imageUrl}${fake ? ' (a test image the fake serves)' : ''}…`);
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
		`Wrote ${relative(process.cwd(), file)} (${bytes.length} bytes${size ? `, ${size.width}×${size.height} PNG` : ''}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
	);
	if (fake)
		console.log("That image is the fake's test pattern; set WAVESPEED_API_KEY for a real edit.");
}

void main();
