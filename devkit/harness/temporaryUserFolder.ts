/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Points n8n-core at a new temporary user folder (it writes settings and binary files there,
 * never into the real home) and returns the function that removes it. Call before n8n-core is
 * loaded: it reads the folder then.
 */
export function pointAtTemporaryUserFolder(prefix: string): () => void {
	const folder = mkdtempSync(join(tmpdir(), `${prefix}-`));
	process.env.N8N_USER_FOLDER = folder;
	return () => rmSync(folder, { recursive: true, force: true });
}

/**
 * For scripts: a temporary user folder, unless a parent set one, removed when the process exits.
 * It gets an encryption key too, so that n8n-core's "No encryption key found – Auto-generating…"
 * is not the first line a user reads.
 */
export function useTemporaryUserFolder(prefix: string): void {
	if (process.env.N8N_USER_FOLDER) return;
	process.on('exit', pointAtTemporaryUserFolder(prefix));
	process.env.N8N_ENCRYPTION_KEY ??= randomBytes(24).toString('base64');
}
