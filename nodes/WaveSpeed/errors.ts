import type { IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** A field the user must fix, found before anything is sent. */
export class ParameterProblem {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly fix: string,
	) {}
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
export function displayValue(value: unknown): string {
	return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function isWholeNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}

export function parameterError(node: INode, itemIndex: number, p: ParameterProblem) {
	return new NodeOperationError(node, `${p.field} (item ${itemIndex}): ${p.problem}. ${p.fix}`, {
		itemIndex,
		description: p.fix,
	});
}

/** The same for a field that belongs to no item (a trigger's). */
export function settingError(node: INode, p: ParameterProblem) {
	return new NodeOperationError(node, `${p.field}: ${p.problem}. ${p.fix}`, {
		description: p.fix,
	});
}

/** Runs a parameter reader for one item, turning its ParameterProblem into the node's error. */
export function readItemParameters<T>(ctx: IExecuteFunctions, itemIndex: number, read: () => T): T {
	try {
		return read();
	} catch (error) {
		if (error instanceof ParameterProblem) throw parameterError(ctx.getNode(), itemIndex, error);
		throw ensureNodeError(ctx.getNode(), error, itemIndex);
	}
}

/** How a WaveSpeed call went wrong; the kind decides what may be retried. */
export type FailureKind =
	| 'auth'
	| 'forbidden'
	| 'noBalance'
	| 'rateLimited'
	| 'rejected'
	| 'server'
	| 'notSent'
	| 'noAnswer'
	| 'badResponse'
	| 'taskFailed'
	| 'timeout'
	| 'download'
	| 'cancelled';

export interface WaveSpeedErrorOptions {
	itemIndex?: number;
	httpCode?: number;
	apiMessage?: string;
	description?: string;
	retryAfterMs?: number;
	taskId?: string;
	/** WaveSpeed refused the request outright (HTTP 4xx, or an envelope with a 4xx code). */
	refused?: boolean;
}

/** A failure talking to WaveSpeed, built only from what is safe to show (never request headers). */
export class WaveSpeedError extends NodeApiError {
	readonly kind: FailureKind;

	readonly retryAfterMs?: number;

	readonly taskId?: string;

	readonly refused: boolean;

	constructor(
		node: INode,
		kind: FailureKind,
		message: string,
		options: WaveSpeedErrorOptions = {},
	) {
		const { taskId } = options;
		const shown = taskId && !message.includes(taskId) ? `${message} (task ${taskId})` : message;
		const response: JsonObject = { message: shown, kind };
		if (options.apiMessage !== undefined) response.apiMessage = options.apiMessage;
		super(node, response, {
			message: shown,
			description: options.description,
			httpCode: options.httpCode === undefined ? undefined : String(options.httpCode),
			itemIndex: options.itemIndex,
		});
		// n8n tells API errors apart by name when it stores and shows them.
		this.name = 'NodeApiError';
		this.kind = kind;
		this.retryAfterMs = options.retryAfterMs;
		this.refused = options.refused ?? false;
		if (taskId !== undefined) {
			this.taskId = taskId;
			this.context.taskId = taskId;
		}
	}
}

/** Lets n8n's own errors through unchanged and wraps anything else, so n8n can show it. */
export function ensureNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/**
 * Whether a failed submit proves WaveSpeed created no task: it never left the node, or WaveSpeed
 * refused it outright (HTTP 4xx, 429 included, or an envelope with a 4xx code). Anything else —
 * no answer, a cut connection, a 5xx, a 2xx without a task id or not JSON — may hide an accepted,
 * billed task.
 */
export function provesNotAccepted(error: unknown): boolean {
	return error instanceof WaveSpeedError && (error.kind === 'notSent' || error.refused);
}

/** How work that may fail ended: its value, or the error it failed with (handled by the caller). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function outcomeOf<T>(work: Promise<T>): Promise<Outcome<T>> {
	return await work.then(
		(value): Outcome<T> => ({ ok: true, value }),
		(error: unknown): Outcome<T> => ({ ok: false, error }),
	);
}

/** WaveSpeed answered 404 or 405: this gateway has no such endpoint (an older or self-hosted one). */
export function endpointAbsent(error: unknown): boolean {
	return error instanceof WaveSpeedError && ['404', '405'].includes(error.httpCode ?? '');
}

/** A failure that the same request may get past a moment later (a status check, an upload). */
export function isTransient(error: unknown): error is WaveSpeedError {
	return (
		error instanceof WaveSpeedError &&
		['rateLimited', 'notSent', 'noAnswer', 'server'].includes(error.kind)
	);
}
