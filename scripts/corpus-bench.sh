#!/usr/bin/env bash
# Corpus benchmark: `dateline corpus` against the Python baseline pipelines (FastWARC +
# resiliparse, FastWARC + trafilatura-fast; ../shared/bench/corpus_peers.py) on the same WARCs,
# in one session, alternating so that drift of a shared machine hits both sides alike.
#
#   bash scripts/corpus-bench.sh [CORPUS_DIR] [RESULTS_DIR] [ROUNDS]
#
# Needs target/release/dateline, the peers venv (~/.cache/dateline-bench/venv) and a corpus
# from make_corpus.py. Prints one line per run; each run's stats/summary stay in RESULTS_DIR.
set -euo pipefail
corpus=${1:-/tmp/dateline-corpus}
results=${2:-/tmp/corpus-bench}
rounds=${3:-2}
bin=${DATELINE_BIN:-target/release/dateline}
py=${PEERS_PYTHON:-$HOME/.cache/dateline-bench/venv/bin/python}
peers=${BENCH_DIR:-../shared/bench}
mkdir -p "$results"
warcs=("$corpus"/*.warc.gz)

dateline_run() { # name, jobs, [prefix command...]
  local name=$1 jobs=$2; shift 2
  rm -rf "${results:?}/$name"
  /usr/bin/time -v -o "$results/$name.time" "$@" "$bin" corpus --quiet -j "$jobs" \
    --out "$results/$name" "${dateline_args[@]}" "${warcs[@]}"
  python3 - "$results/$name/stats.json" "$results/$name.time" "$name" <<'PY'
import json, re, sys
s = json.load(open(sys.argv[1])); t = open(sys.argv[2]).read()
cpu = sum(float(re.search(p + r" \(seconds\): ([\d.]+)", t).group(1)) for p in ("User time", "System time"))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
print(f"{sys.argv[3]:<20} wall {s['seconds']:7.2f} s  records/s {s['records_per_sec']:6.0f}  pages/s {s['pages_per_sec']:5.0f}"
      f"  CPU {cpu:6.2f} s  CPU pages/s {s['pages'] / cpu:5.0f}  peak RSS {rss:5.0f} MB")
PY
}

peer_run() { # system
  local name=$1
  /usr/bin/time -v -o "$results/$name.time" "$py" "$peers/corpus_peers.py" --corpus "$corpus" \
    --system "$name" --out "$results/$name.jsonl" --summary-json "$results/$name.summary.json" --quiet
  python3 - "$results/$name.summary.json" "$results/$name.time" "$name" <<'PY'
import json, re, sys
s = json.load(open(sys.argv[1])); t = open(sys.argv[2]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
print(f"{sys.argv[3]:<20} wall {s['pipeline_s']:7.2f} s  records/s {s['records_per_s']:6.0f}  pages/s {s['pages_per_s']:5.0f}"
      f"  CPU {s['cpu_s']:6.2f} s  CPU pages/s {s['cpu_pages_per_s']:5.0f}  peak RSS {rss:5.0f} MB"
      f"  (extract-only pages/s {s['extract_pages_per_s']})")
PY
}

# --all: every HTML page is extracted, deduplicated and written, as the baselines do.
dateline_args=(--all ${DATELINE_EXTRA:-})
for round in $(seq 1 "$rounds"); do
  echo "== round $round $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  dateline_run "dateline-j1-core0-r$round" 1 taskset -c 0
  peer_run resiliparse
  dateline_run "dateline-j1-r$round" 1
  dateline_run "dateline-j2-r$round" 2
done
echo "== trafilatura-fast $(date -u +%H:%M:%S)"
peer_run trafilatura-fast
