import type { IDataObject } from 'n8n-workflow';

import { WaveSpeedError } from '../errors/waveSpeedError';
import type { WaveSpeedClient } from './client';
import { ENDPOINTS } from './endpoints';
import type { WaveSpeedTask } from './types';

/**
 * How long WaveSpeed holds a sync-mode submit before it answers "Sync mode timed out after 90
 * seconds" (code 5004, the task still running: the fixture of its Go, Python and Java SDKs' tests),
 * and how much longer the node waits for that answer before it counts it as lost.
 */
export const SYNC_HOLD_MS = 90_000;
export const SYNC_ANSWER_MARGIN_MS = 30_000;

export interface Submission {
	model: string;
	body: IDataObject;
	/** Where WaveSpeed calls back when the task ends (its `webhook` query parameter). */
	webhookUrl?: string;
	/** Sync mode holds the request until the task ends, so it may take the item's whole deadline. */
	holdsUntilDone: boolean;
}

/** WaveSpeed's task endpoints, one request each; when to send them again is task/submit's call. */
export class TaskApi {
	constructor(readonly client: WaveSpeedClient) {}

	async submit(submission: Submission): Promise<WaveSpeedTask> {
		const query = submission.webhookUrl
			? `?webhook=${encodeURIComponent(submission.webhookUrl)}`
			: '';
		const task = await this.client.call<WaveSpeedTask>({
			method: 'POST',
			path: `${ENDPOINTS.submit(submission.model)}${query}`,
			body: submission.body,
			...(submission.holdsUntilDone
				? { held: true, timeoutMs: SYNC_HOLD_MS + SYNC_ANSWER_MARGIN_MS }
				: {}),
		});
		if (!task?.id) {
			throw this.client.fail('badResponse', 'WaveSpeed accepted the task but returned no task id');
		}
		return task;
	}

	async fetchTask(id: string): Promise<WaveSpeedTask> {
		try {
			return await this.client.call<WaveSpeedTask>({ method: 'GET', path: ENDPOINTS.result(id) });
		} catch (error) {
			if (error instanceof WaveSpeedError) {
				if (error.kind === 'rejected' && error.httpCode === '404') {
					error.message = `WaveSpeed knows no task with id "${id}"`;
					error.description = 'Check the Task ID: it is the "id" field of the Edit Image output.';
				}
				error.setTaskId(id);
			}
			throw this.client.ensure(error);
		}
	}

	/** The account's signing secret for webhook callbacks (`whsec_…`). */
	async webhookSecret(): Promise<string> {
		const data = await this.client.call<{ secret?: string }>({
			method: 'GET',
			path: ENDPOINTS.webhookSigning,
		});
		if (typeof data?.secret !== 'string' || data.secret === '') {
			throw this.client.fail('badResponse', 'WaveSpeed returned no webhook secret');
		}
		return data.secret;
	}
}
