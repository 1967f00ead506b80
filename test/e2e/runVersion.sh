#!/usr/bin/env bash
# Real n8n end to end on one n8n version (E2E_N8N_VERSION; run.sh runs each): the packed package
# installed into that n8n like a community package, the example workflows run against the fake
# WaveSpeed, and the fake's count of where the key went. Needs nothing installed by hand.
#  - In both binary data modes, `n8n execute-batch` runs the manual examples, the manual
#    workflows saved with 0.2.0 (test/fixtures/saved-workflows/0.2.0), the catalog model example
#    once more with Enhance Prompt, and a failing prompt, with one n8n start-up (each start-up
#    costs about 5 s of CPU, which is what the time budget is spent on).
#  - Beside that, the webhook example runs under a real `n8n start` in filesystem mode (n8n 2.x's
#    default): once its webhook is registered, a photo is posted to it and the edited image
#    comes back; the editor's routes offer the catalog model and its fields (checkEditor.js);
#    then the task lifecycle (lifecycle.sh) runs against that n8n.
set -euo pipefail
source "$(dirname "$0")/../../devkit/n8n/setup.sh"
export N8N_PORT=$(free_port)
export E2E_N8N_URL="http://127.0.0.1:$N8N_PORT"
source test/e2e/lifecycle.sh

