// What the scripts that check a running n8n share: signing up its owner (a fresh n8n asks for
// one before its REST routes answer), reading a JSON file or line that may be missing, and
// printing and counting checks.

const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Demo-Passw0rd!',
};

/** Signs up the owner and puts the session cookie into `headers`. */
async function signUpOwner(base, headers) {
	const setup = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers,
		body: JSON.stringify(OWNER),
	});
	if (!setup.ok) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
	headers.cookie = `n8n-auth=${/n8n-auth=([^;]+)/.exec(setup.headers.get('set-cookie') ?? '')?.[1]}`;
}

const parseOr = (text, fallback) => {
	try {
		return JSON.parse(text);
	} catch {
		return fallback;
	}
};

/** `check(ok, text, detail)` prints one line (and the detail when it failed); `finish(label)` prints the count and exits. */
function checker() {
	let passed = 0;
	let failed = 0;
	const check = (ok, text, detail) => {
		if (ok) passed++;
		else failed++;
		console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
		if (!ok && detail !== undefined) console.log(`     ${JSON.stringify(detail)}`);
	};
	const finish = (label) => {
		console.log(`${label}: ${passed} passed, ${failed} failed`);
		process.exit(failed === 0 ? 0 : 1);
	};
	return { check, finish };
}

module.exports = { OWNER, signUpOwner, parseOr, checker };
