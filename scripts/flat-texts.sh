#!/usr/bin/env bash
# Makes the flattened-text versions of the benchmark pages that the flat-mode quality gate
# reads (shared/bench/flatten.py: the whole visible text of each page, by inscriptis), once;
# later runs only check them. See bench/README.md ("Flat mode").
#
# Usage: bash scripts/flat-texts.sh
#
# Environment (relative paths are taken from the repository root):
#   DATELINE_BENCH_ROOT   benchmark data                 (default ../shared/bench/data)
#   DATELINE_FLATTEN_PY   the flattener                  (default ../shared/bench/flatten.py)
#   DATELINE_FLAT_DIR     where <dataset>/<id>.txt go    (default ~/.cache/dateline-bench/flat)
#   DATELINE_FLAT_PYTHON  a python with the pinned inscriptis; default: the peers venv
#                         (~/.cache/dateline-bench/venv) when it has that version, else a small
#                         venv made here (~/.cache/dateline-bench/flat-venv, pip from PyPI)
# Prints the flat directory on its last line.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

die() {
    echo "flat-texts: error: $*" >&2
    exit 1
}

bench_root="${DATELINE_BENCH_ROOT:-../shared/bench/data}"
flatten_py="${DATELINE_FLATTEN_PY:-../shared/bench/flatten.py}"
[ -d "$bench_root" ] || die "benchmark data not found: '$bench_root'"
[ -f "$flatten_py" ] || die "flatten.py not found: '$flatten_py'"
bench_dir="$(cd "$(dirname "$flatten_py")" && pwd)"
flat_dir="${DATELINE_FLAT_DIR:-$HOME/.cache/dateline-bench/flat}"

# The inscriptis version the benchmark pins (its output is what the floors were set on).
version="$(sed -n 's/^inscriptis==\([^ ;#]*\).*/\1/p' "$bench_dir/requirements-peers.txt" 2>/dev/null | head -n1)"
[ -n "$version" ] || die "no inscriptis pin in $bench_dir/requirements-peers.txt"

has_inscriptis() {
    [ -x "$1" ] && "$1" -c "import sys, importlib.metadata as m; sys.exit(m.version('inscriptis') != '$version')" 2>/dev/null
}

python="${DATELINE_FLAT_PYTHON:-}"
if [ -z "$python" ]; then
    for candidate in "$HOME/.cache/dateline-bench/venv/bin/python" "$HOME/.cache/dateline-bench/flat-venv/bin/python"; do
        if has_inscriptis "$candidate"; then
            python="$candidate"
            break
        fi
    done
fi
if [ -z "$python" ]; then
    venv="$HOME/.cache/dateline-bench/flat-venv"
    echo "flat-texts: making $venv with inscriptis==$version"
    rm -rf "$venv"
    python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
    constraints=()
    [ -f "$bench_dir/constraints-peers.txt" ] && constraints=(-c "$bench_dir/constraints-peers.txt")
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "${constraints[@]}" "inscriptis==$version" || die "pip install inscriptis==$version failed"
    python="$venv/bin/python"
fi
has_inscriptis "$python" || die "$python has no inscriptis $version"

# flatten.py keeps existing files, so a re-run only fills gaps; a different inscriptis
# version recorded in FLAT.json means the texts are stale and are made again.
force=()
for flat_json in "$flat_dir"/*/FLAT.json; do
    [ -f "$flat_json" ] || continue
    if ! grep -q "\"version\": \"$version\"" "$flat_json"; then
        echo "flat-texts: $flat_json is from another inscriptis version; remaking"
        force=(--force)
        break
    fi
done
mkdir -p "$flat_dir"
"$python" "$flatten_py" --root "$bench_root" --out "$flat_dir" --jobs 2 ${force[@]+"${force[@]}"} >&2
echo "$flat_dir"
