// Checks what n8n recorded for one example workflow (an execute-batch snapshot: the run's data):
// the WaveSpeed node ran and gave PNGs of the example's size, in either binary data mode (also for
// the workflows saved with 0.2.0, test/fixtures/saved-workflows/0.2.0, named v020-<file>).
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const [name, mode, snapshotFile, userFolder, filesFolder] = process.argv.slice(2);
const fail = (why) => {
	console.log(`FAIL ${name} (${mode}): ${why}`);
	process.exit(1);
};
if (!existsSync(snapshotFile)) fail(`n8n saved no successful run (no ${snapshotFile})`);
const run = JSON.parse(readFileSync(snapshotFile, 'utf8'));
const editRuns = run.data?.resultData?.runData?.['WaveSpeed Image Edit'];
if (!editRuns) fail('the WaveSpeed node did not run');
if (editRuns[0].error) fail(`the node failed: ${editRuns[0].error.message}`);
const items = editRuns[0].data?.main?.[0] ?? [];
if (items.length === 0) fail('the node returned no items');

// The catalog model is asked for 1024*1024; the composite for 1024x768; the others keep 800x600.
const expected = name.includes('composite')
	? '1024x768'
	: name.includes('catalog')
		? '1024x1024'
		: '800x600';
// The workflows that end by writing the image to disk (0.2.0's saved ones are named v020-…).
const writes = name.endsWith('edit-image-by-url') || name.startsWith('catalog');
for (const item of items) {
	const binary = item.binary?.data;
	if (!binary) fail('an item has no binary data');
	let bytes;
	if (binary.id) {
		// filesystem mode: "filesystem-v2:<path under the storage folder>"
		const path = binary.id.slice(binary.id.indexOf(':') + 1);
		const found = [
			join(userFolder, '.n8n', 'storage', path),
			join(userFolder, '.n8n', 'binaryData', path),
		].find(existsSync);
		if (!found) fail(`n8n's binary store has no file for ${binary.id}`);
		bytes = readFileSync(found);
	} else {
		bytes = Buffer.from(binary.data, 'base64');
	}
	if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47) fail('the output is not a PNG');
	const size = `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
	if (size !== expected) fail(`the output PNG is ${size}, expected ${expected}`);
	if (writes && !existsSync(join(filesFolder, binary.fileName))) {
		fail(`the workflow did not write ${binary.fileName} to ${filesFolder}`);
	}
	console.log(`ok   ${name} (${mode}): task ${item.json.id} → ${binary.fileName}, PNG ${size}`);
}
