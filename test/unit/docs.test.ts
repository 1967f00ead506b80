/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The docs name files and code; a rename must not leave them pointing at nothing.
const ROOT = join(__dirname, '..', '..');
const SOURCES = ['nodes', 'credentials', 'devkit', 'test', 'bench', 'demo'];

function files(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = `${dir}/${entry.name}`;
		if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
		return entry.isDirectory() ? files(path) : [path];
	});
}

const repoFiles = [
	...SOURCES.flatMap(files),
	...files('docs'),
	...files('examples'),
	...readdirSync(ROOT).filter((name) => /\.(md|json|js|mjs|ts)$/.test(name)),
	'.ci/run',
	'.github/workflows/ci.yml',
	'.github/workflows/publish.yml',
];
const OUR_FOLDERS = /^(nodes|credentials|devkit|test|bench|demo|docs|examples|\.github|\.ci)\//;
const code = SOURCES.flatMap(files)
	.filter((f) => /\.(ts|js|mjs|sh)$/.test(f))
	.map((f) => readFileSync(join(ROOT, f), 'utf8'))
	.join('\n');
const words = new Set(code.match(/[A-Za-z_$][\w$]*/g));

/** The `quoted` names of a Markdown file, outside fenced blocks. */
function quoted(doc: string): string[] {
	const text = readFileSync(join(ROOT, doc), 'utf8').replace(/```[\s\S]*?```/g, '');
	return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
}

const looksLikePath = (name: string) =>
	!/[ <*]/.test(name) && /\.(ts|js|mjs|sh|json|md|yml)$/.test(name) && !name.startsWith('../');
const exists = (path: string) =>
	repoFiles.some((file) => file === path || file.endsWith(`/${path}`));

describe('docs/DEVELOPMENT.md tells the truth in a few screens', () => {
	const doc = 'docs/DEVELOPMENT.md';

	test('at most 250 lines', () => {
		expect(readFileSync(join(ROOT, doc), 'utf8').split('\n').length).toBeLessThanOrEqual(250);
	});

	test('every file it names exists', () => {
		expect(
			quoted(doc)
				.filter(looksLikePath)
				.filter((path) => !exists(path)),
		).toEqual([]);
	});

	test('every code name it quotes is in the code', () => {
		const names = quoted(doc).filter(
			(name) => !looksLikePath(name) && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(name),
		);
		expect(names.length).toBeGreaterThan(30);
		const missing = names.filter((name) => name.split('.').some((part) => !words.has(part)));
		expect(missing).toEqual([]);
	});
});

describe('the other docs name files that exist', () => {
	test.each(['README.md', 'docs/TESTING.md', 'CHANGELOG.md'])('%s', (doc) => {
		// Only the project's own paths: the docs also quote files of n8n's packages.
		const missing = quoted(doc)
			.filter((path) => looksLikePath(path) && OUR_FOLDERS.test(path))
			.filter((path) => !exists(path));
		expect({ doc: relative(ROOT, join(ROOT, doc)), missing }).toEqual({ doc, missing: [] });
	});
});
