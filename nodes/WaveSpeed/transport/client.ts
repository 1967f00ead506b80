import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';

import { ensureNodeError, WaveSpeedError } from '../errors/waveSpeedError';
import { CLIENT_HEADERS } from './clientHeaders';
import { accountKeyOf, CREDENTIAL_TYPE, normalizeBaseUrl } from './credential';
import { envelopeOf, networkCode, responseFailure } from './responses';

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
}

/**
 * Every request to the WaveSpeed API, and the only one that carries the API key: n8n adds it
 * from the credential, and only for the credential's Base URL. One client serves one item.
 */
export class WaveSpeedClient {
	private constructor(
		private readonly ctx: ClientContext,
		readonly baseUrl: string,
		/** See accountKeyOf. */
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
		return new WaveSpeedClient(ctx, baseUrl, accountKeyOf(baseUrl, credentials.apiKey), itemIndex);
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
	async call<T>({ method, path, body, timeoutMs, held }: ApiCall): Promise<T> {
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
		const { statusCode, body, headers } = response;
		const failure = responseFailure(statusCode, body, headers, `${method} ${path}`);
		if (failure) {
			const { kind, message, ...details } = failure;
			throw this.fail(kind, message, details);
		}
		return envelopeOf(body)!.data as T;
	}
}
