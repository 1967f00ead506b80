// A real MCP client (the official @modelcontextprotocol/sdk, Streamable HTTP) against the
// published MCP Server Trigger: it lists the tools, then in the same session calls the WaveSpeed
// tool with a good prompt, with one the fake WaveSpeed fails, and with a good one again. Saves
// what it got to the file given ({ sessionIds, tools, calls: [{ name, ms, result | error }] }).
// n8n registers a published workflow's webhooks a moment after its editor is up: until the
// client's first request is answered, it tries again (60 s at most).
import fs from 'node:fs';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, imageUrl, failure, out] = process.argv.slice(2);
const report = { url, sessionIds: [], tools: [], calls: [] };
const save = () => fs.writeFileSync(out, JSON.stringify(report, null, 1));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function connect() {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const client = new Client({ name: 'wavespeed-mcp-e2e', version: '1.0.0' });
		const transport = new StreamableHTTPClientTransport(new URL(url));
		try {
			await client.connect(transport);
			return { client, transport };
		} catch (error) {
			await client.close().catch(() => {});
			if (Date.now() > deadline) throw error;
			await sleep(250);
		}
	}
}

async function main() {
	const started = Date.now();
	const { client, transport } = await connect();
	console.log(`[mcp] connected after ${((Date.now() - started) / 1000).toFixed(1)} s`);
	report.server = client.getServerVersion();
	report.sessionIds.push(transport.sessionId);
	const { tools } = await client.listTools();
	report.tools = tools.map(({ name, description, inputSchema }) => ({
		name,
		description,
		properties: Object.keys(inputSchema?.properties ?? {}),
	}));
	const tool = tools.find((t) => /wave_?speed/i.test(t.name));
	const calls = [
		['edit', 'Turn image1 into a risograph print'],
		['failure', `Turn image1 into a risograph print [fail:${failure}]`],
		['after', 'Turn image1 into a linocut'],
	];
	for (const [name, prompt] of calls) {
		const sent = Date.now();
		const call = { name, prompt };
		try {
			call.result = await client.callTool({ name: tool.name, arguments: { prompt, imageUrl } });
		} catch (error) {
			call.error = `${error.name}: ${error.message}`;
		}
		call.ms = Date.now() - sent;
		report.calls.push(call);
		report.sessionIds.push(transport.sessionId);
		console.log(
			`[mcp] ${name}: ${call.error ?? `isError ${call.result.isError === true}`} in ${call.ms} ms`,
		);
	}
	await client.close();
}

main()
	.catch((error) => {
		report.failure = String(error?.stack ?? error);
		console.log(`[mcp] the client failed: ${error?.message ?? error}`);
	})
	.finally(save);
