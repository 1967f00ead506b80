// Sends one chat message (in a session of its own) to a published Chat Trigger and saves n8n's
// answer (status and body).
// n8n 2.41.1 registers a published workflow's webhooks after "Editor is now accessible", so it
// first waits until the chat URL answers a "load previous session" request (the Chat Trigger
// answers that itself, without running the workflow) instead of 404.
const fs = require('node:fs');

const [url, sessionId, message, out] = process.argv.slice(2);
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
const post = (body) =>
	fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ sessionId, ...body }),
	});

async function registered() {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const response = await post({ action: 'loadPreviousSession' }).catch(() => undefined);
		if (response?.status === 200) return true;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return false;
}

async function main() {
	const started = Date.now();
	if (!(await registered())) {
		fs.writeFileSync(
			out,
			JSON.stringify({ status: 0, body: 'the chat webhook was not registered within 60 s' }),
		);
		return console.log(`[agent] ${sessionId}: the chat webhook was not registered within 60 s`);
	}
	const ready = seconds(started);
	const sent = Date.now();
	try {
		const response = await post({ action: 'sendMessage', chatInput: message });
		const body = await response.text();
		fs.writeFileSync(out, JSON.stringify({ status: response.status, body }));
		console.log(
			`[agent] ${sessionId}: the chat webhook answered a probe after ${ready} s, ` +
				`the message in ${seconds(sent)} s (HTTP ${response.status})`,
		);
	} catch (error) {
		fs.writeFileSync(out, JSON.stringify({ status: 0, body: String(error) }));
		console.log(`[agent] ${sessionId}: the chat message got no answer: ${error.message}`);
	}
}

void main();
