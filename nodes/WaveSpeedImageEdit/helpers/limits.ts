/** What WaveSpeed accepts, and the node's own bounds. */
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

/** Defaults of the node's fields; the description and the parameter readers both read them here. */
export const DEFAULTS = {
	timeoutSeconds: 300,
	pollIntervalSeconds: 2,
	maxConcurrency: 4,
	binaryPropertyOutput: 'data',
	binaryPropertyName: 'data',
	side: 1024,
	seed: -1,
} as const;
