# Sourced by test/agent/run.sh after devkit/n8n/setup.sh: the fake OpenAI, its model set to edit
# one of the fake WaveSpeed's images, and an "OpenAI account" credential pointing at it.
# Sets OPENAI_PID.
OPENAI_PID=
OPENAI_IMAGE="$OUTPUT/images/640x480.png"

start_fake_openai() {
	FAKE_OPENAI_IMAGE_URL="$OPENAI_IMAGE" \
		node -r ts-node/register/transpile-only devkit/fake-openai/cli.ts > "$WORK/fake-openai.log" &
	OPENAI_PID=$!
}

# Waits for the fake's first line (base URL and key) and imports the credential.
import_openai_credential() {
	local url key
	for _ in $(seq 1 600); do [ -s "$WORK/fake-openai.log" ] && break; sleep 0.1; done
	read -r url key < <(
		node -e 'const f = JSON.parse(process.argv[1]); console.log(f.baseUrl, f.apiKey)' \
			"$(head -n 1 "$WORK/fake-openai.log")"
	)
	node -e '
		const [file, apiKey, url] = process.argv.slice(1);
		const data = { apiKey, url };
		const credential = { id: "oaE2eCredential01", name: "OpenAI account", type: "openAiApi", data };
		require("fs").writeFileSync(file, JSON.stringify([credential]));
	' "$WORK/openai-credential.json" "$key" "$url"
	n8n import:credentials --input="$WORK/openai-credential.json" >/dev/null
}

# Ctrl-C may have ended it already: a failing kill must not stop a clean-up under set -e.
stop_fake_openai() {
	if [ -n "$OPENAI_PID" ]; then kill "$OPENAI_PID" 2>/dev/null || true; fi
	OPENAI_PID=
}
