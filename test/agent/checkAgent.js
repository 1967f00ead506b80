// The agent e2e's checks, from what each side saw: n8n's answers to the two chat messages (an
// edit, then one whose task WaveSpeed fails), the closing summaries of the fake OpenAI
// (requests and model turns, two per message) and the fake WaveSpeed (tasks), and what n8n's
// execution data says the tool calls took (measure.js), printed next to the figures measured
// before tool mode (baseline.json).
const fs = require('node:fs');
const { isDeepStrictEqual } = require('node:util');

const { TOOL_DESCRIPTIONS } = require('../../dist/nodes/WaveSpeed/actions/toolDescription');
const { checker, parseOr: parse } = require('../../devkit/n8n/checks');

const [
	example,
	answerFile,
	failureFile,
	failure,
	openAiLine,
	waveSpeedLine,
	waveSpeedKey,
	measuredLine,
	baselineFile,
] = process.argv.slice(2);
const readAnswer = (file) =>
	parse(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', { status: 0, body: '' });
const answer = readAnswer(answerFile);
const failureAnswer = readAnswer(failureFile);
const openAi = parse(openAiLine, { requests: [], turns: [] });
const waveSpeed = parse(waveSpeedLine, { accepted: 0, tasks: [] });
const { executions: measured, storedBytes } = parse(measuredLine, { executions: [] });
const baseline = JSON.parse(fs.readFileSync(baselineFile, 'utf8'));

const chats = openAi.requests.filter(
	(r) => r.method === 'POST' && r.path === '/v1/chat/completions',
);
const [call, reply, failedCall, failedReply] = openAi.turns;
const args = call?.kind === 'toolCall' ? call.arguments : {};
const tasks = waveSpeed.tasks.filter((t) => t.prompt === args.prompt);
const task = tasks[0];
const failedTask = waveSpeed.tasks.find((t) => t.prompt === failedCall?.arguments?.prompt);
const toolItems = parse(reply?.toolResult ?? '', []);
const failedItems = parse(failedReply?.toolResult ?? '', []);
const ANSWER_FIELDS = ['id', 'status', 'imageUrl', 'seed', 'size', 'cost', 'currency', 'nsfw'];
const outputOf = (answer) => parse(answer.body, {}).output;
const agentOutput = outputOf(answer);

const { check, finish } = checker();

const offered = chats[0]?.body?.tools?.find((t) => /wave_?speed/i.test(t.function.name));
const toolNode = JSON.parse(fs.readFileSync(example, 'utf8')).nodes.find((n) =>
	n.type.endsWith('waveSpeedImageEditTool'),
);
check(
	chats.length === 4 &&
		openAi.requests.every((r) => r.authorized && r.path !== '/v1/responses') &&
		toolNode.parameters.toolDescription === undefined &&
		offered?.function.description === TOOL_DESCRIPTIONS.edit,
	`the agent called the model over Chat Completions twice per message, offering the tool ` +
		`"${offered?.function.name}" with the node's own default description (the example sets ` +
		`none) and the arguments ` +
		Object.keys(offered?.function.parameters?.properties ?? {}).join(', '),
	{
		requests: openAi.requests.map((r) => `${r.method} ${r.path}${r.authorized ? '' : ' (no key)'}`),
		description: offered?.function.description,
	},
);
check(
	call?.kind === 'toolCall' &&
		tasks.length === 1 &&
		isDeepStrictEqual(task.images, [args.imageUrl]),
	`fake WaveSpeed: exactly one task, with the prompt "${args.prompt}" and the image ` +
		`${args.imageUrl} the model chose`,
	{ modelChose: args, tasks: waveSpeed.tasks },
);
check(
	Array.isArray(toolItems) &&
		toolItems.length === 1 &&
		isDeepStrictEqual(Object.keys(toolItems[0]), ANSWER_FIELDS) &&
		typeof toolItems[0].id === 'string' &&
		toolItems[0].status === 'completed' &&
		toolItems[0].imageUrl === task?.outputs[0] &&
		typeof toolItems[0].seed === 'number' &&
		toolItems[0].nsfw === false &&
		reply.outputUrl === task?.outputs[0],
	`the model got the tool's compact answer with the task's output URL ${reply?.outputUrl}: ` +
		`${reply?.toolResult}`,
	reply?.toolResult,
);
check(
	measured.length === 2 &&
		measured.every((m) => m.toolRuns === 1 && m.downloadedFiles === 0 && m.downloadedBytes === 0) &&
		storedBytes === 0,
	"n8n's execution data: one tool run per message, and the tool downloaded nothing (no " +
		"binary on its items, n8n's binary store empty; Download Output is not set in the example)",
	{ measured, storedBytes },
);
check(
	answer.status === 200 &&
		typeof agentOutput === 'string' &&
		agentOutput === reply?.text &&
		agentOutput.includes(task?.outputs[0]),
	`the agent's final answer is the workflow's output: "${agentOutput}"`,
	answer,
);
check(
	failedTask?.status === 'failed' &&
		waveSpeed.accepted === 2 &&
		Array.isArray(failedItems) &&
		failedItems.length === 1 &&
		String(failedItems[0].error).includes(failure) &&
		String(failedItems[0].error).includes(`task ${failedItems[0].id}`) &&
		failureAnswer.status === 200 &&
		outputOf(failureAnswer) === failedReply?.text,
	`a task WaveSpeed fails (once, not resubmitted) reaches the model as the tool's result ` +
		`${failedReply?.toolResult}, and the agent still answers`,
	{ failedTask, accepted: waveSpeed.accepted, failedReply, failureAnswer },
);
check(
	!JSON.stringify(openAi.requests).includes(waveSpeedKey) &&
		waveSpeed.outputRequestsWithAuthorization === 0,
	'the WaveSpeed API key reached neither the model nor the output host',
);

// Before (the node at baseline.json's commit) and after (this run), per chat message.
const row = (label, edit, failure, stored) =>
	console.log(
		`  ${label.padEnd(66)} edit: tool ${edit?.toolMs} ms, model→model ${edit?.modelToModelMs} ms, ` +
			`downloaded ${edit?.downloadedFiles} file(s) ${edit?.downloadedBytes} B, answer ` +
			`${edit?.answerChars} chars; failure: tool ${failure?.toolMs} ms, answer ` +
			`${failure?.answerChars} chars; n8n's binary store ${stored} B`,
	);
console.log(`[agent] tool calls, from n8n's execution data (before: ${baseline.measured})`);
for (const run of baseline.runs) row(`before, ${run.name}`, run.edit, run.failure, run.storedBytes);
row(
	'after, this run (Download Output not set)',
	{ ...measured[0], answerChars: reply?.toolResult?.length },
	{ ...measured[1], answerChars: failedReply?.toolResult?.length },
	storedBytes,
);
finish('agent e2e');
