import type { LostAnswer } from '../account/acceptedTasks';
import type { AccountMemory } from '../account/accountMemory';
import { outcomeOf, WaveSpeedError } from '../errors';
import { type Deadline, pause, type StopSignal } from '../timing';
import type { WaveSpeedClient } from '../transport/client';
import { searchHistory, type WaveSpeedTask } from '../transport/predictions';
import { MIN_CHECK_GAP_MS } from './checkSchedule';

/**
 * How long the node looks for a lost task in WaveSpeed's history. WaveSpeed publishes no figure
 * for how soon a task shows there; our choice: long enough for several looks, short enough that
 * an item does not hang on an answer that will not come.
 */
const SEARCH_FOR_MS = 30_000;
/** The looks are spaced like status checks: 2 s, then each 1.5 times longer. */
const LOOK_GROWTH = 1.5;
/**
 * Tasks created since this long before the submit left are looked at: an allowance for the clocks
 * of n8n and WaveSpeed to differ (our choice). Only a task with the exact inputs sent is taken.
 */
const CLOCK_ALLOWANCE_MS = 30_000;
const PAGE_SIZE = 100;
const PAGES_PER_LOOK = 5;

/** Flags that say how to answer, not what to make: WaveSpeed may keep them or not. */
const TRANSPORT_FLAGS = ['enable_sync_mode', 'enable_base64_output'];

/** The same JSON value, whatever the order of object keys. */
function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) || Array.isArray(b)) {
		return (
			Array.isArray(a) &&
			Array.isArray(b) &&
			a.length === b.length &&
			a.every((value, n) => sameValue(value, b[n]))
		);
	}
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		return [...keys].every((key) =>
			sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
		);
	}
	return false;
}

/**
 * Whether a history item is the task this submit created: the same model, and inputs holding
 * every field sent with the value sent (WaveSpeed's clients read a history item's inputs as
 * `inputs` or `input`). An item without its inputs is never taken.
 */
export function isTaskOf(item: WaveSpeedTask, lost: LostAnswer): boolean {
	const inputs = item.inputs ?? item.input;
	if (!inputs || typeof inputs !== 'object') return false;
	if (item.model !== undefined && item.model !== lost.submission.model) return false;
	return Object.entries(lost.submission.body).every(([key, sent]) =>
		TRANSPORT_FLAGS.includes(key) && !(key in inputs) ? true : sameValue(inputs[key], sent),
	);
}

export interface Search {
	task?: WaveSpeedTask;
	looks: number;
	searchedForMs: number;
	/** Why the history could not be read, when no look could. */
	failure?: string;
}

async function look(
	client: WaveSpeedClient,
	memory: AccountMemory,
	lost: LostAnswer,
): Promise<WaveSpeedTask | undefined> {
	const createdAfter = new Date(lost.sentAt - CLOCK_ALLOWANCE_MS);
	const createdBefore = new Date(Date.now() + CLOCK_ALLOWANCE_MS);
	for (let page = 1; page <= PAGES_PER_LOOK; page++) {
		const { items } = await searchHistory(client, {
			page,
			pageSize: PAGE_SIZE,
			model: lost.submission.model,
			createdAfter,
			createdBefore,
		});
		const mine = items.find(
			(item) =>
				typeof item?.id === 'string' &&
				memory.claimedTasks.get(item.id) === undefined &&
				isTaskOf(item, lost),
		);
		if (mine) {
			// Claimed at once, so another item's search looking at the same page cannot take it too.
			memory.claimedTasks.set(mine.id, true);
			return mine;
		}
		if (items.length < PAGE_SIZE) return undefined;
	}
	return undefined;
}

/**
 * Looks for the task a submit may have created in WaveSpeed's prediction history
 * (`POST /api/v3/predictions`, which WaveSpeed's CLI and desktop app read): a few looks, spaced
 * like status checks, for a bounded while. A task found is claimed for this item, so no other
 * item's search takes it.
 */
export async function findLostTask(
	client: WaveSpeedClient,
	memory: AccountMemory,
	lost: LostAnswer,
	stop: StopSignal,
	deadline: Deadline,
): Promise<Search> {
	const start = Date.now();
	let gap = MIN_CHECK_GAP_MS;
	let nextLookAt = Math.max(start, lost.sentAt + gap);
	let looks = 0;
	let failure: string | undefined;
	let read = false;
	for (;;) {
		await pause(Math.min(nextLookAt - Date.now(), deadline.remaining()), stop);
		looks++;
		const looked = await outcomeOf(look(client, memory, lost));
		if (looked.ok) {
			read = true;
			if (looked.value) return { task: looked.value, looks, searchedForMs: Date.now() - start };
		} else {
			if (!(looked.error instanceof WaveSpeedError)) throw looked.error;
			failure = looked.error.message;
		}
		gap *= LOOK_GROWTH;
		nextLookAt = Date.now() + gap;
		if (nextLookAt - start > SEARCH_FOR_MS || deadline.remaining() < gap) {
			return { looks, searchedForMs: Date.now() - start, failure: read ? undefined : failure };
		}
	}
}
