/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Starts the fake WaveSpeed in a child process and resolves with the addresses it prints. */
export async function startFakeProcess(env: Record<string, string>) {
	const child = spawn(
		process.execPath,
		[
			'-r',
			'ts-node/register/transpile-only',
			join(__dirname, '..', 'devkit', 'fake-wavespeed', 'cli.ts'),
		],
		{
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const firstLine = await new Promise<string>((resolve, reject) => {
		let text = '';
		child.stdout.on('data', (chunk: Buffer) => {
			text += chunk.toString();
			if (text.includes('\n')) resolve(text.split('\n')[0]);
		});
		child.on('exit', (code) => reject(new Error(`fake WaveSpeed exited with ${code}`)));
	});
	const info = JSON.parse(firstLine) as { api: string; output: string; apiKey: string };
	return { ...info, stop: () => child.kill('SIGTERM') };
}
