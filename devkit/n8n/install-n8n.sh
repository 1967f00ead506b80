#!/usr/bin/env bash
# Puts n8n and the Node it needs (versions in cachePaths.sh; E2E_N8N_VERSION picks one) into a
# cache folder outside the repo, reused when present. n8n 2.x needs Node 24, n8n 1.x runs on the
# machine's Node 20.
set -euo pipefail
source "$(dirname "$0")/cachePaths.sh"

log() { echo "[install-n8n] $*" >&2; }

if [ ! -x "$NODE_DIR/bin/node" ]; then
	log "installing $NODE_PACKAGE"
	mkdir -p "$CACHE/node$NODE_MAJOR"
	npm install --no-save --no-package-lock --prefix "$CACHE/node$NODE_MAJOR" "$NODE_PACKAGE" >&2
fi
export PATH="$NODE_DIR/bin:$PATH"

if [ ! -f "$N8N_DIR/.installed" ]; then
	log "installing n8n@$N8N_VERSION under $(node --version) (a few minutes on a cold cache)"
	rm -rf "$N8N_DIR"
	mkdir -p "$N8N_DIR"
	# n8n 1.x's n8n-nodes-base takes xlsx from SheetJS's own site, which is not reachable here: the
	# same library as republished on npm, the one n8n 2.x uses, stands in.
	case $N8N_VERSION in
		1.*) overrides=',"overrides":{"xlsx":"npm:@e965/xlsx@0.20.3"}' ;;
		*) overrides= ;;
	esac
	echo "{\"name\":\"n8n-e2e-cache\",\"private\":true$overrides}" > "$N8N_DIR/package.json"
	# Without --ignore-scripts a Kafka dependency tries to download native sources and fails.
	npm install --prefix "$N8N_DIR" --ignore-scripts --no-audit --no-fund "n8n@$N8N_VERSION" >&2
	# sqlite3 has no prebuilt binary reachable here: build it against that Node's own headers.
	# --ignore-scripts=false because `npm run` passes this project's ignore-scripts=true down.
	(cd "$N8N_DIR" && npm rebuild sqlite3 --ignore-scripts=false --nodedir="$NODE_DIR" >&2)
	[ -f "$N8N_DIR/node_modules/sqlite3/build/Release/node_sqlite3.node" ] || {
		log "sqlite3 was not built"
		exit 1
	}
	touch "$N8N_DIR/.installed"
fi
# A new instance's user folder (encryption key and a database with n8n's ~200 migrations applied),
# made once per n8n version: every e2e run starts from a copy instead of migrating again.
if [ ! -f "$FRESH/.ready" ]; then
	log "migrating an empty n8n database"
	rm -rf "$FRESH"
	mkdir -p "$FRESH"
	N8N_USER_FOLDER="$FRESH" N8N_DIAGNOSTICS_ENABLED=false node "$N8N_BIN" list:workflow >/dev/null
	touch "$FRESH/.ready"
fi
