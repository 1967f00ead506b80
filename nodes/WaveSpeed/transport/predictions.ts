import type { IDataObject } from 'n8n-workflow';

import { outcomeOf, WaveSpeedError } from '../errors';
import { ENDPOINTS, type WaveSpeedClient } from './client';

/**
 * A prediction's status. WaveSpeed's docs give created → processing → completed | failed; its CLI
 * quotes the server's enum with cancelled and timeout; npm `wavespeed` 0.3.2 also stops on
 * deleted (predictions are deleted after 7 days). Any other word is a task still on its way, as
 * the SDKs treat it.
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

/** The statuses after which a task changes no more. */
export const FINAL_STATUSES: readonly string[] = [
	'completed',
	'failed',
	'cancelled',
	'timeout',
	'deleted',
];

/** Statuses of a task that has not ended yet. */
export const OPEN_STATUSES: readonly string[] = ['created', 'processing'];

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
	/** The inputs as a callback echoes them (`input`, singular, in WaveSpeed's webhook docs). */
	input?: Record<string, unknown>;
	/** The inputs of a history item asked with `include_inputs` (its clients read both names). */
	inputs?: Record<string, unknown>;
}

export function isFinished(task: WaveSpeedTask): boolean {
	return FINAL_STATUSES.includes(task.status);
}

/** A task that may still give its image: not failed, cancelled, timed out or deleted. */
export function mayStillProduce(task: WaveSpeedTask): boolean {
	return task.status === 'completed' || !isFinished(task);
}

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

/** `POST /api/v3/<model>`: one paid request. When it may be sent again is task/submitOnce's call. */
export async function submitTask(
	client: WaveSpeedClient,
	submission: Submission,
): Promise<WaveSpeedTask> {
	const query = submission.webhookUrl
		? `?webhook=${encodeURIComponent(submission.webhookUrl)}`
		: '';
	const task = await client.call<WaveSpeedTask | null>({
		method: 'POST',
		path: `${ENDPOINTS.submit(submission.model)}${query}`,
		body: submission.body,
		...(submission.holdsUntilDone
			? { held: true, timeoutMs: SYNC_HOLD_MS + SYNC_ANSWER_MARGIN_MS }
			: {}),
	});
	if (typeof task?.id !== 'string' || task.id === '') {
		throw client.fail('badResponse', 'WaveSpeed answered the submit without a task id', {
			description: 'WaveSpeed may have accepted the task all the same.',
		});
	}
	return task;
}

/** `GET /api/v3/predictions/{id}/result`, the status check every WaveSpeed client uses. */
export async function fetchTask(client: WaveSpeedClient, id: string): Promise<WaveSpeedTask> {
	const answer = await outcomeOf(
		client.call<WaveSpeedTask>({ method: 'GET', path: ENDPOINTS.result(id), taskId: id }),
	);
	if (answer.ok) return answer.value;
	const { error } = answer;
	if (error instanceof WaveSpeedError && error.kind === 'rejected' && error.httpCode === '404') {
		throw client.fail('rejected', `WaveSpeed knows no task with id "${id}"`, {
			taskId: id,
			httpCode: 404,
			refused: true,
			description: 'Check the Task ID: it is the "id" field of the Edit Image output.',
		});
	}
	throw error;
}

/** What the prediction history is asked for (WaveSpeed's CLI `fetchHistory`, its desktop app's `getHistory`). */
export interface HistoryQuery {
	page: number;
	/** 1 to 100. */
	pageSize: number;
	model?: string;
	createdAfter: Date;
	createdBefore: Date;
}

export interface HistoryPage {
	items: WaveSpeedTask[];
	/** The number of matching predictions, when WaveSpeed says it. */
	total?: number;
}

/**
 * `POST /api/v3/predictions`: the account's predictions of the last 7 days, newest first, with
 * their inputs (`include_inputs`, as WaveSpeed's desktop app asks; items carry `inputs` or
 * `input`). WaveSpeed's CLI and desktop app read it; its docs page "Predictions" gives the filters.
 */
export async function searchHistory(
	client: WaveSpeedClient,
	query: HistoryQuery,
): Promise<HistoryPage> {
	const data = await client.call<{ items?: unknown; total?: unknown } | null>({
		method: 'POST',
		path: ENDPOINTS.history,
		body: {
			page: query.page,
			page_size: query.pageSize,
			...(query.model ? { model: query.model } : {}),
			created_after: query.createdAfter.toISOString(),
			created_before: query.createdBefore.toISOString(),
			include_inputs: true,
		},
		timeoutMs: 15_000,
	});
	const items = Array.isArray(data?.items) ? (data.items as WaveSpeedTask[]) : [];
	return { items, total: typeof data?.total === 'number' ? data.total : undefined };
}

/** The account's signing secret for webhook callbacks (`whsec_…`). */
export async function fetchWebhookSecret(client: WaveSpeedClient): Promise<string> {
	const data = await client.call<{ secret?: string } | null>({
		method: 'GET',
		path: ENDPOINTS.webhookSigning,
	});
	if (typeof data?.secret !== 'string' || data.secret === '') {
		throw client.fail('badResponse', 'WaveSpeed returned no webhook secret');
	}
	return data.secret;
}
