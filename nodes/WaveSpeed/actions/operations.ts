import type { INodeProperties } from 'n8n-workflow';

export type Operation = 'edit' | 'getResult';

export const DEFAULT_OPERATION: Operation = 'edit';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Edit Image',
			value: 'edit',
			action: 'Edit an image',
			description: 'Send a prompt and one to three images to WaveSpeed and get the edited image',
		},
		{
			name: 'Get Result',
			value: 'getResult',
			action: 'Get the result of a task',
			description:
				'Fetch a task WaveSpeed already accepted, by its ID, e.g. one that outlived its timeout',
		},
	],
	default: DEFAULT_OPERATION,
};
