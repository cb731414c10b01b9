"""Whole-graph listings at scale: how long ``kg query NAME`` takes to its first page and to its end.

    python bench/listings.py --store /tmp/kgbench/s10m people papers talks affiliations

For each named query, through ``LocalStore.stream`` (what ``kg query`` prints from), in this
process, one run each:

- cold: the first page (``--limit 100``) and the whole answer, with no answer kept beside the
  store (``.kg-answers`` is emptied first): what Oxigraph itself takes;
- kept: the same once the whole answer has been read once and kept beside the store.

With ``--as-built`` the answers ``kg build`` kept beside the store (a store of 1M quads or more
keeps its listings) are left in place and measured as they are, in this process and as a
``kg query`` command (its wall time, Python's start-up included), with no cold run.

The machine's load average is printed beside them: on a shared machine the figures depend on it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _timed(store, text: str, limit: int | None) -> tuple[float, int]:
    started = time.perf_counter()
    _, rows = store.stream(text, None, limit, 0)
    count = sum(1 for _ in rows)
    return time.perf_counter() - started, count


def main(argv: list[str]) -> None:
    """Time the first page and the whole answer of each listing, cold and kept."""
    sys.path.insert(0, str(ROOT / "src"))
    from kg.sparql.catalog import find_query
    from kg.store import LocalStore
    from kg.store.answers import FOLDER

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--page", type=int, default=100)
    parser.add_argument("--as-built", action="store_true",
                        help="measure the answers kg build kept, without emptying them first")
    parser.add_argument("queries", nargs="+")
    args = parser.parse_args(argv)
    store = LocalStore.open_read_only(args.store)
    if args.as_built:
        _as_built(store, args.store, args.queries, args.page, find_query)
        return
    shutil.rmtree(Path(args.store).resolve() / FOLDER, ignore_errors=True)
    print("| query | rows | cold: first page (s) | cold: whole (s) | kept: first page (s) "
          "| kept: whole (s) | load average |")
    print("|---|---|---|---|---|---|---|")
    for name in args.queries:
        text = find_query(name).text
        cold_page, _ = _timed(store, text, args.page)
        cold_whole, count = _timed(store, text, None)
        kept_page, page = _timed(store, text, args.page)
        kept_whole, again = _timed(store, text, None)
        assert page == min(args.page, count) and again == count
        print(f"| {name} | {count:,} | {cold_page:.1f} | {cold_whole:.1f} | {kept_page:.2f} "
              f"| {kept_whole:.1f} | {os.getloadavg()[0]:.1f} |", flush=True)


def _as_built(store, path: str, names: list[str], page: int, find_query) -> None:
    kg = [sys.executable, "-m", "kg", "--store", path, "query"]
    print("| query | rows | first page (s) | whole (s) | `kg query --limit` command (s) "
          "| `kg query` command, whole (s) | load average |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        text = find_query(name).text
        first, _ = _timed(store, text, page)
        whole, count = _timed(store, text, None)
        command_page = _command(kg + [name, "--limit", str(page), "--format", "tsv"])
        command_whole = _command(kg + [name, "--format", "tsv"])
        print(f"| {name} | {count:,} | {first:.2f} | {whole:.1f} | {command_page:.2f} | {command_whole:.1f} "
              f"| {os.getloadavg()[0]:.1f} |", flush=True)


def _command(args: list[str]) -> float:
    started = time.perf_counter()
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=environment)
    return time.perf_counter() - started


if __name__ == "__main__":
    main(sys.argv[1:])
