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
	lorasMax: 3,
	loraScaleMin: 0,
	loraScaleMax: 4,
	/** WaveSpeed's rate limits count tasks per minute ("limits reset every minute"). */
	rateWindowMs: 60_000,
	/** How long WaveSpeed may refuse every new task (429) before the waiting items fail. */
	rateLimitPatienceMs: 10 * 60_000,
} as const;

/** Defaults of the node's fields; the description and the parameter readers both read them here. */
export const DEFAULTS = {
	timeoutSeconds: 300,
	pollIntervalSeconds: 2,
	/** What Max Concurrency shows when the option is added; without it the node adapts. */
	maxConcurrency: 4,
	/** Items in flight when the node adapts, before it has heard anything from WaveSpeed. */
	adaptiveStart: 4,
	loraScale: 1,
	binaryPropertyOutput: 'data',
	binaryPropertyName: 'data',
	side: 1024,
	seed: -1,
} as const;
