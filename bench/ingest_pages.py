"""Time page ingestion: extraction alone per seed, and whole ingests into two data folders.

Run from the repository root: ``PYTHONPATH=src python bench/ingest_pages.py``. Prints medians of
five runs in milliseconds.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kg.ingest.documents import ingest_page
from kg.ingest.pages.pipeline import extract_file

DATA = Path("data")
SEEDS = sorted((DATA / "sources").glob("0*.txt"))


def median_ms(work: Callable[[], object], runs: int = 5) -> float:
    """Median wall time of ``work`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fresh(with_records: bool) -> Path:
    """A scratch data folder: the registries, and the curated records if asked."""
    root = Path(tempfile.mkdtemp(prefix="kg-bench-")) / "data"
    (root / "records").mkdir(parents=True)
    for name in ("people.yaml", "organizations.yaml", "aliases.yaml"):
        shutil.copyfile(DATA / name, root / name)
    if with_records:
        for path in (DATA / "records").glob("*.yaml"):
            shutil.copyfile(path, root / "records" / path.name)
    return root


def ingest_all(with_records: bool) -> None:
    """Ingest the five seeds into a fresh folder."""
    data = fresh(with_records)
    for path in SEEDS:
        ingest_page(data, path)
    shutil.rmtree(data.parent)


def main() -> None:
    """Print the timings."""
    for path in SEEDS:
        print(f"extract {path.name}: {median_ms(lambda p=path: extract_file(p)):.1f} ms")
    print(f"ingest 5 seeds, registries only: {median_ms(lambda: ingest_all(False)):.0f} ms")
    print(f"ingest 5 seeds into the curated data: {median_ms(lambda: ingest_all(True)):.0f} ms")


if __name__ == "__main__":
    main()
