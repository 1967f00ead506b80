// Drives the real n8n editor in headless Chromium and saves the README's screenshots.
const { chromium } = require('playwright-core');

const [base, outDir] = process.argv.slice(2);
const owner = { email: 'owner@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Demo-Passw0rd!' };

(async () => {
	const setup = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!setup.ok) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
	const cookie = /n8n-auth=([^;]+)/.exec(setup.headers.get('set-cookie') ?? '')?.[1];
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
	await context.addCookies([{ name: 'n8n-auth', value: cookie, url: base }]);
	const page = await context.newPage();
	const shot = async (name) => {
		await page.waitForTimeout(800);
		await page.screenshot({ path: `${outDir}/${name}.png` });
		console.log(`saved ${outDir}/${name}.png`);
	};
	const dismiss = async () => {
		for (const text of ['Skip', 'Got it', 'Close']) {
			const button = page.getByRole('button', { name: text });
			if (await button.count()) await button.first().click().catch(() => {});
		}
	};

	await page.goto(`${base}/workflow/example-webhook-edit-upload`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60000 });
	await dismiss();
	await shot('workflow-webhook');

	// The editor opens a node's panel from its URL: /workflow/<workflow id>/<node id>.
	await page.goto(`${base}/workflow/example-composite-two-images/b2f0c1de-0000-4000-8000-000000000002`);
	await page.waitForSelector('[data-test-id="ndv"]', { timeout: 60000 });
	await dismiss();
	await shot('node-parameters');

	await page.goto(`${base}/workflow/example-edit-image-by-url`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60000 });
	await dismiss();
	await page.getByRole('button', { name: /Execute workflow/i }).first().dispatchEvent('click');
	await page.waitForTimeout(6000);
	await shot('run-finished');
	await page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'WaveSpeed Image Edit' }).first().click({ force: true });
	await page.keyboard.press('Enter');
	await shot('run-output');
	await browser.close();
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
