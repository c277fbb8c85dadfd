#!/usr/bin/env bash
# Throwaway PostgreSQL 15 server for the storage tests (tests/ClarityConnect.Storage.Tests).
#
#   scripts/postgres-test-server.sh start   # init + start on a free 127.0.0.1 port, wait until it accepts connections
#   scripts/postgres-test-server.sh env     # print CLARITYCONNECT_TEST_POSTGRES=<connection string to the maintenance db>
#   scripts/postgres-test-server.sh stop    # stop the server and delete its directory
#
# Typical use:
#   scripts/postgres-test-server.sh start
#   export "$(scripts/postgres-test-server.sh env)"
#   dotnet test tests/ClarityConnect.Storage.Tests
#   scripts/postgres-test-server.sh stop
#
# Every command is idempotent and prints nothing on success (except `env`). The server lives in
# $CLARITYCONNECT_PG_DIR (default /tmp/clarityconnect-pg): data/, socket/, postgres.log and the state file `env`.
# It trusts every connection on 127.0.0.1 only and runs without fsync: it is for tests, never for data.
# PostgreSQL refuses to run as root, so as root the server runs as the system user $CLARITYCONNECT_PG_USER
# (default ccpgtest), created if missing; PostgreSQL 15 is installed with apt-get if its binaries are missing.
set -euo pipefail

PG_DIR="${CLARITYCONNECT_PG_DIR:-/tmp/clarityconnect-pg}"
PG_BIN="${CLARITYCONNECT_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_RUN_USER="${CLARITYCONNECT_PG_USER:-ccpgtest}"
DATA_DIR="$PG_DIR/data"
SOCKET_DIR="$PG_DIR/socket"
LOG_FILE="$PG_DIR/postgres.log"
STATE_FILE="$PG_DIR/env"

fail() {
    echo "postgres-test-server: $*" >&2
    exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the user that owns the server (PostgreSQL refuses root).
as_server_user() {
    if is_root; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u "$PG_RUN_USER" -- "$@"
        else
            su -s /bin/sh "$PG_RUN_USER" -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

ensure_binaries() {
    if [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/pg_isready" ]; then
        return
    fi
    if ! is_root; then
        fail "PostgreSQL 15 server binaries not found in $PG_BIN; install them (as root: apt-get install postgresql) or set CLARITYCONNECT_PG_BIN"
    fi
    local apt_log
    apt_log="$(mktemp)"
    if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; } >"$apt_log" 2>&1; then
        tail -n 20 "$apt_log" >&2
        rm -f "$apt_log"
        fail "apt-get install postgresql failed (output above)"
    fi
    rm -f "$apt_log"
    [ -x "$PG_BIN/initdb" ] || fail "apt-get installed postgresql but $PG_BIN/initdb is missing (is it PostgreSQL 15? set CLARITYCONNECT_PG_BIN)"
}

ensure_run_user() {
    is_root || return 0
    if ! id -u "$PG_RUN_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_RUN_USER" \
            || fail "could not create system user $PG_RUN_USER for PostgreSQL (useradd failed)"
    fi
}

# True when the recorded server accepts connections.
is_running() {
    [ -f "$STATE_FILE" ] || return 1
    local port
    port="$(sed -n 's/^PORT=//p' "$PG_DIR/port" 2>/dev/null)"
    [ -n "$port" ] || return 1
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres -t 2 >/dev/null 2>&1
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
    local port tries=0
    while [ $tries -lt 100 ]; do
        port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        if ! port_in_use "$port"; then
            echo "$port"
            return
        fi
        tries=$((tries + 1))
    done
    fail "no free TCP port found on 127.0.0.1"
}

stop_server() {
    if [ -f "$DATA_DIR/postmaster.pid" ] && [ -x "$PG_BIN/pg_ctl" ]; then
        as_server_user "$PG_BIN/pg_ctl" stop -D "$DATA_DIR" -m fast -w -t 60 >/dev/null 2>&1 \
            || as_server_user "$PG_BIN/pg_ctl" stop -D "$DATA_DIR" -m immediate -w -t 30 >/dev/null 2>&1 \
            || true
    fi
    if [ -f "$DATA_DIR/postmaster.pid" ] && as_server_user "$PG_BIN/pg_ctl" status -D "$DATA_DIR" >/dev/null 2>&1; then
        fail "could not stop the PostgreSQL server in $DATA_DIR (see $LOG_FILE)"
    fi
    rm -rf "$PG_DIR" || fail "could not remove $PG_DIR"
}

start_server() {
    if is_running; then
        return
    fi
    ensure_binaries
    ensure_run_user
    # A directory left by a crashed or half-started run: throw it away and start clean.
    if [ -e "$PG_DIR" ]; then
        stop_server
    fi

    mkdir -p "$PG_DIR" || fail "could not create $PG_DIR"
    chmod 755 "$PG_DIR"
    if is_root; then
        chown "$PG_RUN_USER" "$PG_DIR" || fail "could not chown $PG_DIR to $PG_RUN_USER"
    fi
    as_server_user mkdir -p "$SOCKET_DIR"
    as_server_user chmod 700 "$SOCKET_DIR"

    local init_log="$PG_DIR/initdb.log"
    if ! as_server_user "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust --no-locale -E UTF8 \
            >"$init_log" 2>&1; then
        cat "$init_log" >&2
        fail "initdb failed for $DATA_DIR (output above)"
    fi

    # Trust, but only over loopback TCP and the private socket directory.
    as_server_user sh -c "cat > '$DATA_DIR/pg_hba.conf'" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF

    local port
    for _ in 1 2 3 4 5; do
        port="$(pick_port)"
        as_server_user sh -c "cat > '$DATA_DIR/postgresql.auto.conf'" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$SOCKET_DIR'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
        if as_server_user "$PG_BIN/pg_ctl" start -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 >/dev/null 2>&1; then
            break
        fi
        # Lost a race for the port (or another start failure): stop whatever is half up and retry.
        as_server_user "$PG_BIN/pg_ctl" stop -D "$DATA_DIR" -m immediate -w -t 30 >/dev/null 2>&1 || true
        port=""
    done
    if [ -z "$port" ]; then
        tail -n 20 "$LOG_FILE" >&2 2>/dev/null || true
        fail "PostgreSQL did not start (log above, full log in $LOG_FILE)"
    fi

    local waited=0
    until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres -t 2 >/dev/null 2>&1; do
        waited=$((waited + 1))
        if [ $waited -ge 60 ]; then
            fail "PostgreSQL started but does not accept connections on 127.0.0.1:$port (see $LOG_FILE)"
        fi
        sleep 1
    done

    echo "PORT=$port" >"$PG_DIR/port"
    echo "CLARITYCONNECT_TEST_POSTGRES=Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" >"$STATE_FILE"
    chmod 644 "$PG_DIR/port" "$STATE_FILE"
}

print_env() {
    is_running || fail "no test server is running (state $STATE_FILE); run: $0 start"
    cat "$STATE_FILE"
}

case "${1:-}" in
    start) start_server ;;
    stop) stop_server ;;
    env) print_env ;;
    *)
        echo "usage: $0 start|stop|env" >&2
        exit 2
        ;;
esac
