import type { IExecuteFunctions } from 'n8n-workflow';

import { readOutputSettings, taskJson } from '../../../../../nodes/WaveSpeed/task/outputItem';
import {
	MCP_TRIGGER_TYPE,
	runsAsTool,
	throwsToolErrors,
	toolAnswer,
} from '../../../../../nodes/WaveSpeed/task/toolAnswer';
import type { WaveSpeedTask } from '../../../../../nodes/WaveSpeed/transport/predictions';

const task = (overrides: Partial<WaveSpeedTask> = {}): WaveSpeedTask => ({
	id: 't1',
	model: 'wavespeed-ai/flux-2-klein-base-9b/edit',
	status: 'completed',
	outputs: ['https://cdn.example/t1/0.png'],
	timings: { inference: 2100 },
	has_nsfw_contents: [false],
	created_at: '2026-12-03T08:00:00Z',
	urls: { get: 'https://api.example/api/v3/predictions/t1/result' },
	...overrides,
});

describe('runsAsTool: n8n names the tool-wrapped node type "…Tool"', () => {
	test.each([
		['n8n-nodes-wavespeed-image-edit.waveSpeedImageEditTool', true],
		['n8n-nodes-wavespeed-image-edit.waveSpeedImageEdit', false],
		['CUSTOM.waveSpeedImageEditTool', true],
	])('%s → %s', (type, expected) => {
		expect(runsAsTool({ type })).toBe(expected);
	});
});

describe('throwsToolErrors: only the MCP Server Trigger gets a thrown failure', () => {
	const TOOL = { type: 'n8n-nodes-wavespeed-image-edit.waveSpeedImageEditTool' };
	const AGENT = { type: '@n8n/n8n-nodes-langchain.agent' };
	const context = (parentNode: { type: string } | undefined, executeNode: { type: string }) =>
		({ parentNode, getExecuteData: () => ({ node: executeNode }) }) as unknown as IExecuteFunctions;

	test.each([
		// n8n-core's tool call for the trigger: parentNode and execute data are the trigger's.
		[
			'the MCP Server Trigger (regular mode)',
			context({ type: MCP_TRIGGER_TYPE }, { type: MCP_TRIGGER_TYPE }),
			true,
		],
		// n8n 2.x's queue-mode worker: execute data of the tool itself, parentNode the trigger.
		[
			'the MCP Server Trigger (a 2.x queue-mode worker)',
			context({ type: MCP_TRIGGER_TYPE }, TOOL),
			true,
		],
		[
			"a context with execute data only, the trigger's",
			context(undefined, { type: MCP_TRIGGER_TYPE }),
			true,
		],
		['an agent before version 3 (LangChain calls the tool)', context(AGENT, AGENT), false],
		// An agent's engine request runs the tool as a node of its own: no parentNode.
		["an agent's engine request (version 3)", context(undefined, TOOL), false],
		['a context without either', {} as IExecuteFunctions, false],
	])('%s → %s', (_, ctx, expected) => {
		expect(throwsToolErrors(ctx)).toBe(expected);
	});
});

describe('toolAnswer: the compact JSON the model gets', () => {
	test('a completed task: exactly these fields, from the JSON the node builds', () => {
		const json = {
			...taskJson(task(), { seed: 42, size: '1024*768' }),
			cost: 0.03,
			currency: 'USD',
		};
		expect(toolAnswer(json)).toStrictEqual({
			id: 't1',
			status: 'completed',
			imageUrl: 'https://cdn.example/t1/0.png',
			seed: 42,
			size: '1024*768',
			cost: 0.03,
			currency: 'USD',
			nsfw: false,
		});
	});

	test('cost and currency are null while the task JSON has none', () => {
		const answer = toolAnswer(taskJson(task(), { seed: 1 }));
		expect(answer).toMatchObject({ cost: null, currency: null, size: null });
		expect(Object.keys(answer)).toEqual([
			'id',
			'status',
			'imageUrl',
			'seed',
			'size',
			'cost',
			'currency',
			'nsfw',
		]);
	});

	test("nsfw is WaveSpeed's flag of the first image, as a boolean", () => {
		expect(toolAnswer(taskJson(task({ has_nsfw_contents: [true, false] }))).nsfw).toBe(true);
		expect(toolAnswer(taskJson(task({ has_nsfw_contents: undefined }))).nsfw).toBe(false);
	});

	test('more than one image adds imageUrls, in order', () => {
		const outputs = ['https://cdn.example/t1/0.png', 'https://cdn.example/t1/1.png'];
		const answer = toolAnswer(taskJson(task({ outputs })));
		expect(answer.imageUrl).toBe(outputs[0]);
		expect(answer.imageUrls).toEqual(outputs);
	});

	test('a task not finished yet keeps id and status, for Get Result', () => {
		const answer = toolAnswer(taskJson(task({ status: 'processing', outputs: [] })));
		expect(answer).toMatchObject({ id: 't1', status: 'processing', imageUrl: null, nsfw: null });
		expect(answer).not.toHaveProperty('imageUrls');
	});

	test("a task that ended without completing carries WaveSpeed's reason", () => {
		const answer = toolAnswer(taskJson(task({ status: 'failed', outputs: [], error: 'NSFW' })));
		expect(answer).toMatchObject({ status: 'failed', imageUrl: null, error: 'NSFW' });
	});

	test('inline (base64 or binary) outputs are no address: imageUrl is null', () => {
		expect(toolAnswer({ id: 't1', status: 'completed', outputs: ['binary:data'] }).imageUrl).toBe(
			null,
		);
		expect(toolAnswer({ id: 't1', status: 'completed', outputs: ['iVBORw0KGgo='] }).imageUrl).toBe(
			null,
		);
	});
});

describe('Download Output: on by default, off by default for a tool, the user’s choice wins', () => {
	test.each([
		[{}, true, true],
		[{}, false, false],
		[{ downloadOutput: true }, false, true],
		[{ downloadOutput: false }, true, false],
	])('options %j, downloadByDefault %s → %s', (options, byDefault, expected) => {
		expect(readOutputSettings(options, byDefault).downloadOutput).toBe(expected);
	});
});
