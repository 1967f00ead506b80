#!/usr/bin/env bash
# Agent e2e in real n8n 2.41.1: examples/ai-agent-image-edit.json (Chat Trigger → AI Agent with an
# OpenAI Chat Model and the WaveSpeed Image Edit Tool) under `n8n start`, its model a fake
# OpenAI-compatible server whose scripted model calls the tool once and then answers, the tool
# talking to the fake WaveSpeed. Two chat messages go to the published Chat Trigger: an edit, and
# one whose task WaveSpeed fails. Prints the tool calls' times and downloads next to the ones
# measured before tool mode (test/agent/baseline.json).
set -euo pipefail
source "$(dirname "$0")/../../devkit/n8n/restoreSigint.sh"
source "$(dirname "$0")/../../devkit/n8n/setup.sh"

source devkit/n8n/fakeOpenAi.sh
FAILURE='Prompt rejected by the safety filter'
# setup.sh's own clean-up (n8n, the fake WaveSpeed, the temporary folder) runs after it.
trap 'stop_fake_openai; cleanup' EXIT

echo "[agent] starting the fake OpenAI; its model will ask the tool to edit $OPENAI_IMAGE"
start_fake_openai
WEBHOOK_ID=$(node test/agent/prepareWorkflow.js \
	examples/ai-agent-image-edit.json "$WORK/agent.json" e2e-agent-1)
n8n import:workflow --input="$WORK/agent.json" >/dev/null
import_openai_credential
publish_workflow e2e-agent-1

started=$(now)
echo "[agent] n8n start with the agent workflow published"
if start_n8n; then
	echo "[agent] n8n start took $(since "$started") s until its editor was up"
	chat="http://127.0.0.1:$N8N_PORT/webhook/$WEBHOOK_ID/chat"
	node test/agent/postChat.js "$chat" edit 'Please make my photo look like a risograph print.' \
		"$WORK/answer.json"
	# The fake model passes the [fail:…] on to the prompt, and the fake WaveSpeed fails that task.
	node test/agent/postChat.js "$chat" failure "Same again [fail:$FAILURE]" "$WORK/failure.json"
fi
stop_n8n
# The tool calls' times and downloads, from n8n's execution data (its database, n8n stopped).
NODE_PATH="$N8N_DIR/node_modules" "$N8N_NODE" test/agent/measure.js \
	"$N8N_USER_FOLDER/.n8n/database.sqlite" 'WaveSpeed Image Edit' > "$WORK/measured.json" || true

kill -TERM "$OPENAI_PID"; wait "$OPENAI_PID" || true; OPENAI_PID=
kill -TERM "$FAKE_PID"; wait "$FAKE_PID" || true; FAKE_PID=
node test/agent/checkAgent.js examples/ai-agent-image-edit.json \
	"$WORK/answer.json" "$WORK/failure.json" "$FAILURE" \
	"$(tail -n 1 "$WORK/fake-openai.log")" "$(tail -n 1 "$WORK/fake.log")" "$KEY" \
	"$(cat "$WORK/measured.json")" test/agent/baseline.json
