"""What the graph index costs a build: time, memory and size, at a given synthetic size.

Not a test: it prints a Markdown table for BENCHMARKS.md ("Suggestions: the graph index").
It runs `kg build --synthetic N` in a fresh process (which gathers the index from the quads as
they stream into the store, and writes it inside the new version before the swap). The index's
own share is measured apart, in fresh processes on the same synthetic quads: generating them and
passing each through the ``IndexCollector``, then assembling and saving the index, against
generating them alone. For comparison it also derives the index from the built store through
the four SPARQL scans (what a store loaded from N-Quads files, or a server, needs).

    PYTHONPATH=src python bench/bench_index.py --size 10M --store /tmp/kgbench/s10m/store
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GATHER = """
import resource, sys, tempfile, time
from pathlib import Path
from kg.network.index import IndexCollector, save_index
from kg.rdf.ontology import ontology_quads
from kg.rdf.synthetic import SyntheticGraph
from kg.cli.base import Count
wall, cpu = time.perf_counter(), time.process_time()
collector = IndexCollector() if sys.argv[2] == "collect" else None
add = collector.add if collector else (lambda quad: None)
for quad in SyntheticGraph(Count().convert(sys.argv[1], None, None), 1).quads():
    add(quad)
for quad in ontology_quads():
    add(quad)
people = works = members = 0
if collector is not None:
    index = collector.index()
    save_index(index, Path(tempfile.mkdtemp()) / "ix")
    people, works, members = len(index.people), len(index.works), len(index.member_person)
print(time.perf_counter() - wall, time.process_time() - cpu,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, people, works, members)
"""
DERIVE = """
import resource, sys, time
from kg.network.index import derive_index, save_index
from kg.store import LocalStore
store = LocalStore.open_read_only(sys.argv[1])
wall, cpu = time.perf_counter(), time.process_time()
index = derive_index(store)
save_index(index, store.version_dir / "kg-index-again")
print(time.perf_counter() - wall, time.process_time() - cpu,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def child_cpu() -> float:
    """CPU seconds used by finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds and stdout of a child process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cpu, wall = child_cpu(), time.perf_counter()
    done = subprocess.run(args, check=True, capture_output=True, text=True, env=env)
    return time.perf_counter() - wall, child_cpu() - cpu, done.stdout


def main() -> None:
    """Build, measure the index apart, derive it through SPARQL, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10M", help="synthetic size (kg build --synthetic)")
    parser.add_argument("--store", type=Path, required=True, help="where to build")
    options = parser.parse_args()
    build_wall, build_cpu, _ = run([sys.executable, "-m", "kg", "--store", str(options.store), "build",
                                    "--synthetic", options.size, "--no-keep-listings"])
    _, _, out = run([sys.executable, "-c", GATHER, options.size, "collect"])
    gather_wall, gather_cpu, rss, people, works, members = (float(v) for v in out.split())
    _, _, out = run([sys.executable, "-c", GATHER, options.size, "generate"])
    alone_wall, alone_cpu = (float(v) for v in out.split()[:2])
    _, _, out = run([sys.executable, "-c", DERIVE, str(options.store)])
    sparql_wall, sparql_cpu, sparql_rss = (float(v) for v in out.split())
    shutil.rmtree(options.store.resolve() / "kg-index-again")
    folder = options.store.resolve() / "kg-index"
    size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
    wall, cpu = gather_wall - alone_wall, gather_cpu - alone_cpu
    without_wall, without_cpu = build_wall - wall, build_cpu - cpu
    print("| step | wall, s | CPU, s | peak memory |")
    print("|---|---|---|---|")
    print(f"| `kg build --synthetic {options.size}` (index included) | {build_wall:.1f} | "
          f"{build_cpu:.1f} | |")
    print(f"| generating the quads, gathering, assembling and saving the index | {gather_wall:.1f} | "
          f"{gather_cpu:.1f} | {rss:,.0f} MB |")
    print(f"| generating the quads alone | {alone_wall:.1f} | {alone_cpu:.1f} | |")
    print(f"| the index's own cost (difference) | {wall:.1f} | {cpu:.1f} | |")
    print(f"| the build without it (difference) | {without_wall:.1f} | {without_cpu:.1f} | |")
    print(f"| for comparison: deriving it from the store through SPARQL (`derive_index` + save) | "
          f"{sparql_wall:.1f} | {sparql_cpu:.1f} | {sparql_rss:,.0f} MB |")
    print(f"\nThe index adds {100 * wall / without_wall:.0f} % of wall time and "
          f"{100 * cpu / without_cpu:.0f} % of CPU time to the build; it holds {int(people):,} "
          f"people, {int(works):,} works and {int(members):,} memberships in {size:.1f} MB on disk.")


if __name__ == "__main__":
    main()
