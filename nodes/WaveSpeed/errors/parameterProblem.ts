import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ensureNodeError } from './waveSpeedError';

/** A field the user must fix, found before anything is sent. */
export class ParameterProblem {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly fix: string,
	) {}
}

export function parameterError(ctx: IExecuteFunctions, itemIndex: number, p: ParameterProblem) {
	return new NodeOperationError(
		ctx.getNode(),
		`${p.field} (item ${itemIndex}): ${p.problem}. ${p.fix}`,
		{
			itemIndex,
			description: p.fix,
		},
	);
}

/** The same for a field that belongs to no item (a trigger's). */
export function settingError(node: INode, p: ParameterProblem) {
	return new NodeOperationError(node, `${p.field}: ${p.problem}. ${p.fix}`, {
		description: p.fix,
	});
}

export function check(
	condition: boolean,
	field: string,
	problem: string,
	fix: string,
): asserts condition {
	if (!condition) throw new ParameterProblem(field, problem, fix);
}

/** A value as the user would recognise it in a message. */
export function show(value: unknown): string {
	return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function isWholeNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}

/** Runs a parameter reader for one item, turning its ParameterProblem into the node's error. */
export function readItemParameters<T>(ctx: IExecuteFunctions, itemIndex: number, read: () => T): T {
	try {
		return read();
	} catch (error) {
		if (error instanceof ParameterProblem) throw parameterError(ctx, itemIndex, error);
		throw ensureNodeError(ctx.getNode(), error, itemIndex);
	}
}
