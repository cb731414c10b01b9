"""How fast `kg suggest` answers on large stores, and `kg analyze` on the COLT graph.

Not a test: it prints Markdown tables for BENCHMARKS.md ("Suggest and analyze"). Build the
stores first, for example:

    kg --store /tmp/kgbench/s1m build --synthetic 1M --seed 1
    kg --store /tmp/kgbench/s10m build --synthetic 10M --seed 1
    kg build                                   # seed documents + COLT, in .kg/store
    PYTHONPATH=src python bench/bench_suggest.py --store /tmp/kgbench/s1m --store /tmp/kgbench/s10m \\
        --colt-store .kg/store

For every store and event it reports: the whole `kg suggest` command in a fresh process (start-up
included), then inside one process after start-up: opening the store and loading its graph index
(written by `kg build`), the first answer and the median of the following ones (wall and CPU
time), and how many people were considered; then the size of each store's index.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SYNTHETIC_EVENTS = (
    "https://w3id.org/kg/id/event/synth-seminar-006",  # a seminar series, 300+ talks
    "https://w3id.org/kg/id/event/synth-seminar-000",  # a series organized by the biggest hub
    "https://w3id.org/kg/id/event/synth-seminar-006-00001",  # one seminar, judged with its series
)


def run_cli(store: str, *args: str) -> float:
    """Seconds a fresh `python -m kg` process takes, start-up included."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "--store", store, *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def timed(call):  # noqa: ANN001, ANN201 - a tiny helper
    """(result, wall seconds, CPU seconds) of ``call()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def bench_suggest(store_path: str, events: list[str], repeat: int) -> list[str]:
    """One Markdown row per event."""
    from kg.network.index import index_for
    from kg.network.suggest import suggest
    from kg.store import LocalStore

    rows = []
    for event in events:
        cli = run_cli(store_path, "suggest", event, "--top", "10")
        store, opened, _ = timed(lambda: LocalStore.open_read_only(store_path))
        index, loaded, _ = timed(lambda: index_for(store))  # noqa: B023
        first, first_wall, first_cpu = timed(lambda: suggest(store, event, top=10, index=index))  # noqa: B023
        walls, cpus = [], []
        for _ in range(repeat):
            _, wall, cpu = timed(lambda: suggest(store, event, top=10, index=index))  # noqa: B023
            walls.append(wall)
            cpus.append(cpu)
        rows.append(
            f"| {Path(store_path).name} | {event.rsplit('/', 1)[-1]} | {len(first.speakers)} | "
            f"{first.considered:,} | {cli:.2f} | {opened + loaded:.3f} | "
            f"{first_wall:.3f} ({first_cpu:.3f}) | "
            f"{statistics.median(walls):.3f} ({statistics.median(cpus):.3f}) |"
        )
        store.close()
    return rows


def index_size(store_path: str) -> str:
    """The graph index's files, in MB."""
    from kg.network.index import INDEX_DIR

    folder = Path(store_path).resolve() / INDEX_DIR
    return f"{sum(f.stat().st_size for f in folder.iterdir()) / 1e6:.1f}"


def bench_analyze(store_path: str) -> list[str]:
    """The whole `kg analyze` command, then its steps in one process."""
    from kg.network import analysis
    from kg.network.graphs import coauthor_graph
    from kg.store import LocalStore

    cli = run_cli(store_path, "analyze", "--top", "10")
    store = LocalStore.open_read_only(store_path)
    graph, read, _ = timed(lambda: coauthor_graph(store))
    between, betweenness, _ = timed(lambda: analysis.betweenness(graph))
    groups, louvain, _ = timed(lambda: analysis.communities(graph))
    _, central, _ = timed(lambda: analysis.centrality(graph, groups, between, 10))
    _, bridges, _ = timed(lambda: analysis.bridges(graph, groups, between, 10))
    return [f"| {graph.number_of_nodes():,} people, {graph.number_of_edges():,} links | {cli:.2f} | "
            f"{read:.2f} | {betweenness:.2f} | {louvain:.2f} | {central:.2f} | {bridges:.2f} |"]


def main() -> None:
    """Parse the options, run the benchmarks, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", action="append", default=[], help="a store to suggest on")
    parser.add_argument("--event", action="append", help="event IRIs (default: synthetic samples)")
    parser.add_argument("--colt-store", help="a store built by `kg build` (seed + COLT) to analyze")
    parser.add_argument("--repeat", type=int, default=5, help="answers timed after the first")
    options = parser.parse_args()
    out = sys.stdout
    if options.store:
        out.write("| store | event | past speakers | people considered | `kg suggest` command, s "
                  "| open store and index, s | first answer, s wall (CPU) | next answers, median s wall "
                  "(CPU) |\n|---|---|---|---|---|---|---|---|\n")
        for store in options.store:
            for row in bench_suggest(store, options.event or list(SYNTHETIC_EVENTS), options.repeat):
                out.write(row + "\n")
                out.flush()
        for store in options.store:
            out.write(f"\nGraph index of {store}: {index_size(store)} MB on disk.\n")
    if options.colt_store:
        out.write("\n| coauthor graph | `kg analyze` command, s | read graph, s | betweenness, s "
                  "| Louvain, s | PageRank, s | bridges, s |\n|---|---|---|---|---|---|---|\n")
        for row in bench_analyze(options.colt_store):
            out.write(row + "\n")


if __name__ == "__main__":
    main()
