# Sourced by test/e2e/runVersion.sh, editor.sh and the agent, browser and credential tests: real
# n8n (E2E_N8N_VERSION, by default the first in cachePaths.sh) in a temporary N8N_USER_FOLDER with
# this package installed the way n8n installs community packages, the fake WaveSpeed running and
# a credential pointing at it imported.
# Sets WORK, API, OUTPUT, KEY and the n8n, publish_workflow and wait_for_webhook functions.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash devkit/n8n/install-n8n.sh
source devkit/n8n/cachePaths.sh
source devkit/n8n/webhookReady.sh
N8N_NODE="$NODE_DIR/bin/node"
WORK=$(mktemp -d /tmp/wavespeed-e2e-XXXXXX)
FAKE_PID=
N8N_PID=
# Other background processes of the sourcing script, each ending its own children on TERM.
LANE_PIDS=()
cleanup() {
	# Ctrl-C reaches n8n and the fake too: their exit codes must not stop the clean-up half way.
	set +e
	for pid in "${LANE_PIDS[@]}"; do
		kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	done
	[ -z "$N8N_PID" ] || stop_n8n
	[ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null
	[ -n "${KEEP_E2E:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 130" INT TERM
export N8N_USER_FOLDER="$WORK"
export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_PERSONALIZATION_ENABLED=false
export N8N_LOG_LEVEL=info N8N_LISTEN_ADDRESS=127.0.0.1
# n8n 2.x refreshes an MCP registry from the internet at start-up; these machines reach only
# 127.0.0.1. n8n 1.x has no such module and refuses to start when told to disable it.
[[ $N8N_VERSION == 1.* ]] || export N8N_DISABLED_MODULES=mcp-registry
export N8N_RESTRICT_FILE_ACCESS_TO="$WORK/files"
mkdir -p "$WORK/files"
cp -a "$FRESH/.n8n" "$WORK/.n8n"
n8n() { "$N8N_NODE" "$N8N_BIN" "$@"; }

# n8n 2.x publishes a workflow; n8n 1.x activates its saved version (see saveWorkflowVersion.js).
publish_workflow() {
	case $N8N_VERSION in
		1.*)
			"$N8N_NODE" devkit/n8n/saveWorkflowVersion.js "$N8N_DIR" "$N8N_USER_FOLDER" "$1"
			n8n update:workflow --id="$1" --active=true >/dev/null
			;;
		*) n8n publish:workflow --id="$1" >/dev/null ;;
	esac
}

# The fake starts while the package installs.
echo "[e2e] starting the fake WaveSpeed"
node -r ts-node/register/transpile-only devkit/fake-wavespeed/cli.ts > "$WORK/fake.log" &
FAKE_PID=$!

echo "[e2e] installing the packed package into $WORK/.n8n/nodes the way n8n installs community packages"
source devkit/n8n/installPackage.sh
TARBALL=$(npm pack --silent --pack-destination "$WORK" | tail -n 1)
install_packed_package "$WORK/$TARBALL" "$WORK/.n8n"

for _ in $(seq 1 600); do [ -s "$WORK/fake.log" ] && break; sleep 0.1; done
FAKE=$(head -n 1 "$WORK/fake.log")
if [ -z "$FAKE" ]; then
	echo "[e2e] the fake WaveSpeed did not start within 60 s" >&2
	exit 1
fi
read -r API OUTPUT KEY < <(node -e 'const f = JSON.parse(process.argv[1]); console.log(f.api, f.output, f.apiKey)' "$FAKE")
export FAKE_OUTPUT="$OUTPUT"

node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify([{ id: "wsE2eCredential01", name: "WaveSpeed account", type: "waveSpeedApi", data: { apiKey: process.argv[2], baseUrl: process.argv[3] } }]))' \
	"$WORK/credentials.json" "$KEY" "$API"
n8n import:credentials --input="$WORK/credentials.json" >/dev/null

# Copies an example into $WORK/workflows under a fixed id, optionally with another prompt and
# options of the WaveSpeed node (JSON, added to its Options); import_prepared then imports them
# all with one n8n start-up.
prepare_example() {
	local file=$1 id=$2 prompt=${3:-} options=${4:-}
	mkdir -p "$WORK/workflows"
	node -e '
		const fs = require("fs");
		const [file, out, id, prompt, options] = process.argv.slice(1);
		// Public photos become PNGs of the same size on the fake; the documented file folder a temporary one.
		const text = fs.readFileSync(file, "utf8")
			.replace(/https:\/\/picsum\.photos\/id\/\d+\/(\d+)\/(\d+)\.jpg/g, `${process.env.FAKE_OUTPUT}/images/$1x$2.png`)
			.replaceAll("/home/node/.n8n-files", process.env.N8N_RESTRICT_FILE_ACCESS_TO)
			.replaceAll("https://your-n8n.example.com", process.env.E2E_N8N_URL ?? "https://your-n8n.example.com");
		const w = JSON.parse(text);
		w.id = id;
		// n8n 1.x refuses to import a workflow without these; 2.x fills them in.
		w.versionId ??= require("crypto").randomUUID();
		w.active ??= false;
		const edit = () => w.nodes.find((n) => n.type.endsWith("waveSpeedImageEdit")).parameters;
		if (prompt) edit().prompt = prompt;
		if (options) edit().options = { ...edit().options, ...JSON.parse(options) };
		fs.writeFileSync(out, JSON.stringify(w));
	' "$file" "$WORK/workflows/$id.json" "$id" "$prompt" "$options"
}

import_prepared() {
	n8n import:workflow --separate --input="$WORK/workflows" >/dev/null
}

now() { date +%s.%N; }
since() { node -e 'console.log((Date.now() / 1000 - Number(process.argv[1])).toFixed(1))' "$1"; }
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# Starts `n8n start` in the background (log in $N8N_USER_FOLDER/n8n-start.log) and waits until
# its editor is accessible. Published workflows are still being activated then: before posting
# to a webhook, wait_for_webhook.
start_n8n() {
	local N8N_RUNNERS_BROKER_PORT log="$N8N_USER_FOLDER/n8n-start.log"
	export N8N_PORT=${N8N_PORT:-$(free_port)}
	export N8N_RUNNERS_BROKER_PORT=$(free_port)
	# Not through the n8n function: $! must be n8n's own pid so that stop_n8n ends it.
	"$N8N_NODE" "$N8N_BIN" start > "$log" 2>&1 &
	N8N_PID=$!
	for _ in $(seq 1 1200); do
		grep -aq "Editor is now accessible" "$log" && return 0
		kill -0 "$N8N_PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "n8n did not start:" >&2
	tail -n 30 "$log" >&2
	return 1
}

stop_n8n() {
	[ -n "$N8N_PID" ] || return 0
	kill "$N8N_PID" 2>/dev/null
	wait "$N8N_PID" 2>/dev/null || true
	N8N_PID=
}
