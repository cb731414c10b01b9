"""What the graph index costs a build: time, memory and size, at a given synthetic size.

Not a test: it prints a Markdown table for BENCHMARKS.md ("Suggestions: the graph index").
It runs `kg build --synthetic N` in a fresh process (which derives the index inside the new
store version before the swap), then derives the index again alone in another fresh process on
the built store, and reports both with their CPU time and peak memory, the index's share of the
build, and its size on disk.

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
DERIVE = """
import resource, sys, time
from kg.network.index import derive_index, save_index
from kg.store import LocalStore
store = LocalStore.open_read_only(sys.argv[1])
wall, cpu = time.perf_counter(), time.process_time()
index = derive_index(store)
save_index(index, store.version_dir / "kg-index-again")
print(time.perf_counter() - wall, time.process_time() - cpu,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(index.people), len(index.works),
      len(index.member_person))
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
    """Build, derive again, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10M", help="synthetic size (kg build --synthetic)")
    parser.add_argument("--store", type=Path, required=True, help="where to build")
    options = parser.parse_args()
    build_wall, build_cpu, _ = run([sys.executable, "-m", "kg", "--store", str(options.store), "build",
                                    "--synthetic", options.size])
    _, _, out = run([sys.executable, "-c", DERIVE, str(options.store)])
    wall, cpu, rss, people, works, members = (float(v) for v in out.split())
    shutil.rmtree(options.store.resolve() / "kg-index-again")
    folder = options.store.resolve() / "kg-index"
    size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
    without_wall, without_cpu = build_wall - wall, build_cpu - cpu
    print("| step | wall, s | CPU, s | peak memory |")
    print("|---|---|---|---|")
    print(f"| `kg build --synthetic {options.size}` (index included) | {build_wall:.1f} | "
          f"{build_cpu:.1f} | |")
    print(f"| deriving the index alone (`derive_index` + save) | {wall:.1f} | {cpu:.1f} | {rss:,.0f} MB |")
    print(f"| the build without it (difference) | {without_wall:.1f} | {without_cpu:.1f} | |")
    print(f"\nThe index adds {100 * wall / without_wall:.0f} % of wall time and "
          f"{100 * cpu / without_cpu:.0f} % of CPU time to the build; it holds {int(people):,} "
          f"people, {int(works):,} works and {int(members):,} memberships in {size:.1f} MB on disk.")


if __name__ == "__main__":
    main()
