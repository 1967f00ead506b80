#!/usr/bin/env bash
# The credential test inside real n8n 2.41.1: first through the REST route the editor's credential
# dialog calls (POST /rest/credentials/test), where n8n's own CredentialsTester finds the node's
# function by testedBy and runs it; then in the dialog itself, in headless Chromium (Debian's
# chromium, installed when missing). Needs a built package (npm run build); uses the e2e cache.
# CREDENTIAL_SCREENSHOTS=<folder> keeps a picture of each case.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
source "$(dirname "${BASH_SOURCE[0]}")/../../devkit/n8n/setup.sh"
start_n8n
BASE="http://127.0.0.1:$N8N_PORT"
CLOSED="http://127.0.0.1:$(free_port)"
node test/credentials/realN8n.js "$BASE" "$API" "$KEY" "$CLOSED"
node test/credentials/editorDialog.js "$BASE" "$API" "$KEY" "$CLOSED" "${CREDENTIAL_SCREENSHOTS:-}"
