import type { SubmitGate } from '../account/submitGate';
import { isRetryableBeforeAcceptance, WaveSpeedError } from '../errors/waveSpeedError';
import { backoffDelay, inSeconds, pause } from '../timing';
import type { Submission } from '../transport/tasks';
import type { WaveSpeedTask } from '../transport/types';
import type { ItemContext } from './itemContext';

const CONNECT_ATTEMPTS = 3;
/** How long WaveSpeed may refuse every new task (429) before the waiting items fail. */
const RATE_LIMIT_PATIENCE_MS = 10 * 60_000;

function explainAmbiguous(item: ItemContext, error: unknown) {
	if (error instanceof WaveSpeedError && (error.kind === 'noAnswer' || error.kind === 'server')) {
		error.description =
			`${error.description ?? ''} The task may or may not have been created; it was not submitted again, so you are not billed twice. Check your WaveSpeed dashboard before retrying.`.trim();
	}
	return item.client.ensure(error);
}

/**
 * Submits a task through the account's gate. Sends again only when WaveSpeed surely did not
 * accept it (429, or no connection); an ambiguous failure is reported, never resubmitted, since a
 * second submit is a second bill. Time spent waiting for a rate-limit slot does not count
 * against the item's Timeout.
 */
export async function submitThroughGate(
	item: ItemContext,
	submission: Submission,
	gate: SubmitGate,
): Promise<WaveSpeedTask> {
	const { api, client, deadline, stop, observer } = item;
	let unreachable = 0;
	for (let attempt = 0; ; attempt++) {
		const turn = await gate.waitTurn(stop);
		deadline.extendBy(turn.waitedMs);
		const refusingMs = gate.refusingForMs();
		if (refusingMs > RATE_LIMIT_PATIENCE_MS || deadline.expired()) {
			if (turn.probe) gate.probeEnded();
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
		try {
			const task = await api.submit(submission);
			gate.accepted();
			return task;
		} catch (error) {
			if (isRetryableBeforeAcceptance(error) && error.kind === 'rateLimited') {
				gate.rateLimited(error.retryAfterMs, turn.probe);
				observer.rateLimited();
				continue;
			}
			if (turn.probe) gate.probeEnded();
			if (!isRetryableBeforeAcceptance(error)) throw explainAmbiguous(item, error);
			if (++unreachable >= CONNECT_ATTEMPTS) throw client.ensure(error);
			await pause(backoffDelay(attempt, 500, 5000), stop);
		}
	}
}
