export const MODELS = {
	base9b: 'wavespeed-ai/flux-2-klein-base-9b/edit',
	base4b: 'wavespeed-ai/flux-2-klein-base-4b/edit',
} as const;

export const KNOWN_MODELS: readonly string[] = Object.values(MODELS);

export const LIMITS = {
	imagesMin: 1,
	imagesMax: 3,
	sideMin: 256,
	sideMax: 1536,
	seedMax: 2147483647,
	uploadMaxBytes: 20 * 1024 * 1024,
	concurrencyMax: 50,
	pollIntervalMin: 0.1,
} as const;

export const CREDENTIAL_TYPE = 'waveSpeedApi';
