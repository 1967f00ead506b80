/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only code, not in the published package */
import { randomUUID } from 'node:crypto';

/**
 * The statuses WaveSpeed's SDKs stop on (Python 2.0.x, Java, Go: completed, failed, cancelled,
 * timeout; npm 0.3.2 adds deleted), plus created/processing; any other word is a status the SDKs
 * keep checking on (`[status:<word>]`).
 */
export type FakeStatus =
	| 'created'
	| 'processing'
	| 'completed'
	| 'failed'
	| 'cancelled'
	| 'timeout'
	| 'deleted'
	| (string & {});

export interface FakeTask {
	id: string;
	model: string;
	body: Record<string, unknown>;
	status: FakeStatus;
	width: number;
	height: number;
	seed: number;
	outputs: string[];
	error?: string;
	createdAt: number;
	startedAt?: number;
	completedAt?: number;
	/** When a poll first answered "completed": the node's detection lag is this minus completedAt. */
	firstSeenCompletedAt?: number;
	polls: number;
	/** When each check (GET …/result) came, in ms since the epoch: see FakeWaveSpeed.checkTimes. */
	checks: number[];
	/** Where WaveSpeed calls back when the task ends. */
	webhookUrl?: string;
}

export interface TaskClock {
	taskMs: number;
	taskJitterMs: number;
	concurrency: number;
}

/** What a prompt asks the fake to do, so tests can make single items fail deterministically. */
function scriptedOutcome(
	prompt: string,
): { status: FakeStatus; error?: string; outputs?: 0 } | undefined {
	const fail = /\[fail(?::([^\]]*))?\]/.exec(prompt);
	if (fail)
		return { status: 'failed', error: fail[1] || 'The model could not process this request' };
	if (prompt.includes('[cancel]'))
		return { status: 'cancelled', error: 'Task cancelled by the server' };
	// WaveSpeed deletes predictions after 7 days; the npm SDK 0.3.2 stops on "deleted".
	if (prompt.includes('[deleted]')) return { status: 'deleted', error: 'prediction deleted' };
	if (prompt.includes('[no-outputs]')) return { status: 'completed', outputs: 0 };
	return undefined;
}

/** Tasks on the fake server's own clock: queued while `concurrency` tasks run, then done. */
export class TaskStore {
	readonly tasks = new Map<string, FakeTask>();

	private queue: FakeTask[] = [];

	private running = 0;

	/** The most tasks that ran at once: what the node's concurrency looked like from here. */
	maxRunning = 0;

	private timers = new Set<ReturnType<typeof setTimeout>>();

	constructor(
		private readonly clock: TaskClock,
		private readonly outputUrl: (task: FakeTask, n: number) => string,
		private readonly onFinished: (task: FakeTask) => void,
	) {}

	create(
		model: string,
		body: Record<string, unknown>,
		width: number,
		height: number,
		webhookUrl?: string,
	): FakeTask {
		const task: FakeTask = {
			id: randomUUID().replace(/-/g, ''),
			model,
			body,
			status: 'created',
			width,
			height,
			seed:
				typeof body.seed === 'number' && body.seed >= 0
					? body.seed
					: Math.floor(Math.random() * 1e6),
			outputs: [],
			createdAt: Date.now(),
			polls: 0,
			checks: [],
			webhookUrl,
		};
		this.tasks.set(task.id, task);
		this.queue.push(task);
		this.startQueued();
		return task;
	}

	private startQueued() {
		while (this.running < this.clock.concurrency && this.queue.length > 0) {
			const task = this.queue.shift()!;
			this.running++;
			this.maxRunning = Math.max(this.maxRunning, this.running);
			// `[status:<word>]`: a status the SDKs do not know, which they keep checking on (they stop
			// only on the terminal ones); the task then completes as usual.
			task.status = /\[status:([^\]]+)\]/.exec(String(task.body.prompt))?.[1] ?? 'processing';
			task.startedAt = Date.now();
			if (String(task.body.prompt).includes('[hang]')) continue;
			const scriptedMs = /\[ms:(\d+)\]/.exec(String(task.body.prompt));
			const ms = scriptedMs
				? Number(scriptedMs[1])
				: this.clock.taskMs + (Math.random() * 2 - 1) * this.clock.taskJitterMs;
			const timer = setTimeout(
				() => {
					this.timers.delete(timer);
					this.finish(task);
				},
				Math.max(0, ms),
			);
			this.timers.add(timer);
		}
	}

	private finish(task: FakeTask) {
		const scripted = scriptedOutcome(String(task.body.prompt ?? ''));
		task.status = scripted?.status ?? 'completed';
		task.error = scripted?.error;
		const count = scripted?.outputs ?? (task.status === 'completed' ? 1 : 0);
		task.outputs = Array.from({ length: count }, (_, n) => this.outputUrl(task, n));
		task.completedAt = Date.now();
		this.running--;
		this.onFinished(task);
		this.startQueued();
	}

	resetStats() {
		this.maxRunning = this.running;
	}

	close() {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}
}
