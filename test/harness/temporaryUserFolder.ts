import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Points n8n-core at a new temporary user folder, unless one is already set (a parent's), and
 * removes it when the process exits. Call before n8n-core is loaded: it reads the folder then.
 */
export function useTemporaryUserFolder(prefix: string): void {
	if (process.env.N8N_USER_FOLDER) return;
	const folder = mkdtempSync(join(tmpdir(), `${prefix}-`));
	process.env.N8N_USER_FOLDER = folder;
	process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
}
