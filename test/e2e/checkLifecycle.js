// Checks the task lifecycle in real n8n.
//  callbacks: every submitted task was called back; the tampered callback got 401 and started
//    nothing; the duplicate got 200 and started nothing; each other task's execution wrote its
//    edited PNG (800×600) to disk.
//  recover: Get Result returned the PNG of a task submitted without waiting.
const { existsSync, readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const [mode, ...args] = process.argv.slice(2);
const ok = (line) => console.log(`ok   ${line}`);
const fail = (line) => {
	console.log(`FAIL ${line}`);
	process.exit(1);
};
const pngSize = (bytes) =>
	bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47
		? `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`
		: 'not a PNG';

async function until(what, check, timeoutMs = 60_000) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const result = await check();
		if (result) return result;
		if (Date.now() > end) fail(`lifecycle: ${what} did not happen within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function callbacks(api, key, filesFolder) {
	const deliveries = await until('4 callback deliveries (3 tasks, one twice)', async () => {
		const response = await fetch(`${api}/fake/webhooks`, {
			headers: { authorization: `Bearer ${key}` },
		});
		const { data } = await response.json();
		return data.deliveries.filter((d) => d.status !== undefined && d.attempt === 1).length >= 4
			? data.deliveries
			: undefined;
	});
	// First attempts only: the fake, as WaveSpeed, retries a refused (401) callback up to 3 times.
	const byTask = new Map();
	for (const d of deliveries.filter((d) => d.attempt === 1))
		byTask.set(d.taskId, [...(byTask.get(d.taskId) ?? []), d.status]);
	const statuses = [...byTask.values()].map((s) => s.join('+')).sort();
	if (statuses.join(' ') !== '200 200+200 401')
		fail(
			`lifecycle: callback answers per task were ${statuses.join(', ')}, expected 200, 200+200, 401`,
		);
	const refused = [...byTask].find(([, s]) => s[0] === 401)[0];
	const accepted = [...byTask].filter(([, s]) => s[0] === 200).map(([id]) => id);
	const files = await until('the trigger executions writing 2 images', () => {
		const found = accepted.map((id) => join(filesFolder, `wavespeed-${id}.png`)).filter(existsSync);
		return found.length === accepted.length ? found : undefined;
	});
	for (const file of files) {
		const size = pngSize(readFileSync(file));
		if (size !== '800x600') fail(`lifecycle: ${file} is ${size}, expected 800x600`);
	}
	if (readdirSync(filesFolder).some((f) => f.includes(refused)))
		fail('lifecycle: the tampered callback started an execution');
	ok(
		`lifecycle: 3 callbacks signed and answered (200, 200 and its duplicate 200, tampered 401); 2 trigger executions wrote 800x600 PNGs; the tampered one and the duplicate started nothing`,
	);
}

function recover(snapshotFile, userFolder) {
	if (!existsSync(snapshotFile))
		fail(`lifecycle: the recovery workflow saved no successful run (no ${snapshotFile})`);
	const run = JSON.parse(readFileSync(snapshotFile, 'utf8')).data.resultData.runData;
	const submitted = run['Submit Edit (no waiting)']?.[0]?.data?.main?.[0]?.[0]?.json;
	const item = run['Get Result']?.[0]?.data?.main?.[0]?.[0];
	if (!submitted?.id || submitted.status === 'completed')
		fail('lifecycle: the submit did not return at once with a task id');
	if (!item || item.json.id !== submitted.id)
		fail('lifecycle: Get Result did not return the submitted task');
	const id = item.binary?.data?.id;
	const path = id && id.slice(id.indexOf(':') + 1);
	const file =
		path &&
		[join(userFolder, '.n8n', 'storage', path), join(userFolder, '.n8n', 'binaryData', path)].find(
			existsSync,
		);
	if (!file) fail('lifecycle: Get Result stored no image');
	const size = pngSize(readFileSync(file));
	if (size !== '800x600') fail(`lifecycle: Get Result's image is ${size}, expected 800x600`);
	ok(
		`lifecycle: Get Result recovered task ${submitted.id} (submitted without waiting, status ${submitted.status}) as an 800x600 PNG`,
	);
}

(mode === 'callbacks' ? callbacks(...args) : Promise.resolve(recover(...args))).catch((error) =>
	fail(`lifecycle: ${error.message}`),
);
