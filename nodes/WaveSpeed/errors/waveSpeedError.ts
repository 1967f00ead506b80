import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * How a WaveSpeed call went wrong. The kind decides what may be retried: only failures where
 * WaveSpeed surely did not accept the request ('rateLimited', 'notSent') may be sent again.
 */
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

interface WaveSpeedErrorOptions {
	itemIndex?: number;
	httpCode?: number;
	apiMessage?: string;
	description?: string;
	retryAfterMs?: number;
	taskId?: string;
}

/** A failure talking to WaveSpeed, built only from what is safe to show (never request headers). */
export class WaveSpeedError extends NodeApiError {
	readonly kind: FailureKind;

	readonly retryAfterMs?: number;

	taskId?: string;

	constructor(
		node: INode,
		kind: FailureKind,
		message: string,
		options: WaveSpeedErrorOptions = {},
	) {
		const response: JsonObject = { message, kind };
		if (options.apiMessage !== undefined) response.apiMessage = options.apiMessage;
		super(node, response, {
			message,
			description: options.description,
			httpCode: options.httpCode === undefined ? undefined : String(options.httpCode),
			itemIndex: options.itemIndex,
		});
		// n8n tells API errors apart by name when it stores and shows them.
		this.name = 'NodeApiError';
		this.kind = kind;
		this.retryAfterMs = options.retryAfterMs;
		if (options.taskId !== undefined) this.setTaskId(options.taskId);
	}

	setTaskId(taskId: string) {
		this.taskId = taskId;
		this.context.taskId = taskId;
		if (!this.message.includes(taskId)) this.message = `${this.message} (task ${taskId})`;
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

export function isRetryableBeforeAcceptance(error: unknown): error is WaveSpeedError {
	return (
		error instanceof WaveSpeedError && (error.kind === 'rateLimited' || error.kind === 'notSent')
	);
}

export function isTransient(error: unknown): error is WaveSpeedError {
	return (
		error instanceof WaveSpeedError &&
		['rateLimited', 'notSent', 'noAnswer', 'server'].includes(error.kind)
	);
}
