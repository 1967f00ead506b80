import type { IBinaryData } from 'n8n-workflow';

export type ImageInput =
	| { source: 'url'; url: string }
	| { source: 'binary'; binaryPropertyName: string; binary: IBinaryData };

export interface EditOptions {
	timeoutMs: number;
	pollIntervalMs: number;
	binaryPropertyOutput: string;
	downloadOutput: boolean;
	syncMode: boolean;
	base64Output: boolean;
}

/** One item's validated parameters: everything needed to edit it without reading the node again. */
export interface EditRequest {
	itemIndex: number;
	model: string;
	prompt: string;
	images: ImageInput[];
	/** "W*H", or undefined to keep image1's size. */
	size?: string;
	seed: number;
	options: EditOptions;
}

export type TaskStatus = 'created' | 'processing' | 'completed' | 'failed' | 'cancelled' | 'timeout';

/** The `data` of WaveSpeed's prediction responses. */
export interface WaveSpeedTask {
	id: string;
	model?: string;
	status: TaskStatus;
	outputs?: string[];
	error?: string;
	timings?: { inference?: number };
	created_at?: string;
	has_nsfw_contents?: boolean[];
}

export interface WaveSpeedEnvelope<T> {
	code: number;
	message: string;
	data: T;
}
