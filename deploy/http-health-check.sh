#!/usr/bin/env bash
# Container health check for the ClarityConnect HTTP hosts (silo, standalone admin API). The .NET runtime images ship
# neither curl nor wget, and the product has no health mode of its own: this sends one HTTP/1.1 GET over bash's
# /dev/tcp and is healthy when the answer's status is 200.
#
#   http-health-check.sh [PATH] [PORT]     defaults: /health/ready and 8080 (the images' Urls=http://+:8080)
#
# /health/ready is 200 when the cluster has an active silo and its storage answers; /health/live when the process
# serves HTTP at all.
set -euo pipefail

path="${1:-/health/ready}"
port="${2:-8080}"

exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
status=""
IFS= read -r -t 10 status <&3 || true
exec 3<&-

case "$status" in
    "HTTP/1.1 200 "*) exit 0 ;;
    *) echo "unhealthy: GET $path answered '${status%$'\r'}'" >&2; exit 1 ;;
esac
