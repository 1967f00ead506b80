/**
 * The statuses WaveSpeed's SDKs know (npm `wavespeed` 0.3.2 adds `deleted`); any other is a task
 * still on its way, as the SDKs treat it.
 */
export type TaskStatus =
	| 'created'
	| 'processing'
	| 'completed'
	| 'failed'
	| 'cancelled'
	| 'timeout'
	| 'deleted'
	| (string & {});

/** An entry of `outputs`: a URL (or base64) string, or for some models a record with a `url`. */
export type TaskOutput = string | { url?: unknown; [key: string]: unknown };

/** The `data` of WaveSpeed's prediction responses, and the body of its webhook callbacks. */
export interface WaveSpeedTask {
	id: string;
	model?: string;
	status: TaskStatus;
	outputs?: TaskOutput[];
	error?: string;
	timings?: { inference?: number };
	created_at?: string;
	has_nsfw_contents?: boolean[];
	urls?: { get?: string };
	/** WaveSpeed's code for a task error (e.g. 5004: a sync request it stopped holding). */
	code?: number;
	input?: Record<string, unknown>;
}

/** What the node knows of a request beyond what WaveSpeed's task object says back. */
export interface RequestFacts {
	model?: string;
	seed?: number;
	size?: string;
	/** What WaveSpeed charges for the task, from its pricing endpoint; null when unknown. */
	cost?: number | null;
	currency?: string | null;
}
