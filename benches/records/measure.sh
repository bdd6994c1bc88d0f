#!/usr/bin/env bash
# Reproduces a performance record of benches/records/: start-up, whole-process throughput of
# the extract example against a bare jieba-rs cut, 1 vs 2 threads, scale at 1k/10k/100k
# generated documents, real interviews (the seeds, copied 200 times), streaming, and loading
# RDF. Corpora go to /tmp (about 680 MB in all); everything printed goes to stdout, raw CSV
# lines included.
#
#   benches/records/measure.sh [RUNS]      # RUNS per timed configuration, default 5
#
# Needs hyperfine (Debian: apt-get install hyperfine). Run it on a quiet machine: the figures
# are wall-clock times; the load average is printed before each step.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
BIN=target/release/examples
cargo build --release --features rdf --examples >&2
for n in 1000 10000 100000; do
  d=/tmp/corpus-$((n / 1000))k
  [ -d "$d" ] || "$BIN/generate_corpus" --docs "$n" --out "$d" >&2
done
# Real interviews at a size worth timing: the five seeds, 200 copies each (1,000 files). The
# copies resolve to the same entities, so merging costs less than for 1,000 distinct
# interviews; extraction and segmentation see real text, which the generated corpus is not.
real=/tmp/corpus-seeds-x200
if [ ! -d "$real" ]; then
  mkdir -p "$real"
  for i in $(seq -w 1 200); do
    for f in seeds/*; do cp "$f" "$real/${i}_$(basename "$f")"; done
  done
fi
step() { echo; echo "## $*"; echo "loadavg $(cut -d' ' -f1-3 /proc/loadavg)"; }

step "whole process: extract example vs bare jieba-rs cut (HMM on, line by line)"
for c in seeds "$real" /tmp/corpus-10k; do
  for t in 2 1; do
    RAYON_NUM_THREADS=$t hyperfine --style basic --warmup 1 --runs "$RUNS" \
      -n "extract $c threads=$t" "$BIN/extract $c -o /tmp/ikg-out.json" \
      -n "bare_jieba $c threads=$t" "$BIN/bare_jieba $c"
  done
done

step "stages, 1 vs 2 threads, and scale (throughput example, batch mode; CSV)"
"$BIN/throughput" --csv --csv-header /tmp/corpus-1k | head -1
for c in /tmp/corpus-1k /tmp/corpus-10k; do
  for t in 1 2; do
    for _ in $(seq "$RUNS"); do "$BIN/throughput" --csv --threads "$t" "$c"; done
  done
done
for _ in 1 2; do "$BIN/throughput" --csv --threads 2 /tmp/corpus-100k; done
for c in /tmp/corpus-1k /tmp/corpus-10k /tmp/corpus-100k; do
  "$BIN/bare_jieba" --csv --threads 2 "$c"
done

step "streaming: extract --stream --format nquads, peak memory by corpus size"
for c in /tmp/corpus-1k /tmp/corpus-10k /tmp/corpus-100k; do
  /usr/bin/time -f "stream nquads $c: %e s wall, %M KB peak RSS" \
    "$BIN/extract" --stream --format nquads "$c" -o /tmp/ikg-stream.nq
  echo "$(wc -l < /tmp/ikg-stream.nq) quad lines, $(du -m /tmp/ikg-stream.nq | cut -f1) MB"
done

step "RDF: build an in-memory oxigraph store and count quads (sparql example, -v)"
for c in seeds /tmp/corpus-1k; do
  /usr/bin/time -f "sparql $c: %e s wall, %M KB peak RSS" \
    "$BIN/sparql" -v --query 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' "$c"
done
