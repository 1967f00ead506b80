#!/usr/bin/env bash
# Puts Node 24 and n8n (versions in cachePaths.sh) into a cache folder outside the repo, reused
# when present. n8n 2.x needs Node 24; these machines run Node 20.
set -euo pipefail
source "$(dirname "$0")/cachePaths.sh"

log() { echo "[install-n8n] $*" >&2; }

if [ ! -x "$NODE_DIR/bin/node" ]; then
	log "installing $NODE_PACKAGE"
	mkdir -p "$CACHE/node24"
	npm install --no-save --no-package-lock --prefix "$CACHE/node24" "$NODE_PACKAGE" >&2
fi
export PATH="$NODE_DIR/bin:$PATH"

if [ ! -f "$N8N_DIR/.installed" ]; then
	log "installing n8n@$N8N_VERSION under $(node --version) (a few minutes on a cold cache)"
	rm -rf "$N8N_DIR"
	mkdir -p "$N8N_DIR"
	echo '{"name":"n8n-e2e-cache","private":true}' > "$N8N_DIR/package.json"
	# Without --ignore-scripts a Kafka dependency tries to download native sources and fails.
	npm install --prefix "$N8N_DIR" --ignore-scripts --no-audit --no-fund "n8n@$N8N_VERSION" >&2
	# sqlite3 has no prebuilt binary reachable here: build it against Node 24's own headers.
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
