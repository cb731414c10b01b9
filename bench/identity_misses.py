"""Why pairs of one person stay apart: the evidence and score the resolver computed for each miss.

Resolves the field as ``bench/identity.py`` does (same scratch folder, no decisions about people),
keeps the resolver's final groups, and for every pair of a gold set labelled "same" that ends in two
people prints what kept them apart: whether the two names are a candidate pair at all (a block pairs
them), whether a rule forbids the merge, the variant the names are read as, the name's part of the
score, the evidence beyond the names (coauthors, institutions, topics) and the final score against
the merge threshold. Also prints, for the two groups, their sizes, years, institutions and the title
words they share.

Run from the repository root::

    PYTHONPATH=src python bench/identity_misses.py --colt data/colt/colt-2011-2024-authorships.csv \\
        --ml-venues ../shared/data/ml-venues/ml-venues-2013-2021-authorships.csv.gz \\
        --gold tests/data/identity/fresh6
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path
from typing import Any

from identity import GOLD, _where, read_pairs, resolve_field, split_of  # type: ignore[import-not-found]

from kg.ingest.resolve import clusters as clustering
from kg.ingest.resolve import people as people_module

_KEPT: list[Any] = []


def _keep_runs() -> None:
    """Remember each resolver run (its groups and field) when it assigns ids."""
    original = people_module._People._assign

    def assign(self: Any, open_cases: list[clustering.Decision]) -> None:
        _KEPT.append(self)
        original(self, open_cases)

    people_module._People._assign = assign  # type: ignore[method-assign]


def explain(run: Any, a: tuple[str, int], b: tuple[str, int]) -> list[str]:
    """Lines telling why the authorships ``a`` and ``b`` ended in two groups."""
    index = {m.where: i for i, m in enumerate(run.mentions)}
    if a not in index or b not in index:
        return ["  not read by the resolver"]
    clusters = run.clusters
    ra, rb = clusters.find(index[a]), clusters.find(index[b])
    ga, gb = clusters.groups[ra], clusters.groups[rb]
    ka, kb = run.mentions[index[a]].key, run.mentions[index[b]].key
    lines = [f"  keys {ka!r} / {kb!r}; groups of {len(ga.mentions)} / {len(gb.mentions)} authorships, "
             f"names {dict(ga.keys)} / {dict(gb.keys)}"]
    if ka != kb:
        candidate = (min(ka, kb), max(ka, kb)) in clustering.candidate_key_pairs([ka, kb], run.extra)
        found = clusters.variant(ka, kb)
        lines.append(f"  candidate pair: {candidate}; variant: {found}")
    expected = run.field.expected_people
    lines.append(f"  can merge: {clusters.can_merge(ra, rb)}; expected people {expected(ka):.3f} "
                 f"/ {expected(kb):.3f}")
    if not clusters.can_merge(ra, rb):
        lines.append(f"  kept apart by: {_why_not(clusters, ra, rb)}")
    else:
        name, reason = clusters.name_term(ra, rb)
        total, positive, facts = run.field.weigh(ga, gb)
        decision = clusters.weigh(ra, rb)
        lines.append(f"  name term {name:.2f} ({reason}); evidence {total:.2f} (positive {positive:.2f}): "
                     f"{facts}; score {decision.score:.2f} (merge at {clustering.MERGE_AT})")
    shared_words = sorted(set(ga.words) & set(gb.words))[:8]
    lines.append(f"  years {sorted(ga.years)} / {sorted(gb.years)}; orgs {sorted(ga.orgs)} / "
                 f"{sorted(gb.orgs)}; shared title words {shared_words}; "
                 f"coauthors {len(ga.coauthors)} / {len(gb.coauthors)}")
    return lines


def _why_not(clusters: Any, ra: int, rb: int) -> str:
    """The rule of ``Clusters.can_merge`` that keeps two groups apart."""
    ga, gb = clusters.groups[ra], clusters.groups[rb]
    if ga.items & gb.items:
        return f"one paper in both: {sorted(ga.items & gb.items)[:3]}"
    if ga.registry_id and gb.registry_id:
        return "two registry people"
    if ga.fixed_id and gb.fixed_id:
        return "two namesakes of the alias file"
    keys = [*ga.keys, *gb.keys]
    unfit = [(x, y) for x in ga.keys for y in gb.keys if not clusters._fits(x, y, keys)]
    return f"names that do not fit: {unfit}"


def chain(run: Any, a: tuple[str, int], b: tuple[str, int]) -> list[str]:
    """Lines telling how the authorships ``a`` and ``b`` (two people) ended in one group: every merge
    of that group, best first, with the names of the side taken in, its score, reason and evidence."""
    index = {m.where: i for i, m in enumerate(run.mentions)}
    if a not in index or b not in index:
        return ["  not read by the resolver"]
    clusters = run.clusters
    root = clusters.find(index[a])
    ka, kb = run.mentions[index[a]].key, run.mentions[index[b]].key
    early_a, early_b = run.early_root[index[a]], run.early_root[index[b]]
    lines = [f"  keys {ka!r} / {kb!r}; one group of {len(clusters.groups[root].mentions)} authorships, "
             f"names {dict(clusters.groups[root].keys)}"]
    if early_a == early_b:
        lines.append("  joined before scoring (one name, a shared coauthor)")
    for decision in run.joined:
        if clusters.find(decision.a) != root:
            continue
        taken = clusters.groups[decision.b]
        lines.append(f"  merge {decision.score:.2f} [{decision.reason}] {decision.evidence}; "
                     f"took in {dict(taken.keys)} years {sorted(taken.years)} orgs {sorted(taken.orgs)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Resolve the field, then explain each gold pair of one person left in two groups."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--colt", type=Path, required=True, help="COLT authorships CSV")
    parser.add_argument("--ml-venues", type=Path, help="ml-venues authorships CSV (.csv or .csv.gz)")
    parser.add_argument("--gold", type=Path, action="append", 
                        help="gold folders (default: the tune/check set)")
    parser.add_argument("--wrong", action="store_true",
                        help="explain pairs of two people merged (the chain of merges) instead of misses")
    parser.add_argument("--dump", type=Path, help="write every authorship's person and spelling here (TSV)")
    args = parser.parse_args(argv)
    _keep_runs()
    tables = {"colt": args.colt, **({"ml-venues": args.ml_venues} if args.ml_venues else {})}
    work = Path(tempfile.mkdtemp(prefix="kg-misses-"))
    result = resolve_field(tables, work).result
    shutil.rmtree(work, ignore_errors=True)
    run = _KEPT[-1]
    ids = result.resolution.namesake_ids
    if args.dump:
        spelled = {m.where: m.spelling for m in run.mentions}
        rows = [f"{paper}#{position + 1}\t{person}\t{spelled.get((paper, position), '')}\n"
                for (paper, position), person in sorted(ids.items())]
        args.dump.write_text("".join(rows), encoding="utf-8")
    for folder in args.gold or [GOLD]:
        for pair in read_pairs(folder / "pairs.tsv"):
            a, b = _where(pair.a), _where(pair.b)
            if a not in ids or b not in ids:
                continue
            if folder.resolve() == GOLD.resolve() and split_of(pair.id) == "check":
                continue  # the check half is scored, never read
            if args.wrong:
                if not pair.same and ids[a] == ids[b]:
                    print(f"{folder.name} {pair.id} [{pair.kind}] {ids[a]}")
                    print("\n".join(chain(run, a, b)))
                continue
            if not pair.same or ids[a] == ids[b]:
                continue
            print(f"{folder.name} {pair.id} [{pair.kind}] {ids[a]} / {ids[b]}")
            print("\n".join(explain(run, a, b)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
