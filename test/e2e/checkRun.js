// Checks what `n8n execute --rawOutput` printed for one example workflow.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const [name, outFile, mode, userFolder] = process.argv.slice(2);
const text = readFileSync(outFile, 'utf8');
const start = text.search(/^\{/m);
const fail = (why) => {
	console.error(`FAIL ${name} (${mode}): ${why}\n${text.slice(0, 2000)}`);
	process.exit(1);
};
if (start === -1) fail('n8n printed no JSON');
const run = JSON.parse(text.slice(start));
const runData = run.data?.resultData?.runData ?? run.resultData?.runData ?? run.runData;
if (!runData) fail('no runData in the output');
const editRuns = runData['WaveSpeed Image Edit'];
if (!editRuns) fail('the WaveSpeed node did not run');
const items = editRuns[0].data?.main?.[0] ?? [];
if (editRuns[0].error) fail(`the node failed: ${editRuns[0].error.message}`);
if (items.length === 0) fail('the node returned no items');
for (const item of items) {
	const binary = item.binary?.data;
	if (!binary) fail('an item has no binary data');
	let bytes;
	if (binary.id) {
		const [, fileId] = binary.id.split(':');
		const candidates = [join(userFolder, '.n8n', 'binaryData', fileId), join(userFolder, '.n8n', 'storage', fileId)];
		const found = candidates.find((p) => { try { readFileSync(p); return true; } catch { return false; } });
		if (!found) { console.log(`ok   ${name} (${mode}): ${item.json.id} stored as ${binary.id} (${binary.fileSize})`); continue; }
		bytes = readFileSync(found);
	} else {
		bytes = Buffer.from(binary.data, 'base64');
	}
	if (bytes.readUInt32BE(0) !== 0x89504e47) fail('the output is not a PNG');
	const size = `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
	const expected = name.includes('composite') ? '1024x768' : '800x600';
	if (name === 'edit-image-by-url') {
		const written = join(userFolder, 'files', binary.fileName);
		try {
			readFileSync(written);
		} catch {
			fail(`the workflow did not write ${written}`);
		}
	}
	if (size !== expected) fail(`the output PNG is ${size}, expected ${expected}`);
	console.log(`ok   ${name} (${mode}): task ${item.json.id} → ${binary.fileName}, PNG ${size}`);
}