# execute-batch only selects workflow ids that contain a digit.
manual=()
for example in examples/*.json; do
	name=$(basename "$example" .json)
	[[ " $LIFECYCLE_EXAMPLES " == *" $name "* ]] && continue
	if grep -q '"n8n-nodes-base.manualTrigger"' "$example"; then
		prepare_example "$example" "e2e-$name-1"
		manual+=("$name")
	fi
done
# Workflows exactly as 0.2.0 saved them (the manual ones) run unchanged too.
saved=()
for fixture in test/fixtures/saved-workflows/0.2.0/*.json; do
	grep -q '"n8n-nodes-base.manualTrigger"' "$fixture" || continue
	name="v020-$(basename "$fixture" .json)"
	prepare_example "$fixture" "e2e-$name-1"
	saved+=("$name")
done
# The catalog model example once more with Options → Enhance Prompt (two tasks: optimizer, edit).
prepare_example examples/catalog-model-two-images.json e2e-catalog-enhance-1 '' '{"enhancePrompt":true}'
FAILURE='Prompt rejected by the safety filter'
prepare_example examples/edit-image-by-url.json e2e-failing-prompt-1 "Edit [fail:$FAILURE]"
prepare_example examples/webhook-edit-upload.json e2e-webhook-1
prepare_lifecycle
import_prepared
batch_ids=$(printf 'e2e-%s-1,' "${manual[@]}" "${saved[@]}" catalog-enhance failing-prompt)
batch_ids=${batch_ids%,}
batch_size=$((${#manual[@]} + ${#saved[@]} + 2))

passed=0
failed=0
record() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi; }

# Runs the manual examples and the failing prompt in the current N8N_USER_FOLDER and checks them.
run_batch() {
	local mode=$1 folder=$N8N_USER_FOLDER started
	started=$(now)
	mkdir -p "$folder/snapshots"
	echo "[e2e] $mode binary mode: n8n execute-batch runs ${manual[*]}, 0.2.0's ${saved[*]}, catalog-enhance and a failing prompt"
	# --retries=0: by default a failed workflow is run again, which would pay for its task twice.
	# All at once (they mostly wait for the fake's tasks). In the background and waited for, so
	# that a TERM to this lane ends it at once.
	N8N_DEFAULT_BINARY_DATA_MODE=$mode N8N_RUNNERS_BROKER_PORT=$(free_port) \
		"$N8N_NODE" "$N8N_BIN" execute-batch --ids="$batch_ids" --concurrency="$batch_size" --retries=0 \
		--snapshot="$folder/snapshots" --output="$folder/batch.json" > "$folder/batch.log" 2>&1 &
	BATCH_PID=$!
	wait "$BATCH_PID" || true
	BATCH_PID=
	echo "[e2e] $mode binary mode: execute-batch took $(since "$started") s"
	for name in "${manual[@]}" "${saved[@]}" catalog-enhance; do
		record node test/e2e/checkRun.js "$name" "$mode" "$folder/snapshots/e2e-$name-1-snapshot.json" "$folder" "$WORK/files"
	done
	record node test/e2e/checkCatalog.js catalog-model-two-images "$mode" \
		"$folder/snapshots/e2e-catalog-model-two-images-1-snapshot.json" "$FAKE"
	record node test/e2e/checkCatalog.js catalog-enhance "$mode" \
		"$folder/snapshots/e2e-catalog-enhance-1-snapshot.json" "$FAKE" enhanced
	record node test/e2e/checkFailure.js "$folder/batch.json" e2e-failing-prompt-1 "$FAILURE"
}

# Each version's own default binary mode. n8n 1.x's filesystem mode loses binaries of webhook
# calls that overlap: its FileSystemManager.rename removes the whole executions/temp folder after
# moving one call's file (n8n-core 1.121, binary-data/file-system.manager.js), and the lifecycle's
# callbacks overlap. 2.x no longer does that.
case $N8N_VERSION in
	1.*) WEBHOOK_MODE=default ;;
	*) WEBHOOK_MODE=filesystem ;;
esac

run_webhook() {
	local started
	started=$(now)
	echo "[e2e] $WEBHOOK_MODE binary mode: n8n start, and a photo posted to the webhook"
	N8N_DEFAULT_BINARY_DATA_MODE=$WEBHOOK_MODE start_n8n || return 1
	echo "[e2e] $WEBHOOK_MODE binary mode: n8n start took $(since "$started") s"
	local url="http://127.0.0.1:$N8N_PORT/webhook/wavespeed-edit"
	started=$(now)
	if wait_for_webhook "$url"; then
		echo "[e2e] $WEBHOOK_MODE binary mode: its webhook was registered $(since "$started") s later"
		record node -r ts-node/register/transpile-only test/e2e/postPhoto.ts "$url" 500 375
	else
		record false
	fi
	record node test/e2e/checkEditor.js "http://127.0.0.1:$N8N_PORT" examples/catalog-model-two-images.json
	run_lifecycle || record false
	stop_n8n
}

# The manual runs get their own copy of the user folder, so that they run beside the webhook's
# n8n start (each n8n process keeps one core busy; these machines have two).
mkdir -p "$WORK/batch" "$WORK/lifecycle"
cp -a "$WORK/.n8n" "$WORK/batch/.n8n"
cp -a "$WORK/.n8n" "$WORK/lifecycle/.n8n"
BATCH_PID=
(
	trap '[ -z "$BATCH_PID" ] || kill "$BATCH_PID" 2>/dev/null; exit 143' TERM
	export N8N_USER_FOLDER="$WORK/batch"
	run_batch default
	run_batch filesystem
	echo "$passed $failed" > "$WORK/batch/counts"
) > "$WORK/batch.report" 2>&1 &
LANE_PIDS+=($!)

publish_workflow e2e-webhook-1
publish_workflow e2e-receive-1
run_webhook || record false

wait "${LANE_PIDS[0]}" || true
LANE_PIDS=()
cat "$WORK/batch.report"
read -r lane_passed lane_failed < "$WORK/batch/counts" || { lane_passed=0; lane_failed=1; }
passed=$((passed + lane_passed))
failed=$((failed + lane_failed))

kill -TERM "$FAKE_PID"; wait "$FAKE_PID" || true; FAKE_PID=
# Each binary mode runs the manual examples, the saved ones and the failing prompt once, and the
# catalog example with Enhance Prompt (the optimizer's task and the edit's); the webhook gets one
# photo; the lifecycle submits three tasks and one more to recover.
record node test/e2e/checkFake.js "$(tail -n 1 "$WORK/fake.log")" \
	$((2 * (${#manual[@]} + ${#saved[@]} + 2 + 1) + 1 + 4))
echo "e2e n8n $N8N_VERSION: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
