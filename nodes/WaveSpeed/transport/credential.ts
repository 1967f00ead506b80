import { createHash } from 'node:crypto';

import { isHttpUrl } from './urls';

export const CREDENTIAL_TYPE = 'waveSpeedApi';

export const OFFICIAL_BASE_URL = 'https://api.wavespeed.ai';

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
