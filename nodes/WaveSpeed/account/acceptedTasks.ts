import { createHash } from 'node:crypto';

import type { RequestFacts } from '../transport/types';
import { KeptMap } from './keptMap';

/**
 * An accepted task, and what the node chose for it that the task object does not say back; or a
 * submit whose answer was lost, so WaveSpeed may or may not have accepted it.
 */
export type AcceptedTask =
	| {
			taskId: string;
			/** e.g. the seed sent, which the node picks when the user asks for a random one. */
			facts: RequestFacts;
	  }
	| { lostAnswer: { at: number; message: string } };

/**
 * The tasks WaveSpeed accepted in this process, so that n8n's Retry On Fail, which runs the node
 * again within the same execution, resumes an item's task instead of paying for a second one,
 * and does not submit again an item whose earlier submit may have been accepted.
 * A key holds the execution, the node, the item and a fingerprint of the exact request, so no
 * other execution, node, item or changed request can ever reuse a task.
 * Kept: 2 hours after the last look-up (n8n's retries come within seconds or minutes), and
 * forgotten as soon as the node has succeeded for the execution.
 */
const tasks = new KeptMap<AcceptedTask>({
	maxEntries: 100_000,
	keepMs: 2 * 60 * 60 * 1000,
	renewOnRead: true,
});

function prefix(executionId: string, nodeName: string): string {
	return [executionId, nodeName, ''].join('\u0000');
}

export function acceptedTaskKey(
	executionId: string,
	nodeName: string,
	itemIndex: number,
	fingerprint: unknown,
): string {
	const hash = createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex');
	return `${prefix(executionId, nodeName)}${itemIndex}\u0000${hash}`;
}

export const acceptedTasks = {
	remember: (key: string, task: AcceptedTask) => tasks.set(key, task),
	recall: (key: string): AcceptedTask | undefined => tasks.get(key),
	/** After the node succeeded for an execution: no retry follows. */
	forget(executionId: string, nodeName: string) {
		const start = prefix(executionId, nodeName);
		tasks.deleteWhere((key) => key.startsWith(start));
	},
};
