#!/usr/bin/env bash
# Checks docker-compose.yml without a Docker engine: `docker-compose config -q` (Debian's docker-compose package; the
# Docker CLI here has no compose plugin) with .env.example standing in for .env, so the check is the same on every
# machine and proves .env.example sets every value the file requires. Also checks that the Dockerfiles and the
# OpenTelemetry collector configuration the file names exist, and that the collector configuration is YAML.
#
#   scripts/check-compose.sh        exit 0: valid; 1: invalid; 3: docker-compose missing and not installable
#
# Installs docker-compose with apt-get when it is missing and this runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "check-compose: docker-compose is not installed (as root: apt-get install docker-compose)." >&2
        exit 3
    fi
    apt_log="$(mktemp)"
    if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y docker-compose; } >"$apt_log" 2>&1; then
        tail -n 20 "$apt_log" >&2
        rm -f "$apt_log"
        echo "check-compose: docker-compose could not be installed." >&2
        exit 3
    fi
    rm -f "$apt_log"
fi

compose=(docker-compose --env-file .env.example -f docker-compose.yml)
if ! "${compose[@]}" config -q; then
    echo "check-compose: docker-compose.yml is invalid (docker-compose config, above)." >&2
    exit 1
fi

status=0
for file in $("${compose[@]}" config | sed -n 's/^ *dockerfile: *//p' | sort -u) deploy/otel-collector.yaml; do
    if [ ! -f "$file" ]; then
        echo "check-compose: docker-compose.yml names $file, which does not exist." >&2
        status=1
    fi
done

if python3 -c 'import yaml' 2>/dev/null \
    && ! python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' deploy/otel-collector.yaml; then
    echo "check-compose: deploy/otel-collector.yaml is not valid YAML." >&2
    status=1
fi

[ "$status" -eq 0 ] && echo "check-compose: docker-compose.yml is valid."
exit "$status"
