import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { CLIENT_HEADERS, ENDPOINTS, normalizeBaseUrl, OFFICIAL_BASE_URL } from './client';
import { apiMessageOf, envelopeOf, networkCode } from './responses';

const TEST_TIMEOUT_MS = 20_000;
const CHECK_BASE_URL = `Check the Base URL; for WaveSpeed itself it is ${OFFICIAL_BASE_URL}.`;

/** Network failures where nothing at the Base URL took the request. */
const NOTHING_ANSWERED: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'unknown host name',
	EAI_AGAIN: 'host name lookup failed',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ETIMEDOUT: `no answer within ${TEST_TIMEOUT_MS / 1000} s`,
	ECONNABORTED: `no answer within ${TEST_TIMEOUT_MS / 1000} s`,
};

interface LegacyResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

const error = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

function errorMessage(failure: unknown): string {
	const { message } = (failure ?? {}) as { message?: unknown };
	return typeof message === 'string' && message ? message : 'no error message';
}

/** The credential test's verdict on WaveSpeed's answer to `GET /api/v3/balance`. */
function testResultOf(
	baseUrl: string,
	{ statusCode, headers, body }: LegacyResponse,
): INodeCredentialTestResult {
	const envelope = envelopeOf(body);
	const words = apiMessageOf(body);
	const said = words ? ` WaveSpeed said: ${words}.` : '';
	if (statusCode === 401 || envelope?.code === 401) {
		return error(
			`WaveSpeed rejected the API key (HTTP ${statusCode}).${said} Check the API key: copy it again from wavespeed.ai → Settings → API Keys (a new key works only after the account's first top-up).`,
		);
	}
	if (statusCode === 403 || envelope?.code === 403) {
		return error(
			`WaveSpeed refused this account or key (HTTP ${statusCode}).${said} WaveSpeed answers 403 when the account is suspended or the key lacks permission; check the account on wavespeed.ai or contact support@wavespeed.ai.`,
		);
	}
	if (statusCode >= 300 && statusCode < 400) {
		return error(
			`${baseUrl} answered with a redirect (HTTP ${statusCode}) to ${String(headers.location ?? 'nowhere')}. Use the address it redirects to as Base URL.`,
		);
	}
	if (!envelope) {
		return error(
			`Something answered at ${baseUrl}, but not as the WaveSpeed API (HTTP ${statusCode} for GET ${ENDPOINTS.balance}). ${CHECK_BASE_URL}`,
		);
	}
	if (statusCode !== 200 || envelope.code !== 200) {
		return error(`WaveSpeed answered HTTP ${statusCode} (code ${String(envelope.code)}).${said}`);
	}
	const balance = (envelope.data as { balance?: unknown } | null)?.balance;
	return {
		status: 'OK',
		message: `WaveSpeed accepted the API key${typeof balance === 'number' ? ` (balance: ${balance})` : ''}`,
	};
}

/**
 * The credential test n8n runs for `waveSpeedApi` (the node names it in `testedBy`). A function
 * rather than the credential's declarative `test`, because n8n answers a declarative test's
 * network failures with a bare error code ("ECONNREFUSED", "ERR_BAD_REQUEST").
 */
export async function waveSpeedApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const { apiKey, baseUrl: rawBaseUrl } = credential.data ?? {};
	const baseUrl = normalizeBaseUrl(rawBaseUrl);
	if (!baseUrl) {
		return error(
			`Base URL must start with http:// or https:// (it is "${String(rawBaseUrl ?? '')}"). For WaveSpeed itself use ${OFFICIAL_BASE_URL}.`,
		);
	}
	// n8n 2.41 gives credential tests only the legacy `request` helper (no httpRequest), so
	// the community lint's advice to call httpRequest instead cannot be followed here. The key
	// goes to the Base URL being tested and nowhere else: redirects are not followed.
	const { request } = this.helpers;
	let response: LegacyResponse;
	try {
		response = (await request({
			uri: `${baseUrl}${ENDPOINTS.balance}`,
			method: 'GET',
			headers: { ...CLIENT_HEADERS, Authorization: `Bearer ${String(apiKey ?? '')}` },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			followRedirect: false,
			timeout: TEST_TIMEOUT_MS,
		})) as LegacyResponse;
	} catch (failure) {
		// The failure also carries the request's headers, the key among them: only code and message are read.
		const code = networkCode(failure);
		if (code && code in NOTHING_ANSWERED) {
			return error(
				`Nothing answered at ${baseUrl} (${NOTHING_ANSWERED[code]}, ${code}). ${CHECK_BASE_URL}`,
			);
		}
		return error(
			`The connection to ${baseUrl} failed: ${errorMessage(failure)}. ${CHECK_BASE_URL}`,
		);
	}
	return testResultOf(baseUrl, response);
}
