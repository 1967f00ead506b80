/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The package's direction of imports (docs/DEVELOPMENT.md, "Map"): a node file → its own folder
// → the shared folders, and among the shared ones only downward, so no two import each other.
const ROOT = join(__dirname, '..', '..');
const VENDOR = 'nodes/WaveSpeed/';
const OWN_FOLDERS: Record<string, string> = {
	'WaveSpeedImageEdit.node.ts': 'actions',
	'WaveSpeedTrigger.node.ts': 'trigger',
};
/** The shared places, lowest first: each may import only those before it (and itself). */
const SHARED_LAYERS = [
	['errors.ts', 'timing.ts', 'models.ts'],
	['modelSchema.ts'],
	['modelInputs.ts'],
	['transport'],
	['account'],
	['binary'],
	['task'],
];

/** Where a file of the package stands: its place (top folder or file) and its layer. */
function placeOf(file: string): { place: string; layer: number; own?: string } | undefined {
	if (file.startsWith('credentials/')) return { place: 'credentials', layer: -1 };
	if (!file.startsWith(VENDOR)) return undefined;
	const place = file.slice(VENDOR.length).split('/')[0];
	if (place in OWN_FOLDERS)
		return { place, layer: SHARED_LAYERS.length + 1, own: OWN_FOLDERS[place] };
	if (Object.values(OWN_FOLDERS).includes(place))
		return { place, layer: SHARED_LAYERS.length, own: place };
	const layer = SHARED_LAYERS.findIndex((names) => names.includes(place));
	return layer === -1 ? undefined : { place, layer };
}

/** Why an import from `from` to `to` breaks the direction, or undefined when it keeps it. */
export function directionProblem(from: string, to: string): string | undefined {
	const a = placeOf(from);
	const b = placeOf(to);
	if (!a) return undefined;
	if (!b) return to.startsWith('nodes/') ? `${to} is outside the known layout` : undefined;
	if (a.place === 'credentials') return `credentials import nothing of the nodes (${to})`;
	if (a.place === b.place) return undefined;
	if (b.own !== undefined && a.own !== b.own) {
		return `${from} reaches into ${b.place === b.own ? `${b.own}/` : b.place}, which belongs to another node or is a node file`;
	}
	if (b.layer >= a.layer) {
		return `${from} imports ${to}: imports go node file → its own folder → shared (${SHARED_LAYERS.map((l) => l.join(', ')).join(' < ')}), never up`;
	}
	return undefined;
}

function sources(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return sources(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

function importsOf(file: string): string[] {
	const text = readFileSync(join(ROOT, file), 'utf8');
	const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
	return specs.map((spec) => `${relative(ROOT, resolve(ROOT, dirname(file), spec))}.ts`);
}

describe('the layout keeps its direction of imports', () => {
	test('no file of the package breaks it', () => {
		const files = [...sources('nodes'), ...sources('credentials')];
		expect(files.length).toBeGreaterThan(40);
		const problems = files.flatMap((file) =>
			importsOf(file)
				.map((to) => directionProblem(file, to))
				.filter((p): p is string => p !== undefined),
		);
		expect(problems).toEqual([]);
	});

	test.each([
		['nodes/WaveSpeed/task/outputItem.ts', 'nodes/WaveSpeed/actions/options.ts'],
		['nodes/WaveSpeed/transport/client.ts', 'nodes/WaveSpeed/trigger/signature.ts'],
		['nodes/WaveSpeed/trigger/webhook.ts', 'nodes/WaveSpeed/actions/edit/request.ts'],
		['nodes/WaveSpeed/actions/router.ts', 'nodes/WaveSpeed/trigger/webhook.ts'],
		['nodes/WaveSpeed/actions/batch.ts', 'nodes/WaveSpeed/WaveSpeedImageEdit.node.ts'],
		['nodes/WaveSpeed/WaveSpeedTrigger.node.ts', 'nodes/WaveSpeed/actions/operations.ts'],
		['nodes/WaveSpeed/transport/tasks.ts', 'nodes/WaveSpeed/account/submitGate.ts'],
		['nodes/WaveSpeed/errors.ts', 'nodes/WaveSpeed/transport/client.ts'],
		['nodes/WaveSpeed/binary/uploadFile.ts', 'nodes/WaveSpeed/task/itemContext.ts'],
		['credentials/WaveSpeedApi.credentials.ts', 'nodes/WaveSpeed/models.ts'],
	])('refused: %s → %s', (from, to) => {
		expect(directionProblem(from, to)).toEqual(expect.any(String));
	});

	test.each([
		['nodes/WaveSpeed/WaveSpeedImageEdit.node.ts', 'nodes/WaveSpeed/actions/router.ts'],
		['nodes/WaveSpeed/WaveSpeedTrigger.node.ts', 'nodes/WaveSpeed/trigger/webhook.ts'],
		['nodes/WaveSpeed/WaveSpeedTrigger.node.ts', 'nodes/WaveSpeed/transport/credentialTest.ts'],
		['nodes/WaveSpeed/actions/edit/request.ts', 'nodes/WaveSpeed/models.ts'],
		['nodes/WaveSpeed/trigger/webhook.ts', 'nodes/WaveSpeed/account/seenDeliveries.ts'],
		['nodes/WaveSpeed/task/submit.ts', 'nodes/WaveSpeed/account/submitGate.ts'],
		['nodes/WaveSpeed/account/webhookSecrets.ts', 'nodes/WaveSpeed/transport/tasks.ts'],
	])('allowed: %s → %s', (from, to) => {
		expect(directionProblem(from, to)).toBeUndefined();
	});
});
