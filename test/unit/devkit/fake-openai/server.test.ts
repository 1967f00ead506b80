import { FakeOpenAi } from '../../../../devkit/fake-openai/server';
import {
	IMAGE_URL_KEY,
	outputUrlOf,
	PROMPT_KEY,
	SCRIPTED_PROMPT,
	TOOL_CALL_ID,
} from '../../../../devkit/fake-openai/scriptedModel';

const IMAGE = 'http://127.0.0.1:9/images/640x480.png';
const tool = {
	type: 'function',
	function: {
		name: 'WaveSpeed_Image_Edit',
		parameters: { type: 'object', properties: { [PROMPT_KEY]: {}, [IMAGE_URL_KEY]: {} } },
	},
};

describe('fake OpenAI', () => {
	let fake: FakeOpenAi;
	beforeAll(async () => {
		fake = await FakeOpenAi.start({ imageUrl: IMAGE });
	});
	afterAll(async () => await fake.close());

	const chat = async (body: unknown, key = fake.apiKey) =>
		await fetch(`${fake.baseUrl}/chat/completions`, {
			method: 'POST',
			headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});

	it('calls the WaveSpeed tool first, then quotes the output URL from its result', async () => {
		const user = { role: 'user', content: 'Make it a print' };
		const first = await (
			await chat({ model: 'gpt-5-mini', messages: [user], tools: [tool] })
		).json();
		const call = first.choices[0].message.tool_calls[0];
		expect(first.choices[0].finish_reason).toBe('tool_calls');
		expect(call.function.name).toBe('WaveSpeed_Image_Edit');
		expect(JSON.parse(call.function.arguments)).toEqual({
			[PROMPT_KEY]: SCRIPTED_PROMPT,
			[IMAGE_URL_KEY]: IMAGE,
		});

		const result = JSON.stringify([
			{ id: 't1', status: 'completed', outputs: ['http://127.0.0.1:9/outputs/t1/0.png'] },
		]);
		const messages = [
			user,
			first.choices[0].message,
			{ role: 'tool', tool_call_id: TOOL_CALL_ID, content: result },
		];
		const second = await (await chat({ model: 'gpt-5-mini', messages, tools: [tool] })).json();
		expect(second.choices[0].message.content).toContain('http://127.0.0.1:9/outputs/t1/0.png');
		expect(fake.turns.map((t) => t.kind)).toEqual(['toolCall', 'answer']);
	});

	it("passes a [fail:…] from the user's message on in the prompt", async () => {
		const user = { role: 'user', content: 'Edit it [fail:No faces allowed] please' };
		const first = await (await chat({ messages: [user], tools: [tool] })).json();
		const args = JSON.parse(first.choices[0].message.tool_calls[0].function.arguments);
		expect(args[PROMPT_KEY]).toBe(`${SCRIPTED_PROMPT} [fail:No faces allowed]`);
	});

	it('says so when the tool lacks the arguments it fills', async () => {
		const bare = {
			...tool,
			function: { ...tool.function, parameters: { properties: { prompt: {} } } },
		};
		const answer = await (
			await chat({ messages: [{ role: 'user', content: 'x' }], tools: [bare] })
		).json();
		expect(answer.choices[0].message.content).toContain(`no ${IMAGE_URL_KEY} argument`);
	});

	it('refuses a wrong key, streaming and the Responses API like OpenAI does', async () => {
		expect((await chat({ messages: [] }, 'wrong')).status).toBe(401);
		expect((await chat({ messages: [], stream: true })).status).toBe(400);
		const responses = await fetch(`${fake.baseUrl}/responses`, {
			method: 'POST',
			headers: { authorization: `Bearer ${fake.apiKey}` },
			body: '{}',
		});
		expect(responses.status).toBe(404);
		expect((await responses.json()).error.message).toContain('Use Responses API');
	});

	it("reads the image URL from the tool's compact answer, or from a full task JSON", () => {
		const url = 'http://127.0.0.1:9/outputs/t1/0.png';
		expect(outputUrlOf(JSON.stringify([{ id: 't1', status: 'completed', imageUrl: url }]))).toBe(
			url,
		);
		expect(outputUrlOf(JSON.stringify([{ id: 't1', outputs: [url] }]))).toBe(url);
		expect(outputUrlOf(JSON.stringify([{ error: 'WaveSpeed task failed' }]))).toBeUndefined();
	});
});
