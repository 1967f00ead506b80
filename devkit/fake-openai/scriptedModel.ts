/**
 * The fake model's two turns, for an agent that has the WaveSpeed Image Edit tool: first it calls
 * the tool with a fixed prompt and the image URL it was given, then, once the tool's result is in
 * the conversation, it answers with text that quotes the output URL it read there (or, without
 * one, the tool's whole result). A `[fail:reason]` in the user's message is passed on at the end
 * of the prompt, where it makes the fake WaveSpeed fail the task with that reason.
 */

/** The `$fromAI` keys the fake fills; the example workflow's tool uses the same ones. */
export const PROMPT_KEY = 'prompt';
export const IMAGE_URL_KEY = 'imageUrl';

export const SCRIPTED_PROMPT =
	'Repaint image1 as a teal and amber risograph print (fake-openai 7f3c)';

export const TOOL_CALL_ID = 'call_wavespeed_1';

export interface ChatMessage {
	role: string;
	content?: unknown;
	tool_call_id?: string;
}

export interface ChatTool {
	type: string;
	function: {
		name: string;
		description?: string;
		parameters?: { properties?: Record<string, unknown> };
	};
}

export interface ChatRequest {
	model?: string;
	messages?: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
}

export type ModelTurn =
	| { kind: 'toolCall'; name: string; arguments: Record<string, string> }
	| { kind: 'answer'; text: string; toolResult?: string; outputUrl?: string };

export function findWaveSpeedTool(request: ChatRequest): ChatTool | undefined {
	return request.tools?.find((tool) => /wave_?speed/i.test(tool.function.name));
}

function textOf(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part?.text ?? '').join('');
	return '';
}

/**
 * The edited image's URL in the tool's JSON (n8n sends the tool's output items as a JSON array):
 * `imageUrl` of the tool's compact answer, or `outputs[0]` of the full task JSON (older versions).
 */
export function outputUrlOf(toolResult: string): string | undefined {
	try {
		const items: unknown = JSON.parse(toolResult);
		const first = (Array.isArray(items) ? items[0] : items) as
			{ imageUrl?: unknown; outputs?: unknown } | undefined;
		const url = first?.imageUrl ?? (Array.isArray(first?.outputs) ? first.outputs[0] : undefined);
		return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
	} catch {
		return undefined;
	}
}

export function nextTurn(request: ChatRequest, imageUrl: string): ModelTurn {
	const toolMessage = request.messages?.find(
		(m) => m.role === 'tool' && m.tool_call_id === TOOL_CALL_ID,
	);
	if (toolMessage) {
		const toolResult = textOf(toolMessage.content);
		const outputUrl = outputUrlOf(toolResult);
		const text = outputUrl
			? `Done: the edited image is at ${outputUrl}`
			: `The WaveSpeed tool returned no output URL: ${toolResult}`;
		return { kind: 'answer', text, toolResult, outputUrl };
	}
	const tool = findWaveSpeedTool(request);
	if (!tool) return { kind: 'answer', text: 'No WaveSpeed tool was offered to me.' };
	const keys = Object.keys(tool.function.parameters?.properties ?? {});
	const missing = [PROMPT_KEY, IMAGE_URL_KEY].filter((key) => !keys.includes(key));
	if (missing.length > 0) {
		return {
			kind: 'answer',
			text: `The WaveSpeed tool has no ${missing.join(' or ')} argument (it has: ${keys.join(', ')}).`,
		};
	}
	const user = request.messages?.filter((m) => m.role === 'user').pop();
	const failure = /\[fail:[^\]]*\]/.exec(textOf(user?.content));
	const prompt = failure ? `${SCRIPTED_PROMPT} ${failure[0]}` : SCRIPTED_PROMPT;
	return {
		kind: 'toolCall',
		name: tool.function.name,
		arguments: { [PROMPT_KEY]: prompt, [IMAGE_URL_KEY]: imageUrl },
	};
}
