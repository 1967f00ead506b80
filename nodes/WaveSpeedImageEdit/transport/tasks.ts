import type { IDataObject } from 'n8n-workflow';

import { isRetryableBeforeAcceptance, isTransient, WaveSpeedError } from '../helpers/errors';
import { LIMITS } from '../helpers/limits';
import type { SubmitGate } from '../helpers/submitGate';
import { backoffDelay, type Deadline, inSeconds, pause, type StopSignal } from '../helpers/timing';
import type { WaveSpeedClient } from './client';
import type { WaveSpeedTask } from './types';

const UPLOAD_ATTEMPTS = 4;
const CONNECT_ATTEMPTS = 3;

export interface Submission {
	model: string;
	body: IDataObject;
	/** Where WaveSpeed calls back when the task ends (its `webhook` query parameter). */
	webhookUrl?: string;
	/** Sync mode holds the request until the task ends, so it may take the item's whole deadline. */
	holdsUntilDone: boolean;
}

/** WaveSpeed's task endpoints, with the retry rules that keep a paid task from being sent twice. */
export class TaskApi {
	constructor(
		readonly client: WaveSpeedClient,
		private readonly cancel?: StopSignal,
	) {}

	async uploadImage(file: File, deadline: Deadline): Promise<string> {
		for (let attempt = 0; ; attempt++) {
			const form = new FormData();
			form.append('file', file);
			try {
				const data = await this.client.call<{ download_url?: string }>({
					method: 'POST',
					path: '/api/v3/media/upload/binary',
					body: form,
					timeoutMs: deadline.remaining(),
				});
				if (!data?.download_url) {
					throw this.client.fail(
						'badResponse',
						'WaveSpeed accepted the upload but returned no download_url',
					);
				}
				return data.download_url;
			} catch (error) {
				// An upload is free and idempotent for the user, so any transient failure may be retried.
				if (!isTransient(error) || attempt + 1 >= UPLOAD_ATTEMPTS || deadline.expired()) {
					throw this.client.ensure(error);
				}
				await pause(error.retryAfterMs ?? backoffDelay(attempt, 500, 5000), this.cancel);
			}
		}
	}

	/**
	 * Submits a task. Retries only when WaveSpeed surely did not accept it (429, or no connection);
	 * an ambiguous failure is reported, never resubmitted, since a second submit is a second bill.
	 * Time spent waiting for a rate-limit slot does not count against the item's Timeout.
	 */
	async submit(
		submission: Submission,
		gate: SubmitGate,
		deadline: Deadline,
		onRateLimited?: () => void,
	): Promise<WaveSpeedTask> {
		const query = submission.webhookUrl
			? `?webhook=${encodeURIComponent(submission.webhookUrl)}`
			: '';
		let unreachable = 0;
		for (let attempt = 0; ; attempt++) {
			const turn = await gate.waitTurn(this.cancel);
			deadline.extendBy(turn.waitedMs);
			const refusingMs = gate.refusingForMs();
			if (refusingMs > LIMITS.rateLimitPatienceMs || deadline.expired()) {
				if (turn.probe) gate.probeEnded();
				throw refusingMs > 0
					? this.client.fail(
							'timeout',
							`WaveSpeed refused new tasks (rate limit) for ${Math.round(refusingMs / 60_000)} min; no task was created`,
							{
								description:
									'Your WaveSpeed account accepts no more tasks for now. Check its level and usage on wavespeed.ai, then run again.',
							},
						)
					: this.client.fail(
							'timeout',
							`No time left to submit the task within ${inSeconds(deadline.totalMs)}; no task was created`,
							{
								description: 'Raise Options → Timeout.',
							},
						);
			}
			try {
				const task = await this.client.call<WaveSpeedTask>({
					method: 'POST',
					path: `/api/v3/${submission.model}${query}`,
					body: submission.body,
					timeoutMs: submission.holdsUntilDone ? deadline.remaining() : undefined,
				});
				gate.accepted();
				if (!task?.id)
					throw this.client.fail(
						'badResponse',
						'WaveSpeed accepted the task but returned no task id',
					);
				return task;
			} catch (error) {
				if (isRetryableBeforeAcceptance(error) && error.kind === 'rateLimited') {
					gate.rateLimited(error.retryAfterMs, turn.probe);
					onRateLimited?.();
					continue;
				}
				if (turn.probe) gate.probeEnded();
				if (!isRetryableBeforeAcceptance(error)) throw this.explainAmbiguous(error);
				if (++unreachable >= CONNECT_ATTEMPTS) throw this.client.ensure(error);
				await pause(backoffDelay(attempt, 500, 5000), this.cancel);
			}
		}
	}

	private explainAmbiguous(error: unknown) {
		if (error instanceof WaveSpeedError && (error.kind === 'noAnswer' || error.kind === 'server')) {
			error.description =
				`${error.description ?? ''} The task may or may not have been created; it was not submitted again, so you are not billed twice. Check your WaveSpeed dashboard before retrying.`.trim();
		}
		return this.client.ensure(error);
	}

	async fetchTask(id: string): Promise<WaveSpeedTask> {
		try {
			return await this.client.call<WaveSpeedTask>({
				method: 'GET',
				path: `/api/v3/predictions/${encodeURIComponent(id)}/result`,
			});
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
			path: '/api/v3/webhook/secret',
		});
		if (typeof data?.secret !== 'string' || data.secret === '') {
			throw this.client.fail('badResponse', 'WaveSpeed returned no webhook secret');
		}
		return data.secret;
	}
}
