#!/usr/bin/env bash
# "Seeding a generated bundle of N practices" through the project's own seed command:
#   bench/seed-cli.sh [PRACTICES]        (default 100000; run after `npm run -s build`)
# Writes the synthetic bundle as one JSON file, starts a fresh Neo4j on port 7720 with the
# project's launcher (heap NEO4J_LOCAL_HEAP, default 4g), seeds the curated seeds/, then times
# `node dist/cli/seed.js FILE` and saves its report to bench/results/v2/seed-cli-<N>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
dir="${BENCH_NEO4J_ROOT:-/tmp/bench-neo4j}/seed-cli"
file="$dir/practices-$n.json"
export NEO4J_LOCAL_PORT="${BENCH_NEO4J_PORT:-7720}" NEO4J_LOCAL_DATA="$dir/data" NEO4J_LOCAL_HEAP="${NEO4J_LOCAL_HEAP:-4g}"
export NEO4J_URI="bolt://127.0.0.1:$NEO4J_LOCAL_PORT" NEO4J_USER=neo4j NEO4J_PASSWORD=password
# The default (1.5 s, hence 10 s per transaction) is too short for the single-transaction seed
# of seeds/ on a busy machine: "ingestBundle took too long and was stopped".
export NEO4J_TIMEOUT_MS="${NEO4J_TIMEOUT_MS:-300000}"
npm run -s bench:build
node --stack-size=4000 dist/bench/bench/generate.js --practices "$n" --out "$file" --no-load
node dist/cli/db.js stop >/dev/null 2>&1 || true
rm -rf "$NEO4J_LOCAL_DATA"
node dist/cli/db.js start
trap 'node dist/cli/db.js stop >/dev/null 2>&1 || true' EXIT
node dist/cli/seed.js --quiet seeds
mkdir -p bench/results/v2
out="bench/results/v2/seed-cli-$n.txt"
{
  echo "$(date -u +%FT%TZ) node dist/cli/seed.js --quiet --batched $file ($(du -h "$file" | cut -f1)), heap $NEO4J_LOCAL_HEAP, default page cache"
  /usr/bin/time -f 'wall %e s, max RSS %M KiB, CPU %P' node dist/cli/seed.js --quiet --batched "$file" 2>&1 |
    awk '/^  warning:/ { w++; next } { print } END { if (w) print "  (" w " warnings: sources never cited)" }'
} | tee "$out"
