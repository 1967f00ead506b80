/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// `.ci/run` and the GitHub workflow must run the same checks: every `npm …` command of `.ci/run`
// is a line of a step in .github/workflows/ci.yml, and the real-n8n run covers every n8n major
// that devkit/n8n/cachePaths.sh pins (`.ci/run`'s `npm run test:e2e` runs them all at once; the
// workflow has one lane per major in its matrix, e.g. lane: ['1.x', '2.x']).
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The `npm …` command lines of a shell script, in order. */
export function npmCommands(script: string): string[] {
	return script
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => /^npm\s/.test(line));
}

type Step = { run?: unknown; 'continue-on-error'?: unknown; if?: unknown };
type Job = { steps?: Step[]; strategy?: { matrix?: Record<string, unknown> } } & Step;

/** A step's command lines, without leading `NAME=value` assignments. */
const runLines = (step: Step) =>
	typeof step.run === 'string'
		? step.run.split('\n').map((line) => line.trim().replace(/^(\w+=\S*\s+)+/, ''))
		: [];

/** Why the workflow does not meet `.ci/run`, one line per problem (empty when it does). */
export function parityProblems(ciRun: string, workflow: string, n8nVersions: string[]): string[] {
	const jobs: Record<string, Job> = parse(workflow)?.jobs ?? {};
	const problems: string[] = [];
	for (const command of npmCommands(ciRun)) {
		const running = Object.entries(jobs).filter(([, job]) =>
			(job.steps ?? []).some(
				(step) =>
					runLines(step).includes(command) &&
					step['continue-on-error'] !== true &&
					job['continue-on-error'] !== true &&
					step.if !== false &&
					job.if !== false,
			),
		);
		if (running.length === 0) {
			problems.push(`ci.yml runs no step with \`${command}\` (or only one allowed to fail)`);
			continue;
		}
		if (command === 'npm run test:e2e') {
			const lanes = running.flatMap(([, job]) =>
				Object.values(job.strategy?.matrix ?? {}).flatMap((values) =>
					Array.isArray(values) ? values.map(String) : [],
				),
			);
			for (const major of new Set(n8nVersions.map((v) => v.split('.')[0]))) {
				if (!lanes.includes(`${major}.x`))
					problems.push(`ci.yml's \`${command}\` has no matrix lane '${major}.x'`);
			}
		}
	}
	return problems;
}

/** N8N_VERSIONS=(2.41.1 1.122.5) in devkit/n8n/cachePaths.sh. */
export function pinnedVersions(cachePaths: string): string[] {
	const list = /^N8N_VERSIONS=\(([^)]*)\)/m.exec(cachePaths)?.[1] ?? '';
	return list.split(/\s+/).filter(Boolean);
}

describe('.ci/run and the GitHub workflow run the same checks', () => {
	const ciRun = read('.ci/run');
	const workflow = read('.github/workflows/ci.yml');
	const versions = pinnedVersions(read('devkit/n8n/cachePaths.sh'));

	test(".ci/run's commands are read", () => {
		expect(npmCommands(ciRun)).toEqual(
			expect.arrayContaining(['npm test', 'npm run test:e2e', 'npm run test:queue']),
		);
		expect(versions).toHaveLength(2);
	});

	test('ci.yml runs every npm command of .ci/run, the real-n8n run on every n8n major', () => {
		expect(parityProblems(ciRun, workflow, versions)).toEqual([]);
	});

	test('a command missing from ci.yml, or a missing lane, is reported', () => {
		const drifted = `${ciRun}\nnpm run test:new\n`;
		expect(parityProblems(drifted, workflow, versions)).toEqual([
			'ci.yml runs no step with `npm run test:new` (or only one allowed to fail)',
		]);
		const oneLane = workflow.replace(/lane: \[[^\]]*\]/, "lane: ['2.x']");
		expect(oneLane).not.toBe(workflow);
		expect(parityProblems(ciRun, oneLane, versions)).toEqual([
			"ci.yml's `npm run test:e2e` has no matrix lane '1.x'",
		]);
		const allowedToFail = workflow.replace(
			'run: npm run test:queue',
			'run: npm run test:queue\n        continue-on-error: true',
		);
		expect(parityProblems(ciRun, allowedToFail, versions)).toEqual([
			'ci.yml runs no step with `npm run test:queue` (or only one allowed to fail)',
		]);
	});
});
