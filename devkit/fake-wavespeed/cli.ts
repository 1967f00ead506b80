/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only code, not in the published package */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { pngSize } from './png';
import { DEFAULT_START_DELAY_MS, FakeWaveSpeed } from './server';

/**
 * Runs the fake WaveSpeed on its own (e2e, the editor, queue mode): prints its addresses as one
 * JSON line. `stats` answers the closing counts at any time, for scripts that check between phases;
 * `repeatedPrompts` counts tasks submitted again with a prompt already seen (callers make each
 * prompt unique when they want to count tasks paid twice).
 */
async function main() {
	const shared = /^(\d+)x(\d+)$/.exec(process.env.FAKE_SHARED_OUTPUT ?? '');
	const fake = await FakeWaveSpeed.start({
		taskMs: Number(process.env.FAKE_TASK_MS ?? 800),
		taskJitterMs: Number(process.env.FAKE_TASK_JITTER_MS ?? 0),
		concurrency: Number(process.env.FAKE_RUNNING_LIMIT ?? 1000),
		// How long after acceptance a task can start (not published).
		startDelayMs: Number(process.env.FAKE_START_DELAY_MS ?? DEFAULT_START_DELAY_MS),
		ratePerWindow: Number(process.env.FAKE_RATE_PER_WINDOW ?? Infinity),
		rateWindowMs: Number(process.env.FAKE_RATE_WINDOW_MS ?? 60_000),
		outputCompression: Number(process.env.FAKE_OUTPUT_COMPRESSION ?? 6),
		sharedOutput: shared ? { width: Number(shared[1]), height: Number(shared[2]) } : undefined,
	});
	// e.g. "1000,4000,15000": the waits before each retry of a callback that failed (by default
	// WaveSpeed's 3 retries at 1 s, 2 s, 4 s; "none" sends each callback once).
	const retryMs = process.env.FAKE_CALLBACK_RETRY_MS;
	if (retryMs !== undefined && retryMs !== '')
		fake.webhooks.retryDelaysMs = retryMs === 'none' ? [] : retryMs.split(',').map(Number);
	const prompts = () => fake.tasks.map((task) => String(task.body.prompt));
	const summary = () => ({
		api: fake.url,
		output: fake.outputUrl,
		stats: statsUrl,
		apiKey: fake.apiKey,
		accepted: fake.acceptedTasks,
		rateLimited: fake.rateWindow.refused,
		repeatedPrompts: prompts().length - new Set(prompts()).size,
		maxRunning: fake.store.maxRunning,
		outputRequestsWithAuthorization: fake.requests.filter(
			(r) => r.host === 'output' && r.authorization,
		).length,
		storageRequestsWithAuthorization: fake.storageAuthorizationSeen,
		callbacks: fake.webhooks.deliveries.map(({ taskId, webhookId, status, attempt }) => ({
			taskId,
			webhookId,
			status,
			attempt,
		})),
		apiRequestsWithKey: fake.requests.filter(
			(r) => r.host === 'api' && r.authorization === `Bearer ${fake.apiKey}`,
		).length,
		tasks: fake.tasks.map((t) => ({
			id: t.id,
			model: t.model,
			prompt: t.body.prompt,
			images: t.body.images,
			status: t.status,
			outputs: t.outputs,
			// The submit body as sent, for checks of what a model was given.
			body: t.body,
		})),
		// Uploaded files (their bytes' PNG size, if PNGs), where their download_url points.
		uploads: [...fake.uploads.values()].map((u) => ({
			url: `${fake.outputUrl}/uploads/${u.id}/${encodeURIComponent(u.fileName ?? 'file')}`,
			contentType: u.contentType,
			bytes: u.data.length,
			png: pngSize(u.data),
		})),
	});
	const stats = createServer((_req, res) => res.end(JSON.stringify(summary())));
	const statsUrl = await new Promise<string>((resolve) =>
		stats.listen(0, '127.0.0.1', () =>
			resolve(`http://127.0.0.1:${(stats.address() as AddressInfo).port}`),
		),
	);
	console.log(JSON.stringify(summary()));
	process.on('SIGTERM', async () => {
		console.log(JSON.stringify(summary()));
		stats.close();
		await fake.close();
		process.exit(0);
	});
}

void main();
