import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'wavespeed-bench-'));

const N = Number(process.env.BENCH_ITEMS ?? 20);
const TASK_MS = Number(process.env.BENCH_TASK_MS ?? 2500);
const SERVER_CONCURRENCY = Number(process.env.BENCH_SERVER_CONCURRENCY ?? 20);
const OUTPUT_SIDE = 1160; // an uncompressed 1160×1160 RGB PNG is about 4 MB

function quantile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main() {
	const { FakeWaveSpeed } = await import('../test/fake-wavespeed/server');
	const { runImageEdit, useFilesystemBinaryMode } = await import('../test/harness/engine');
	const { runSequentialBaseline } = await import('./sequentialBaseline');

	const ideal = Math.ceil(N / SERVER_CONCURRENCY) * TASK_MS;
	const items = Array.from({ length: N }, (_, i) => ({ json: { prompt: `bench item ${i}` } }));

	const startTimedServer = () =>
		FakeWaveSpeed.start({ taskMs: TASK_MS, taskJitterMs: TASK_MS * 0.04, concurrency: SERVER_CONCURRENCY });

	async function timeNode(maxConcurrency: number) {
		const fake = await startTimedServer();
		const started = Date.now();
		const result = await runImageEdit({
			credentials: { apiKey: fake.apiKey, baseUrl: fake.url },
			items,
			parameters: {
				model: 'wavespeed-ai/flux-2-klein-base-9b/edit',
				prompt: '={{ $json.prompt }}',
				images: { image: [{ source: 'url', url: `${fake.outputUrl}/images/256x256.png` }] },
				size: 'matchInput',
				seed: -1,
				options: { maxConcurrency },
			},
		});
		const makespan = Date.now() - started;
		if (result.error || result.items.length !== N) throw new Error(`bench run failed: ${result.error?.message}`);
		const tasks = fake.tasks;
		const lags = tasks.map((t) => t.firstSeenCompletedAt! - t.completedAt!);
		const pollRates = tasks.map((t) => t.polls / ((t.firstSeenCompletedAt! - t.createdAt) / 1000));
		await fake.close();
		return { makespan, lags, polls: tasks.map((t) => t.polls), pollRates };
	}

	async function timeBaseline() {
		const fake = await startTimedServer();
		const started = Date.now();
		await runSequentialBaseline(
			fake.url,
			fake.apiKey,
			items.map((i) => ({ prompt: i.json.prompt, images: [`${fake.outputUrl}/images/256x256.png`], seed: -1 })),
		);
		const makespan = Date.now() - started;
		await fake.close();
		return makespan;
	}

	async function memoryGrowth() {
		await useFilesystemBinaryMode();
		const fake = await FakeWaveSpeed.start({
			taskMs: 200,
			outputCompression: 0,
			sharedOutput: { width: OUTPUT_SIDE, height: OUTPUT_SIDE },
		});
		const parameters = {
			model: 'wavespeed-ai/flux-2-klein-base-9b/edit',
			prompt: '={{ $json.prompt }}',
			images: { image: [{ source: 'url', url: `${fake.outputUrl}/images/256x256.png` }] },
			size: 'custom',
			width: OUTPUT_SIDE,
			height: OUTPUT_SIDE,
			seed: -1,
			options: { maxConcurrency: 20 },
		};
		const credentials = { apiKey: fake.apiKey, baseUrl: fake.url };
		await runImageEdit({ credentials, items: items.slice(0, 2), parameters }); // warm up code paths
		global.gc?.();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
		const result = await runImageEdit({ credentials, items: items.slice(0, 20), parameters });
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		const outputBytes = result.items[0].binary!.data.bytes ?? 0;
		const inFilesystem = result.items.every((i) => i.binary?.data.id?.startsWith('filesystem'));
		await fake.close();
		return { growth: peak - baseline, outputBytes, inFilesystem };
	}

	const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	console.log(`Benchmark: N=${N} items, task ${TASK_MS} ms, server concurrency ${SERVER_CONCURRENCY}; ideal ${fmt(ideal)}`);
	const atDefaults = await timeNode(4);
	const at20 = await timeNode(20);
	const baseline = await timeBaseline();
	const rows = [
		['this node, defaults (maxConcurrency 4)', atDefaults.makespan],
		['this node, maxConcurrency 20', at20.makespan],
		['sequential baseline (1 at a time, 2 s polls)', baseline],
	] as const;
	console.log('\nmakespan                                        time      × ideal');
	for (const [name, ms] of rows) console.log(`${name.padEnd(48)}${fmt(ms).padStart(8)}   ${(ms / ideal).toFixed(2)}`);
	console.log(`speed-up at maxConcurrency 20 vs baseline: ${(baseline / at20.makespan).toFixed(1)}×`);

	for (const [name, run] of [['defaults', atDefaults], ['maxConcurrency 20', at20]] as const) {
		console.log(
			`\ndetection lag (${name}): median ${quantile(run.lags, 0.5)} ms, p90 ${quantile(run.lags, 0.9)} ms; ` +
				`polls per task: median ${quantile(run.polls, 0.5)}, max ${Math.max(...run.polls)}; ` +
				`polls per second per task: mean ${(run.pollRates.reduce((a, b) => a + b, 0) / run.pollRates.length).toFixed(2)}`,
		);
	}

	const memory = await memoryGrowth();
	console.log(
		`\nmemory: 20 outputs of ${(memory.outputBytes / 1e6).toFixed(2)} MB in filesystem binary mode (${memory.inFilesystem ? 'stored as files' : 'NOT stored as files'}): ` +
			`peak RSS growth ${(memory.growth / 1e6).toFixed(1)} MB = ${(memory.growth / memory.outputBytes).toFixed(2)}× one output`,
	);
}

void main();
