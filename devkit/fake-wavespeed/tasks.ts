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
	/** Acceptance order (history lists tasks accepted in the same millisecond by it). */
	seq: number;
	/** How many outputs it gives when it completes: its `num_images` where the model has one, else 1. */
	outputCount: number;
	/** What its outputs are: URLs of pictures, or text (the prompt optimizer's prompt). */
	outputKind: 'image' | 'text';
}

export interface TaskClock {
	/** Run time of a task, from its start (`processing`) to its end. */
	taskMs: number;
	taskJitterMs: number;
	/** Tasks running at once; more wait in `created` ("it will wait until one finishes"). */
	concurrency: number;
	/**
	 * How long after its acceptance a task can start (turn `processing`) when a running slot is free.
	 * WaveSpeed publishes no figure: the default (100 ms, set in server.ts) is our choice.
	 */
	startDelayMs: number;
}

export interface NewTask {
	model: string;
	/** The submit body, exactly as sent. */
	body: Record<string, unknown>;
	width: number;
	height: number;
	webhookUrl?: string;
	outputCount?: number;
	outputKind?: FakeTask['outputKind'];
}

/** The text a task's scripts are read from: its `prompt`, or the prompt optimizer's `text`. */
function scriptOf(task: FakeTask): string {
	return String(task.body.prompt ?? task.body.text ?? '');
}

/** What a prompt asks the fake to do, so tests can make single items fail deterministically. */
function scriptedOutcome(
	prompt: string,
	seenBefore: boolean,
): { status: FakeStatus; error?: string; outputs?: 0 } | undefined {
	// `[fail-once]`: the first task with this prompt fails, later ones complete (a retry's new task).
	if (prompt.includes('[fail-once]') && !seenBefore)
		return { status: 'failed', error: 'The model could not process this request' };
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

/**
 * Tasks on the fake server's own clock, through WaveSpeed's lifecycle "created → processing →
 * completed (or failed)" (docs "What are Predictions"): every task is accepted as `created` (docs
 * "How to Submit Task": `data.status` "Initial status (created)"), can start `startDelayMs` later,
 * starts (`processing`) when fewer than `concurrency` tasks run — else it waits in `created` until
 * one ends ("if you submit a 3rd, it will wait until one finishes", docs "Authentication") — and
 * ends `taskMs` after its start.
 */
export class TaskStore {
	/** The prompts of tasks finished so far, for `[fail-once]`. */
	private finishedScripts = new Set<string>();

	readonly tasks = new Map<string, FakeTask>();

	/** Accepted tasks not started yet, in acceptance order. */
	private queue: FakeTask[] = [];

	/** Queued tasks whose start delay has passed. */
	private startable = new Set<FakeTask>();

	private running = 0;

	private seq = 0;

	/** The most tasks that ran at once: what the node's concurrency looked like from here. */
	maxRunning = 0;

	private timers = new Set<ReturnType<typeof setTimeout>>();

	constructor(
		private readonly clock: TaskClock,
		/** Output n of a finished task: a URL, or (for a model that answers text) the text. */
		private readonly outputOf: (task: FakeTask, n: number) => string,
		private readonly onFinished: (task: FakeTask) => void,
		private readonly onStarted: (task: FakeTask) => void = () => {},
	) {}

	create(created: NewTask): FakeTask {
		const { model, body, width, height, webhookUrl, outputCount = 1 } = created;
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
			seq: this.seq++,
			outputCount,
			outputKind: created.outputKind ?? 'image',
		};
		this.tasks.set(task.id, task);
		this.queue.push(task);
		// Always later, never inside the submit: its answer says `created`, whatever the delay.
		this.after(this.clock.startDelayMs, () => {
			this.startable.add(task);
			this.startQueued();
		});
		return task;
	}

	private after(ms: number, run: () => void) {
		const timer = setTimeout(
			() => {
				this.timers.delete(timer);
				run();
			},
			Math.max(0, ms),
		);
		this.timers.add(timer);
	}

	private startQueued() {
		while (this.running < this.clock.concurrency) {
			const next = this.queue.findIndex((task) => this.startable.has(task));
			if (next === -1) return;
			const [task] = this.queue.splice(next, 1);
			this.startable.delete(task);
			this.running++;
			this.maxRunning = Math.max(this.maxRunning, this.running);
			// `[status:<word>]`: a status the SDKs do not know, which they keep checking on (they stop
			// only on the terminal ones); the task then completes as usual.
			task.status = /\[status:([^\]]+)\]/.exec(scriptOf(task))?.[1] ?? 'processing';
			task.startedAt = Date.now();
			this.onStarted(task);
			if (scriptOf(task).includes('[hang]')) continue;
			// `[ms:N]`: the task runs N ms from its start.
			const scriptedMs = /\[ms:(\d+)\]/.exec(scriptOf(task));
			const ms = scriptedMs
				? Number(scriptedMs[1])
				: this.clock.taskMs + (Math.random() * 2 - 1) * this.clock.taskJitterMs;
			this.after(ms, () => this.finish(task));
		}
	}

	private finish(task: FakeTask) {
		const script = scriptOf(task);
		const scripted = scriptedOutcome(script, this.finishedScripts.has(script));
		this.finishedScripts.add(script);
		task.status = scripted?.status ?? 'completed';
		task.error = scripted?.error;
		const count = scripted?.outputs ?? (task.status === 'completed' ? task.outputCount : 0);
		task.outputs = Array.from({ length: count }, (_, n) => this.outputOf(task, n));
		task.completedAt = Date.now();
		this.running--;
		this.onFinished(task);
		this.startQueued();
	}

	/**
	 * Not WaveSpeed's: a test hook. Changes how many tasks run at once, and starts waiting tasks at
	 * once if there is room now (0 holds every new task in `created`).
	 */
	setConcurrency(concurrency: number) {
		this.clock.concurrency = concurrency;
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
