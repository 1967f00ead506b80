#!/usr/bin/env bash
# Runs a per-version script (argument 2) on every n8n version in cachePaths.sh (or only
# E2E_N8N_VERSION), side by side, each with its own fake WaveSpeed and user folder; the reports
# are printed in order, under a label (argument 1). Fails when any version fails.
LABEL=$1
SCRIPT=$2
set -euo pipefail
source "$(dirname "$0")/restoreSigint.sh"
cd "$(dirname "$0")/../.."
source devkit/n8n/cachePaths.sh
versions=("${N8N_VERSIONS[@]}")
[ -z "${E2E_N8N_VERSION:-}" ] || versions=("$E2E_N8N_VERSION")

LOGS=$(mktemp -d "/tmp/wavespeed-$LABEL-logs-XXXXXX")
pids=()
cleanup() {
	set +e
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	done
	rm -rf "$LOGS"
}
trap cleanup EXIT
trap "exit 130" INT TERM

for version in "${versions[@]}"; do
	E2E_N8N_VERSION=$version bash "$SCRIPT" > "$LOGS/$version.log" 2>&1 &
	pids+=($!)
done
failed=()
for i in "${!versions[@]}"; do
	status=0
	wait "${pids[$i]}" || status=$?
	echo "━━ n8n ${versions[$i]}"
	cat "$LOGS/${versions[$i]}.log"
	[ "$status" -eq 0 ] || failed+=("${versions[$i]}")
done
pids=()
if [ ${#failed[@]} -eq 0 ]; then
	echo "$LABEL: passed on n8n ${versions[*]}"
else
	echo "$LABEL: failed on n8n ${failed[*]}"
	exit 1
fi
