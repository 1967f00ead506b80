// n8n's community checks on the packed package: the tarball holds only what n8n needs, the
// package has no runtime dependencies, and n8n's verification scanner finds no errors.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = new URL('../..', import.meta.url).pathname;
const expectedFiles = [
	'LICENSE',
	'README.md',
	'dist/credentials/WaveSpeedApi.credentials.js',
	'dist/icons/wavespeed.dark.svg',
	'dist/icons/wavespeed.svg',
	'dist/nodes/WaveSpeed/WaveSpeedImageEdit.node.js',
	'dist/nodes/WaveSpeed/WaveSpeedImageEdit.node.json',
	'dist/nodes/WaveSpeed/WaveSpeedTrigger.node.js',
	'dist/nodes/WaveSpeed/WaveSpeedTrigger.node.json',
	'package.json',
];
const failures = [];
const check = (ok, message) => {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
	if (!ok) failures.push(message);
};

const work = mkdtempSync(join(tmpdir(), 'wavespeed-pack-'));
try {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root }).toString(),
	);
	const files = packed.files.map((f) => f.path);
	check(
		files.every(
			(f) => f.startsWith('dist/') || ['README.md', 'LICENSE', 'package.json'].includes(f),
		),
		'the tarball holds only dist/, README.md, LICENSE and package.json',
	);
	const missing = expectedFiles.filter((f) => !files.includes(f));
	check(
		missing.length === 0,
		`dist/ holds the node, the credential, the codex file and both icons${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`,
	);

	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	check(Object.keys(pkg.dependencies ?? {}).length === 0, 'no runtime dependencies');
	check(pkg.peerDependencies?.['n8n-workflow'] === '*', 'n8n-workflow is a peer dependency "*"');

	execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
	const dist = await analyzePackage(join(work, 'package'), ['**/*.js', 'package.json']);
	check(
		dist.passed,
		`n8n's scanner on the packed tarball${dist.passed ? '' : `\n${dist.details ?? dist.message}`}`,
	);
	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	check(
		source.passed,
		`n8n's scanner on the sources${source.passed ? '' : `\n${source.details ?? source.message}`}`,
	);
} finally {
	rmSync(work, { recursive: true, force: true });
}
console.log(
	`package checks: ${failures.length === 0 ? 'all passed' : `${failures.length} failed`}`,
);
process.exit(failures.length === 0 ? 0 : 1);
