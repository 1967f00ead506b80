import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'wavespeed-bench-'));

const N = Number(process.env.BENCH_ITEMS ?? 20);
const TASK_MS = Number(process.env.BENCH_TASK_MS ?? 2500);
const SERVER_CONCURRENCY = Number(process.env.BENCH_SERVER_CONCURRENCY ?? 20);

function quantile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main() {
	const { FakeWaveSpeed } = await import('../test/fake-wavespeed/server');
	const { runImageEdit } = await import('../test/harness/engine');
	const { runSequentialBaseline } = await import('./sequentialBaseline');
	const { measureMemoryInChild } = await import('./memoryChild');

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

	const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	const only = process.env.BENCH_ONLY; // 'timing' or 'memory' runs one half
	if (only !== 'memory') {
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
	}
	if (only === 'timing') return;

	// Default V8 flags, and with the young generation capped at 1 MB: V8 grows it by up to 16 MB
	// under busy I/O whatever the node holds. Each is run three times; the median is shown.
	for (const flags of [[], ['--max-semi-space-size=1']]) {
		const runs = [];
		for (let i = 0; i < 3; i++) runs.push(await measureMemoryInChild(flags));
		const m = runs[0];
		const rss = quantile(runs.map((r) => r.rssGrowth), 0.5);
		const buffers = quantile(runs.map((r) => r.buffersGrowth), 0.5);
		console.log(
			`\nmemory (${flags.length ? flags.join(' ') : 'default V8 flags'}, median of 3): ${m.items} items uploading ${(m.inputBytes / 1e6).toFixed(2)} MB from disk ` +
				`and receiving ${(m.outputBytes / 1e6).toFixed(2)} MB outputs, filesystem binary mode (${runs.every((r) => r.inFilesystem) ? 'outputs stored as files' : 'outputs NOT stored as files'}): ` +
				`peak RSS growth ${(rss / 1e6).toFixed(1)} MB = ${(rss / m.outputBytes).toFixed(2)}× one output ` +
				`(runs: ${runs.map((r) => (r.rssGrowth / m.outputBytes).toFixed(2)).join(', ')}); ` +
				`peak Buffer memory growth ${(buffers / 1e6).toFixed(1)} MB = ${(buffers / m.outputBytes).toFixed(2)}×`,
		);
	}
}

void main();
