/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type ChatRequest, type ModelTurn, nextTurn, TOOL_CALL_ID } from './scriptedModel';

export interface FakeOpenAiOptions {
	/** The image the model asks the tool to edit: one the fake WaveSpeed serves. */
	imageUrl: string;
	apiKey?: string;
}

export interface ReceivedRequest {
	method: string;
	path: string;
	authorized: boolean;
	body?: ChatRequest;
}

const MODEL_IDS = ['gpt-5-mini', 'fake-tool-caller'];

async function readJson(req: IncomingMessage): Promise<ChatRequest | undefined> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	if (chunks.length === 0) return undefined;
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
	} catch {
		return undefined;
	}
}

function send(res: ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

function openAiError(res: ServerResponse, status: number, message: string, code: string) {
	send(res, status, { error: { message, type: 'invalid_request_error', param: null, code } });
}

function completion(n: number, model: string, turn: ModelTurn) {
	const message =
		turn.kind === 'toolCall'
			? {
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: TOOL_CALL_ID,
							type: 'function',
							function: { name: turn.name, arguments: JSON.stringify(turn.arguments) },
						},
					],
				}
			: { role: 'assistant', content: turn.text };
	return {
		id: `chatcmpl-fake-${n}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [
			{
				index: 0,
				message,
				logprobs: null,
				finish_reason: turn.kind === 'toolCall' ? 'tool_calls' : 'stop',
			},
		],
		usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
	};
}

/**
 * A fake OpenAI-compatible API on 127.0.0.1 (base URL `<url>/v1`) with a scripted model that
 * calls the WaveSpeed Image Edit tool once and then answers. It serves Chat Completions (n8n's
 * OpenAI Chat Model with "Use Responses API" off) and the model list, and records what it received.
 */
export class FakeOpenAi {
	readonly apiKey: string;

	readonly imageUrl: string;

	url = '';

	readonly requests: ReceivedRequest[] = [];

	/** What the model did, one entry per chat completion it answered. */
	readonly turns: ModelTurn[] = [];

	private server = createServer((req, res) => void this.handle(req, res));

	constructor(options: FakeOpenAiOptions) {
		this.apiKey = options.apiKey ?? 'sk-fake-openai-0123456789abcdef';
		this.imageUrl = options.imageUrl;
	}

	static async start(options: FakeOpenAiOptions): Promise<FakeOpenAi> {
		const fake = new FakeOpenAi(options);
		await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
		fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
		return fake;
	}

	get baseUrl(): string {
		return `${this.url}/v1`;
	}

	async close() {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	private async handle(req: IncomingMessage, res: ServerResponse) {
		const path = (req.url ?? '/').split('?')[0];
		const body = await readJson(req);
		const authorized = req.headers.authorization === `Bearer ${this.apiKey}`;
		this.requests.push({ method: req.method ?? 'GET', path, authorized, body });
		if (!authorized) return openAiError(res, 401, 'Incorrect API key provided', 'invalid_api_key');
		if (req.method === 'GET' && path === '/v1/models') {
			const data = MODEL_IDS.map((id) => ({
				id,
				object: 'model',
				created: 0,
				owned_by: 'fake-openai',
			}));
			return send(res, 200, { object: 'list', data });
		}
		if (req.method === 'POST' && path === '/v1/chat/completions') return this.chat(res, body);
		const hint =
			path === '/v1/responses' ? ': turn off "Use Responses API" in the OpenAI Chat Model' : '';
		return openAiError(
			res,
			404,
			`The fake OpenAI does not serve ${req.method} ${path}${hint}`,
			'not_found',
		);
	}

	private chat(res: ServerResponse, body: ChatRequest | undefined) {
		if (!body?.messages) return openAiError(res, 400, 'messages is required', 'invalid_body');
		if (body.stream)
			return openAiError(res, 400, 'The fake OpenAI does not stream', 'stream_unsupported');
		const turn = nextTurn(body, this.imageUrl);
		this.turns.push(turn);
		return send(res, 200, completion(this.turns.length, body.model ?? MODEL_IDS[0], turn));
	}
}
