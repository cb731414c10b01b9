"""Is "works in the series' country" information the later speakers have and the first 50 lack?

Not a test: an error analysis for issue 12 (round fourteen, BENCHMARKS.md "Suggestions"). For each
real history cut at its middle (the cases `bench/suggest_prior_loso.py` keeps in its cache), each
person's countries are those of the organizations of their affiliations known on the cutoff day
(an organization's country from the bundled ROR records, by its name or its top organization's);
the series' country is the one most of its past speakers with a known country work in. It prints,
for the known later speakers, the first 50 and 200 of `suggest` (hand-set prior), and everyone it
ranks, the share with a known country and the share in the series' country, per series and
summed per list. Nothing after a cutoff is read.

    PYTHONPATH=src:bench python bench/suggest_country.py --store /tmp/kg-real/store \\
        --cache /tmp/loso.pickle
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

from kg.ingest.resolve.ror import bundled
from kg.network import evaluate
from kg.network.index import GraphIndex, day_number, index_for
from kg.store import open_store


def countries_by_organization(index: GraphIndex) -> list[str | None]:
    """Each organization's country (ISO code) from ROR, by its name or its top organization's."""
    ror = bundled()
    found: list[str | None] = []
    for number, name in enumerate(index.organization_names):
        record = ror.named(name) or ror.named(index.organization_names[int(index.organization_top[number])])
        found.append(record.country if record else None)
    return found


def countries_of_people(index: GraphIndex, countries: list[str | None], day: int) -> dict[int, set[str]]:
    """Person → countries of the affiliations known on ``day``."""
    known = index.affiliation_day <= day
    out: dict[int, set[str]] = {}
    for person, organization in zip(index.affiliation_person[known], index.affiliation_organization[known],
                                    strict=True):
        if (country := countries[int(organization)]) is not None:
            out.setdefault(int(person), set()).add(country)
    return out


def main() -> None:
    """Print the shares per series and summed per list."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="the store of bench/suggest_real.py")
    parser.add_argument("--cache", type=Path, required=True, help="the cache of bench/suggest_prior_loso.py")
    options = parser.parse_args()
    index = index_for(open_store(str(options.store)))
    import suggest_prior_loso  # type: ignore[import-not-found]
    from suggest_real import DEVELOPMENT  # type: ignore[import-not-found]

    class Cases(pickle.Unpickler):
        """The harness's cache, written when it ran as ``__main__``."""

        def find_class(self, module: str, name: str) -> object:
            return getattr(suggest_prior_loso, name) if name == "Case" else super().find_class(module, name)

    with options.cache.open("rb") as cache:
        cases = Cases(cache).load()
    hand, ranked = suggest_prior_loso.HAND, suggest_prior_loso.ranked
    countries = countries_by_organization(index)
    print(f"organizations with a country: {sum(c is not None for c in countries)} of {len(countries)}\n")
    print("| series | its country (past speakers in it / with a country) | known later speakers: with a "
          "country, in the series' country | first 50: the same | first 200: the same | everyone ranked: "
          "the same |")
    print("|---|---|---|---|---|---|")
    totals: dict[bool, np.ndarray] = {True: np.zeros(8), False: np.zeros(8)}
    for case in cases:
        event = "https://w3id.org/kg/id/event/" + case.stem
        cutoff = date.fromisoformat(case.cutoff)
        past, _ = evaluate.split(evaluate.speaker_days(index, event), cutoff)
        where = countries_of_people(index, countries, day_number(cutoff))
        tally = Counter(c for p in past if p in index.person_index
                        for c in where.get(index.person_index[p], ()))
        with_country = sum(1 for p in past if where.get(index.person_index.get(p, -1)))
        home = tally.most_common(1)[0][0] if tally else None
        ranking = ranked(index, case, hand)
        groups = (case.known, ranking[:50], ranking[:200], case.pool.tolist())
        cells, counts = [], []
        for people in groups:
            has = sum(1 for p in people if where.get(p))
            inside = sum(1 for p in people if home in where.get(p, ()))
            cells.append(f"{has / max(1, len(people)):.0%}, {inside / max(1, len(people)):.0%} "
                         f"({inside} of {len(people)})")
            counts += [inside, len(people)]
        totals[case.stem in DEVELOPMENT] += np.array(counts, dtype=float)
        share = f"{tally[home]} / {with_country}" if home else "–"
        print(f"| {case.stem} | {home or '–'} ({share}) | " + " | ".join(cells) + " |")
    for label, development in (("development", True), ("check", False)):
        t = totals[development]
        print(f"| **{label}, summed** | | " + " | ".join(
            f"{t[2 * i] / max(1.0, t[2 * i + 1]):.0%} ({int(t[2 * i])} of {int(t[2 * i + 1])})"
            for i in range(4)) + " |")


if __name__ == "__main__":
    main()
