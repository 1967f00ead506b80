#!/usr/bin/env bash
# Agent e2e in real n8n 2.41.1: examples/ai-agent-image-edit.json (Chat Trigger → AI Agent with an
# OpenAI Chat Model and the WaveSpeed Image Edit Tool) under `n8n start`, its model a fake
# OpenAI-compatible server whose scripted model calls the tool once and then answers, the tool
# talking to the fake WaveSpeed. One chat message is posted to the published Chat Trigger.
set -euo pipefail
source "$(dirname "$0")/../e2e/setup.sh"

OPENAI_PID=
# Ctrl-C may have ended it already: a failing kill must not stop the clean-up under set -e.
stop_fake_openai() {
	if [ -n "$OPENAI_PID" ]; then kill "$OPENAI_PID" 2>/dev/null || true; fi
	OPENAI_PID=
}
# setup.sh's own clean-up (n8n, the fake WaveSpeed, the temporary folder) runs after it.
trap 'stop_fake_openai; cleanup' EXIT

echo "[agent] starting the fake OpenAI; its model will ask the tool to edit $OUTPUT/images/640x480.png"
FAKE_OPENAI_IMAGE_URL="$OUTPUT/images/640x480.png" \
	node -r ts-node/register/transpile-only devkit/fake-openai/cli.ts > "$WORK/fake-openai.log" &
OPENAI_PID=$!

WEBHOOK_ID=$(node test/agent/prepareWorkflow.js examples/ai-agent-image-edit.json "$WORK/agent.json" e2e-agent-1)
n8n import:workflow --input="$WORK/agent.json" >/dev/null

for _ in $(seq 1 600); do [ -s "$WORK/fake-openai.log" ] && break; sleep 0.1; done
read -r OPENAI_URL OPENAI_KEY < <(node -e 'const f = JSON.parse(process.argv[1]); console.log(f.baseUrl, f.apiKey)' "$(head -n 1 "$WORK/fake-openai.log")")
node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify([{ id: "oaE2eCredential01", name: "OpenAI account", type: "openAiApi", data: { apiKey: process.argv[2], url: process.argv[3] } }]))' \
	"$WORK/openai-credential.json" "$OPENAI_KEY" "$OPENAI_URL"
n8n import:credentials --input="$WORK/openai-credential.json" >/dev/null
n8n publish:workflow --id=e2e-agent-1 >/dev/null

started=$(now)
echo "[agent] n8n start with the agent workflow published"
if start_n8n; then
	echo "[agent] n8n start took $(since "$started") s until its editor was up"
	node test/agent/postChat.js "http://127.0.0.1:$N8N_PORT/webhook/$WEBHOOK_ID/chat" \
		'Please make my photo look like a risograph print.' "$WORK/answer.json"
fi
stop_n8n

kill -TERM "$OPENAI_PID"; wait "$OPENAI_PID" || true; OPENAI_PID=
kill -TERM "$FAKE_PID"; wait "$FAKE_PID" || true; FAKE_PID=
node test/agent/checkAgent.js "$WORK/answer.json" "$(tail -n 1 "$WORK/fake-openai.log")" "$(tail -n 1 "$WORK/fake.log")" "$KEY"
