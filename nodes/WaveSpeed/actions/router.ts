import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runBatch } from './batch';
import { editOperation } from './edit/edit.operation';
import { getResultOperation } from './getResult/getResult.operation';
import { DEFAULT_OPERATION, type Operation } from './operations';

/** Picks the operation; workflows saved before operations existed have none and edit. */
export async function route(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = ctx.getNodeParameter('operation', 0, DEFAULT_OPERATION) as Operation;
	switch (operation) {
		case 'edit':
			return await runBatch(ctx, editOperation);
		case 'getResult':
			return await runBatch(ctx, getResultOperation);
		default:
			throw new NodeOperationError(
				ctx.getNode(),
				`Operation: unknown value "${String(operation)}"`,
				{
					description: 'Choose "Edit Image" or "Get Result"',
				},
			);
	}
}
