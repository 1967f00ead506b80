# Sourced by test/queue/run.sh: one n8n main and named workers in queue mode, each with its own
# user folder under $WORK (as on separate machines), sharing the database, Redis and the
# encryption key that run.sh exports. Sets MAIN_PID, MAIN_PORT, WORKER_PIDS[name] (running ones)
# and WORKER_LOGS[name] (every worker started).
MAIN_PID=
declare -A WORKER_PIDS=() WORKER_LOGS=()

# A user folder with the packed package installed the way n8n's docs say for queue mode:
# by hand into <folder>/.n8n/nodes, on main and on every worker.
prepare_user_folder() {
	mkdir -p "$WORK/$1/.n8n"
	install_packed_package "$TARBALL" "$WORK/$1/.n8n"
}

# n8n CLI commands (imports) run as main would, in main's folder.
n8n_cli() { N8N_USER_FOLDER="$WORK/main" N8N_RUNNERS_BROKER_PORT=$(free_port) "$NODE24" "$N8N_BIN" "$@"; }

wait_for_log() {
	local pid=$1 log=$2 line=$3
	for _ in $(seq 1 1800); do
		grep -aqs "$line" "$log" && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	echo "[queue] n8n did not log '$line':" >&2
	tail -n 30 "$log" >&2
	return 1
}

start_main() {
	MAIN_PORT=$(free_port)
	N8N_USER_FOLDER="$WORK/main" N8N_PORT=$MAIN_PORT N8N_RUNNERS_BROKER_PORT=$(free_port) \
		"$NODE24" "$N8N_BIN" start > "$WORK/main.log" 2>&1 &
	MAIN_PID=$!
	wait_for_log "$MAIN_PID" "$WORK/main.log" 'Editor is now accessible'
}

# In a container every worker is named worker-<hostname> (n8n reads no setting for it), so each
# worker gets a host name of its own in its own UTS namespace, as separate containers would have.
start_worker() {
	local name=$1 log="$WORK/$1.log"
	local -a own_host=()
	[ -d "$WORK/$name" ] || prepare_user_folder "$name"
	WORKER_LOGS[$name]=$log
	unshare --uts true 2>/dev/null && own_host=(unshare --uts sh -c 'hostname "$0" && exec "$@"' "queue-$name")
	N8N_USER_FOLDER="$WORK/$name" N8N_RUNNERS_BROKER_PORT=$(free_port) \
		"${own_host[@]}" "$NODE24" "$N8N_BIN" worker > "$log" 2>&1 &
	WORKER_PIDS[$name]=$!
}

wait_for_worker() { wait_for_log "${WORKER_PIDS[$1]}" "$WORK/$1.log" 'n8n worker is now ready'; }

# A webhook answers a CORS preflight (with an Origin) with 204 once main has registered it, 404
# before; main activates published workflows in the background, after "Editor is now accessible".
wait_for_webhook() {
	local preflight=(-X OPTIONS -H 'Origin: http://127.0.0.1' -H 'Access-Control-Request-Method: POST')
	for _ in $(seq 1 600); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "${preflight[@]}" "$1")" = 204 ] && return 0
		sleep 0.1
	done
	echo "[queue] the webhook $1 was not registered within 60 s" >&2
	return 1
}

# Peak resident memory of a running process, in MiB (the kernel's high-water mark).
peak_rss_mib() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# All at once: each worker may wait for its running jobs (N8N_GRACEFUL_SHUTDOWN_TIMEOUT).
stop_n8n() {
	local pid pids=("${WORKER_PIDS[@]}" $MAIN_PID)
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
	WORKER_PIDS=()
	MAIN_PID=
}
