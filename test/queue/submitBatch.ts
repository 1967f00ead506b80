/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only code, not in the published package */
// Starts the batch submitter once: one POST whose body carries every item (an image URL and a
// prompt of its own) and the callback URL; the execution submits them all without waiting and
// answers with the submitted tasks. Writes {seconds, status, ids} to <summary file>.
// Usage: submitBatch.ts <webhook url> <count> <image url> <callback url> <label> <summary file>
import { writeFileSync } from 'node:fs';
import { request } from 'undici';

async function main() {
	const [url, count, imageUrl, callbackUrl, label, summaryFile] = process.argv.slice(2);
	const items = Array.from({ length: Number(count) }, (_, n) => ({
		url: imageUrl,
		prompt: `Turn image1 into a pencil sketch (${label} item ${n})`,
	}));
	const started = performance.now();
	const response = await request(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ callbackUrl, items }),
		headersTimeout: 600_000,
		bodyTimeout: 600_000,
	});
	const text = await response.body.text();
	const seconds = (performance.now() - started) / 1000;
	let tasks: Array<{ id?: string }> = [];
	try {
		const parsed = JSON.parse(text);
		tasks = Array.isArray(parsed) ? parsed : [parsed];
	} catch {
		console.error(text.slice(0, 1000));
	}
	const ids = tasks.map((task) => task.id).filter((id): id is string => typeof id === 'string');
	writeFileSync(
		summaryFile,
		JSON.stringify({ seconds: Number(seconds.toFixed(1)), status: response.statusCode, ids }),
	);
}

void main();
