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

from collections import Counter, defaultdict

import numpy as np
import suggest_harness as harness  # type: ignore[import-not-found]

from kg.ingest.bulk.speakers import why_same
from kg.ingest.resolve import names
from kg.network import signals, taste
from kg.network.index import PAPER, GraphIndex

SIGNALS = ("closeness", "topic", "coauthored_speakers", "venues", "recent_papers")
TOP = 50


def namesakes(index: GraphIndex, papers: np.ndarray) -> dict[str, list[int]]:
    """Last name → people with papers, to find the field's people a speaker's name may be."""
    found: dict[str, list[int]] = defaultdict(list)
    for person in np.flatnonzero(papers > 0):
        found[names.parts(names.key(index.names[person]))[2]].append(int(person))
    return found


def median_rank(column: np.ndarray, later: set[str], index: GraphIndex) -> str:
    """The median rank of the later speakers that ``column`` ranks at all ("-" when none)."""
    found = [int(column[index.person_index[p]]) for p in later if column[index.person_index[p]] > 0]
    return f"{int(np.median(found)):,} ({len(found)})" if found else "-"


def diagnose(index: GraphIndex, stem: str) -> list[str]:
    """The Markdown section of one series."""
    r = harness.replay(index, stem)
    cutoff, past, later = r.cut.cutoff, r.cut.past, r.cut.later
    found = index.event_index[r.cut.event]
    model, x, pool = r.model, r.x, r.pool
    papers_ever = np.bincount(index.member_person[index.member_kind == PAPER], minlength=len(index.people))
    papers_then = signals.counts_until(r.view, r.cut.day).papers
    by_last = namesakes(index, papers_ever)
    columns = {"suggest": harness.rank_column(r.scores, pool)}
    columns.update({f: harness.rank_column(x[:, taste.FEATURES.index(f)], pool) for f in SIGNALS})
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
    top = r.order[:25]
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
    index = harness.open_index(harness.store_parser(__doc__).parse_args().store)
    for stem in (*harness.DEVELOPMENT, *harness.CHECK):
        print("\n".join(diagnose(index, stem)))


if __name__ == "__main__":
    main()
