#!/usr/bin/env bash
# Runs every fuzz target for a bounded time, as CI does:
#
#   fuzz/run-bounded.sh [SECONDS_PER_TARGET]      # default 45
#
# Starts from the seeds and the inputs that once found bugs (tests/fuzz_corpus/); what the
# fuzzer finds goes to a temporary folder, never into the repository. A crash stops the run
# with libFuzzer's report and a non-zero status; the input is in fuzz/artifacts/<target>/.
# Needs the nightly toolchain (the machine image ships one) and cargo-fuzz (installed here
# from crates.io when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-45}
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz: no nightly toolchain (rustup toolchain install nightly); fuzzing skipped" >&2
  exit 0
fi
command -v cargo-fuzz >/dev/null || cargo +nightly install cargo-fuzz --locked
# One build of all four targets: `rdf` needs the crate's feature, the others do not mind it.
cargo +nightly fuzz build -s none --features rdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in decode figures extract rdf; do
  mkdir -p "$work/$target"
  starts=(seeds)
  if [ -d "tests/fuzz_corpus/$target" ]; then starts+=("tests/fuzz_corpus/$target"); fi
  echo "fuzz: $target for ${SECONDS_PER_TARGET}s" >&2
  if ! cargo +nightly fuzz run -s none --features rdf "$target" "$work/$target" "${starts[@]}" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -timeout=20 -rss_limit_mb=4096 \
    -print_final_stats=1 >"$work/$target.log" 2>&1; then
    tail -n 60 "$work/$target.log" >&2
    echo "fuzz: $target failed; the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$work/$target.log" >&2 || true
done
