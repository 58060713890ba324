#!/usr/bin/env bash
# Quality gate: build dateline, extract every benchmark page, score the predictions with
# shared/bench/score.py and compare the scores with the floors in bench/floors.json; then
# the same in flat mode (the pages flattened to text by shared/bench/flatten.py, made once by
# scripts/flat-texts.sh) against the floors under "flat".
# Exits non-zero if any score is below its floor or a gated dataset is missing.
# How it works and how to raise floors: bench/README.md.
#
# Usage: bash scripts/quality-gate.sh [--raise]
#   --raise   also rewrite bench/floors.json, raising each floor to just under its score
#             (value - 0.01, rounded down to 2 decimals); never lowers a floor
#
# Environment (relative paths are taken from the repository root):
#   DATELINE_BENCH_ROOT  benchmark data           (default ../shared/bench/data)
#   DATELINE_SCORE_PY    the scorer               (default ../shared/bench/score.py)
#   DATELINE_GATE_OUT    keep predictions and scores.json here (default: a temp dir, removed)
#   CARGO_TARGET_DIR     cargo's target directory (default target)
#   DATELINE_FLAT_DIR    flattened texts (default ~/.cache/dateline-bench/flat; see
#                        scripts/flat-texts.sh for how they are made and the other variables)
#   DATELINE_GATE_FLAT=0 skip the flat-mode gate
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

die() {
    echo "quality-gate: error: $*" >&2
    exit 1
}

raise=()
case "${1:-}" in
"") ;;
--raise) raise=(--raise) ;;
-h | --help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 0
    ;;
*) die "unknown argument '$1' (see --help)" ;;
esac

bench_root="${DATELINE_BENCH_ROOT:-../shared/bench/data}"
score_py="${DATELINE_SCORE_PY:-../shared/bench/score.py}"
[ -d "$bench_root" ] ||
    die "benchmark data not found: '$bench_root' (from $repo). Put shared/ beside the repository or set DATELINE_BENCH_ROOT."
[ -f "$score_py" ] ||
    die "score.py not found: '$score_py' (from $repo). Put shared/ beside the repository or set DATELINE_SCORE_PY."
bench_root="$(cd "$bench_root" && pwd)"
command -v python3 >/dev/null || die "python3 (3.10 or newer) is needed"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' ||
    die "python3 is $(python3 --version 2>&1); 3.10 or newer is needed"

target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in
/*) ;;
*) target_dir="$repo/$target_dir" ;;
esac
bin="$target_dir/release/dateline"

if [ -n "${DATELINE_GATE_OUT:-}" ]; then
    out="$DATELINE_GATE_OUT"
    mkdir -p "$out"
else
    out="$(mktemp -d "${TMPDIR:-/tmp}/dateline-gate.XXXXXX")"
    trap 'rm -rf "$out"' EXIT
fi

echo "quality-gate: data $bench_root"
echo "quality-gate: building $bin"
cargo build --release -p dateline
[ -x "$bin" ] || die "no binary at $bin after the build (is CARGO_TARGET_DIR the same as cargo's?)"

echo "quality-gate: checking the README sample (examples/sample-article.html)"
"$bin" extract --format json examples/sample-article.html >"$out/sample.json"
python3 - "$out/sample.json" <<'EOF' || die "the README sample no longer extracts a title, date, author and body"
import json, sys
article = json.load(open(sys.argv[1], encoding="utf-8"))
missing = [k for k in ("title", "date_published", "authors") if not article.get(k)]
if article.get("word_count", 0) < 200:
    missing.append("body (word_count >= 200)")
if missing:
    sys.exit(f"quality-gate: sample: missing {', '.join(missing)}")
EOF

echo "quality-gate: running dateline bench (one thread)"
"$bin" bench --root "$bench_root" --out "$out/dateline"

echo "quality-gate: scoring with $score_py"
python3 "$score_py" --root "$bench_root" --pred-dir "$out/dateline" --json >"$out/scores.json"

echo
status=0
python3 scripts/quality_gate.py --scores "$out/scores.json" --floors bench/floors.json \
    ${raise[@]+"${raise[@]}"} || status=1

if [ "${DATELINE_GATE_FLAT:-1}" != "0" ]; then
    echo
    echo "quality-gate: flat mode: flattened texts"
    flat_dir="$(bash scripts/flat-texts.sh | tail -n1)" || die "cannot make the flattened texts (scripts/flat-texts.sh)"
    echo "quality-gate: flat mode: dateline bench --flat $flat_dir"
    "$bin" bench --root "$bench_root" --flat "$flat_dir" --out "$out/flat"
    python3 "$score_py" --root "$bench_root" --pred-dir "$out/flat" --json >"$out/flat-scores.json"
    echo
    python3 scripts/quality_gate.py --scores "$out/flat-scores.json" --floors bench/floors.json \
        --section flat ${raise[@]+"${raise[@]}"} || status=1
fi
exit "$status"
