#!/usr/bin/env bash
# Takes the README's pictures from real n8n: starts it like `npm run n8n`, sets up an owner,
# runs the examples in the editor with headless Chromium (Debian's `chromium` package) and
# saves screenshots to docs/. Not part of CI; run it by hand after UI changes.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
export N8N_DEFAULT_BINARY_DATA_MODE=filesystem
PLAYWRIGHT="$CACHE/playwright"
[ -d "$PLAYWRIGHT/node_modules/playwright-core" ] ||
	npm install --prefix "$PLAYWRIGHT" --no-save --no-package-lock playwright-core@1.65.1 --silent
command -v chromium >/dev/null || { echo "needs Debian's chromium: apt-get install chromium" >&2; exit 1; }

for example in examples/*.json; do prepare_example "$example" "example-$(basename "$example" .json)"; done
import_prepared
start_n8n
NODE_PATH="$PLAYWRIGHT/node_modules" node test/e2e/screenshots.js "http://127.0.0.1:$N8N_PORT" docs
