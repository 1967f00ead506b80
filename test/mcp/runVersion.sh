#!/usr/bin/env bash
# The MCP e2e on one n8n version (E2E_N8N_VERSION; run.sh runs each): a workflow whose MCP Server
# Trigger offers the WaveSpeed Image Edit Tool is published and served by `n8n start`; a real MCP
# client (mcpClient.mjs, the official SDK) lists the tools and, in one session, edits an image,
# edits one the fake WaveSpeed fails, and edits again. checkMcp.js checks what the client got.
set -euo pipefail
source "$(dirname "$0")/../../devkit/n8n/setup.sh"
FAILURE='Prompt rejected by the safety filter'
MCP_PATH=wavespeed-mcp-e2e

node test/mcp/prepareWorkflow.js "$WORK/mcp.json" e2e-mcp-1 "$MCP_PATH"
n8n import:workflow --input="$WORK/mcp.json" >/dev/null
publish_workflow e2e-mcp-1

started=$(now)
echo "[mcp] n8n start with the MCP server workflow published"
if start_n8n; then
	echo "[mcp] n8n start took $(since "$started") s until its editor was up"
	# The client's image is one the fake WaveSpeed serves; the fake fails a [fail:…] prompt.
	node test/mcp/mcpClient.mjs "http://127.0.0.1:$N8N_PORT/mcp/$MCP_PATH" \
		"$OUTPUT/images/640x480.png" "$FAILURE" "$WORK/client.json"
fi
stop_n8n

kill -TERM "$FAKE_PID"; wait "$FAKE_PID" || true; FAKE_PID=
node test/mcp/checkMcp.js "$N8N_VERSION" "$WORK/client.json" "$FAILURE" "$(tail -n 1 "$WORK/fake.log")"
