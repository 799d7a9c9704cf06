#!/usr/bin/env bash
# Whole-process wall time (median of N runs), peak memory and PDF size of
# `beppyo pdf` on the benchmark document, with the release binary.
# Needs GNU time (/usr/bin/time). Usage: scripts/bench-process.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
cargo build --release --quiet
bin=target/release/beppyo
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for doc in tests/fixtures/typeset/bench.md tests/fixtures/typeset/small.md; do
  times=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$out/t" "$bin" pdf "$doc" -o "$out/o.pdf" >/dev/null
    times+=("$(cat "$out/t")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v doc="$doc" -v size="$(stat -c %s "$out/o.pdf")" '
    { t[NR] = $1; if ($2 > m) m = $2 }
    END { printf "%s: median %.0f ms, peak RSS %.1f MB, PDF %d bytes (%d runs)\n", doc, t[int((NR+1)/2)] * 1000, m / 1024, size, NR }'
done
