import { FakeWaveSpeed } from './server';

/** Runs the fake WaveSpeed on its own (e2e, the editor): prints its addresses as one JSON line. */
async function main() {
	const shared = /^(\d+)x(\d+)$/.exec(process.env.FAKE_SHARED_OUTPUT ?? '');
	const fake = await FakeWaveSpeed.start({
		taskMs: Number(process.env.FAKE_TASK_MS ?? 800),
		concurrency: Number(process.env.FAKE_CONCURRENCY ?? 1000),
		ratePerWindow: Number(process.env.FAKE_RATE_PER_WINDOW ?? Infinity),
		rateWindowMs: Number(process.env.FAKE_RATE_WINDOW_MS ?? 60_000),
		outputCompression: Number(process.env.FAKE_OUTPUT_COMPRESSION ?? 6),
		sharedOutput: shared ? { width: Number(shared[1]), height: Number(shared[2]) } : undefined,
	});
	const summary = () => ({
		api: fake.url,
		output: fake.outputUrl,
		apiKey: fake.apiKey,
		accepted: fake.acceptedTasks,
		rateLimited: fake.rateWindow.refused,
		outputRequestsWithAuthorization: fake.requests.filter((r) => r.host === 'output' && r.authorization).length,
		callbacks: fake.webhooks.deliveries.map(({ taskId, webhookId, status, attempt }) => ({ taskId, webhookId, status, attempt })),
		apiRequestsWithKey: fake.requests.filter((r) => r.host === 'api' && r.authorization === `Bearer ${fake.apiKey}`).length,
		tasks: fake.tasks.map((t) => ({
			prompt: t.body.prompt,
			images: t.body.images,
			status: t.status,
			outputs: t.outputs,
		})),
	});
	console.log(JSON.stringify(summary()));
	process.on('SIGTERM', async () => {
		console.log(JSON.stringify(summary()));
		await fake.close();
		process.exit(0);
	});
}

void main();
