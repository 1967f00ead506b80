# Sourced by test/queue/run.sh: Redis and PostgreSQL from Debian's packages, each on a free port on
# 127.0.0.1 with its data in a temporary folder. Sets REDIS_PORT, PG_PORT and PG_DIR; stop_services ends both.
# The caller traps EXIT and calls stop_services.
PG_DIR=
REDIS_PID=
PG_CTL=

install_services() {
	command -v redis-server >/dev/null && compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null && return 0
	echo "[queue] installing redis-server and postgresql from Debian's packages"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y redis-server postgresql >/dev/null 2>&1 ||
		{ apt-get update >/dev/null && apt-get install -y redis-server postgresql >/dev/null; }
}

# $1: a folder of the caller's for Redis's log. Redis keeps nothing on disk here.
start_redis() {
	REDIS_PORT=$(free_port)
	redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$1" \
		--logfile "$1/redis.log" &
	REDIS_PID=$!
	until redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; do
		kill -0 "$REDIS_PID" 2>/dev/null || { cat "$1/redis.log" >&2; return 1; }
		sleep 0.1
	done
}

# PostgreSQL's server refuses to run as root: it runs as the postgres user, in a folder it owns.
# Durability is off (fsync, synchronous commits): the data is thrown away after the run.
start_postgres() {
	local bin
	bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
	PG_CTL="$bin/pg_ctl"
	PG_PORT=$(free_port)
	PG_DIR=$(mktemp -d /tmp/wavespeed-queue-pg-XXXXXX)
	chown postgres:postgres "$PG_DIR"
	runuser -u postgres -- "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust >/dev/null
	runuser -u postgres -- "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w \
		-o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" \
		start >/dev/null
	runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" n8n
}

stop_services() {
	if [ -n "$REDIS_PID" ]; then
		kill "$REDIS_PID" 2>/dev/null
		wait "$REDIS_PID" 2>/dev/null
		REDIS_PID=
	fi
	if [ -n "$PG_DIR" ]; then
		[ -f "$PG_DIR/data/postmaster.pid" ] && runuser -u postgres -- "$PG_CTL" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
		rm -rf "$PG_DIR"
		PG_DIR=
	fi
}
