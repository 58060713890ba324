#!/usr/bin/env python3
"""quality_gate.py -- compare benchmark scores with the floors committed in bench/floors.json.

Standard library only (Python 3.10+). Normally run by scripts/quality-gate.sh, which builds
dateline, runs `dateline bench` and `score.py --json` first. See bench/README.md.

USAGE
  quality_gate.py --scores SCORES.json [--floors bench/floors.json]
      print one row per floor (metric, dataset, value, floor, OK/FAIL); exit 1 if any value is
      below its floor or a dataset named in the floors is missing from the scores
  quality_gate.py --scores SCORES.json --raise [--floors bench/floors.json]
      rewrite the floors file with every floor raised to (value - 0.01, rounded down to two
      decimals) where that is higher than the committed floor; never lowers a floor
  quality_gate.py --scores SCORES.json --section flat [--raise]
      the same against (and raising) the floors under the file's "flat" key instead of the
      top level (flat mode: flattened-text input, scored against the same truth)
  quality_gate.py --self-test
      check the comparison and rounding rules on made-up scores

SCORES.json is what `score.py --root ROOT --pred-dir DIR --json` prints: one object per
dataset plus "micro" (all pages pooled), with keys such as tok_f1, snip_f1, title_acc,
date_acc, authors_acc and the page counts text_n, snip_n, title_n, date_n, authors_n.

FLOORS FILE
  {"datasets": {"<dataset>": {"<metric>": <floor>, ...}, ...},
   "micro": {"tok_f1": <floor>}}
  Metrics: tok_f1, snip_f1, title, date, authors (the last three are score.py's *_acc
  accuracies); any other numeric score.py key (lcs_f1, sh_f1, ...) may be used as is.
  Keys starting with "_" are comments. A section (`--section flat`) is an object of the same
  shape under its own key: {"datasets": {...}, "micro": {...}, "flat": {"datasets": ..., "micro": ...}}.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

# Floor name -> score.py JSON key.
ALIASES = {"title": "title_acc", "date": "date_acc", "authors": "authors_acc"}
# Which metrics a dataset gets when floors are first written: (floor name, page-count key).
DEFAULT_METRICS = [
    ("tok_f1", "text_n"),
    ("snip_f1", "snip_n"),
    ("title", "title_n"),
    ("date", "date_n"),
    ("authors", "authors_n"),
]
MICRO = "micro"
# How far under the measured value a new floor is set.
MARGIN = 0.01


def suggested_floor(value: float) -> float:
    """value - MARGIN, rounded down to 2 decimals (round() first absorbs float noise)."""
    return max(0.0, math.floor(round((value - MARGIN) * 100, 6)) / 100)


def score_key(metric: str) -> str:
    return ALIASES.get(metric, metric)


def metric_value(row: dict, metric: str) -> float | None:
    value = row.get(score_key(metric))
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def load_floors(path: Path, section: str | None = None) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    if section is not None:
        if not isinstance(data, dict) or section not in data:
            raise SystemExit(f"quality gate: {path}: no \"{section}\" section")
        data = data[section]
    if not isinstance(data, dict) or not isinstance(data.get("datasets"), dict):
        raise SystemExit(f"quality gate: {path}: expected an object with a \"datasets\" object")
    for name, metrics in data["datasets"].items():
        if name.startswith("_"):
            continue
        check_metrics(path, name, metrics)
    if MICRO in data:
        check_metrics(path, MICRO, data[MICRO])
    return data


def check_metrics(path: Path, name: str, metrics: object) -> None:
    if not isinstance(metrics, dict):
        raise SystemExit(f"quality gate: {path}: floors for {name!r} must be an object")
    for metric, floor in metrics.items():
        if metric.startswith("_"):
            continue
        if isinstance(floor, bool) or not isinstance(floor, (int, float)) or not 0 <= floor <= 1:
            raise SystemExit(f"quality gate: {path}: {name}.{metric} must be a number in [0, 1]")


def floor_rows(floors: dict) -> list[tuple[str, str, float]]:
    """(dataset, metric, floor) in file order, micro last."""
    rows = []
    for name, metrics in floors["datasets"].items():
        if name.startswith("_"):
            continue
        rows += [(name, m, float(f)) for m, f in metrics.items() if not m.startswith("_")]
    rows += [(MICRO, m, float(f)) for m, f in floors.get(MICRO, {}).items() if not m.startswith("_")]
    return rows


def compare(floors: dict, scores: dict) -> tuple[list[tuple[str, str, str, str, str]], int]:
    """Table rows (metric, dataset, value, floor, status) and the number of failures."""
    table, failures = [], 0
    for dataset, metric, floor in floor_rows(floors):
        row = scores.get(dataset)
        if not isinstance(row, dict):
            table.append((metric, dataset, "missing", f"{floor:.2f}", "FAIL"))
            failures += 1
            continue
        value = metric_value(row, metric)
        if value is None:
            table.append((metric, dataset, "n/a", f"{floor:.2f}", "FAIL"))
            failures += 1
            continue
        ok = value >= floor
        failures += not ok
        table.append((metric, dataset, f"{value:.4f}", f"{floor:.2f}", "OK" if ok else "FAIL"))
    return table, failures


def print_table(table: list[tuple[str, ...]]) -> None:
    header = ("metric", "dataset", "value", "floor", "status")
    widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(header))]
    line = "  ".join(f"{{:<{w}}}" if i < 2 else f"{{:>{w}}}" for i, w in enumerate(widths))
    print(line.format(*header))
    print("  ".join("-" * w for w in widths))
    for row in table:
        print(line.format(*row))


def raised(floors: dict | None, scores: dict) -> tuple[dict, list[str]]:
    """Floors with each one raised to suggested_floor(value) where that is higher.

    Without existing floors, every dataset in the scores gets the metrics its truth has
    (DEFAULT_METRICS) and micro gets tok_f1."""
    changes = []
    if floors is None:
        floors = {"datasets": {}, MICRO: {}}
        for name, row in scores.items():
            if name == MICRO or not isinstance(row, dict):
                continue
            metrics = {m: 0.0 for m, n in DEFAULT_METRICS if row.get(n) and metric_value(row, m) is not None}
            if metrics:
                floors["datasets"][name] = metrics
        floors[MICRO] = {"tok_f1": 0.0}
    out = json.loads(json.dumps(floors))
    targets = [(out["datasets"][name], name) for name in out["datasets"] if not name.startswith("_")]
    targets.append((out.setdefault(MICRO, {}), MICRO))
    for metrics, name in targets:
        for metric, floor in metrics.items():
            if metric.startswith("_"):
                continue
            value = metric_value(scores.get(name, {}), metric)
            if value is None:
                continue
            new = suggested_floor(value)
            if new > floor:
                metrics[metric] = new
                changes.append(f"{metric} {name}: {floor:.2f} -> {new:.2f}")
    return out, changes


def self_test() -> None:
    assert suggested_floor(0.8840431) == 0.87
    assert suggested_floor(0.89) == 0.88, suggested_floor(0.89)
    assert suggested_floor(0.3307) == 0.32
    assert suggested_floor(0.005) == 0.0
    scores = {
        "a": {"tok_f1": 0.9, "text_n": 10, "title_acc": 0.5, "title_n": 4, "date_acc": None, "date_n": 0},
        MICRO: {"tok_f1": 0.9},
    }
    floors = {"datasets": {"a": {"tok_f1": 0.9, "title": 0.6}, "b": {"tok_f1": 0.1}}, MICRO: {"tok_f1": 0.5}}
    table, failures = compare(floors, scores)
    assert [r[4] for r in table] == ["OK", "FAIL", "FAIL", "OK"], table
    assert table[2][2] == "missing" and failures == 2
    table, failures = compare({"datasets": {"a": {"date": 0.1}}}, scores)
    assert table[0][2] == "n/a" and failures == 1
    new, changes = raised(None, scores)
    assert new == {"datasets": {"a": {"tok_f1": 0.89, "title": 0.49}}, MICRO: {"tok_f1": 0.89}}, new
    new, changes = raised({"datasets": {"a": {"tok_f1": 0.95, "title": 0.2}}}, scores)
    assert new["datasets"]["a"] == {"tok_f1": 0.95, "title": 0.49} and len(changes) == 1, new
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "floors.json"
        path.write_text(json.dumps({"datasets": {"a": {"tok_f1": 0.5}}, "flat": floors}), encoding="utf-8")
        assert load_floors(path, "flat") == floors
        assert load_floors(path)["datasets"] == {"a": {"tok_f1": 0.5}}
    print("quality_gate.py self-test: ok")


def main() -> int:
    ap = argparse.ArgumentParser(description="Compare benchmark scores with bench/floors.json.")
    ap.add_argument("--scores", type=Path, help="JSON printed by score.py --root ... --pred-dir ... --json")
    ap.add_argument("--floors", type=Path, default=Path("bench/floors.json"))
    ap.add_argument("--raise", dest="raise_floors", action="store_true",
                    help="rewrite the floors file, raising floors to just under the scores (never lowers)")
    ap.add_argument("--section", help="use the floors under this key (e.g. flat) instead of the top level")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        self_test()
        return 0
    if not args.scores:
        ap.error("--scores is required")
    scores = json.loads(args.scores.read_text(encoding="utf-8"))
    if not isinstance(scores, dict):
        raise SystemExit(f"quality gate: {args.scores}: expected a JSON object from score.py --json")

    if args.raise_floors:
        whole = json.loads(args.floors.read_text(encoding="utf-8")) if args.floors.exists() else None
        if args.section is None:
            current = load_floors(args.floors) if whole is not None else None
        else:
            current = load_floors(args.floors, args.section) if whole and args.section in whole else None
        new, changes = raised(current, scores)
        if args.section is not None:
            whole = whole if isinstance(whole, dict) else {"datasets": {}}
            whole[args.section] = new
            new = whole
        args.floors.write_text(json.dumps(new, indent=2) + "\n", encoding="utf-8")
        print(f"quality gate: {args.floors}: {len(changes)} floor(s) raised")
        for change in changes:
            print(f"  {change}")

    floors = load_floors(args.floors, args.section)
    table, failures = compare(floors, scores)
    print_table(table)
    gated = {d for d, _, _ in floor_rows(floors)}
    ungated = sorted(name for name in scores if name not in gated)
    if ungated:
        print(f"note: no floors for {', '.join(ungated)}")
    slack = [r for r in table if r[4] == "OK" and float(r[2]) - float(r[3]) > 0.02 + 1e-9]
    if slack:
        print(f"note: {len(slack)} floor(s) more than 0.02 under the value; raise them "
              "(bash scripts/quality-gate.sh --raise, see bench/README.md)")
    if failures:
        print(f"quality gate: FAILED: {failures} of {len(table)} checks below their floor or missing")
        return 1
    print(f"quality gate: passed ({len(table)} checks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
