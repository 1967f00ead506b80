/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only code, not in the published package */
import { chromium, selectors, type BrowserContext } from 'playwright-core';

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/**
 * Debian's chromium with a fresh profile in `profileDir` (run.sh makes it inside its temporary
 * folder, so it goes when that does). n8n marks its elements with data-test-id.
 */
export async function openBrowser(profileDir: string): Promise<BrowserContext> {
	selectors.setTestIdAttribute('data-test-id');
	return chromium.launchPersistentContext(profileDir, {
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1400, height: 860 },
	});
}
