import type { FailureKind } from '../errors';

/** WaveSpeed's answer envelope: `{code, message, data}`. */
export interface Envelope {
	code: number;
	message: string;
	data: unknown;
}

/** What went wrong with one answer, in the words the node shows. */
export interface ResponseFailure {
	kind: FailureKind;
	message: string;
	httpCode: number;
	apiMessage?: string;
	description?: string;
	retryAfterMs?: number;
	taskId?: string;
	/** WaveSpeed refused the request outright: HTTP 4xx, or an envelope with a 4xx code. */
	refused?: boolean;
}

/** The JSON object of a body (parsed, a string or a Buffer), or undefined when it is not one. */
export function jsonObjectOf(body: unknown): Record<string, unknown> | undefined {
	let parsed = body;
	if (Buffer.isBuffer(parsed)) parsed = parsed.toString('utf8');
	if (typeof parsed === 'string') {
		try {
			parsed = JSON.parse(parsed);
		} catch {
			return undefined;
		}
	}
	return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
		? (parsed as Record<string, unknown>)
		: undefined;
}

export function envelopeOf(body: unknown): Envelope | undefined {
	const object = jsonObjectOf(body);
	return object && 'code' in object ? (object as unknown as Envelope) : undefined;
}

/** The Node.js network error code (ECONNREFUSED, ETIMEDOUT…) anywhere in an error's cause chain. */
export function networkCode(error: unknown): string | undefined {
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

/** Retry-After in ms, from seconds or an HTTP date. */
export function retryAfterMs(value: unknown): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The start of a body, on one line, for error descriptions. */
export function excerpt(body: unknown): string {
	const text = Buffer.isBuffer(body)
		? body.toString('utf8')
		: typeof body === 'string'
			? body
			: JSON.stringify(body);
	return (text ?? '').replace(/\s+/g, ' ').slice(0, 200);
}

/**
 * WaveSpeed's own words in an answer: the envelope's `message`, the bare `{"error": …}` it sends
 * for some 400s (base64-output docs), and the `error_code` of its permission failures (read by
 * its CLI and MCP server), as "message [error_code]".
 */
export function apiMessageOf(body: unknown): string | undefined {
	const object = jsonObjectOf(body);
	if (!object) return undefined;
	const text = [object.message, object.error].find((v) => typeof v === 'string' && v.trim() !== '');
	const code = typeof object.error_code === 'string' ? object.error_code : undefined;
	if (text === undefined) return code;
	return code ? `${String(text)} [${code}]` : String(text);
}

/** WaveSpeed's words for an account without credit ("Insufficient credits — top up"). */
export function isBalanceProblem(words: string | undefined): boolean {
	return (
		words !== undefined && /insufficient|not enough (credit|balance)|top.?up|balance/i.test(words)
	);
}

/**
 * Judges one WaveSpeed answer: the failure it is (whose kind decides what may be retried), or
 * undefined when it carries the `data` asked for. `request` names it in messages ("GET /api/…").
 */
export function responseFailure(
	status: number,
	body: unknown,
	headers: Record<string, unknown>,
	request: string,
): ResponseFailure | undefined {
	const envelope = envelopeOf(body);
	const words = apiMessageOf(body);
	const said = words ?? 'no reason given';
	const code = status >= 300 ? status : (envelope?.code ?? status);
	const base = { httpCode: status, apiMessage: words, refused: code >= 400 && code < 500 };
	// WaveSpeed's authentication page: 401 is a wrong key (or one not yet activated by a top-up).
	if (status === 401 || envelope?.code === 401) {
		return {
			...base,
			kind: 'auth',
			message: 'WaveSpeed rejected the API key',
			description: `WaveSpeed said: ${said}. Check the API key in the WaveSpeed API credential; a new key works only after the account's first top-up.`,
		};
	}
	// …and 403 a suspended account, or a key without permission for this (its CLI reads the role).
	if (status === 403 || envelope?.code === 403) {
		return {
			...base,
			kind: 'forbidden',
			message: `WaveSpeed refused this account or key: ${said}`,
			description:
				'WaveSpeed answers 403 when the account is suspended or the API key lacks permission for this request. Check the account on wavespeed.ai, use a key with the needed permission, or contact support@wavespeed.ai.',
		};
	}
	if (status === 429) {
		return {
			...base,
			kind: 'rateLimited',
			message: `WaveSpeed rate limit reached: ${words ?? 'too many requests'}`,
			retryAfterMs: retryAfterMs(headers['retry-after']),
		};
	}
	if (status >= 300 || (envelope !== undefined && envelope.code !== 200)) {
		if (isBalanceProblem(words)) {
			return {
				...base,
				kind: 'noBalance',
				message: `WaveSpeed refused the task: ${said}. Top up your WaveSpeed balance`,
				description:
					'Top up at https://wavespeed.ai/top-up, then run again; no task was created for this item.',
			};
		}
	}
	if (jsonObjectOf(body) === undefined) {
		return {
			...base,
			kind: status >= 500 ? 'server' : 'badResponse',
			message: `WaveSpeed answered ${request} with something that is not JSON (HTTP ${status})`,
			description: `The answer began: ${excerpt(body)}`,
		};
	}
	if (status >= 500) {
		const taskId = (envelope?.data as { id?: unknown } | undefined)?.id;
		return {
			...base,
			kind: 'server',
			message: `WaveSpeed server error (HTTP ${status}): ${said}`,
			taskId: typeof taskId === 'string' ? taskId : undefined,
		};
	}
	if (status >= 300 || envelope?.code !== 200) {
		const code = envelope ? ` (code ${envelope.code})` : '';
		return {
			...base,
			httpCode: status >= 300 || !envelope ? status : envelope.code,
			kind: envelope || status >= 300 ? 'rejected' : 'badResponse',
			message:
				envelope || status >= 300
					? `WaveSpeed refused the request: ${said}`
					: `WaveSpeed answered ${request} without its {code, message, data} envelope`,
			description: `WaveSpeed said${code}: ${said}`,
		};
	}
	return undefined;
}
