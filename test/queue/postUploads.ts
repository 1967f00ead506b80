/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
// Posts PNG uploads to the webhook example, `parallel` at a time, each with a prompt of its own
// (so the fake can tell a task submitted twice), and checks every answer is the edited PNG of the
// upload's size. Prints the answer times; writes a summary as JSON to <summary file>.
// Usage: postUploads.ts <webhook url> <count> <parallel> <label> <summary file>
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'undici';

import { makePng, pngSize } from '../../devkit/fake-wavespeed/png';

const SIZES = [
	[320, 256],
	[256, 320],
	[400, 300],
];

interface Answer {
	ok: boolean;
	status: string;
	ms: number;
}

/** The nearest-rank percentile (0 for none). */
function percentile(values: number[], p: number): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function postOne(url: string, agent: Agent, label: string, n: number): Promise<Answer> {
	const [width, height] = SIZES[n % SIZES.length];
	const prompt = `Make image1 a studio product shot (${label} upload ${n})`;
	const started = performance.now();
	try {
		const response = await request(`${url}?prompt=${encodeURIComponent(prompt)}`, {
			method: 'POST',
			headers: { 'content-type': 'image/png' },
			body: makePng(width, height, n),
			dispatcher: agent,
		});
		const body = Buffer.from(await response.body.arrayBuffer());
		const size = pngSize(body);
		const type = String(response.headers['content-type'] ?? '');
		const ok =
			response.statusCode === 200 &&
			type.startsWith('image/png') &&
			size?.width === width &&
			size?.height === height;
		const status = ok
			? '200 edited PNG'
			: `${response.statusCode} ${size ? `${size.width}x${size.height}` : type}`;
		return { ok, status, ms: performance.now() - started };
	} catch (error) {
		return { ok: false, status: (error as Error).message, ms: performance.now() - started };
	}
}

async function main() {
	const [url, count, parallel, label, summaryFile] = process.argv.slice(2);
	const agent = new Agent({
		connections: Number(parallel),
		headersTimeout: 300_000,
		bodyTimeout: 300_000,
	});
	const answers: Answer[] = [];
	let next = 0;
	const started = performance.now();
	const lane = async () => {
		while (next < Number(count)) answers.push(await postOne(url, agent, label, next++));
	};
	await Promise.all(Array.from({ length: Number(parallel) }, lane));
	const makespanS = (performance.now() - started) / 1000;
	await agent.close();

	const statuses: Record<string, number> = {};
	for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
	const times = answers.map((a) => a.ms);
	const summary = {
		posted: answers.length,
		edited: answers.filter((a) => a.ok).length,
		statuses,
		makespanS: Number(makespanS.toFixed(1)),
		p50Ms: Math.round(percentile(times, 50)),
		p95Ms: Math.round(percentile(times, 95)),
	};
	writeFileSync(summaryFile, JSON.stringify(summary));
}

void main();
