// Writes the queue run's workflows into a folder for one `n8n import:workflow --separate`:
// the webhook example as it ships, and, when the package has the
// WaveSpeed Trigger, a pair that submits many edits without waiting and receives their callbacks.
// Usage: node workflows.js <folder> <trigger: yes|no>; prints the ids to publish, then the
// callback webhook's path.
const fs = require('fs');
const path = require('path');

const CREDENTIALS = { waveSpeedApi: { id: 'wsQueueCredential1', name: 'WaveSpeed account' } };
const CALLBACK_WEBHOOK_ID = '7d1e0c52-4b8a-4f6e-9c3d-2a5b8e1f0c47';
const EDIT_TYPE = 'n8n-nodes-wavespeed-image-edit.waveSpeedImageEdit';

function write(folder, workflow) {
	fs.writeFileSync(path.join(folder, `${workflow.id}.json`), JSON.stringify(workflow));
}

function chain(...names) {
	const connections = {};
	for (let n = 0; n + 1 < names.length; n++) {
		connections[names[n]] = { main: [[{ node: names[n + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

function webhookExample() {
	const file = path.join(__dirname, '../../examples/webhook-edit-upload.json');
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
	for (const node of workflow.nodes) if (node.type === EDIT_TYPE) node.credentials = CREDENTIALS;
	return { ...workflow, id: 'queue-webhook-1' };
}

// Started by WaveSpeed's signed callbacks: each execution holds one finished task and its image.
function callbackReceiver() {
	return {
		id: 'queue-callback-1',
		name: 'Queue: receive WaveSpeed callbacks',
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a7c0de00-0000-4000-8000-000000000001',
				name: 'WaveSpeed Trigger',
				type: 'n8n-nodes-wavespeed-image-edit.waveSpeedTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: CALLBACK_WEBHOOK_ID,
				parameters: { events: ['completed', 'failed'], options: {} },
				credentials: CREDENTIALS,
			},
		],
		connections: {},
	};
}

// One POST with {items: [{url, prompt}]} becomes one execution that submits every item without
// waiting and answers with the submitted tasks.
function batchSubmitter() {
	return {
		id: 'queue-submit-1',
		name: 'Queue: submit a batch without waiting',
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a7c0de00-0000-4000-8000-000000000011',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '3f9b2d14-6c7e-4a85-b1d0-8e4c5a7f2b36',
				parameters: {
					httpMethod: 'POST',
					path: 'queue-submit',
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: 'a7c0de00-0000-4000-8000-000000000012',
				name: 'Split Out Items',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{
				id: 'a7c0de00-0000-4000-8000-000000000013',
				name: 'WaveSpeed Image Edit',
				type: EDIT_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					model: 'wavespeed-ai/flux-2-klein-base-4b/edit',
					prompt: '={{ $json.prompt }}',
					images: { image: [{ source: 'url', url: '={{ $json.url }}' }] },
					size: 'matchInput',
					seed: -1,
					options: {
						waitForResult: false,
						webhookUrl: `={{ $('Webhook').first().json.body.callbackUrl }}`,
						maxConcurrency: 20,
					},
				},
				credentials: CREDENTIALS,
			},
		],
		connections: chain('Webhook', 'Split Out Items', 'WaveSpeed Image Edit'),
	};
}

function main() {
	const [folder, trigger] = process.argv.slice(2);
	fs.mkdirSync(folder, { recursive: true });
	const workflows = [
		webhookExample(),
		...(trigger === 'yes' ? [callbackReceiver(), batchSubmitter()] : []),
	];
	for (const workflow of workflows) write(folder, workflow);
	console.log(workflows.map((w) => w.id).join(' '));
	// The trigger registers one POST webhook with path 'webhook' under its webhookId.
	console.log(`webhook/${CALLBACK_WEBHOOK_ID}/webhook`);
}

main();
