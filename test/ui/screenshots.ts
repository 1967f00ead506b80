/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import type { EditorPage } from './editorPage';

async function dismissToasts(page: Page) {
	const toasts = page.locator('.el-notification');
	await toasts.first().waitFor();
	for (const close of await toasts.locator('.el-notification__closeBtn').all()) await close.click();
	await toasts.first().waitFor({ state: 'hidden' });
}

/**
 * Saves what the page shows now as `<docsDir>/<name>.png`, once any notification is closed and
 * with animations finished.
 */
export async function saveScreenshot(page: Page, docsDir: string, name: string): Promise<string> {
	const toasts = page.locator('.el-notification');
	// A notification may also close by itself meanwhile.
	for (const close of await toasts.locator('.el-notification__closeBtn').all())
		await close.click({ timeout: 5_000 }).catch(() => undefined);
	await toasts.first().waitFor({ state: 'hidden' });
	await page.mouse.move(0, 0);
	await page.screenshot({ path: join(docsDir, `${name}.png`), animations: 'disabled' });
	return `${name}.png`;
}

/**
 * The README's pictures, from the examples run.sh imports under the ids "example-<file name>".
 * Each is taken once what it shows is on screen; animations are finished first.
 */
export async function takeReadmeScreenshots(editor: EditorPage, docsDir: string): Promise<string> {
	const { page, base } = editor;
	const saved: string[] = [];
	let started = Date.now();
	const shot = async (name: string) => {
		await page.screenshot({ path: join(docsDir, `${name}.png`), animations: 'disabled' });
		saved.push(`${name}.png ${((Date.now() - started) / 1000).toFixed(1)} s`);
		started = Date.now();
	};

	await editor.openNewWorkflow();
	await editor.openPanelFromPlusButton();
	await editor.search('WaveSpeed', 'WaveSpeed Image Edit');
	await shot('node-search');

	await page.goto(`${base}/workflow/example-webhook-edit-upload`);
	await page.getByTestId('canvas-node').nth(2).waitFor();
	await shot('workflow-webhook');

	// The editor opens a node's panel from its URL: /workflow/<workflow id>/<node id>.
	await page.goto(
		`${base}/workflow/example-composite-two-images/b2f0c1de-0000-4000-8000-000000000002`,
	);
	// Down to the second image, "Add Image", and the custom size with its ranges.
	await editor.parameter('height').scrollIntoViewIfNeeded();
	await shot('node-parameters');

	await page.goto(`${base}/workflow/example-edit-image-by-url`);
	await page.getByTestId('canvas-node').nth(2).waitFor();
	await page.getByTestId('execute-workflow-button').click();
	await page.getByTestId('canvas-node-status-success').nth(2).waitFor({ timeout: 120_000 });
	await dismissToasts(page);
	// The button shows its label again once n8n has finished with the run.
	await page.waitForFunction(() => {
		const button = document.querySelector<HTMLButtonElement>(
			'[data-test-id="execute-workflow-button"]',
		);
		return button && !button.disabled && button.innerText.includes('Execute workflow');
	});
	await shot('run-finished');

	await editor.canvasNode('WaveSpeed Image Edit').dblclick();
	const output = page.getByTestId('output-panel');
	await output.getByTestId('ndv-view-binary-data').click();
	await output
		.locator('img[src*="/rest/binary-data"]')
		.evaluate((img: HTMLImageElement) => img.decode());
	await shot('run-output');
	return saved.join(', ');
}
