import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its settings and binary files under N8N_USER_FOLDER; never the real home.
const folder = mkdtempSync(join(tmpdir(), 'wavespeed-n8n-'));
process.env.N8N_USER_FOLDER = folder;
process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
