# Sourced by run.sh: the phases of the queue run. They use run.sh's helpers (check, record, ts,
# fake_stats, now, since) and addresses (BASE, STATS, OUTPUT, CALLBACK_URL), and leave their
# makespans in MAKESPAN[phase].
declare -A MAKESPAN=()
LOGS=()
worker_logs() {
	local name
	LOGS=()
	for name in "${!WORKER_LOGS[@]}"; do LOGS+=("${WORKER_LOGS[$name]}"); done
}

fake_count() { node -e 'console.log(JSON.parse(process.argv[1])[process.argv[2]])' "$1" "$2"; }

# SIGKILL, as when a machine dies; its task runner would outlive it by a few seconds, so that
# ends too, by its own id. Prints nothing; PEAK_RSS keeps its memory high-water mark.
kill_worker() {
	local name=$1 pid=${WORKER_PIDS[$1]} runner
	PEAK_RSS[$name]="$(peak_rss_mib "$pid") MiB (when killed)"
	runner=$(ps -o pid= --ppid "$pid" || true)
	kill -KILL "$pid"
	wait "$pid" 2>/dev/null || true
	[ -z "$runner" ] || kill $runner 2>/dev/null || true
	unset "WORKER_PIDS[$name]"
}

phase_sync_edits() {
	echo "[queue] phase 1: 200 uploads to the webhook example, 20 at a time"
	local since_id before
	since_id=$(check last-execution-id)
	before=$(fake_stats)
	waited ts test/queue/postUploads.ts "$BASE/webhook/wavespeed-edit" 200 20 phase1 "$WORK/phase1.json"
	MAKESPAN[1]=$(node -e 'console.log(require(process.argv[1]).makespanS)' "$WORK/phase1.json")
	worker_logs
	record check uploads "$WORK/phase1.json" 200
	record check fake "$before" "$(fake_stats)" 200
	record check executions queue-webhook-1 200 "$since_id" "${LOGS[@]}"
}

phase_async_batch() {
	echo "[queue] phase 2: one execution submits 1,000 items without waiting; callbacks start the trigger"
	local since_id before started
	since_id=$(check last-execution-id)
	before=$(fake_stats)
	started=$(now)
	waited ts test/queue/submitBatch.ts "$BASE/webhook/queue-submit" 1000 "$OUTPUT/images/256x256.png" "$CALLBACK_URL" phase2 "$WORK/phase2.json"
	echo "[queue] the submitting execution answered after $(since "$started") s"
	waited check wait-executions queue-callback-1 1000 "$since_id"
	MAKESPAN[2]=$(since "$started")
	worker_logs
	record check fake "$before" "$(fake_stats)" 1000
	record check callbacks queue-callback-1 "$WORK/phase2.json" 256 256 "$since_id" "${LOGS[@]}"
}

# Synchronous edits: a killed worker's jobs are failed by n8n 2.41.1, never run again.
phase_kill_sync() {
	echo "[queue] phase 3a: 60 uploads, 20 at a time; worker-b is killed (SIGKILL) once 25 tasks were submitted"
	local since_id before after started client
	since_id=$(check last-execution-id)
	before=$(fake_stats)
	started=$(now)
	ts test/queue/postUploads.ts "$BASE/webhook/wavespeed-edit" 60 20 phase3a "$WORK/phase3a.json" &
	client=$!
	HELPERS+=("$client")
	waited node test/queue/fakeStats.js wait "$STATS" accepted $(($(fake_count "$before" accepted) + 25)) || true
	kill_worker worker-b
	echo "[queue] worker-b killed $(since "$started") s into the phase"
	wait "$client"
	MAKESPAN[3a]=$(since "$started")
	after=$(fake_stats)
	worker_logs
	node -e '
		const s = require(process.argv[1]);
		const [before, after] = process.argv.slice(2).map(JSON.parse);
		const accepted = after.accepted - before.accepted;
		console.log(`[queue] phase 3a answers: ${Object.entries(s.statuses).map(([k, n]) => `${n} ${k}`).join(", ")}; ` +
			`answer time p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms`);
		console.log(`[queue] phase 3a tasks: ${accepted} accepted (paid) for 60 uploads, ` +
			`${after.repeatedPrompts - before.repeatedPrompts} submitted twice, ${accepted - s.edited} paid but not delivered`);
	' "$WORK/phase3a.json" "$before" "$after"
	echo "[queue] phase 3a executions: $(check figure-statuses queue-webhook-1 "$since_id" "${LOGS[@]}")"
	record check no-repeats "$before" "$after"
	record check all-answered "$WORK/phase3a.json" 60
}

# Without waiting: the worker running the submitting execution is killed half way. Every task
# WaveSpeed accepted still calls back, and the other worker runs those executions.
phase_kill_async() {
	echo "[queue] phase 3b: a worker starts worker-c; 200 items submitted without waiting; the worker running the submission is killed after 60"
	local since_id before after started client victim
	start_worker worker-c
	wait_for_worker worker-c
	since_id=$(check last-execution-id)
	before=$(fake_stats)
	started=$(now)
	ts test/queue/submitBatch.ts "$BASE/webhook/queue-submit" 200 "$OUTPUT/images/256x256.png" "$CALLBACK_URL" phase3b "$WORK/phase3b.json" &
	client=$!
	HELPERS+=("$client")
	waited node test/queue/fakeStats.js wait "$STATS" accepted $(($(fake_count "$before" accepted) + 60)) || true
	worker_logs
	if victim=$(check worker-of-running queue-submit-1 "$since_id" "${LOGS[@]}"); then
		kill_worker "$victim"
		echo "[queue] $victim (running the submission) killed $(since "$started") s into the phase"
	else
		echo "[queue] the submission was no longer running: no worker killed"
	fi
	wait "$client"
	echo "[queue] the submitting request was answered HTTP $(node -e 'console.log(require(process.argv[1]).status)' "$WORK/phase3b.json") after $(since "$started") s"
	after=$(fake_stats)
	waited check wait-executions queue-callback-1 $(($(fake_count "$after" accepted) - $(fake_count "$before" accepted))) "$since_id"
	MAKESPAN[3b]=$(since "$started")
	after=$(fake_stats)
	worker_logs
	echo "[queue] phase 3b callbacks: $(check figure-callbacks queue-callback-1 "$before" "$after" "$since_id" "${LOGS[@]}")"
	echo "[queue] phase 3b submission: $(check figure-statuses queue-submit-1 "$since_id" "${LOGS[@]}")"
	record check no-repeats "$before" "$after"
}
