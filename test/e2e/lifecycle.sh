# Sourced by run.sh: the task lifecycle in real n8n. A published WaveSpeed Trigger workflow
# receives the fake's signed callbacks for tasks submitted without waiting; the fake tampers one
# callback and delivers another twice. A Get Result workflow recovers a task by its id.
LIFECYCLE_EXAMPLES="submit-and-move-on recover-task-by-id receive-result-webhook"
TRIGGER_URL="$E2E_N8N_URL/webhook/wavespeed-result/webhook"

# n8n registers a published workflow's webhook a moment after it says the editor is accessible;
# a CORS preflight is answered 204 once the webhook is there.
wait_for_webhook() {
	local url=$1
	for _ in $(seq 1 300); do
		[ "$(node -e 'fetch(process.argv[1], { method: "OPTIONS", headers: { origin: "http://127.0.0.1", "access-control-request-method": "POST" } }).then((r) => console.log(r.status), () => console.log(0))' "$url")" = 204 ] && return 0
		sleep 0.2
	done
	echo "[e2e] the webhook $url was never registered" >&2
	return 1
}

prepare_lifecycle() {
	prepare_example examples/receive-result-webhook.json e2e-receive-1
	for n in 1 2 3; do prepare_example examples/submit-and-move-on.json "e2e-submit-$n"; done
	prepare_example examples/recover-task-by-id.json e2e-recover-1
}

# Runs under the webhook lane's `n8n start`, with its own copy of the user folder for the CLI runs.
run_lifecycle() {
	local folder="$WORK/lifecycle" started
	started=$(now)
	mkdir -p "$folder/snapshots"
	wait_for_webhook "$TRIGGER_URL" || return 1
	node -e '
		const [api, key] = process.argv.slice(1);
		fetch(`${api}/fake/webhooks`, { method: "POST", headers: { authorization: `Bearer ${key}` },
			body: JSON.stringify([{}, { tamper: true }, { duplicates: 1 }]) }).then((r) => process.exit(r.ok ? 0 : 1));
	' "$API" "$KEY" || return 1
	echo "[e2e] lifecycle: three edits submitted without waiting (one callback tampered, one delivered twice) and a recovery by Get Result"
	N8N_USER_FOLDER="$folder" N8N_DEFAULT_BINARY_DATA_MODE=filesystem N8N_RUNNERS_BROKER_PORT=$(free_port) \
		n8n execute-batch --ids=e2e-submit-1,e2e-submit-2,e2e-submit-3,e2e-recover-1 --concurrency=4 --retries=0 \
		--snapshot="$folder/snapshots" --output="$folder/batch.json" > "$folder/batch.log" 2>&1 || true
	record node test/e2e/checkLifecycle.js callbacks "$API" "$KEY" "$WORK/files"
	record node test/e2e/checkLifecycle.js recover "$folder/snapshots/e2e-recover-1-snapshot.json" "$folder"
	echo "[e2e] lifecycle took $(since "$started") s"
}
