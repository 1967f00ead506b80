/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const script = join(__dirname, 'lintWorkflows.mjs');
const shipped = (name: string) => readFileSync(join(root, '.github/workflows', name), 'utf8');

function lint(files: Record<string, string>) {
	const folder = mkdtempSync(join(tmpdir(), 'wavespeed-workflows-'));
	try {
		for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
		const run = spawnSync(process.execPath, [script, folder], {
			encoding: 'utf8',
			timeout: 120_000,
		});
		return {
			status: run.status,
			failures: run.stdout
				.split('\n')
				.filter((line) => line.startsWith('FAIL') || line.startsWith('     ')),
		};
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

const edit = (text: string, ...changes: Array<[string, string]>) =>
	changes.reduce((result, [from, to]) => {
		expect(result).toContain(from);
		return result.replace(from, to);
	}, text);

describe('workflow lint', () => {
	test('fails broken copies of the shipped workflows and names every fault', () => {
		const ci = edit(shipped('ci.yml'), ['        run: npm test', '          run: npm test']);
		const publish = edit(
			shipped('publish.yml'),
			['  id-token: write', '  id-token: writable'],
			['registry-url:', 'registry_url:'],
			['secrets.NPM_TOKEN', 'secret.NPM_TOKEN'],
			['    runs-on: ubuntu-latest', '    needs: build\n    runs-on: ubuntu-latest'],
			["      - 'v*'", "      - 'v*'\n    branches:\n      - main"],
			['npm publish --provenance --access public', 'npm publish --access public'],
		);

		const { status, failures } = lint({ 'ci.yml': ci, 'publish.yml': publish });

		expect(status).toBe(1);
		const expected = [
			/ci\.yml:\d+:\d+ could not parse as YAML/,
			/publish\.yml:\d+:\d+ "writable" is invalid for permission of scope "id-token"/,
			/publish\.yml:\d+:\d+ input "registry_url" is not defined in action "actions\/setup-node@v4"/,
			/publish\.yml:\d+:\d+ undefined variable "secret"/,
			/publish\.yml:\d+:\d+ job "publish" needs job "build" which does not exist/,
			/FAIL publish\.yml runs only when a version tag 'v\*' is pushed/,
			/FAIL publish\.yml runs npm publish --provenance --access public after npm test/,
		];
		for (const pattern of expected) expect(failures.some((line) => pattern.test(line))).toBe(true);
	});

	test('fails when a workflow is missing', () => {
		const { status, failures } = lint({ 'ci.yml': shipped('ci.yml') });

		expect(status).toBe(1);
		expect(failures).toEqual([expect.stringMatching(/^FAIL .* holds ci\.yml and publish\.yml$/)]);
	});
});
