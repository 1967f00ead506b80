import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resultOptionFields } from '../options.description';

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
