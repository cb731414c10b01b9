"""Whole-graph listings at scale: how long ``kg query NAME`` takes to its first page and to its end.

    python bench/listings.py --store /tmp/kgbench/s10m people papers talks affiliations

For each named query: the time until the first 100 rows are printed by ``kg query NAME --limit
100`` (the first page), and the time until the whole answer has streamed through
``LocalStore.stream`` with its row count. One run each, in this process, after opening the store;
the machine's load average is printed beside them, as the figures depend on it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> None:
    """Time the first page and the whole answer of each listing."""
    sys.path.insert(0, str(ROOT / "src"))
    from kg.sparql.catalog import find_query
    from kg.store import LocalStore

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--page", type=int, default=100)
    parser.add_argument("queries", nargs="+")
    args = parser.parse_args(argv)
    store = LocalStore.open_read_only(args.store)
    print("| query | first page (s) | whole answer (s) | rows | load average |")
    print("|---|---|---|---|---|")
    for name in args.queries:
        text = find_query(name).text
        started = time.perf_counter()
        _, page = store.stream(text, None, args.page, 0)
        first = len(list(page))
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        _, rows = store.stream(text)
        count = sum(1 for _ in rows)
        whole_s = time.perf_counter() - started
        load = os.getloadavg()[0]
        assert first == min(args.page, count)
        print(f"| {name} | {first_s:.1f} | {whole_s:.1f} | {count:,} | {load:.1f} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
