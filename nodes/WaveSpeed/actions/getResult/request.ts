import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { check, readItemParameters, show } from '../../errors/parameterProblem';
import { runsAsTool } from '../../task/toolAnswer';
import { readResultOptions, type ResultOptions } from '../options';

/** WaveSpeed's task ids are opaque; these are the characters its ids and URLs use. */
const TASK_ID = /^[A-Za-z0-9_-]{1,128}$/;

export interface GetResultRequest {
	itemIndex: number;
	taskId: string;
	waitForResult: boolean;
	options: ResultOptions;
}

export function readGetResultRequest(ctx: IExecuteFunctions, itemIndex: number): GetResultRequest {
	return readItemParameters(ctx, itemIndex, () => {
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
			`${show(taskId.slice(0, 100))} is not a WaveSpeed task id`,
			'A task id is letters, digits, "-" and "_" only, as in the "id" field of an Edit Image output',
		);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return {
			itemIndex,
			taskId,
			waitForResult: ctx.getNodeParameter('waitForResult', itemIndex, true) !== false,
			options: readResultOptions(options, runsAsTool(ctx.getNode())),
		};
	});
}
