import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runBatch } from './batch';
import { editOperation } from './edit/edit.operation';
import { getResultOperation } from './getResult/getResult.operation';

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
	default: 'edit',
};

/** Picks the operation; workflows saved before operations existed have none and edit. */
export async function route(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = ctx.getNodeParameter('operation', 0, operationProperty.default) as string;
	switch (operation) {
		case 'edit':
			return await runBatch(ctx, editOperation);
		case 'getResult':
			return await runBatch(ctx, getResultOperation);
		default:
			throw new NodeOperationError(ctx.getNode(), `Operation: unknown value "${operation}"`, {
				description: 'Choose "Edit Image" or "Get Result"',
			});
	}
}
