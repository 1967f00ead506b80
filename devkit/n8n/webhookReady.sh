# Sourced: `wait_for_webhook URL [METHOD] [SECONDS]` returns once n8n serves the production
# webhook at URL (for METHOD, POST by default), or fails after SECONDS (60 by default).
# n8n activates published workflows in the background: /healthz and "Editor is now accessible"
# come first, the webhook a moment later. Until it is registered n8n refuses a CORS preflight
# for its path (404); from then on it answers 204. The preflight runs no workflow.
wait_for_webhook() {
	node -e '
		const [url, method, seconds] = process.argv.slice(1);
		const deadline = Date.now() + Number(seconds) * 1000;
		const preflight = () =>
			fetch(url, {
				method: "OPTIONS",
				headers: { origin: "http://127.0.0.1", "access-control-request-method": method },
			}).then((response) => response.status, () => 0);
		(async () => {
			let status;
			while ((status = await preflight()) !== 204) {
				if (Date.now() > deadline) {
					console.error(`[e2e] ${method} ${url} was not registered within ${seconds} s (last answer: ${status || "no connection"})`);
					process.exit(1);
				}
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		})();
	' "$1" "${2:-POST}" "${3:-60}"
}
