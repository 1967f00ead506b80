import type { Submission } from '../transport/predictions';
import { KeptMap } from './keptMap';

/** What the node chose for a request that the task object does not say back (the seed it picked). */
export interface RequestFacts {
	model?: string;
	seed?: number;
	size?: string;
	/** What WaveSpeed charges for the task, from its pricing endpoint; null when unknown. */
	cost?: number | null;
	currency?: string | null;
}

/** A submit whose answer was lost: WaveSpeed may have accepted (and billed) it without the node knowing its id. */
export interface LostAnswer {
	/** When the submit left the node (ms since the epoch). */
	sentAt: number;
	/** What went wrong with the answer, and what came back, in the words of the error. */
	message: string;
	detail?: string;
	/** Exactly what was sent, to know the task again in WaveSpeed's history. */
	submission: Submission;
	facts: RequestFacts;
}

/** An item's submit in this execution: its accepted task, or a submit whose answer was lost. */
export type RememberedSubmit = { taskId: string; facts: RequestFacts } | { lostAnswer: LostAnswer };

/**
 * The submits of this process, so that n8n's Retry On Fail, which runs the node again within
 * the same execution, resumes an item's task instead of paying for a second one, and never
 * submits again an item whose earlier submit may have been accepted.
 * A key holds the execution, the node, the item and a fingerprint of the exact request, so no
 * other execution, node, item or changed request can ever reuse a task.
 * Kept: 2 hours after the last look-up (n8n's retries come within seconds or minutes), and
 * forgotten as soon as the node has succeeded for the execution.
 */
const submits = new KeptMap<RememberedSubmit>({
	maxEntries: 100_000,
	keepMs: 2 * 60 * 60 * 1000,
	renewOnRead: true,
});

function prefix(executionId: string, nodeName: string): string {
	return [executionId, nodeName, ''].join('\u0000');
}

/** The key of one item's request in one execution; `fingerprint` is a hash of the request. */
export function submitKey(
	executionId: string,
	nodeName: string,
	itemIndex: number,
	fingerprint: string,
): string {
	return `${prefix(executionId, nodeName)}${itemIndex}\u0000${fingerprint}`;
}

export const rememberedSubmits = {
	remember: (key: string, submit: RememberedSubmit) => submits.set(key, submit),
	recall: (key: string): RememberedSubmit | undefined => submits.get(key),
	forgetOne: (key: string) => submits.delete(key),
	/** After the node succeeded for an execution: no retry follows. */
	forget(executionId: string, nodeName: string) {
		const start = prefix(executionId, nodeName);
		submits.deleteWhere((key) => key.startsWith(start));
	},
};
