#!/usr/bin/env bash
# Real n8n end to end: the packed package installed into n8n 2.41.1 like a community package,
# every example workflow run against the fake WaveSpeed in both binary modes (manual ones with
# `n8n execute`, the webhook one through a running `n8n start`), a failing prompt, and the
# fake's count of where the key went. Needs nothing installed by hand.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

passed=0
failed=0
record() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi; }

manual=()
for example in examples/*.json; do
	name=$(basename "$example" .json)
	if grep -q '"n8n-nodes-base.manualTrigger"' "$example"; then
		prepare_example "$example" "e2e-$name"
		manual+=("$name")
	fi
done
prepare_example examples/edit-image-by-url.json e2e-failing-prompt 'Edit [fail:Prompt rejected by the safety filter]'
prepare_example examples/webhook-edit-upload.json e2e-webhook
import_prepared
n8n publish:workflow --id=e2e-webhook >/dev/null

run_manual() {
	local name=$1 mode=$2
	echo "[e2e] running $name ($mode binary mode)"
	n8n execute --id "e2e-$name" --rawOutput > "$WORK/$name-$mode.out" 2> "$WORK/$name-$mode.err" || true
	node test/e2e/checkRun.js "$name" "$WORK/$name-$mode.out" "$mode" "$WORK"
}

run_failing_prompt() {
	local mode=$1
	echo "[e2e] running a failing prompt ($mode binary mode)"
	n8n execute --id e2e-failing-prompt --rawOutput > "$WORK/failing-$mode.out" 2>&1 || true
	node test/e2e/checkFailure.js "$WORK/failing-$mode.out" 'Prompt rejected by the safety filter'
}

run_webhook() {
	local mode=$1 ok=0
	echo "[e2e] starting n8n ($mode binary mode) and posting a photo to the webhook"
	start_n8n || return 1
	node -r ts-node/register/transpile-only test/e2e/postPhoto.ts "http://127.0.0.1:$N8N_PORT/webhook/wavespeed-edit" 500 375 || ok=1
	stop_n8n
	return $ok
}

for mode in default filesystem; do
	export N8N_DEFAULT_BINARY_DATA_MODE=$mode
	for name in "${manual[@]}"; do record run_manual "$name" "$mode"; done
	record run_failing_prompt "$mode"
	record run_webhook "$mode"
done

kill -TERM "$FAKE_PID"; wait "$FAKE_PID" || true; FAKE_PID=
record node test/e2e/checkFake.js "$(tail -n 1 "$WORK/fake.log")"
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
