"""Why `kg suggest` finds or misses each later speaker of the real seminar histories.

Not a test: it prints, per series (cut, as `kg evaluate-suggest` does, on the day by which half
of its talks were given), one row per person who first spoke after the cutoff:

- **papers**: their papers in the store, and those known on the cutoff day;
- **other people of that name**: people of the field with papers whose name may be the
  speaker's (``names.compatible``, or a first name cut short), i.e. a speaker the ingest did
  not resolve to their papers ("Dave Donoho" against "David L. Donoho");
- **ranks**: where the suggestion puts them, and each signal alone (the walk from the past
  speakers, topic fit, links to past speakers, venues, recent papers); "-" when not ranked;
- **found by**: the signals that put them in the first 50.

Then the median rank each signal gives the later speakers it ranks (a finer measure than
recall@50, which moves by one person in twenty on these histories),
then a count of the reasons (known on the day, only later, not in the field, not resolved), the
series' fitted taste, and the first 25 suggestions, to look at who the top of the list is.
It reads a store assembled by `bench/suggest_real.py` (its `--work` folder).

    python bench/suggest_real.py --ml-venues ../shared/data/ml-venues --work /tmp/kg-real
    PYTHONPATH=src python bench/suggest_diagnose.py --store /tmp/kg-real/store > /tmp/diagnosis.md
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from kg.ingest.bulk.speakers import why_same
from kg.ingest.resolve import names
from kg.network import evaluate, signals, suggest, taste
from kg.network.index import PAPER, GraphIndex, day_number, index_for
from kg.store import open_store

SIGNALS = ("closeness", "topic", "coauthored_speakers", "venues", "recent_papers")
TOP = 50


def namesakes(index: GraphIndex, papers: np.ndarray) -> dict[str, list[int]]:
    """Last name → people with papers, to find the field's people a speaker's name may be."""
    found: dict[str, list[int]] = defaultdict(list)
    for person in np.flatnonzero(papers > 0):
        found[names.parts(names.key(index.names[person]))[2]].append(int(person))
    return found


def ranks(values: np.ndarray, pool: np.ndarray) -> np.ndarray:
    """Each pool member's rank by ``values`` (1 = highest; ties by row); 0 outside the pool."""
    order = pool[np.lexsort((pool, -values[pool]))]
    found = np.zeros(len(values), dtype=np.int64)
    found[order] = np.arange(1, len(order) + 1)
    return found


def median_rank(column: np.ndarray, later: set[str], index: GraphIndex) -> str:
    """The median rank of the later speakers that ``column`` ranks at all ("-" when none)."""
    found = [int(column[index.person_index[p]]) for p in later if column[index.person_index[p]] > 0]
    return f"{int(np.median(found)):,} ({len(found)})" if found else "-"


def diagnose(index: GraphIndex, stem: str) -> list[str]:
    """The Markdown section of one series."""
    event = f"https://w3id.org/kg/id/event/{stem}"
    days = evaluate.speaker_days(index, event)
    cutoff = evaluate.middle_cutoff(days)
    past, later = evaluate.split(days, cutoff)
    found = index.event_index[event]
    day = day_number(cutoff)
    series = suggest.series_of(index, found, day)
    speakers = sorted({p for _, p, _ in series.talks})
    v = signals.view(index, day, series.hidden)
    model, x, _ = suggest._fit_taste(index, series, event, v, speakers)
    reachable = suggest._reachable(v, x)
    reachable[speakers + series.hosts] = False
    pool = np.flatnonzero(reachable)
    papers_ever = np.bincount(index.member_person[index.member_kind == PAPER], minlength=len(index.people))
    papers_then = signals.counts_until(v, day).papers
    by_last = namesakes(index, papers_ever)
    columns = {"suggest": ranks(model.score(x), pool)}
    columns.update({f: ranks(x[:, taste.FEATURES.index(f)], pool) for f in SIGNALS})
    lines = [f"### {index.event_names[found]} (cutoff {cutoff}, {len(past)} past and {len(later)} later "
             f"speakers, {len(pool):,} people ranked)", "",
             "| later speaker | papers (known on the day) | other people of that name | suggest | "
             + " | ".join(SIGNALS) + " | found by |",
             "|---" * (5 + len(SIGNALS)) + "|"]
    reasons: Counter[str] = Counter()
    for iri in sorted(later, key=lambda i: (index.names[index.person_index[i]], i)):
        person = index.person_index[iri]
        key = names.key(index.names[person])
        others = [p for p in by_last.get(names.parts(key)[2], []) if p != person
                  and why_same(key, names.key(index.names[p])) is not None]
        if papers_then[person] > 0:
            reasons["known on the day"] += 1
        elif any(papers_then[p] > 0 for p in others):
            reasons["not resolved to their papers"] += 1
        elif papers_ever[person] > 0 or others:
            reasons["papers only after the cutoff"] += 1
        else:
            reasons["not in the field"] += 1
        shown = ", ".join(f"{index.names[p]} ({int(papers_then[p])})" for p in others[:3]) or ""
        by = [f for f in SIGNALS if 0 < columns[f][person] <= TOP]
        lines.append(f"| {index.names[person]} | {int(papers_ever[person])} ({int(papers_then[person])}) | "
                     f"{shown} | " + " | ".join(str(columns[c][person] or "-") for c in columns)
                     + f" | {', '.join(by)} |")
    top = pool[np.lexsort((pool, -model.score(x)[pool]))][:25]
    hits = {index.person_index[i] for i in later}
    found_top = sum(1 for p in later if 0 < columns["suggest"][index.person_index[p]] <= TOP)
    fitted = f"fitted on {model.positives} speakers" if model.fitted else "prior"

    def shown_top(p: int) -> str:
        name = f"**{index.names[p]}**" if p in hits else index.names[p]
        return f"{name} ({int(papers_then[p])} papers)"

    lines += ["", "Later speakers: " + ", ".join(f"{k} {n}" for k, n in sorted(reasons.items()))
              + f"; in the first {TOP}: {found_top}.", "",
              "Median rank of the later speakers each ranks (finer than recall@50 on a few dozen "
              "people): " + ", ".join(f"{c} {median_rank(columns[c], later, index)}" for c in columns), "",
              f"Taste ({fitted}): " + ", ".join(f"{k} {v:+.2f}" for k, v in model.described().items()), "",
              "First 25: " + "; ".join(shown_top(int(p)) for p in top), ""]
    return lines


def main() -> None:
    """Parse the options and print the diagnosis of every history."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="the store of bench/suggest_real.py")
    options = parser.parse_args()
    index = index_for(open_store(str(options.store)))
    from suggest_real import CHECK, DEVELOPMENT  # type: ignore[import-not-found]

    for stem in (*DEVELOPMENT, *CHECK):
        print("\n".join(diagnose(index, stem)))


if __name__ == "__main__":
    main()
