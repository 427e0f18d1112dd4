#!/usr/bin/env bash
# Runs a bench command on a snapshot of a commit (default HEAD), so that uncommitted work in
# src/ neither breaks the build nor blurs the measurement:
#   bench/snapshot.sh [--commit REV] -- npm run -s bench -- --size large
# The snapshot is /tmp/bench-snapshot (git archive of the commit, plus this tree's bench/ and
# package.json, and a link to node_modules). Results are copied back to bench/results/v2/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rev=HEAD
if [ "${1:-}" = "--commit" ]; then rev="$2"; shift 2; fi
[ "${1:-}" = "--" ] && shift
snap="${BENCH_SNAPSHOT_DIR:-/tmp/bench-snapshot}"
commit="$(git -C "$root" rev-parse "$rev")"
rm -rf "$snap" && mkdir -p "$snap"
git -C "$root" archive "$commit" | tar -x -C "$snap"
rm -rf "$snap/bench" && cp -r "$root/bench" "$snap/bench"
cp "$root/package.json" "$snap/package.json"
ln -s "$root/node_modules" "$snap/node_modules"
export BENCH_LAUNCHER_ROOT="$root"
mkdir -p "$snap/bench/results/v2"
echo "$commit" > "$snap/bench/results/v2/.commit"
cd "$snap"
status=0
BENCH_COMMIT="$commit" "$@" || status=$?
mkdir -p "$root/bench/results/v2"
for f in "$snap"/bench/results/v2/*.json "$snap"/bench/results/v2/*.md "$snap"/bench/results/v2/*.txt; do
  [ -e "$f" ] && cp "$f" "$root/bench/results/v2/"
done
exit "$status"
