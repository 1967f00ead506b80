// The MCP e2e's checks, from what the MCP client got (mcpClient.mjs) and the fake WaveSpeed's
// closing summary (its tasks). A failed edit must reach the client as a failed tool call
// (isError: true) in WaveSpeed's words, and the session must go on. n8n words the error text
// itself: 1.x's MCP Server Trigger answers "Error: <message>", 2.x's "<error name>: <message>",
// where n8n has added the node error's description to the message as "\n\nDetails: …".
const fs = require('node:fs');
const { isDeepStrictEqual } = require('node:util');

const { TOOL_DESCRIPTIONS } = require('../../dist/nodes/WaveSpeed/actions/toolDescription');
const { checker, parseOr: parse } = require('../../devkit/n8n/checks');

const [version, clientFile, failure, waveSpeedLine] = process.argv.slice(2);
const client = parse(fs.existsSync(clientFile) ? fs.readFileSync(clientFile, 'utf8') : '', {});
const waveSpeed = parse(waveSpeedLine, { accepted: 0, tasks: [] });
const calls = Object.fromEntries((client.calls ?? []).map((call) => [call.name, call]));
const ANSWER_FIELDS = ['id', 'status', 'imageUrl', 'seed', 'size', 'cost', 'currency', 'nsfw'];

const { check, finish } = checker();
const textOf = (call) =>
	call?.result?.content?.length === 1 && call.result.content[0].type === 'text'
		? call.result.content[0].text
		: undefined;
const taskFor = (call) => waveSpeed.tasks.filter((t) => t.prompt === call?.prompt);

if (client.failure) console.log(`[mcp] the client failed: ${client.failure}`);
const [tool] = client.tools ?? [];
check(
	client.tools?.length === 1 &&
		tool.name === 'WaveSpeed_Image_Edit' &&
		isDeepStrictEqual(tool.properties, ['prompt', 'imageUrl']) &&
		tool.description === TOOL_DESCRIPTIONS.edit,
	`tools/list: the one tool "${tool?.name}", with the node's default description and the ` +
		`arguments ${tool?.properties?.join(', ')} (its $fromAI keys)`,
	client.tools,
);

for (const name of ['edit', 'after']) {
	const call = calls[name];
	const answer = parse(textOf(call), []);
	const tasks = taskFor(call);
	check(
		call?.result !== undefined &&
			call.result.isError !== true &&
			tasks.length === 1 &&
			tasks[0].status === 'completed' &&
			answer.length === 1 &&
			isDeepStrictEqual(Object.keys(answer[0]), ANSWER_FIELDS) &&
			answer[0].status === 'completed' &&
			answer[0].imageUrl === tasks[0].outputs[0],
		`${name === 'edit' ? 'an edit' : 'then, in the same session, another edit'}: isError ` +
			`${call?.result?.isError ?? false}, the tool's JSON with the edited image ` +
			`${answer[0]?.imageUrl}`,
		{ call, tasks },
	);
}

const failing = calls.failure;
const text = textOf(failing);
const id = /\(task ([0-9a-f]{32})\)/.exec(text ?? '')?.[1];
const prefix = version.startsWith('1.') ? 'Error: ' : 'NodeOperationError: ';
const expected =
	`${prefix}WaveSpeed task failed: ${failure} (task ${id})\n\n` +
	`Details: WaveSpeed's reason: "${failure}". Change this item's prompt or images and run it again.`;
const failedTasks = taskFor(failing);
check(
	failing?.result?.isError === true &&
		id !== undefined &&
		text === expected &&
		failedTasks.length === 1 &&
		failedTasks[0].status === 'failed',
	`a task WaveSpeed fails (submitted once): isError ${failing?.result?.isError}, the text ` +
		JSON.stringify(text),
	{ failing, expected, failedTasks },
);

const sessions = new Set(client.sessionIds ?? []);
check(
	client.sessionIds?.length === 4 &&
		sessions.size === 1 &&
		typeof client.sessionIds[0] === 'string',
	`one MCP session (${client.sessionIds?.[0]}) for the tool list and the three calls`,
	client.sessionIds,
);
check(
	waveSpeed.accepted === 3 && waveSpeed.outputRequestsWithAuthorization === 0,
	'fake WaveSpeed: three tasks accepted, nothing resubmitted, the key never sent to the output host',
	{ accepted: waveSpeed.accepted, tasks: waveSpeed.tasks },
);

finish(`mcp e2e n8n ${version}`);
