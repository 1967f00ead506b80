import { acceptedTaskKey, acceptedTasks } from '../account/acceptedTasks';
import { accountMemory } from '../account/accountMemory';
import { WaveSpeedError } from '../errors/waveSpeedError';
import type { Submission } from '../transport/tasks';
import { Interrupted } from '../timing';
import type { RequestFacts, WaveSpeedTask } from '../transport/types';
import type { ItemContext } from './itemContext';
import { submitThroughGate } from './submit';

export interface SubmitPlan {
	/**
	 * The submission with stand-ins where a retry would send other bytes for the same request (an
	 * image's content hash for its upload URL, the user's seed for the one picked): built by the
	 * same code as the real one, so every field that is sent is in it.
	 */
	fingerprint: Submission;
	/** What the node chose for this request that the task does not echo (the seed it picked). */
	facts: RequestFacts;
	/** The real submission (uploads included); called only when no accepted task can be resumed. */
	prepare(): Promise<Submission>;
}

export interface SubmittedTask {
	task: WaveSpeedTask;
	facts: RequestFacts;
}

/**
 * Submits an item's task once per execution: n8n's Retry On Fail runs the node again, and an item
 * whose task WaveSpeed already accepted for the same request resumes that task instead of paying
 * for a second one. Any operation that submits goes through here.
 */
export async function submitOnce(item: ItemContext, plan: SubmitPlan): Promise<SubmittedTask> {
	const key = acceptedTaskKey(
		item.ctx.getExecutionId(),
		item.ctx.getNode().name,
		item.itemIndex,
		plan.fingerprint,
	);
	const remembered = acceptedTasks.recall(key);
	if (remembered && 'lostAnswer' in remembered)
		throw notSubmittedAgain(item, remembered.lostAnswer);
	if (remembered) {
		const task: WaveSpeedTask = { id: remembered.taskId, status: 'processing' };
		return { task, facts: remembered.facts };
	}
	const submission = await plan.prepare();
	try {
		const task = await submitOrRecover(item, submission);
		acceptedTasks.remember(key, { taskId: task.id, facts: plan.facts });
		return { task, facts: plan.facts };
	} catch (error) {
		if (mayHaveBeenAccepted(error)) {
			acceptedTasks.remember(key, { lostAnswer: { at: Date.now(), message: error.message } });
		}
		throw item.client.ensure(error);
	}
}

/** A submit that reached WaveSpeed and got no usable answer: a task may exist, without its id. */
function mayHaveBeenAccepted(error: unknown): error is WaveSpeedError {
	return (
		error instanceof WaveSpeedError &&
		(error.kind === 'noAnswer' || error.kind === 'server') &&
		!error.taskId
	);
}

function notSubmittedAgain(item: ItemContext, lost: { at: number; message: string }) {
	const at = new Date(lost.at).toISOString().replace('T', ' ').slice(0, 19);
	return item.client.fail(
		'noAnswer',
		`Not submitted again: an earlier try of this item may have created a WaveSpeed task (its answer was lost at ${at} UTC: ${lost.message})`,
		{
			description:
				"To never pay twice, the node does not submit an item again in the same execution when WaveSpeed may already have accepted it. Look for the task in WaveSpeed's dashboard (wavespeed.ai, your predictions): fetch it with Get Result and its id, or run the workflow again to submit anew.",
		},
	);
}

async function submitOrRecover(item: ItemContext, submission: Submission): Promise<WaveSpeedTask> {
	if (item.stop.aborted) throw new Interrupted();
	try {
		return await submitThroughGate(item, submission, accountMemory(item.client.accountKey).gate);
	} catch (error) {
		// A sync-mode gateway may give up while the task goes on; its id is enough to wait for it.
		if (
			error instanceof WaveSpeedError &&
			error.taskId &&
			(error.kind === 'server' || error.kind === 'noAnswer')
		) {
			return { id: error.taskId, status: 'processing' };
		}
		throw item.client.ensure(error);
	}
}

/** Whether an earlier try of this item in this execution submitted the same request. */
export function wasSubmitted(
	ctx: ItemContext['ctx'],
	itemIndex: number,
	fingerprint: Submission,
): boolean {
	const key = acceptedTaskKey(ctx.getExecutionId(), ctx.getNode().name, itemIndex, fingerprint);
	return acceptedTasks.recall(key) !== undefined;
}

/** Forgets an execution's accepted tasks for a node once it has succeeded: no retry follows. */
export function forgetAcceptedTasks(executionId: string, nodeName: string) {
	acceptedTasks.forget(executionId, nodeName);
}
