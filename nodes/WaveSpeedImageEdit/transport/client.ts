import { createHash } from 'node:crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';

import { ensureNodeError, WaveSpeedError } from '../helpers/errors';
import type { WaveSpeedEnvelope } from './types';

export const CREDENTIAL_TYPE = 'waveSpeedApi';

/** What the client needs from n8n: the execute() context of the node, or the trigger's webhook(). */
export interface ClientContext {
	getNode(): INode;
	getCredentials<T extends object = ICredentialDataDecryptedObject>(
		type: string,
		itemIndex?: number,
	): Promise<T>;
	getExecutionCancelSignal?(): AbortSignal | undefined;
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'>;
}

const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL'];
const REQUEST_TIMEOUT_MS = 60_000;

export interface ApiCall {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject | FormData;
	/** The longest this one request may take; capped at a minute. */
	timeoutMs?: number;
}

export function normalizeBaseUrl(raw: unknown): string | undefined {
	const url = String(raw ?? '')
		.trim()
		.replace(/\/+$/, '');
	return /^https?:\/\/[^/]/i.test(url) ? url : undefined;
}

function networkCode(error: unknown): string | undefined {
	for (
		let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
		e && depth < 5;
		depth++
	) {
		if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return e.code;
		e = e.cause as typeof e;
	}
	return undefined;
}

function parseRetryAfter(value: unknown): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function parseBody(body: unknown): WaveSpeedEnvelope<unknown> | undefined {
	let parsed = body;
	if (Buffer.isBuffer(parsed)) parsed = parsed.toString('utf8');
	if (typeof parsed === 'string') {
		try {
			parsed = JSON.parse(parsed);
		} catch {
			return undefined;
		}
	}
	if (parsed && typeof parsed === 'object' && 'code' in parsed) {
		return parsed as WaveSpeedEnvelope<unknown>;
	}
	return undefined;
}

function excerpt(body: unknown): string {
	const text = Buffer.isBuffer(body)
		? body.toString('utf8')
		: typeof body === 'string'
			? body
			: JSON.stringify(body);
	return (text ?? '').replace(/\s+/g, ' ').slice(0, 200);
}

/** The only place that talks to the WaveSpeed API. One client serves one item. */
export class WaveSpeedClient {
	private constructor(
		private readonly ctx: ClientContext,
		readonly baseUrl: string,
		/** Names the account (base URL and API key) without holding the key: a hash, memory only. */
		readonly accountKey: string,
		readonly itemIndex?: number,
	) {}

	static async forItem(ctx: ClientContext, itemIndex?: number): Promise<WaveSpeedClient> {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
		const baseUrl = normalizeBaseUrl(credentials.baseUrl);
		if (!baseUrl) {
			throw new WaveSpeedError(
				ctx.getNode(),
				'rejected',
				'The Base URL of the WaveSpeed API credential must start with http:// or https://',
				{
					itemIndex,
					description: 'Open the credential and set Base URL to https://api.wavespeed.ai',
				},
			);
		}
		const accountKey = createHash('sha256')
			.update(`${baseUrl}\n${String(credentials.apiKey ?? '')}`)
			.digest('hex');
		return new WaveSpeedClient(ctx, baseUrl, accountKey, itemIndex);
	}

	fail(
		kind: WaveSpeedError['kind'],
		message: string,
		extra: ConstructorParameters<typeof WaveSpeedError>[3] = {},
	) {
		return new WaveSpeedError(this.ctx.getNode(), kind, message, {
			itemIndex: this.itemIndex,
			...extra,
		});
	}

	ensure(error: unknown) {
		return ensureNodeError(this.ctx.getNode(), error, this.itemIndex);
	}

	/** Sends one request and returns the envelope's `data`; every failure is a WaveSpeedError. */
	async call<T>({ method, path, body, timeoutMs }: ApiCall): Promise<T> {
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx as IExecuteFunctions,
				CREDENTIAL_TYPE,
				{
					method,
					url: `${this.baseUrl}${path}`,
					body,
					json: !(body instanceof FormData),
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					sendCredentialsOnCrossOriginRedirect: false,
					timeout: Math.max(1, Math.min(timeoutMs ?? REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_MS)),
				},
			)) as IN8nHttpFullResponse;
		} catch (error) {
			throw this.networkFailure(method, path, error);
		}
		return this.unwrap<T>(response, method, path);
	}

	private networkFailure(method: string, path: string, error: unknown): WaveSpeedError {
		if (this.ctx.getExecutionCancelSignal?.()?.aborted) {
			return this.fail('cancelled', 'The execution was cancelled');
		}
		const code = networkCode(error) ?? 'network error';
		const sent = !NOT_SENT_CODES.includes(code);
		return this.fail(
			sent ? 'noAnswer' : 'notSent',
			`WaveSpeed did not answer ${method} ${path} (${code})`,
			{
				description: sent
					? 'The connection broke or timed out after the request was sent.'
					: `Could not connect to ${this.baseUrl}.`,
			},
		);
	}

	private unwrap<T>(response: IN8nHttpFullResponse, method: string, path: string): T {
		const status = response.statusCode;
		const envelope = parseBody(response.body);
		const apiMessage = envelope?.message;
		if (status === 401 || status === 403 || envelope?.code === 401) {
			throw this.fail('auth', 'WaveSpeed rejected the API key', {
				httpCode: status,
				apiMessage,
				description: `WaveSpeed said: ${apiMessage ?? 'unauthorized'}. Check the API key in the WaveSpeed API credential.`,
			});
		}
		if (status === 429) {
			throw this.fail(
				'rateLimited',
				`WaveSpeed rate limit reached: ${apiMessage ?? 'too many requests'}`,
				{
					httpCode: status,
					apiMessage,
					retryAfterMs: parseRetryAfter(response.headers['retry-after']),
				},
			);
		}
		if (!envelope) {
			throw this.fail(
				status >= 500 ? 'server' : 'badResponse',
				`WaveSpeed answered ${method} ${path} with something that is not JSON (HTTP ${status})`,
				{ httpCode: status, description: `The answer began: ${excerpt(response.body)}` },
			);
		}
		if (status >= 500) {
			const taskId = (envelope.data as { id?: unknown } | undefined)?.id;
			throw this.fail('server', `WaveSpeed server error (HTTP ${status}): ${apiMessage}`, {
				httpCode: status,
				apiMessage,
				taskId: typeof taskId === 'string' ? taskId : undefined,
			});
		}
		if (status >= 300 || envelope.code !== 200) {
			throw this.fail('rejected', `WaveSpeed refused the request: ${apiMessage}`, {
				httpCode: status >= 300 ? status : envelope.code,
				apiMessage,
				description: `WaveSpeed said (code ${envelope.code}): ${apiMessage}`,
			});
		}
		return envelope.data as T;
	}
}
