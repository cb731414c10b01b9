"""Where the later speakers of the development histories rank, and what the missed ones share.

Not a test: an error analysis. For each development series (cut, as `kg evaluate-suggest`
does, on the day by which half of its talks were given) and each later speaker the field knew
on that day (a paper or talk before it), it takes the rank `suggest` gives them among the
people it ranks, and a few properties of a person as known on the day:

- **coauthor of a host or past speaker**: a joint paper, talk or advising with one of them;
- **student or advisor of a past speaker** (advising in the store);
- **same place**: an affiliation at the hosts' institution or one a fifth of the speakers share
  (the `local` feature);
- **spoke elsewhere**: a talk at another series of the store;
- **recent arrival**: a first paper under three years before the day;
- **no recent paper**: none in the last three years;
- **off topic**: not in the first 1,000 by the exact topic fit, nor by the learned space;
- **far from the walk**: not in the first 1,000 of the walk from the speakers and hosts;
- **rising**: more papers in the last three years than in all the years before.

Then, per property, the share of the later speakers found in the first 200 and of those missed
who have it, beside its share among the first 50 suggestions (what the ranking prefers) and
among everyone ranked (the base rate): a property much commoner among the later speakers than
among everyone ranked is evidence; one commoner among the missed than among the found is what
the ranking underweighs. It also prints each feature's median percentile (100 = the top of
everyone ranked) among the found, the missed and the first 50.

    PYTHONPATH=src:bench python bench/suggest_errors.py --store /tmp/kg-real/store
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import suggest_harness as harness  # type: ignore[import-not-found]

from kg.network import signals, suggest, taste
from kg.network.index import ADVISOR, PHD, POSTDOC, STUDENT, GraphIndex

PROPERTIES = ("coauthor of a host or past speaker", "student or advisor of a past speaker", "same place",
              "spoke elsewhere", "recent arrival", "no recent paper", "off topic", "far from the walk",
              "rising")
GROUPS = ("found (≤200)", "missed (>200)", "first 50", "everyone ranked")


def advising_links(index: GraphIndex, speakers: list[int]) -> np.ndarray:
    """1 for people in an advising relation (either side) with one of ``speakers``."""
    advising = np.isin(index.work_kind[index.member_work], (PHD, POSTDOC)) & np.isin(
        index.member_role, (ADVISOR, STUDENT))
    rows = np.flatnonzero(advising)
    works_of_speakers = set(index.member_work[rows[np.isin(index.member_person[rows], speakers)]].tolist())
    found = np.zeros(len(index.people), dtype=bool)
    mine = rows[np.isin(index.member_work[rows], list(works_of_speakers))]
    found[index.member_person[mine]] = True
    found[speakers] = False
    return found


def analyse(index: GraphIndex, stem: str) -> tuple[list[str], dict[str, list[np.ndarray]], dict]:
    """One series' rows (later known speakers), and per group the property flags and percentiles."""
    r = harness.replay(index, stem)
    event, cutoff, later, x, pool, order = r.cut.event, r.cut.cutoff, r.cut.later, r.x, r.pool, r.order
    rank = harness.rank_column(r.scores, pool)
    counts = signals.counts_until(r.view, r.cut.day)
    f = {name: x[:, i] for i, name in enumerate(taste.FEATURES)}
    top_k = 10 ** -3.0  # a log rank above -3: in the first 1,000
    flags = np.column_stack([
        (f["coauthored_speakers"] > 0) | (f["organizer_links"] > 0),
        advising_links(index, r.speakers),
        f["local"] > 0,
        f["talks_elsewhere"] > 0,
        (counts.papers > 0) & (counts.career_years < 3),
        counts.recent_papers == 0,
        (f["topic"] < np.log10(top_k)) & (f["semantic"] < np.log10(top_k)),
        f["closeness"] < np.log10(top_k),
        counts.recent_papers > counts.papers - counts.recent_papers,
    ])
    pct = np.column_stack([100.0 * suggest.percentiles(x[:, i], pool) for i in range(len(taste.FEATURES))])
    known = [index.person_index[p] for p in later if counts.works[index.person_index[p]] > 0]
    found = [p for p in known if 0 < rank[p] <= 200]
    missed = [p for p in known if not 0 < rank[p] <= 200]
    groups = {"found (≤200)": found, "missed (>200)": missed, "first 50": order[:50].tolist(),
              "everyone ranked": pool.tolist()}
    data = {g: [flags[people], pct[people]] for g, people in groups.items()}
    lines = [f"**{index.event_names[index.event_index[event]]}** (cutoff {cutoff}; {len(known)} of "
             f"{len(later)} later speakers known; {len(pool):,} ranked)", "",
             "| later speaker | rank | " + " | ".join(PROPERTIES) + " |",
             "|---" * (2 + len(PROPERTIES)) + "|"]
    for p in sorted(known, key=lambda q: (rank[q] == 0, rank[q])):
        lines.append(f"| {index.names[p]} | {rank[p] or '-'} | "
                     + " | ".join("x" if flags[p, i] else "" for i in range(len(PROPERTIES))) + " |")
    return lines + [""], data, {"known": len(known), "found": len(found)}


def main() -> None:
    """Parse the options and print the per-series rows and the summary tables."""
    parser = harness.store_parser(__doc__)
    parser.add_argument("--rows", action="store_true", help="also print one row per later speaker")
    options = parser.parse_args()
    index = harness.open_index(options.store)
    pooled: dict[str, list[list[np.ndarray]]] = defaultdict(lambda: [[], []])
    for stem in harness.DEVELOPMENT:
        lines, data, _ = analyse(index, stem)
        if options.rows:
            print("\n".join(lines))
        for group, (flags, pct) in data.items():
            pooled[group][0].append(flags)
            pooled[group][1].append(pct)
    merged = {g: (np.vstack(a), np.vstack(b)) for g, (a, b) in pooled.items()}
    # The base rate is averaged over series (each series weighs the same), the others pooled.
    print("| property | " + " | ".join(f"{g} ({len(merged[g][0]):,})" for g in GROUPS)
          + " | lift: later speakers / everyone |")
    print("|---" * (len(GROUPS) + 2) + "|")
    base_by_series = [flags.mean(axis=0) for flags in pooled["everyone ranked"][0]]
    base = np.mean(base_by_series, axis=0)
    later = np.vstack([merged["found (≤200)"][0], merged["missed (>200)"][0]])
    for i, name in enumerate(PROPERTIES):
        shares = [merged[g][0][:, i].mean() if len(merged[g][0]) else 0.0 for g in GROUPS[:3]]
        lift = later[:, i].mean() / base[i] if base[i] else float("nan")
        print(f"| {name} | " + " | ".join(f"{100 * s:.0f} %" for s in shares)
              + f" | {100 * base[i]:.1f} % | {lift:.1f}× |")
    print()
    print("| feature (median percentile among everyone ranked) | " + " | ".join(GROUPS[:3]) + " |")
    print("|---" * 4 + "|")
    for i, name in enumerate(taste.FEATURES):
        print(f"| {name} | " + " | ".join(f"{np.median(merged[g][1][:, i]):.1f}" if len(merged[g][1]) else "-"
                                         for g in GROUPS[:3]) + " |")


if __name__ == "__main__":
    main()
