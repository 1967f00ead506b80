/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- dev-only code, not in the published package */
import { FakeOpenAi } from './server';

/**
 * Runs the fake OpenAI on its own (agent e2e): FAKE_OPENAI_IMAGE_URL is the image its model asks
 * the WaveSpeed tool to edit. Prints its base URL and key as one JSON line, and on SIGTERM what it
 * received as another.
 */
async function main() {
	const imageUrl = process.env.FAKE_OPENAI_IMAGE_URL;
	if (!imageUrl) throw new Error('Set FAKE_OPENAI_IMAGE_URL to the image the model should edit');
	const fake = await FakeOpenAi.start({ imageUrl });
	console.log(JSON.stringify({ baseUrl: fake.baseUrl, apiKey: fake.apiKey, imageUrl }));
	process.on('SIGTERM', async () => {
		console.log(JSON.stringify({ requests: fake.requests, turns: fake.turns }));
		await fake.close();
		process.exit(0);
	});
}

void main();
