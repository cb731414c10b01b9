"""What Oxigraph's ``optimize`` (a full compaction) costs after a bulk load, and what it buys.

Not a test. Loads one N-Quads file twice with ``Store.bulk_load``, once left as loaded and once
compacted, then times a few named queries on both (median of 5 warm runs). Usage:

    kg synth --triples 10M --out /tmp/kgb2
    PYTHONPATH=src python bench/optimize_tradeoff.py /tmp/kgb2/synthetic-10000000-s1.nq
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from kg.sparql.catalog import find_query
from kg.store import LocalStore


def load(nquads: Path, target: Path, compact: bool) -> tuple[float, float]:
    """Seconds to bulk-load ``nquads`` into ``target``, and to compact it afterwards (0 if not)."""
    shutil.rmtree(target, ignore_errors=True)
    started = time.perf_counter()
    store = ox.Store(str(target))
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    loaded = time.perf_counter() - started
    if compact:
        store.optimize()
    del store
    return loaded, time.perf_counter() - started - loaded


def median_ms(store: LocalStore, text: str, terms: dict[str, ox.NamedNode]) -> float:
    """Median wall time of five warm runs of one query, in milliseconds."""
    store.select(text, terms)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        store.select(text, terms)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main(nquads: Path) -> None:
    """Print a Markdown table of load and compaction times and query medians on both stores."""
    samples = json.loads(nquads.with_suffix(".json").read_text())["samples"]
    work = nquads.parent
    loads = {compact: load(nquads, work / f"store-optimize-{int(compact)}", compact)
             for compact in (False, True)}
    print("| store | bulk load s | optimize s |\n|---|---|---|")
    for compact, (loaded, compacted) in loads.items():
        print(f"| {'compacted' if compact else 'as loaded'} | {loaded:.1f} | {compacted:.1f} |")
    stores = {c: LocalStore.open_read_only(work / f"store-optimize-{int(c)}") for c in (False, True)}
    cases = [("coauthors", "person", samples["hub_person"]), ("coauthors", "person", samples["mid_person"]),
             ("papers_by_author", "person", samples["hub_person"]),
             ("speakers_of_event", "event", samples["series"]), ("talk_details", "talk", samples["talk"]),
             ("awards", "", "")]
    print("\n| query | parameter | as loaded, ms | compacted, ms |\n|---|---|---|---|")
    for name, param, value in cases:
        text = find_query(name).text
        terms = {param: ox.NamedNode(value)} if param else {}
        plain, compacted = (median_ms(stores[c], text, terms) for c in (False, True))
        print(f"| {name} | {value.rsplit('/', 1)[-1]} | {plain:,.1f} | {compacted:,.1f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
