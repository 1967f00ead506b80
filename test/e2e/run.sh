#!/usr/bin/env bash
# `npm run test:e2e`: test/e2e/runVersion.sh on every n8n version in cachePaths.sh (or only
# E2E_N8N_VERSION), side by side.
exec bash "$(dirname "$0")/../../devkit/n8n/eachVersion.sh" e2e test/e2e/runVersion.sh
