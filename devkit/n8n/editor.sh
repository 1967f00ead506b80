#!/usr/bin/env bash
# `npm run n8n`: the cached n8n 2.41.1 (E2E_N8N_VERSION=1.122.5 for 1.x) on http://127.0.0.1:5678
# with this package installed, the fake WaveSpeed running, a "WaveSpeed account" credential
# pointing at it and the example workflows imported, so a person can try the node in the real
# editor without an API key.
# Everything lives in a temporary N8N_USER_FOLDER. Ctrl-C, or SIGINT or SIGTERM sent to this
# script or to `npm run n8n` (which execs it), stops n8n and the fake and removes the folder.
set -euo pipefail
source "$(dirname "$0")/restoreSigint.sh"
source "$(dirname "$0")/setup.sh"
export N8N_PORT=${N8N_PORT:-5678} N8N_DEFAULT_BINARY_DATA_MODE=${N8N_DEFAULT_BINARY_DATA_MODE:-filesystem}

for example in examples/*.json; do prepare_example "$example" "example-$(basename "$example" .json)"; done
import_prepared
publish_workflow example-webhook-edit-upload
start_n8n
wait_for_webhook "http://127.0.0.1:$N8N_PORT/webhook/wavespeed-edit"
cat <<MESSAGE

n8n $N8N_VERSION is running with n8n-nodes-wavespeed-image-edit installed:
  editor      http://127.0.0.1:$N8N_PORT  (create the owner account on first visit)
  credential  "WaveSpeed account" → fake WaveSpeed at $API (no real key needed)
  workflows   the examples from examples/, the webhook one active at
              POST http://127.0.0.1:$N8N_PORT/webhook/wavespeed-edit  (body: an image file)
  files       "Write Edited Image to Disk" writes to $WORK/files
Press Ctrl-C (or kill -INT $$) to stop; the temporary folder $WORK is removed.
MESSAGE
wait "$N8N_PID"
