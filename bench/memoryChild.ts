import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface MemoryResult {
	items: number;
	inputBytes: number;
	outputBytes: number;
	inFilesystem: boolean;
	rssGrowth: number;
	buffersGrowth: number;
}

/** Runs bench/memory.ts in a fresh Node process with the given V8 flags. */
export async function measureMemoryInChild(v8Flags: string[]): Promise<MemoryResult> {
	const { stdout } = await promisify(execFile)(
		process.execPath,
		[...v8Flags, '-r', 'ts-node/register/transpile-only', join(__dirname, 'memory.ts')],
		{ maxBuffer: 10 * 1024 * 1024 },
	);
	const line = stdout.split('\n').find((l) => l.startsWith('{"items"'));
	if (!line) throw new Error(`the memory run printed no result:\n${stdout}`);
	return JSON.parse(line) as MemoryResult;
}
