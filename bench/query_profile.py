"""Time named queries before and after a rewrite, and check both give the same rows.

    python bench/query_profile.py --store /tmp/kgbench/s1m \
        --summary /tmp/kgbench/synthetic-1000000-s1.json --before da59100 papers people

Runs each named query (the cases of ``bench/run.py``, hub variants included) as written at the git
revision ``--before`` and as it is now in ``queries/``, warm, in-process, with parameters bound through
``kg.store.bind``'s ``VALUES`` block. Prints the p50 of both in milliseconds and stops if the rows differ
(same columns, same rows, same order).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _timed(run: Any, runs: int, budget_s: float) -> tuple[float, list[Any]]:
    """Median seconds of up to ``runs`` runs after a warm-up, and the rows of the warm-up."""
    rows = run()
    times: list[float] = []
    started = time.perf_counter()
    for _ in range(runs):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
        if time.perf_counter() - started > budget_s:
            break
    return statistics.median(times), rows


def _runner(store: Any, sparql: str, terms: dict[str, Any]) -> Any:
    """A function running ``sparql`` on ``store`` with ``terms`` bound, returning the rows."""
    return lambda: store.select(sparql, terms).rows


def main(argv: list[str]) -> None:
    """Time every selected case before and after, checking the rows match."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    from run import query_cases  # bench/run.py

    from kg.sparql.catalog import find_query
    from kg.sparql.resolver import bind_parameters
    from kg.store import LocalStore

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--summary", required=True)
    parser.add_argument("--before", default="", help="git revision of the old queries (none: time only now)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget-s", type=float, default=20.0)
    parser.add_argument("--json", default="", help="also write the figures to this file")
    parser.add_argument("only", nargs="*", help="case labels (default: all)")
    args = parser.parse_args(argv)
    store = LocalStore.open_read_only(args.store)
    summary = json.loads(Path(args.summary).read_text())
    figures = []
    for label, name, params in query_cases(summary):
        if args.only and label not in args.only and name not in args.only:
            continue
        query = find_query(name)
        if "CONSTRUCT" in query.text:
            continue
        terms = bind_parameters(store, query, params.items()).terms
        entry: dict[str, Any] = {"label": label}
        after_s, after_rows = _timed(_runner(store, query.text, terms), args.runs, args.budget_s)
        entry["after_ms"] = after_s * 1000
        entry["rows"] = len(after_rows)
        if args.before:
            old = subprocess.run(["git", "show", f"{args.before}:queries/{name}.rq"], cwd=ROOT,
                                 check=True, capture_output=True, text=True).stdout
            before_s, before_rows = _timed(_runner(store, old, terms), args.runs, args.budget_s)
            entry["before_ms"] = before_s * 1000
            if before_rows != after_rows:
                raise SystemExit(f"{label}: rows differ ({len(before_rows)} before, {len(after_rows)} after)")
        figures.append(entry)
        before = f"{entry['before_ms']:10.1f}" if "before_ms" in entry else " " * 10
        sys.stderr.write(f"{label:40s} {before} {entry['after_ms']:10.1f}  rows={entry['rows']}\n")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
