export type TaskStatus =
	'created' | 'processing' | 'completed' | 'failed' | 'cancelled' | 'timeout';

/** The `data` of WaveSpeed's prediction responses, and the body of its webhook callbacks. */
export interface WaveSpeedTask {
	id: string;
	model?: string;
	status: TaskStatus;
	outputs?: string[];
	error?: string;
	timings?: { inference?: number };
	created_at?: string;
	has_nsfw_contents?: boolean[];
	urls?: { get?: string };
	input?: Record<string, unknown>;
	executionTime?: number;
}

export interface WaveSpeedEnvelope<T> {
	code: number;
	message: string;
	data: T;
}
