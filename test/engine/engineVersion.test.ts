/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ENGINE, loadPackage, PACKAGE_ROOT } from '../../devkit/harness/engine';
import packageJson from '../../package.json';

// The n8n under test: another n8n's modules when WAVESPEED_ENGINE_DIR is set, else the project's.
const modules = join(process.env.WAVESPEED_ENGINE_DIR ?? PACKAGE_ROOT, 'node_modules');
const version = (name: string): string =>
	JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;

describe('the engine under test', () => {
	test('the harness runs the n8n-core and n8n-workflow of the n8n under test', () => {
		expect(ENGINE).toEqual({
			core: version('n8n-core'),
			workflow: version('n8n-workflow'),
			major: Number(version('n8n-workflow').split('.')[0]),
		});
	});

	test("the built package, the engine and the tests load one n8n-workflow: that n8n's", async () => {
		await loadPackage();
		// Jest's require.cache lists every module this test file loaded, dist/ included.
		const loaded = Object.keys(require.cache);
		for (const node of packageJson.n8n.nodes) expect(loaded).toContain(join(PACKAGE_ROOT, node));
		const copies = new Set(
			loaded.flatMap((file) => /^(.*\/node_modules\/n8n-workflow)\//.exec(file)?.[1] ?? []),
		);
		expect([...copies]).toEqual([join(modules, 'n8n-workflow')]);
	});
});
