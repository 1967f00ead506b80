const { join } = require('node:path');

// WAVESPEED_ENGINE_DIR (set by devkit/harness/jestOnEngineV1.sh) names a folder whose node_modules hold
// another n8n-core, n8n-workflow and @n8n/di: the tests, the harness and the built package under
// dist/ then all load those, as a community package inside that n8n would.
const engine = process.env.WAVESPEED_ENGINE_DIR;
const engineModules = engine
	? Object.fromEntries(
			['n8n-core', 'n8n-workflow', '@n8n/di'].map((name) => [
				`^${name}(/.*)?$`,
				`${join(engine, 'node_modules', name)}$1`,
			]),
		)
	: {};

/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/userFolder.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	moduleNameMapper: engineModules,
	testTimeout: 60000,
	maxWorkers: 2,
};
