// The MCP e2e's workflow: an MCP Server Trigger (version 2, Streamable HTTP at /mcp/<path>, no
// authentication) whose one tool is the WaveSpeed Image Edit Tool, its Prompt and Image URL filled
// by $fromAI as the README says. Written to the file given, under a fixed id.
const fs = require('node:fs');
const { randomUUID } = require('node:crypto');

const [out, id, path] = process.argv.slice(2);
const workflow = {
	id,
	name: 'WaveSpeed: an MCP server that edits images',
	versionId: randomUUID(),
	active: false,
	nodes: [
		{
			parameters: { path },
			id: 'a1c0ffee-0000-4000-8000-000000000001',
			name: 'MCP Server Trigger',
			type: '@n8n/n8n-nodes-langchain.mcpTrigger',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
		},
		{
			parameters: {
				operation: 'edit',
				model: 'wavespeed-ai/flux-2-klein-base-9b/edit',
				prompt:
					"={{ $fromAI('prompt', 'What to change in the image; call the image image1', 'string') }}",
				images: {
					image: [
						{
							source: 'url',
							url: "={{ $fromAI('imageUrl', 'The public http(s) URL of the image to edit', 'string') }}",
						},
					],
				},
				size: 'matchInput',
				seed: -1,
				options: {},
			},
			id: 'a1c0ffee-0000-4000-8000-000000000002',
			name: 'WaveSpeed Image Edit',
			type: 'n8n-nodes-wavespeed-image-edit.waveSpeedImageEditTool',
			typeVersion: 1,
			position: [0, 220],
			credentials: { waveSpeedApi: { id: 'wsE2eCredential01', name: 'WaveSpeed account' } },
		},
	],
	connections: {
		'WaveSpeed Image Edit': {
			ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]],
		},
	},
	settings: { executionOrder: 'v1' },
};
fs.writeFileSync(out, JSON.stringify(workflow));
