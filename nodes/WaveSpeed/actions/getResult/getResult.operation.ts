import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { check, displayValue, readItemParameters } from '../../errors';
import { taskJson } from '../../task/outputItem';
import { finishTask } from '../../task/waitForTask';
import { Deadline } from '../../timing';
import { fetchTask, isFinished } from '../../transport/predictions';
import type { ItemOperation } from '../batch';
import { readResultOptions, type ResultOptions, resultOptionFields } from '../options';

/** WaveSpeed's task ids are opaque; these are the characters its ids and URLs use. */
const TASK_ID = /^[A-Za-z0-9_-]{1,128}$/;

const fields: INodeProperties[] = [
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '',
		hint: 'Usually an expression that maps the ID of an Edit Image output, e.g. {{ $json.id }}',
		description: 'The ID of a WaveSpeed task, as Edit Image and the WaveSpeed Trigger output it',
	},
	{
		displayName: 'Wait for Result',
		name: 'waitForResult',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until the task ends. Off: one status check, and a task still running is returned as it is.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: resultOptionFields,
	},
];

/** Get Result's fields, shown only for that operation. */
export const getResultProperties = updateDisplayOptions(
	{ show: { operation: ['getResult'] } },
	fields,
);

export interface GetResultItem {
	itemIndex: number;
	taskId: string;
	waitForResult: boolean;
	options: ResultOptions;
}

/** One item: look the task up (and wait for it, if asked); never submits anything. */
export const getResultOperation: ItemOperation<GetResultItem> = {
	read: ({ ctx, asTool }, itemIndex) =>
		readItemParameters(ctx, itemIndex, () => {
			const raw = ctx.getNodeParameter('taskId', itemIndex, '');
			const taskId = typeof raw === 'string' ? raw.trim() : raw;
			check(
				typeof taskId === 'string' && taskId !== '',
				'Task ID',
				'is empty',
				'Map the "id" of an Edit Image output, e.g. {{ $json.id }}',
			);
			check(
				TASK_ID.test(taskId),
				'Task ID',
				`${displayValue(taskId.slice(0, 100))} is not a WaveSpeed task id`,
				'A task id is letters, digits, "-" and "_" only, as in the "id" field of an Edit Image output',
			);
			const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
			return {
				itemIndex,
				taskId,
				waitForResult: ctx.getNodeParameter('waitForResult', itemIndex, true) !== false,
				options: readResultOptions(options, asTool),
			};
		}),

	async run({ run, flow }, item) {
		const { client, ctx, memory, stop, batchSize } = run;
		const deadline = new Deadline(item.options.timeoutMs);
		const pairedItem = { item: item.itemIndex };
		const task = await fetchTask(client, item.taskId);
		if (!isFinished(task) && !item.waitForResult) return { json: taskJson(task), pairedItem };
		const output = await finishTask(
			{
				client,
				deadline,
				stop,
				estimate: memory.estimate(task.model ?? ''),
				batchSize,
				capMs: item.options.pollIntervalMs,
				onSeen: (status) => flow.seen(status),
			},
			task,
			{ helpers: ctx.helpers, settings: item.options.output },
		);
		return { ...output, pairedItem };
	},
};
