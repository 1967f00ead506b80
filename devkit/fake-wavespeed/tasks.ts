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
 *
 * Not WaveSpeed's, a test-kit choice: each start and end happens at its planned instant, whenever
 * the fake gets to it. A request first settles every event due by its arrival, and timers only
 * make the events (webhooks, hooks) happen on their own; so a busy test process, whose timers fire
 * late, still sees a task end exactly `taskMs` after it started.
 */
export class TaskStore {
	/** The prompts of tasks finished so far, for `[fail-once]`. */
	private finishedScripts = new Set<string>();

	readonly tasks = new Map<string, FakeTask>();

	/** Accepted tasks not started yet, in acceptance order, with when each may start. */
	private queue: Array<{ task: FakeTask; startableAt: number }> = [];

	/** Running tasks and when each ends (none for a `[hang]` task). */
	private ends = new Map<FakeTask, number>();

	private running = 0;

	/** Every event up to this instant has happened. */
	private settledTo = 0;

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
		this.settle();
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
		// Always later, never inside the submit: its answer says `created`, whatever the delay.
		const startableAt = task.createdAt + Math.max(1, this.clock.startDelayMs);
		this.queue.push({ task, startableAt });
		this.wakeAt(startableAt);
		return task;
	}

	/** A task as it stands now (every event due settled first), as a request reads it. */
	get(id: string): FakeTask | undefined {
		this.settle();
		return this.tasks.get(id);
	}

	/** Every task as it stands at `now`, in acceptance order. */
	all(now = Date.now()): FakeTask[] {
		this.settle(now);
		return [...this.tasks.values()];
	}

	/**
	 * Makes every start and end due by `now` happen, in time order, each at its planned instant: a
	 * queued task starts when it may and a slot is free (a slot frees when a task ends).
	 */
	settle(now = Date.now()) {
		let at = this.settledTo;
		for (;;) {
			let end: [FakeTask, number] | undefined;
			for (const entry of this.ends) if (!end || entry[1] < end[1]) end = entry;
			const next = this.running < this.clock.concurrency ? this.queue[0] : undefined;
			const startAt = next ? Math.max(next.startableAt, at) : Infinity;
			const endAt = end ? end[1] : Infinity;
			if (Math.min(startAt, endAt) > now) break;
			if (startAt <= endAt) {
				this.queue.shift();
				this.start(next!.task, startAt);
				at = startAt;
			} else {
				this.ends.delete(end![0]);
				this.finish(end![0], endAt);
				at = endAt;
			}
		}
		this.settledTo = Math.max(this.settledTo, now);
	}

	/** A timer that settles at `at`: events happen on their own, not only when a request comes. */
	private wakeAt(at: number) {
		const timer = setTimeout(
			() => {
				this.timers.delete(timer);
				// A timer can fire a millisecond before Date.now() reaches its instant.
				this.settle(Math.max(Date.now(), at));
			},
			Math.max(0, at - Date.now()),
		);
		this.timers.add(timer);
	}

	private start(task: FakeTask, at: number) {
		this.running++;
		this.maxRunning = Math.max(this.maxRunning, this.running);
		// `[status:<word>]`: a status the SDKs do not know, which they keep checking on (they stop
		// only on the terminal ones); the task then completes as usual.
		task.status = /\[status:([^\]]+)\]/.exec(scriptOf(task))?.[1] ?? 'processing';
		task.startedAt = at;
		this.onStarted(task);
		if (scriptOf(task).includes('[hang]')) return;
		// `[ms:N]`: the task runs N ms from its start.
		const scriptedMs = /\[ms:(\d+)\]/.exec(scriptOf(task));
		const ms = scriptedMs
			? Number(scriptedMs[1])
			: this.clock.taskMs + (Math.random() * 2 - 1) * this.clock.taskJitterMs;
		// Whole milliseconds, as WaveSpeed's `timings.inference` ("inference time in milliseconds").
		const endAt = at + Math.max(0, Math.round(ms));
		this.ends.set(task, endAt);
		this.wakeAt(endAt);
	}

	private finish(task: FakeTask, at: number) {
		const script = scriptOf(task);
		const scripted = scriptedOutcome(script, this.finishedScripts.has(script));
		this.finishedScripts.add(script);
		task.status = scripted?.status ?? 'completed';
		task.error = scripted?.error;
		const count = scripted?.outputs ?? (task.status === 'completed' ? task.outputCount : 0);
		task.outputs = Array.from({ length: count }, (_, n) => this.outputOf(task, n));
		task.completedAt = at;
		this.running--;
		this.onFinished(task);
	}

	/**
	 * Not WaveSpeed's: a test hook. Changes how many tasks run at once, and starts waiting tasks at
	 * once if there is room now (0 holds every new task in `created`).
	 */
	setConcurrency(concurrency: number) {
		this.settle();
		this.clock.concurrency = concurrency;
		this.settle();
	}

	resetStats() {
		this.maxRunning = this.running;
	}

	close() {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}
}
