#!/usr/bin/env bash
# n8n's queue mode with this package: Redis, PostgreSQL, one n8n main and two workers (n8n 2.41.1
# from the e2e cache), binary data in the database, the fake WaveSpeed in its own process.
#  1. 200 uploads to the webhook example, 20 at a time: edited PNGs back, 200 tasks, both workers.
#  2. With the WaveSpeed Trigger: one execution submits 1,000 items without waiting; WaveSpeed's
#     callbacks start 1,000 trigger executions, each with its image in the database.
#  3. A worker killed (SIGKILL) under load, (a) during synchronous edits and (b) while one execution
#     submits without waiting: what n8n does with its executions, how many tasks were paid twice.
#  4. Figures: makespans, answer times, each worker's peak memory.
# Needs nothing installed by hand; stops and removes everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash devkit/n8n/install-n8n.sh
source devkit/n8n/cachePaths.sh
source devkit/n8n/installPackage.sh
source devkit/queue/services.sh
source devkit/queue/n8nProcesses.sh
source test/queue/phases.sh
NODE24="$NODE_DIR/bin/node"
WORK=$(mktemp -d /tmp/wavespeed-queue-XXXXXX)
FAKE_PID=
HELPERS=()
cleanup() {
	set +e
	# A helper that is a shell function runs in a subshell: its own child is ended too.
	for pid in "${HELPERS[@]}"; do kill $(ps -o pid= --ppid "$pid") "$pid" 2>/dev/null; done
	stop_n8n
	[ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null && wait "$FAKE_PID" 2>/dev/null
	stop_services
	[ -n "${KEEP_QUEUE:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
now() { date +%s.%N; }
since() { node -e 'console.log((Date.now() / 1000 - Number(process.argv[1])).toFixed(1))' "$1"; }
ts() { node -r ts-node/register/transpile-only "$@"; }
check() { node test/queue/check.js "$@"; }
# Long helpers run in the background and are waited for: bash runs a trap only between commands,
# and `wait` is one it interrupts, so Ctrl-C and SIGTERM stop the run at once.
waited() {
	"$@" &
	HELPERS+=($!)
	wait $!
}
passed=0
failed=0
record() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi; }
declare -A PEAK_RSS=()

started_all=$(now)
install_services
start_redis "$WORK"
start_postgres

# WaveSpeed's side: tasks take 1-2 s, at most 8 run at once, so callbacks arrive at most about 5 a
# second (main, on a shared 2-core machine, handles a few a second); a failed callback is tried
# again after 2, 8 and 30 s.
FAKE_TASK_MS=1500 FAKE_TASK_JITTER_MS=500 FAKE_RUNNING_LIMIT=8 FAKE_CALLBACK_RETRY_MS=2000,8000,30000 \
	node -r ts-node/register/transpile-only devkit/fake-wavespeed/cli.ts > "$WORK/fake.log" &
FAKE_PID=$!

export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_PERSONALIZATION_ENABLED=false
export N8N_LOG_LEVEL=info N8N_LISTEN_ADDRESS=127.0.0.1 N8N_GRACEFUL_SHUTDOWN_TIMEOUT=10
export EXECUTIONS_MODE=queue N8N_ENCRYPTION_KEY=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')
export DB_TYPE=postgresdb DB_POSTGRESDB_HOST=127.0.0.1 DB_POSTGRESDB_PORT=$PG_PORT DB_POSTGRESDB_DATABASE=n8n
export DB_POSTGRESDB_USER=postgres DB_POSTGRESDB_PASSWORD=
export QUEUE_BULL_REDIS_HOST=127.0.0.1 QUEUE_BULL_REDIS_PORT=$REDIS_PORT
export N8N_DEFAULT_BINARY_DATA_MODE=database
# Main verifies each WaveSpeed callback, stores its image and creates its execution: with n8n's 2
# database connections, a burst of callbacks makes its health ping wait over 5 s for one, and
# n8n then answers every request 503 "Database is not ready!" (and after 3 pings rebuilds the
# connection, failing the queries in flight).
export DB_POSTGRESDB_POOL_SIZE=20 DB_PING_TIMEOUT_MS=20000
# A killed worker's jobs are found within about 25 s instead of 90 s (n8n's lock of 60 s plus a
# check every 30 s); n8n 2.41.1 then fails them (it sets Bull's maxStalledCount to 0).
export QUEUE_WORKER_LOCK_DURATION=20000 QUEUE_WORKER_LOCK_RENEW_TIME=5000 QUEUE_WORKER_STALLED_INTERVAL=5000
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=n8n
export FLATTED="$N8N_DIR/node_modules/flatted"

echo "[queue] installing the packed package into main's and each worker's .n8n/nodes"
TARBALL="$WORK/$(npm pack --silent --pack-destination "$WORK" | tail -n 1)"
for folder in main worker-a worker-b; do prepare_user_folder "$folder"; done
trigger=no
# Not grep -q: tar would get SIGPIPE and pipefail would call that a miss.
tar -tzf "$TARBALL" | grep 'dist/nodes/WaveSpeed/WaveSpeedTrigger.node.js' >/dev/null && trigger=yes

for _ in $(seq 1 600); do [ -s "$WORK/fake.log" ] && break; sleep 0.1; done
read -r API OUTPUT KEY STATS < <(node -e 'const f = JSON.parse(process.argv[1]); console.log(f.api, f.output, f.apiKey, f.stats)' "$(head -n 1 "$WORK/fake.log")")
fake_stats() { node test/queue/fakeStats.js get "$STATS"; }

echo "[queue] migrating PostgreSQL and importing the credential and workflows (trigger: $trigger)"
node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify([{ id: "wsQueueCredential1", name: "WaveSpeed account", type: "waveSpeedApi", data: { apiKey: process.argv[2], baseUrl: process.argv[3] } }]))' \
	"$WORK/credentials.json" "$KEY" "$API"
waited n8n_cli import:credentials --input="$WORK/credentials.json" > "$WORK/import.log" 2>&1
{ read -r -a workflow_ids; read -r CALLBACK_PATH; } < <(node test/queue/workflows.js "$WORK/workflows" "$trigger")
waited n8n_cli import:workflow --separate --input="$WORK/workflows" >> "$WORK/import.log" 2>&1
# The import cannot activate them from the CLI (no user with the rights yet): publish each.
publishing=()
for id in "${workflow_ids[@]}"; do
	n8n_cli publish:workflow --id="$id" > "$WORK/publish-$id.log" 2>&1 &
	HELPERS+=($!)
	publishing+=($!)
done
for pid in "${publishing[@]}"; do wait "$pid"; done
echo "[queue] set-up took $(since "$started_all") s"

started=$(now)
start_main
start_worker worker-a
start_worker worker-b
wait_for_worker worker-a
wait_for_worker worker-b
BASE="http://127.0.0.1:$MAIN_PORT"
wait_for_webhook "$BASE/webhook/wavespeed-edit"
echo "[queue] main and two workers ready in $(since "$started") s"
grep -a 'Postgres .* is not supported' "$WORK/main.log" | head -n 1 | sed 's/^/[queue] n8n says: /' || true

phase_sync_edits
if [ "$trigger" = yes ]; then
	CALLBACK_URL="$BASE/$CALLBACK_PATH"
	wait_for_webhook "$CALLBACK_URL"
	wait_for_webhook "$BASE/webhook/queue-submit"
	phase_async_batch
else
	echo "[queue] phases 2 and 3b skipped: this package has no WaveSpeed Trigger yet"
fi
phase_kill_sync
[ "$trigger" = no ] || phase_kill_async

echo "[queue] figures"
for phase in 1 2 3a 3b; do
	makespan=${MAKESPAN[$phase]:-}
	echo "[queue]   makespan of phase $phase: ${makespan:-skipped}${makespan:+ s}"
done
for name in "${!WORKER_PIDS[@]}"; do PEAK_RSS[$name]="$(peak_rss_mib "${WORKER_PIDS[$name]}") MiB"; done
PEAK_RSS[main]="$(peak_rss_mib "$MAIN_PID") MiB"
for name in $(printf '%s\n' "${!PEAK_RSS[@]}" | sort); do
	echo "[queue]   peak RSS of $name: ${PEAK_RSS[$name]}"
done
echo "[queue]   whole run: $(since "$started_all") s"
echo "queue: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
