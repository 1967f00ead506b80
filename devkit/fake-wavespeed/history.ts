import type { FakeTask } from './tasks';

/**
 * Prediction history, `POST /api/v3/predictions`, as WaveSpeed documents it
 * (docs/docs-common-api/predictions) and its CLI and desktop app read it (WaveSpeedAI/wavespeed-cli
 * `src/lib/api.ts` `fetchHistory`, WaveSpeedAI/wavespeed-desktop `src/api/client.ts` `getHistory`):
 * `{page, page_size, model?, status?, created_after?, created_before?}` →
 * `{page, total, items}`, newest first, "past 7 days" only.
 */
export interface HistoryQuery {
	page: number;
	pageSize: number;
	model?: string;
	status?: string;
	createdAfter?: number;
	createdBefore?: number;
	/** Sent by WaveSpeed's desktop app (2026-03); not in the docs. */
	includeInputs: boolean;
}

/** Predictions are kept 7 days (docs "What are Predictions"; the history API "past 7 days"). */
export const HISTORY_WINDOW_MS = 7 * 24 * 3600_000;

/** The query, or a 400 message "<field>: <why>" (the wording is ours: WaveSpeed publishes none). */
export function parseHistoryQuery(raw: unknown): HistoryQuery | string {
	const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	const { page, page_size: pageSize } = body;
	// page ≥ 1 and page_size 1–100, both required (docs/docs-common-api/predictions).
	if (typeof page !== 'number' || !Number.isInteger(page) || page < 1)
		return 'page: must be an integer of at least 1';
	if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
		return 'page_size: must be an integer from 1 to 100';
	const times: Record<string, number | undefined> = {};
	for (const field of ['created_after', 'created_before']) {
		const value = body[field];
		if (value === undefined || value === null || value === '') continue;
		const at = typeof value === 'string' ? Date.parse(value) : NaN;
		// Not published what WaveSpeed answers for a bad time; ours: 400.
		if (Number.isNaN(at)) return `${field}: must be an ISO 8601 time`;
		times[field] = at;
	}
	for (const field of ['model', 'status']) {
		const value = body[field];
		if (value !== undefined && value !== null && typeof value !== 'string')
			return `${field}: must be a string`;
	}
	return {
		page,
		pageSize,
		model: typeof body.model === 'string' && body.model !== '' ? body.model : undefined,
		// An unknown status word gives an empty page (our choice; WaveSpeed's answer is not published).
		status: typeof body.status === 'string' && body.status !== '' ? body.status : undefined,
		createdAfter: times.created_after,
		createdBefore: times.created_before,
		includeInputs: body.include_inputs === true,
	};
}

export interface HistoryOptions {
	now: number;
	/** Not published: how long after acceptance a task shows up in the history (ms). */
	delayMs: number;
	/** WaveSpeed's clients read `inputs` or `input` (CLI `HistoryItem`): which one the fake sends. */
	inputsKey: 'inputs' | 'input';
}

/** The tasks a query selects, newest first, before paging. */
export function selectHistory(
	tasks: Iterable<FakeTask>,
	query: HistoryQuery,
	{ now, delayMs }: Pick<HistoryOptions, 'now' | 'delayMs'>,
): FakeTask[] {
	const selected: FakeTask[] = [];
	for (const task of tasks) {
		if (task.createdAt < now - HISTORY_WINDOW_MS) continue;
		if (task.createdAt + delayMs > now) continue;
		if (query.model !== undefined && task.model !== query.model) continue;
		if (query.status !== undefined && task.status !== query.status) continue;
		if (query.createdAfter !== undefined && task.createdAt < query.createdAfter) continue;
		if (query.createdBefore !== undefined && task.createdAt > query.createdBefore) continue;
		selected.push(task);
	}
	// Newest first; tasks accepted in the same millisecond by acceptance order.
	return selected.sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
}

/** The history answer's `data`, given how one task is shown (`publicTask` in the server). */
export function historyPage<T extends { timings: { inference?: number } }>(
	tasks: FakeTask[],
	query: HistoryQuery,
	show: (task: FakeTask) => T,
	inputsKey: HistoryOptions['inputsKey'],
) {
	const start = (query.page - 1) * query.pageSize;
	const items = tasks.slice(start, start + query.pageSize).map((task) => {
		const shown = show(task);
		return {
			...shown,
			// `executionTime` (camelCase, ms) on history items (docs/docs-common-api/predictions).
			executionTime: shown.timings.inference ?? 0,
			...(query.includeInputs ? { [inputsKey]: task.body } : {}),
		};
	});
	return { page: query.page, total: tasks.length, items };
}
