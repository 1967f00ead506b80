/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface MemoryResult {
	items: number;
	held: boolean;
	inputBytes: number;
	outputBytes: number;
	inFilesystem: boolean;
	rssGrowth: number;
}

export interface MemoryRun {
	/** The Node binary to run under; the benchmark's own by default. */
	node?: string;
	items: number;
	concurrency: number;
	/** Count only what is still referenced (a full collection before each sample). */
	held: boolean;
}

/** Runs bench/memory.ts in a fresh Node process. */
export async function measureMemoryInChild({
	node = process.execPath,
	items,
	concurrency,
	held,
}: MemoryRun): Promise<MemoryResult> {
	const { stdout } = await promisify(execFile)(
		node,
		[
			...(held ? ['--expose-gc'] : []),
			'-r',
			'ts-node/register/transpile-only',
			join(__dirname, 'memory.ts'),
		],
		{
			maxBuffer: 10 * 1024 * 1024,
			env: { ...process.env, MEM_ITEMS: String(items), MEM_CONCURRENCY: String(concurrency) },
		},
	);
	const line = stdout.split('\n').find((l) => l.startsWith('{"items"'));
	if (!line) throw new Error(`the memory run printed no result:\n${stdout}`);
	return JSON.parse(line) as MemoryResult;
}
