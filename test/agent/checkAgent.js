// The agent e2e's checks, from what each side saw: n8n's answers to the two chat messages (an
// edit, then one whose task WaveSpeed fails), and the closing summaries of the fake OpenAI
// (requests and model turns, two per message) and the fake WaveSpeed (tasks).
const fs = require('node:fs');
const { isDeepStrictEqual } = require('node:util');

const [example, answerFile, failureFile, failure, openAiLine, waveSpeedLine, waveSpeedKey] =
	process.argv.slice(2);
const parse = (text, fallback) => {
	try {
		return JSON.parse(text);
	} catch {
		return fallback;
	}
};
const readAnswer = (file) =>
	parse(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', { status: 0, body: '' });
const answer = readAnswer(answerFile);
const failureAnswer = readAnswer(failureFile);
const openAi = parse(openAiLine, { requests: [], turns: [] });
const waveSpeed = parse(waveSpeedLine, { accepted: 0, tasks: [] });

const chats = openAi.requests.filter(
	(r) => r.method === 'POST' && r.path === '/v1/chat/completions',
);
const [call, reply, failedCall, failedReply] = openAi.turns;
const args = call?.kind === 'toolCall' ? call.arguments : {};
const tasks = waveSpeed.tasks.filter((t) => t.prompt === args.prompt);
const task = tasks[0];
const failedTask = waveSpeed.tasks.find((t) => t.prompt === failedCall?.arguments?.prompt);
const toolItems = parse(reply?.toolResult ?? '', []);
const outputOf = (answer) => parse(answer.body, {}).output;
const agentOutput = outputOf(answer);

let passed = 0;
let failed = 0;
const check = (ok, text, detail) => {
	if (ok) passed++;
	else failed++;
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
	if (!ok && detail !== undefined) console.log(`     ${JSON.stringify(detail)}`);
};

const offered = chats[0]?.body?.tools?.find((t) => /wave_?speed/i.test(t.function.name));
const toolNode = JSON.parse(fs.readFileSync(example, 'utf8')).nodes.find((n) =>
	n.type.endsWith('waveSpeedImageEditTool'),
);
check(
	chats.length === 4 &&
		openAi.requests.every((r) => r.authorized && r.path !== '/v1/responses') &&
		offered?.function.description === toolNode.parameters.toolDescription,
	`the agent called the model over Chat Completions twice per message, offering the tool ` +
		`"${offered?.function.name}" with the example's description and the arguments ` +
		Object.keys(offered?.function.parameters?.properties ?? {}).join(', '),
	openAi.requests.map((r) => `${r.method} ${r.path}${r.authorized ? '' : ' (no key)'}`),
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
		toolItems[0].id !== undefined &&
		toolItems[0].status === 'completed' &&
		reply.outputUrl === task?.outputs[0],
	`the tool's JSON reached the model with the task's output URL ${reply?.outputUrl} ` +
		`(fields: ${Object.keys(toolItems[0] ?? {}).join(', ')})`,
	reply?.toolResult,
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
		String(failedReply?.toolResult).includes(failure) &&
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
console.log(`agent e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
