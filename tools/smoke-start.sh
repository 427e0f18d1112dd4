#!/usr/bin/env bash
# Starts the API as a new user would (`npm start`, no NEO4J_URI: it starts its own Neo4j and
# seeds it), waits for /readyz, sends SIGTERM, and checks that no Java or Node process is left.
# Prints the time to ready. Usage: tools/smoke-start.sh [api-port] [neo4j-port]
set -uo pipefail
cd "$(dirname "$0")/.."
api_port="${1:-4099}"
neo4j_port="${2:-7698}"
data="$PWD/.neo4j/smoke-data-$neo4j_port"
rm -rf "$data"
log="$(mktemp)"

started=$(date +%s.%N)
env -u NEO4J_URI PORT="$api_port" NEO4J_LOCAL_PORT="$neo4j_port" NEO4J_LOCAL_DATA="$data" LOG_LEVEL=warn \
  node dist/cli/start.js >"$log" 2>&1 &
pid=$!
ready=""
for _ in $(seq 1 240); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$api_port/readyz")" = "200" ]; then
    ready=$(date +%s.%N)
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "smoke: /readyz never answered 200"; cat "$log"; kill "$pid" 2>/dev/null; exit 1
fi
printf 'smoke: ready in %.1f s\n' "$(echo "$ready - $started" | bc)"
companies=$(curl -s "http://127.0.0.1:$api_port/graphql" -H 'content-type: application/json' \
  -d '{"query":"{ companies { totalCount } }"}')
echo "smoke: $companies"
kill -TERM "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
left=$(pgrep -f "neo4j-launcher.*$data" || true)
if kill -0 "$pid" 2>/dev/null || [ -n "$left" ]; then
  echo "smoke: processes left after SIGTERM: api=$(kill -0 "$pid" 2>/dev/null && echo "$pid") neo4j=$left"; exit 1
fi
echo "smoke: SIGTERM left no process behind"
case "$companies" in *'"totalCount":'[1-9]*) exit 0 ;; *) echo "smoke: the seeded graph was not served"; exit 1 ;; esac
