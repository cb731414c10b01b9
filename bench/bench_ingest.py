"""Ingest speed and memory: the COLT import (parse + name resolution + build) and DBLP streaming.

Run from the repository root:  PYTHONPATH=src python bench/bench_ingest.py [--records 20000,200000]

- COLT: reading both registered COLT files, merging and resolving names (``run_imports``), and a
  whole ``kg build`` with and without the imports; medians of a few runs.
- DBLP: synthetic dumps in dblp.xml format (the test fixture's records repeated with new keys),
  plain and gzipped, each streamed in a fresh process: records/s and the process's peak RSS.
  Constant memory means the peak does not grow with the number of records.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "ingest" / "dblp.xml"

# VmHWM, not ru_maxrss: Linux carries the parent's peak into ru_maxrss across fork and exec.
_CHILD = """
import re, sys, time
from pathlib import Path
from kg.ingest.bulk import dblp
from kg.ingest.printed import ImportedPaper
start, cpu = time.perf_counter(), time.process_time()
kept = sum(isinstance(i, ImportedPaper) for i in dblp.parse(Path(sys.argv[1]), "bench",
           dblp.Filter.of(sys.argv[2].split(",") if sys.argv[2] else [], None)))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text()).group(1)
print(kept, seconds, cpu, int(peak) / 1024)
"""


def median_seconds(run, repeat: int) -> tuple[float, float]:
    """The median wall time and median CPU time of ``repeat`` calls of ``run``."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def bench_colt(repeat: int) -> None:
    """COLT: registered imports read and resolved; a full build with and without them."""
    from kg.build import build_folder
    from kg.ingest.bulk.imports import run_imports
    from kg.records.folder import read_data_folder

    data = ROOT / "data"
    result = run_imports(read_data_folder(data))
    rows = sum(1 for _ in open(data / "colt" / "colt-2011-2024-authorships.csv", encoding="utf-8")) - 1
    imports = median_seconds(lambda: run_imports(read_data_folder(data)), repeat)
    with tempfile.TemporaryDirectory() as tmp:
        counter = iter(range(10_000))
        with_imports = median_seconds(lambda: build_folder(data, Path(tmp) / f"s{next(counter)}"), repeat)
        without = median_seconds(
            lambda: build_folder(data, Path(tmp) / f"s{next(counter)}", imports=False), repeat)
        report = build_folder(data, Path(tmp) / "last")
    papers = len(result.papers)
    print(f"COLT: {papers:,} papers ({rows:,} authorship rows + the BibTeX), "
          f"{len(result.resolution.new_people):,} new people, "
          f"{len(result.resolution.new_organizations):,} new organizations")
    print(f"  read + merge + resolve: {imports[0]:.2f} s wall, {imports[1]:.2f} s CPU "
          f"({papers / imports[0]:,.0f} papers/s)")
    print(f"  kg build with imports:  {with_imports[0]:.2f} s wall, {with_imports[1]:.2f} s CPU "
          f"({report.quads:,} quads, {report.quads / with_imports[0]:,.0f} quads/s); "
          f"without: {without[0]:.2f} s wall, {without[1]:.2f} s CPU")


def synthetic_dump(path: Path, records: int) -> None:
    """A dblp.xml-format file of ``records`` paper records, from the fixture's records."""
    text = FIXTURE.read_text(encoding="latin-1")
    head = text.partition("<dblp>")[0]
    papers = [m.group(0) for m in re.finditer(r"<(inproceedings|article)\b.*?</\1>", text, re.S)
              if "<author>" in m.group(0)]
    opener = gzip.open(path, "wt", encoding="latin-1") if path.suffix == ".gz" else \
        path.open("w", encoding="latin-1")
    with opener as out:
        out.write(head + "<dblp>\n")
        for n in range(records):
            block = papers[n % len(papers)]
            out.write(block.replace('key="conf/', f'key="conf/b{n}/', 1)
                      .replace('key="journals/', f'key="journals/b{n}/', 1) + "\n")
        out.write("</dblp>\n")


def bench_dblp(sizes: list[int]) -> None:
    """DBLP: records/s and peak RSS of a process streaming dumps of growing size."""
    print("DBLP streaming (fresh process each; peak RSS of the whole process):")
    print(f"  {'records':>9} {'file':>6} {'MB':>7} {'kept':>9} {'wall s':>7} {'CPU s':>6} "
          f"{'records/CPU s':>13} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            for suffix in (".xml", ".xml.gz"):
                path = Path(tmp) / f"dblp-{size}{suffix}"
                synthetic_dump(path, size)
                out = subprocess.run([sys.executable, "-c", _CHILD, str(path), ""], check=True,
                                     capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src")})
                kept, wall, cpu, rss = (float(v) for v in out.stdout.split())
                print(f"  {size:>9,} {suffix:>6} {path.stat().st_size / 1e6:>7.1f} {int(kept):>9,} "
                      f"{wall:>7.2f} {cpu:>6.2f} {size / cpu:>13,.0f} {rss:>12.1f}")
                path.unlink()


def main() -> None:
    """Run both benchmarks and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", default="20000,200000,1000000", help="DBLP dump sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bench_dblp([int(n) for n in args.records.split(",")])
    bench_colt(args.repeat)


if __name__ == "__main__":
    main()
