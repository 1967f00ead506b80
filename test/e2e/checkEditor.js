// What n8n's editor shows when a user picks a model of WaveSpeed's catalog, asked through the REST
// routes the editor calls (POST /rest/dynamic-node-parameters/…) of a running `n8n start`: Catalog
// Model → From List finds Seedream by a search word, Model Inputs loads that model's own fields (the
// very schema examples/catalog-model-two-images.json holds), Options → Enhance Prompt Style lists
// the optimizer's styles. Signs up the owner of the fresh n8n first.
// Usage: node checkEditor.js <n8n base URL> <example file>
const { readFileSync } = require('node:fs');

const { checker, signUpOwner } = require('../../devkit/n8n/checks');

const [base, exampleFile] = process.argv.slice(2);
const MODEL = 'bytedance/seedream-v4.5/edit';
const headers = { 'content-type': 'application/json', 'browser-id': 'wavespeed-editor-check' };

const example = JSON.parse(readFileSync(exampleFile, 'utf8'));
const node = example.nodes.find((n) => n.type.endsWith('.waveSpeedImageEdit'));
const request = (path, methodName, extra = {}) => ({
	path,
	methodName,
	nodeTypeAndVersion: { name: node.type, version: node.typeVersion },
	currentNodeParameters: { operation: 'edit', ...node.parameters },
	credentials: node.credentials,
	...extra,
});

async function ask(route, body) {
	const response = await fetch(`${base}/rest/dynamic-node-parameters/${route}`, {
		method: 'POST',
		headers,
		body: JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${route}: HTTP ${response.status} ${text.slice(0, 500)}`);
	return JSON.parse(text).data;
}

const { check: report, finish } = checker();
const check = (ok, message, detail) => report(ok, `editor: ${message}`, detail);

(async () => {
	await signUpOwner(base, headers);

	const list = await ask(
		'resource-locator-results',
		request('parameters.catalogModel', 'searchCatalogModels', { filter: 'seedream' }),
	);
	const found = (list?.results ?? []).map((r) => r.value);
	check(
		found.includes(MODEL) && !found.some((id) => id.startsWith('wavespeed-ai/prompt-optimizer')),
		`Catalog Model → From List, searched "seedream", offers ${found.join(', ')}`,
		list,
	);

	const mapper = await ask(
		'resource-mapper-fields',
		request('parameters.modelInputs', 'getModelInputs'),
	);
	const saved = node.parameters.modelInputs.schema;
	// n8n saves each loaded field as it got it, in the order of its own keys (id, displayName, …).
	const shown = (mapper?.fields ?? []).map((field) =>
		Object.fromEntries(Object.keys(saved[0] ?? field).map((key) => [key, field[key]])),
	);
	check(
		JSON.stringify(shown) === JSON.stringify(saved) &&
			(mapper?.fields ?? []).every(
				(field) => Object.keys(field).length === Object.keys(saved[0]).length,
			),
		`Model Inputs for ${MODEL} shows its own fields (${(mapper?.fields ?? []).map((f) => f.displayName).join(', ')}), as the example saved them`,
		mapper,
	);

	const styles = await ask(
		'options',
		request('parameters.options.enhanceStyle', 'getEnhanceStyles'),
	);
	check(
		Array.isArray(styles) && styles.some((s) => s.value === 'default'),
		`Options → Enhance Prompt Style lists ${(styles ?? []).map((s) => s.value).join(', ')}`,
		styles,
	);
	finish('editor');
})().catch((error) => {
	console.log(`FAIL editor: ${error.message}`);
	process.exit(1);
});
