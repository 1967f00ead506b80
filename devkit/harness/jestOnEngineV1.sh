#!/usr/bin/env bash
# The Jest engine tests again, on n8n 1.x's engine: n8n-core 1.122 (version in
# devkit/n8n/cachePaths.sh) with its n8n-workflow and @n8n/di, installed into the e2e cache when
# missing. jest.config.js maps the tests, the harness and the built package under dist/ onto them,
# as n8n hands its own n8n-workflow to a community package. Needs dist/ (`npm run build`).
set -euo pipefail
cd "$(dirname "$0")/../.."
source devkit/n8n/cachePaths.sh

if [ ! -f "$ENGINE_V1_DIR/.installed" ]; then
	echo "[engine-v1] installing $ENGINE_V1 into $ENGINE_V1_DIR" >&2
	rm -rf "$ENGINE_V1_DIR"
	mkdir -p "$ENGINE_V1_DIR"
	echo '{"name":"n8n-engine-cache","private":true}' > "$ENGINE_V1_DIR/package.json"
	npm install --prefix "$ENGINE_V1_DIR" --ignore-scripts --no-audit --no-fund "$ENGINE_V1" >&2
	touch "$ENGINE_V1_DIR/.installed"
fi
version() { node -p "require('$ENGINE_V1_DIR/node_modules/$1/package.json').version"; }
echo "[engine-v1] Jest on n8n-core $(version n8n-core), n8n-workflow $(version n8n-workflow), @n8n/di $(version @n8n/di)"
# n8n 1.x warns on every start that the settings file it just wrote is readable by others.
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
WAVESPEED_ENGINE_DIR="$ENGINE_V1_DIR" node_modules/.bin/jest "$@"
