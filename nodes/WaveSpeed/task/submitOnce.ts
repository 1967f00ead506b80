import { type LostAnswer, type RequestFacts, rememberedSubmits } from '../account/acceptedTasks';
import type { AccountMemory } from '../account/accountMemory';
import type { Submitter } from '../account/submitGate';
import { outcomeOf, provesNotAccepted, WaveSpeedError } from '../errors';
import { backoffDelay, type Deadline, inSeconds, pause, type StopSignal } from '../timing';
import type { WaveSpeedClient } from '../transport/client';
import {
	fetchTask,
	mayStillProduce,
	type Submission,
	submitTask,
	type WaveSpeedTask,
} from '../transport/predictions';
import { findLostTask } from './lostAnswers';

const CONNECT_ATTEMPTS = 3;
/** How long WaveSpeed may refuse every new task (429) before the waiting items fail. */
const RATE_LIMIT_PATIENCE_MS = 10 * 60_000;

/** Where an item's submit goes and who hears of it. */
export interface SubmitContext {
	client: WaveSpeedClient;
	memory: AccountMemory;
	stop: StopSignal;
	deadline: Deadline;
	/** WaveSpeed answered 429 to this item's submit. */
	onRateLimited(): void;
}

export interface Submitted {
	task: WaveSpeedTask;
	facts: RequestFacts;
	/** When WaveSpeed last told the task's status. */
	answeredAt: number;
}

/** The outcome of sending: a task, or an answer lost after the request left (maybe accepted). */
type Sent = { task: WaveSpeedTask } | { lost: WaveSpeedError; sentAt: number };

/**
 * Submits an item's task once per execution. n8n's Retry On Fail runs the node again: an item
 * whose task WaveSpeed accepted for the same request resumes it while it may still give its image
 * (a task that failed is submitted anew); one whose submit may have been accepted without an
 * answer is looked for in WaveSpeed's history, never submitted again. `key` names the item's
 * request in this execution (acceptedTasks.submitKey).
 */
export async function submitOnce(
	ctx: SubmitContext,
	key: string,
	submission: Submission,
	facts: RequestFacts,
): Promise<Submitted> {
	const remembered = rememberedSubmits.recall(key);
	if (remembered && 'lostAnswer' in remembered) {
		return await recover(ctx, key, remembered.lostAnswer);
	}
	if (remembered) {
		const task = await fetchTask(ctx.client, remembered.taskId);
		if (mayStillProduce(task)) return { task, facts: remembered.facts, answeredAt: Date.now() };
		rememberedSubmits.forgetOne(key);
	}
	const sent = await send(ctx, submission);
	if ('task' in sent) return accepted(ctx, key, sent.task, facts);
	// A sync-mode gateway may give up while the task goes on: its id is enough to wait for it.
	if (sent.lost.taskId) {
		return accepted(ctx, key, { id: sent.lost.taskId, status: 'processing' }, facts);
	}
	const lost: LostAnswer = {
		sentAt: sent.sentAt,
		message: sent.lost.message,
		detail: sent.lost.description ?? undefined,
		submission,
		facts,
	};
	rememberedSubmits.remember(key, { lostAnswer: lost });
	return await recover(ctx, key, lost);
}

function accepted(
	ctx: SubmitContext,
	key: string,
	task: WaveSpeedTask,
	facts: RequestFacts,
): Submitted {
	ctx.memory.claimedTasks.set(task.id, true);
	rememberedSubmits.remember(key, { taskId: task.id, facts });
	return { task, facts, answeredAt: Date.now() };
}

/**
 * Sends through the account's gate. Sends again only when WaveSpeed surely did not accept the
 * request (429, or no connection); anything else after the request left may hide a billed task.
 * Time spent waiting for a rate-limit slot does not count against the item's Timeout.
 */
async function send(ctx: SubmitContext, submission: Submission): Promise<Sent> {
	const { client, memory, deadline, stop } = ctx;
	const gate = memory.gate;
	const submitter: Submitter = {};
	let unreachable = 0;
	for (let attempt = 0; ; attempt++) {
		const turn = await gate.waitTurn(submitter, stop);
		deadline.extendBy(turn.waitedMs);
		const refusingMs = gate.refusingForMs();
		if (refusingMs > RATE_LIMIT_PATIENCE_MS || deadline.expired()) {
			gate.released(turn);
			throw refusingMs > 0
				? client.fail(
						'timeout',
						`WaveSpeed refused new tasks (rate limit) for ${Math.round(refusingMs / 60_000)} min; no task was created`,
						{
							description:
								'Your WaveSpeed account accepts no more tasks for now. Check its level and usage on wavespeed.ai, then run again.',
						},
					)
				: client.fail(
						'timeout',
						`No time left to submit the task within ${inSeconds(deadline.totalMs)}; no task was created`,
						{ description: 'Raise Options → Timeout.' },
					);
		}
		const sentAt = Date.now();
		const answer = await outcomeOf(submitTask(client, submission));
		if (answer.ok) {
			gate.accepted();
			return { task: answer.value };
		}
		const { error } = answer;
		if (error instanceof WaveSpeedError && error.kind === 'rateLimited') {
			gate.rateLimited(submitter, turn, error.retryAfterMs);
			ctx.onRateLimited();
			continue;
		}
		gate.released(turn);
		if (!(error instanceof WaveSpeedError)) throw error;
		if (!provesNotAccepted(error)) return { lost: error, sentAt };
		if (error.kind !== 'notSent' || ++unreachable >= CONNECT_ATTEMPTS) throw error;
		await pause(backoffDelay(attempt, 500, 5000), stop);
	}
}

function time(ms: number): string {
	return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

/** After a submit whose answer was lost: the task found in WaveSpeed's history, or an error that says what was looked at. */
async function recover(ctx: SubmitContext, key: string, lost: LostAnswer): Promise<Submitted> {
	const { client, memory, stop, deadline } = ctx;
	if (stop.aborted) throw client.fail('cancelled', 'The execution was cancelled');
	const search = await findLostTask(client, memory, lost, stop, deadline);
	if (search.task) {
		rememberedSubmits.remember(key, { taskId: search.task.id, facts: lost.facts });
		return { task: search.task, facts: lost.facts, answeredAt: Date.now() };
	}
	const looked = search.failure
		? `could not read WaveSpeed's prediction history (${search.failure})`
		: `looked for it in WaveSpeed's prediction history ${search.looks} ${search.looks === 1 ? 'time' : 'times'} over ${inSeconds(search.searchedForMs)} (model ${lost.submission.model}, created since ${time(lost.sentAt)}, the exact inputs sent) and found none`;
	throw client.fail(
		'noAnswer',
		`Not submitted again: WaveSpeed may have accepted this item's task, but its answer was lost (${lost.message}); the node ${looked}`,
		{
			description: `${lost.detail ? `${lost.detail} ` : ''}To never pay twice, the node does not submit an item again when WaveSpeed may already have accepted it. If the task exists, it is in WaveSpeed's dashboard (wavespeed.ai, your predictions): fetch it with Get Result and its id. Run the workflow again to submit anew.`,
		},
	);
}
