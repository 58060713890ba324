#!/usr/bin/env bash
# The final measurement of a session, as published in BENCHMARKS.md: extraction speed against
# resiliparse (alternating, three rounds), dateline with and without metadata, flat mode, and
# the corpus benchmark; quality comes from the same predictions (score.py is deterministic).
#
#   bash scripts/final-bench.sh OUT [FLAT_DIR] [FLAT_PEERS] [CORPUS_DIR]
#
# Run from the repository root with ../shared beside it, on a quiet machine, after
# `cargo build --release -p dateline`. FLAT_DIR holds the flattened texts
# (scripts/flat-texts.sh), FLAT_PEERS the flat-mode baseline predictions (flat-boilerpy3/,
# flat-whole-text/; bench/FLAT.md says how they are made), CORPUS_DIR a make_corpus.py corpus.
set -euo pipefail
out=${1:?usage: final-bench.sh OUT [FLAT_DIR] [FLAT_PEERS] [CORPUS_DIR]}
flat=${2:-/tmp/flat}
flat_peers=${3:-/tmp/flatres}
corpus=${4:-/tmp/dateline-corpus}
bench=../shared/bench
bin=target/release/dateline
mkdir -p "$out"
log=$out/log.txt
stamp() { echo "$1 $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$log"; }
stamp start
for i in 1 2 3; do
  stamp "round $i"
  bash "$bench/run-all.sh" --root "$bench/data" --results "$out/alt-$i" --jobs 1 --repeat 3 \
    --no-flat --rust-systems "" --systems resiliparse > "$out/alt-$i.log" 2>&1
  "$bin" bench --root "$bench/data" --out "$out/alt-$i/dateline" --repeat 3 2>> "$out/alt-$i.log"
  "$bin" bench --root "$bench/data" --out "$out/alt-$i/dateline-nometa" --repeat 3 --no-metadata \
    2>> "$out/alt-$i.log"
  python3 - "$out/alt-$i" >> "$log" <<'PY'
import glob, json, sys
for system in ("resiliparse", "dateline", "dateline-nometa"):
    pages = seconds = 0
    for path in glob.glob(f"{sys.argv[1]}/{system}/*.summary.json"):
        summary = json.load(open(path))
        pages += summary.get("pages", 0)
        seconds += summary.get("extract_s", summary.get("seconds", 0))
    print(f"  {system:16} pages {pages} s {seconds:.2f} pages/s {pages / seconds if seconds else 0:.0f}")
PY
done
stamp flat
mkdir -p "$out/flat"
for baseline in flat-boilerpy3 flat-whole-text; do
  [ -d "$flat_peers/$baseline" ] && ln -sfn "$flat_peers/$baseline" "$out/flat/$baseline"
done
"$bin" bench --root "$bench/data" --flat "$flat" --out "$out/flat/dateline" --repeat 3 2>> "$log"
python3 "$bench/score.py" --root "$bench/data" --results "$out/flat" >> "$log" 2>&1
stamp corpus
bash scripts/corpus-bench.sh "$corpus" "$out/corpus" 2 >> "$log" 2>&1
python3 "$bench/dedup_score.py" --truth "$corpus/truth.jsonl" \
  --pred "$out/corpus/dateline-j2-r2/clusters.jsonl" >> "$log" 2>&1
stamp end
