#!/usr/bin/env bash
# Runs one cargo-fuzz target (optional; not part of cargo test).
# Usage: scripts/fuzz.sh facts|criteria|typeset|layout|verify [SECONDS] [extra libFuzzer flags...]
# Needs: cargo install cargo-fuzz. cargo fuzz uses nightly-only compiler flags; on a stable
# toolchain RUSTC_BOOTSTRAP=1 lets it build. No sanitizer: beppyo is safe Rust, and
# libFuzzer still catches panics (debug assertions and overflow checks are on), hangs
# (-timeout) and memory blow-ups (-rss_limit_mb).
# Seeds come from the repository: the example facts and the bad-input corpus, the shipped
# table, the typesetting fixtures and the example's rendered documents; for verify, the
# manifests in fuzz/verify/seeds/ of the folder in fuzz/verify/folder/. An input that
# crashes a target (fuzz/artifacts/TARGET/) goes into tests/fuzz-corpus/TARGET/, which
# cargo test replays.
set -euo pipefail
target=${1:?usage: $0 facts|criteria|typeset|layout|verify [SECONDS] [flags...]}
seconds=${2:-600}
shift $(( $# < 2 ? $# : 2 ))
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus/$target"
seeds="$root/fuzz/seeds/$target"
mkdir -p "$corpus" "$seeds"
case "$target" in
  facts)
    cp "$root/data/examples/aomine/vendor.yaml" "$seeds/example.yaml"
    for d in "$root"/tests/bad-inputs/*/; do cp "$d/input.yaml" "$seeds/$(basename "$d").yaml"; done
    flags=(-max_len=65536) ;;
  criteria)
    cp "$root/data/criteria/default.yaml" "$seeds/default.yaml"
    flags=(-max_len=32768) ;;
  typeset|layout)
    cp "$root"/tests/fixtures/typeset/small.md "$seeds/"
    for f in "$root"/tests/snapshots/render__0*.snap; do
      [ -f "$f" ] && sed '1,/^---$/d' "$f" > "$seeds/$(basename "$f" .snap).md"
    done
    flags=(-max_len=16384) ;;
  verify)
    cp "$root"/fuzz/verify/seeds/*.json "$seeds/"
    flags=(-max_len=16384) ;;
  *) echo "unknown target: $target" >&2; exit 2 ;;
esac
cd "$root/fuzz"
RUSTC_BOOTSTRAP=1 cargo fuzz run -s none "$target" "$corpus" "$seeds" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${flags[@]}" "$@"
