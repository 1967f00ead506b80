import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its settings and binary files under N8N_USER_FOLDER; never the real home.
// Runs before each test file's modules load; Jest ends workers without an 'exit' event, hence afterAll.
const folder = mkdtempSync(join(tmpdir(), 'wavespeed-n8n-'));
process.env.N8N_USER_FOLDER = folder;
afterAll(() => rmSync(folder, { recursive: true, force: true }));
