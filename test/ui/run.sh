#!/usr/bin/env bash
# `npm run test:ui`: the browser test. n8n 2.41.1 with this package, the fake WaveSpeed and a
# credential, as `npm run n8n` sets them up, driven in Debian's chromium by playwright-core
# (test/ui/editorTest.ts). Refreshes the README's screenshots in docs/. Installs chromium with
# apt-get when it is missing.
set -euo pipefail
source "$(dirname "$0")/../../devkit/n8n/restoreSigint.sh"
cd "$(dirname "$0")/../.."
started=$(date +%s.%N)
if ! command -v chromium >/dev/null; then
	echo "[ui] installing Debian's chromium"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

source devkit/n8n/setup.sh
UI_PID=
stop_ui() {
	[ -n "$UI_PID" ] || return 0
	kill "$UI_PID" 2>/dev/null
	wait "$UI_PID" 2>/dev/null
	UI_PID=
}
trap 'set +e; stop_ui; cleanup' EXIT
export N8N_DEFAULT_BINARY_DATA_MODE=filesystem
for example in examples/*.json; do prepare_example "$example" "example-$(basename "$example" .json)"; done
import_prepared
n8n_started=$(now)
start_n8n
echo "[ui] n8n took $(since "$n8n_started") s to start; chromium $(chromium --version 2>/dev/null | awk '{print $2}')"

# In the background so that a signal to this script is handled at once, not after the test.
N8N_URL="http://127.0.0.1:$N8N_PORT" FAKE_OUTPUT="$OUTPUT" UI_PROFILE_DIR="$WORK/chromium-profile" UI_DOCS_DIR=docs \
	node -r ts-node/register/transpile-only test/ui/editorTest.ts &
UI_PID=$!
status=0
wait "$UI_PID" || status=$?
UI_PID=
echo "[ui] whole run: $(since "$started") s"
exit "$status"
