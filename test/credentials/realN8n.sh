#!/usr/bin/env bash
# The credential test inside real n8n 2.41.1, through the REST route the editor's credential
# dialog calls (POST /rest/credentials/test): n8n's own CredentialsTester finds the node's
# function by testedBy and runs it. Needs a built package (npm run build); uses the e2e cache.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/setup.sh"
start_n8n
node test/credentials/realN8n.js "http://127.0.0.1:$N8N_PORT" "$API" "$KEY"
