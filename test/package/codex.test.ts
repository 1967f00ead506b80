/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	homepage: string;
	n8n: { nodes: string[] };
};
const codexFiles = packageJson.n8n.nodes.map((file) =>
	join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.json')),
);

/** GitHub's anchors for the README's headings. */
function readmeAnchors(): Set<string> {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const headings = [...readme.matchAll(/^#{1,6} +(.+)$/gm)].map((m) => m[1]);
	return new Set(
		headings.map((h) =>
			h
				.trim()
				.toLowerCase()
				.replace(/[^\w\- ]/g, '')
				.replace(/ /g, '-'),
		),
	);
}

describe.each(codexFiles)('the codex %s', (file) => {
	const codex = JSON.parse(readFileSync(file, 'utf8'));

	// n8n's editor treats an AI node without "Root Nodes" as a sub-node and hides it from search.
	test('it is an AI node listed as a root node, so the nodes panel search finds it', () => {
		expect(codex.categories).toContain('AI');
		expect(codex.subcategories.AI).toContain('Root Nodes');
	});

	test("its Docs link opens this package's README section for the node", () => {
		const [url] = codex.resources.primaryDocumentation.map((d: { url: string }) => d.url);
		const [page, anchor] = url.split('#');
		expect(page).toBe(packageJson.homepage.split('#')[0]);
		expect(readmeAnchors()).toContain(anchor);
	});
});
