// The credential dialog of real n8n in headless Chromium: types each case's values into the
// imported WaveSpeed credential, saves (the editor then runs the credential test) and reads the
// message the dialog shows. Expects the owner realN8n.js set up.
const { chromium } = require('playwright-core');

const { OWNER } = require('../../devkit/n8n/checks');

const [base, api, key, closed, screenshots] = process.argv.slice(2);

const cases = [
	[
		'wrong key',
		{ apiKey: 'not-the-key', baseUrl: api },
		/^WaveSpeed rejected the API key \(HTTP 401\)\./,
	],
	[
		'Base URL ftp://x',
		{ apiKey: key, baseUrl: 'ftp://x' },
		/^Base URL must start with http:\/\/ or https:\/\//,
	],
	[
		'closed port',
		{ apiKey: key, baseUrl: closed },
		/^Nothing answered at http:\/\/127\.0\.0\.1:\d+ \(connection refused/,
	],
	['right key', { apiKey: key, baseUrl: api }, undefined],
];

async function logIn() {
	const response = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
	return /n8n-auth=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
}

(async () => {
	const cookie = await logIn();
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu'],
	});
	let failed = 0;
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		await context.addCookies([{ name: 'n8n-auth', value: cookie, url: base }]);
		const page = await context.newPage();
		await page.goto(`${base}/home/credentials/wsE2eCredential01`);
		const dialog = page.locator('[data-test-id="editCredential-modal"]');
		// The editor tests the stored credential as the dialog opens; start from that answer.
		await dialog.getByText('Connection tested successfully').waitFor({ timeout: 60_000 });
		for (const [label, values, expected] of cases) {
			for (const [field, value] of Object.entries(values)) {
				await dialog.locator(`[data-test-id="parameter-input-${field}"] input`).first().fill(value);
			}
			const tested = page.waitForResponse((r) => r.url().endsWith('/rest/credentials/test'));
			await dialog.locator('[data-test-id="credential-save-button"]').click();
			await tested;
			let shown;
			if (expected) {
				// The details stay open from an earlier failure; after a success they sit behind a link.
				const message = dialog.getByText(expected);
				const more = dialog.getByText('More details');
				await message.or(more).first().waitFor();
				if (!(await message.isVisible())) await more.click();
				shown = await message.innerText();
			} else {
				shown = await dialog.getByText('Connection tested successfully').innerText();
			}
			const ok = Boolean(shown);
			if (!ok) failed++;
			console.log(
				`${ok ? 'ok  ' : 'FAIL'} credential dialog in n8n's editor, ${label}: "${shown}"`,
			);
			if (screenshots)
				await page.screenshot({
					path: `${screenshots}/credential-${label.replace(/\W+/g, '-')}.png`,
				});
		}
	} finally {
		await browser.close();
	}
	process.exit(failed === 0 ? 0 : 1);
})().catch((error) => {
	console.error(`FAIL credential dialog in n8n's editor: ${error.message}`);
	process.exit(1);
});
