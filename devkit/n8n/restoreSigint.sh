# Sourced first by scripts that clean up on Ctrl-C. A script started in the background by a
# non-interactive shell (`bash editor.sh &`) inherits SIGINT as ignored, and bash cannot trap a
# signal that was ignored when it started: `kill -INT` would then leave n8n and the fake running.
# So the script starts over once with SIGINT's default action restored, which its trap replaces.
if [ -z "${WAVESPEED_SIGINT_RESTORED:-}" ]; then
	export WAVESPEED_SIGINT_RESTORED=1
	exec env --default-signal=INT bash "$0" "$@"
fi
