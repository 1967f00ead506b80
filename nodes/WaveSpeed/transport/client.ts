import { createHash } from 'node:crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';

import { WaveSpeedError, type WaveSpeedErrorOptions } from '../errors';
import { envelopeOf, networkCode, responseFailure } from './responses';

export const CREDENTIAL_TYPE = 'waveSpeedApi';

export const OFFICIAL_BASE_URL = 'https://api.wavespeed.ai';

/** WaveSpeed's API paths, below the credential's Base URL. */
export const ENDPOINTS = {
	balance: '/api/v3/balance',
	price: '/api/v3/model/price',
	/** The older pricing contract (WaveSpeed's docs page and desktop app): `{unit_price}`. */
	pricing: '/api/v3/model/pricing',
	models: '/api/v3/models',
	submit: (model: string) => `/api/v3/${model}`,
	result: (taskId: string) => `/api/v3/predictions/${encodeURIComponent(taskId)}/result`,
	history: '/api/v3/predictions',
	uploadTicket: '/api/v3/media/uploads',
	uploadBinary: '/api/v3/media/upload/binary',
	webhookSigning: '/api/v3/webhook/secret',
} as const;

/**
 * Who is calling, sent on every API request as WaveSpeed's own clients do (X-Client-Name and
 * X-Client-Version in its JS, Python and Java SDKs, its CLI and its n8n node). The version is
 * package.json's; a unit test keeps the two equal.
 */
export const CLIENT_HEADERS = {
	'X-Client-Name': 'n8n-nodes-wavespeed-image-edit',
	'X-Client-Version': '0.2.0',
} as const;

/** True for an absolute http:// or https:// address. */
export function isHttpUrl(value: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
}

/** The Base URL without trailing slashes, or undefined when it is not an http(s) address. */
export function normalizeBaseUrl(raw: unknown): string | undefined {
	const url = String(raw ?? '')
		.trim()
		.replace(/\/+$/, '');
	return isHttpUrl(url) ? url : undefined;
}

/** True for WaveSpeed's own API (not a proxy or a test server in front of it). */
export function isWaveSpeedHost(baseUrl: string | undefined): boolean {
	if (baseUrl === undefined) return false;
	const host = new URL(baseUrl).hostname;
	return host === 'wavespeed.ai' || host.endsWith('.wavespeed.ai');
}

/**
 * Names one account (Base URL and API key) without holding the key: what the package keeps in
 * memory per account is filed under this hash, so two credentials never share it.
 */
export function accountKeyOf(baseUrl: string, apiKey: unknown): string {
	return createHash('sha256')
		.update(`${baseUrl}\u0000${String(apiKey ?? '')}`)
		.digest('hex');
}

/** What the client needs from n8n: the execute() context of the node, or the trigger's hooks. */
export interface ClientContext {
	getNode(): INode;
	getCredentials<T extends object = ICredentialDataDecryptedObject>(
		type: string,
		itemIndex?: number,
	): Promise<T>;
	getExecutionCancelSignal?(): AbortSignal | undefined;
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'>;
}

/** Network failures where the request never reached WaveSpeed, so sending it again is safe. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL'];
const REQUEST_TIMEOUT_MS = 60_000;

export interface ApiCall {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject | FormData;
	/** The longest this one request may take; capped at a minute unless `held`. */
	timeoutMs?: number;
	/** A sync-mode submit, which WaveSpeed holds until the task ends (up to its hold). */
	held?: boolean;
	/** The task the request is about: every failure names it. */
	taskId?: string;
}

/**
 * Every request to the WaveSpeed API, and the only one that carries the API key: n8n adds it
 * from the credential, and only for the credential's Base URL. One client serves a run of the
 * node (its credential is read once); n8n aborts its requests when the execution is cancelled.
 */
export class WaveSpeedClient {
	private constructor(
		private readonly ctx: ClientContext,
		readonly baseUrl: string,
		/** See accountKeyOf. */
		readonly accountKey: string,
	) {}

	static async connect(ctx: ClientContext): Promise<WaveSpeedClient> {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		const baseUrl = normalizeBaseUrl(credentials.baseUrl);
		if (!baseUrl) {
			throw new WaveSpeedError(
				ctx.getNode(),
				'rejected',
				'The Base URL of the WaveSpeed API credential must start with http:// or https://',
				{ description: 'Open the credential and set Base URL to https://api.wavespeed.ai' },
			);
		}
		return new WaveSpeedClient(ctx, baseUrl, accountKeyOf(baseUrl, credentials.apiKey));
	}

	/**
	 * The same account for work that several executions share (an upload, a price): its requests
	 * are not aborted when the execution that started them is cancelled.
	 */
	detached(): WaveSpeedClient {
		const ctx = Object.create(this.ctx, {
			getExecutionCancelSignal: { value: () => undefined },
		}) as ClientContext;
		return new WaveSpeedClient(ctx, this.baseUrl, this.accountKey);
	}

	fail(kind: WaveSpeedError['kind'], message: string, options: WaveSpeedErrorOptions = {}) {
		return new WaveSpeedError(this.ctx.getNode(), kind, message, options);
	}

	/** Sends one request and returns the envelope's `data`; every failure is a WaveSpeedError. */
	async call<T>({ method, path, body, timeoutMs, held, taskId }: ApiCall): Promise<T> {
		const limit = held
			? (timeoutMs ?? REQUEST_TIMEOUT_MS)
			: Math.min(timeoutMs ?? REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_MS);
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx as IExecuteFunctions,
				CREDENTIAL_TYPE,
				{
					method,
					url: `${this.baseUrl}${path}`,
					headers: { ...CLIENT_HEADERS },
					body,
					json: !(body instanceof FormData),
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					sendCredentialsOnCrossOriginRedirect: false,
					timeout: Math.max(1, limit),
				},
			)) as IN8nHttpFullResponse;
		} catch (error) {
			throw this.networkFailure(method, path, error, taskId);
		}
		const failure = responseFailure(
			response.statusCode,
			response.body,
			response.headers,
			`${method} ${path}`,
		);
		if (failure) {
			const { kind, message, ...details } = failure;
			throw this.fail(kind, message, { ...details, taskId });
		}
		return envelopeOf(response.body)!.data as T;
	}

	private networkFailure(
		method: string,
		path: string,
		error: unknown,
		taskId?: string,
	): WaveSpeedError {
		if (this.ctx.getExecutionCancelSignal?.()?.aborted) {
			return this.fail('cancelled', 'The execution was cancelled', { taskId });
		}
		const code = networkCode(error) ?? 'network error';
		const sent = !NOT_SENT_CODES.includes(code);
		return this.fail(
			sent ? 'noAnswer' : 'notSent',
			`WaveSpeed did not answer ${method} ${path} (${code})`,
			{
				taskId,
				description: sent
					? 'The connection broke or timed out after the request was sent.'
					: `Could not connect to ${this.baseUrl}.`,
			},
		);
	}
}
