import { createHash } from 'node:crypto';

/** How long an accepted task is remembered after it was last looked up (n8n's retries take seconds). */
const KEEP_MS = 2 * 60 * 60 * 1000;

interface Remembered {
	taskId: string;
	seed: number;
	touchedAt: number;
}

/**
 * The tasks WaveSpeed accepted in this process, so that n8n's Retry On Fail, which runs the node
 * again within the same execution, resumes an item's task instead of paying for a second one.
 * A key holds the execution, the node, the item and the exact request, so no other execution,
 * node, item or changed request can ever reuse a task.
 */
export class AcceptedTasks {
	private tasks = new Map<string, Remembered>();

	static key(executionId: string, nodeName: string, itemIndex: number, request: unknown): string {
		const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex');
		return [executionId, nodeName, itemIndex, fingerprint].join('\u0000');
	}

	remember(key: string, taskId: string, seed: number) {
		this.sweep();
		this.tasks.set(key, { taskId, seed, touchedAt: Date.now() });
	}

	recall(key: string): { taskId: string; seed: number } | undefined {
		this.sweep();
		const found = this.tasks.get(key);
		if (found) found.touchedAt = Date.now();
		return found;
	}

	/** Forgets an execution's tasks for a node once the node has succeeded: no retry follows. */
	forget(executionId: string, nodeName: string) {
		const prefix = [executionId, nodeName, ''].join('\u0000');
		for (const key of this.tasks.keys()) if (key.startsWith(prefix)) this.tasks.delete(key);
	}

	get size(): number {
		return this.tasks.size;
	}

	private sweep() {
		const oldest = Date.now() - KEEP_MS;
		for (const [key, entry] of this.tasks) if (entry.touchedAt < oldest) this.tasks.delete(key);
	}
}

export const acceptedTasks = new AcceptedTasks();
