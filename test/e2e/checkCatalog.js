// Checks a run of examples/catalog-model-two-images.json (a model of WaveSpeed's catalog, two
// downloaded photos as binary images): what the user gets (an execute-batch snapshot) and what the
// fake WaveSpeed was sent for it (its live stats: the task, its body and the uploads).
// Usage: node checkCatalog.js <name> <mode> <snapshot> <fake's first log line> [enhanced]
const { readFileSync, existsSync } = require('node:fs');

const [name, mode, snapshotFile, fakeLine, enhanced] = process.argv.slice(2);
const MODEL = 'bytedance/seedream-v4.5/edit';
const OPTIMIZER = 'wavespeed-ai/prompt-optimizer';
const PROMPT = 'Put the person in image1 into the scene of image2';
// The fake optimizer's deterministic answer (devkit/fake-wavespeed/promptOptimizer.ts).
const IMPROVED = `${PROMPT} — optimized for image (style: default), following the reference image`;
// The example's two photos (picsum URLs the e2e serves from the fake), in the order of Images.
const UPLOADED = ['800x800', '1024x768'];

const fail = (why) => {
	console.log(`FAIL ${name} (${mode}): ${why}`);
	process.exit(1);
};
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function main() {
	if (!existsSync(snapshotFile)) fail(`n8n saved no successful run (no ${snapshotFile})`);
	const run = JSON.parse(readFileSync(snapshotFile, 'utf8'));
	const items = run.data?.resultData?.runData?.['WaveSpeed Image Edit']?.[0]?.data?.main?.[0] ?? [];
	if (items.length !== 1) fail(`the node gave ${items.length} items, expected 1`);
	const { json } = items[0];
	const expected = {
		model: MODEL,
		status: 'completed',
		size: '1024*1024',
		cost: enhanced ? 0.041 : 0.04,
		currency: 'USD',
		...(enhanced ? { prompt: IMPROVED, originalPrompt: PROMPT } : {}),
	};
	for (const [key, value] of Object.entries(expected)) {
		if (!same(json[key], value)) {
			fail(
				`the output's ${key} is ${JSON.stringify(json[key])}, expected ${JSON.stringify(value)}`,
			);
		}
	}
	if (!enhanced && ('originalPrompt' in json || 'prompt' in json)) {
		fail('the output has a prompt of its own without Enhance Prompt');
	}

	const stats = await (await fetch(JSON.parse(fakeLine).stats)).json();
	const task = stats.tasks.find((t) => t.id === json.id);
	if (!task) fail(`the fake has no task ${json.id}`);
	if (task.model !== MODEL) fail(`task ${task.id} ran ${task.model}, expected ${MODEL}`);
	const images = task.body.images;
	const body = {
		prompt: enhanced ? IMPROVED : PROMPT,
		images,
		size: '1024*1024',
		enable_sync_mode: false,
		enable_base64_output: false,
	};
	if (!same(task.body, body)) {
		fail(`the fake was sent ${JSON.stringify(task.body)}, expected ${JSON.stringify(body)}`);
	}
	if (!Array.isArray(images) || images.length !== 2) fail('the task was not sent two images');
	// One paid task for this run: none other with its model, prompt and images.
	const twins = stats.tasks.filter((t) => t.model === MODEL && same(t.body, task.body));
	if (twins.length !== 1) fail(`${twins.length} tasks were submitted with this run's body`);
	const uploads = images.map((url) => stats.uploads.find((u) => u.url === url));
	const sizes = uploads.map((u) => (u?.png ? `${u.png.width}x${u.png.height}` : 'not an upload'));
	if (!same(sizes, UPLOADED)) {
		fail(`the task's images are ${sizes.join(', ')}, expected uploads of ${UPLOADED.join(', ')}`);
	}
	let optimizer = '';
	if (enhanced) {
		const ran = stats.tasks.filter(
			(t) => t.model === OPTIMIZER && t.body.image === images[0] && t.status === 'completed',
		);
		if (ran.length !== 1) fail(`${ran.length} optimizer tasks for image1 of this run, expected 1`);
		const inputs = { text: PROMPT, mode: 'image', style: 'default', image: images[0] };
		if (!Object.entries(inputs).every(([key, value]) => ran[0].body[key] === value)) {
			fail(`the optimizer was sent ${JSON.stringify(ran[0].body)}`);
		}
		optimizer = `, after the prompt optimizer (text, mode image, style default, image1)`;
	}
	console.log(
		`ok   ${name} (${mode}): ${MODEL} task ${task.id} got {prompt, images: uploads of ${sizes.join(' and ')}, size ${body.size}}${optimizer}; ` +
			`the output says model ${json.model}, size ${json.size}, cost ${json.cost} ${json.currency}` +
			(enhanced ? `, originalPrompt and the improved prompt` : ''),
	);
}

main().catch((error) => fail(error.message));
