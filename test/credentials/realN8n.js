// Signs up the owner of a fresh n8n and asks it to test the imported WaveSpeed credential with
// several values, as the editor does when the user saves the credential dialog. `closed` is an
// address where nothing listens.
const { signUpOwner } = require('../../devkit/n8n/checks');

const [base, api, key, closed] = process.argv.slice(2);
const headers = { 'content-type': 'application/json', 'browser-id': 'wavespeed-credential-check' };

(async () => {
	await signUpOwner(base, headers);
	const cases = [
		['right key', { apiKey: key, baseUrl: api }, 'OK', /^WaveSpeed accepted the API key/],
		[
			'wrong key',
			{ apiKey: 'not-the-key', baseUrl: api },
			'Error',
			/^WaveSpeed rejected the API key \(HTTP 401\)\..* Check the API key/,
		],
		[
			'Base URL ftp://x',
			{ apiKey: key, baseUrl: 'ftp://x' },
			'Error',
			/^Base URL must start with http:\/\/ or https:\/\//,
		],
		[
			'closed port',
			{ apiKey: key, baseUrl: closed },
			'Error',
			/^Nothing answered at http:\/\/127\.0\.0\.1:\d+ \(connection refused, ECONNREFUSED\)/,
		],
	];
	let failed = 0;
	for (const [label, data, status, message] of cases) {
		const response = await fetch(`${base}/rest/credentials/test`, {
			method: 'POST',
			headers,
			body: JSON.stringify({
				credentials: {
					id: 'wsE2eCredential01',
					name: 'WaveSpeed account',
					type: 'waveSpeedApi',
					data,
				},
			}),
		});
		const result = (await response.json()).data;
		const ok = result?.status === status && message.test(result?.message ?? '');
		if (!ok) failed++;
		console.log(
			`${ok ? 'ok  ' : 'FAIL'} credential test in n8n, ${label}: ${JSON.stringify(result)}`,
		);
	}
	process.exit(failed === 0 ? 0 : 1);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
