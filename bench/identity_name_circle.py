"""Who is who, an experiment kept as a harness: how common a name is within its circle, as a floor under the
field's estimate, and how many coauthor communities family names span.

Round nine tried to make the bar for merging two authorships of one name depend on how common the name is,
estimated from the field itself (issue 11). The field's estimate (``evidence.Field.expected_people``) draws
given and family names independently, over the whole field or, for a family name of ``CULTURE_FAMILY`` keys
or more, over its name culture. The namesakes it merges are names of small name cultures that look rare in
a field of 30,000 names (Hung Le, Mohamed Ahmed, Sergei Ivanov, Minh Do). The variant measured here puts a
floor under the estimate for a name of a family with 2 to ``CULTURE_FAMILY`` keys: its given and family
names drawn within its *circle* (the keys of the families its given name is printed with and of the given
names its family is printed with, the name itself left out), with ``prior`` pseudo-keys of the whole field:

    circle = given_count * family_count / (circle keys + prior)

``--communities`` prints, per family name, how many coauthor communities (authorships of one name joined by
a shared coauthor, before any scoring) its keys span: the other measure of commonness round nine read.

Run from the repository root (each variant imports and resolves the whole field, about a minute)::

    PYTHONPATH=src python bench/identity_name_circle.py --colt data/colt/colt-2011-2024-authorships.csv \\
        --ml-venues ../shared/data/ml-venues/ml-venues-2013-2021-authorships.csv.gz --prior 300 1000 3000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import identity as bench  # noqa: E402

from kg.ingest.resolve import evidence, names, people  # noqa: E402

SETS = {"tune": "pairs.tsv", "check": "pairs.tsv", "fresh": "fresh/pairs.tsv", "fresh3": "fresh3/pairs.tsv",
        "fresh4": "fresh4/pairs.tsv"}


def circle_floor(prior: float, plain: Callable[[evidence.Field, str], float]
                 ) -> Callable[[evidence.Field, str], float]:
    """``plain`` (``Field.expected_people``) with the circle's estimate as a floor (see the module doc)."""

    def expected(field: evidence.Field, name_key: str) -> float:
        if name_key in field.common:
            return field.common[name_key]
        base = plain(field, name_key)
        parsed = names.parse(name_key)
        if not parsed.family or len(parsed.given) != 1 or len(parsed.given[0]) == 1:
            return base
        given, family = parsed.given[0], parsed.family
        if not 2 <= field.family_count.get(family, 0) < evidence.CULTURE_FAMILY:
            return base
        families_of, givens_of = _circles(field)
        keys = (sum(field.family_count[f] for f in families_of[given] if f != family)
                + sum(field.given_count[g] for g in givens_of[family] if g != given))
        circle = field.given_count[given] * field.family_count[family] / (keys + prior)
        field.common[name_key] = max(base, circle)
        return field.common[name_key]

    return expected


_CIRCLES: dict[int, tuple[dict[str, set[str]], dict[str, set[str]]]] = {}
_KEYS: dict[int, set[str]] = {}


def _circles(field: evidence.Field) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    if id(field) not in _CIRCLES:
        families_of: dict[str, set[str]] = defaultdict(set)
        givens_of: dict[str, set[str]] = defaultdict(set)
        for name_key in _KEYS[id(field)]:
            parsed = names.parse(name_key)
            if parsed.family and parsed.given:
                families_of[parsed.given[0]].add(parsed.family)
                givens_of[parsed.family].add(parsed.given[0])
        _CIRCLES[id(field)] = (families_of, givens_of)
    return _CIRCLES[id(field)]


def _remember_keys(field_of: Callable[..., evidence.Field]) -> Callable[..., evidence.Field]:
    def wrapped(keys, *args, **kwargs):  # type: ignore[no-untyped-def]
        keys = set(keys)
        field = field_of(keys, *args, **kwargs)
        _KEYS[id(field)] = keys
        return field
    return wrapped


def score(tables: dict[str, Path], label: str) -> None:
    """Resolve the field once and print people precision / recall per gold set and the field's counts."""
    run = bench.resolve_field(tables, Path(tempfile.mkdtemp(prefix="kg-circle-")))
    resolution = run.result.resolution
    figures = []
    for part, path in SETS.items():
        scores = bench.score_people(resolution, bench.read_pairs(bench.GOLD / path))
        found = scores[part if part in bench.SPLITS else "all"]
        figures.append(f"{part} {found.precision:.3f} / {found.recall:.3f}")
    cases = Counter(c.status for c in resolution.cases)
    print(f"{label}: {', '.join(figures)}; people {len(resolution.new_people)}, names merged "
          f"{cases['merged']}, split {cases['split']}; {run.cpu_seconds:.0f} s CPU", flush=True)


def communities(tables: dict[str, Path], families: list[str]) -> None:
    """Per family name: keys, coauthor communities and authorships, before any scoring."""
    kept: list[people._People] = []
    run = people._People.run

    def keep(self: people._People) -> None:
        run(self)
        kept.append(self)

    people._People.run = keep  # type: ignore[method-assign]
    bench.resolve_field(tables, Path(tempfile.mkdtemp(prefix="kg-circle-")))
    people._People.run = run  # type: ignore[method-assign]
    found = kept[-1]
    groups: dict[str, set[int]] = defaultdict(set)
    authorships: Counter[str] = Counter()
    for i, mention in enumerate(found.mentions):
        if mention.registry_id is None:
            groups[mention.key].add(found.early_root[i])
            authorships[mention.key] += 1
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for name_key, roots in groups.items():
        family = names.parse(name_key).family
        if family:
            for row in (table[family], table["(all)"]):
                row[0] += 1
                row[1] += len(roots)
                row[2] += authorships[name_key]
    for family in [*families, "(all)"]:
        keys, spans, printed = table.get(family, [0, 0, 0])
        print(f"{family}: {keys} keys, {spans} communities ({spans / max(keys, 1):.2f} a key), "
              f"{printed} authorships")


def main(argv: list[str] | None = None) -> int:
    """Score the field without and with the circle floor at each prior; or print the communities."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--colt", type=Path, required=True)
    parser.add_argument("--ml-venues", type=Path)
    parser.add_argument("--prior", type=float, nargs="*", default=[300.0, 1000.0, 3000.0],
                        help="pseudo-keys of the whole field in the circle's estimate, one run each")
    parser.add_argument("--communities", nargs="*", metavar="FAMILY",
                        help="print the coauthor communities of these family names instead")
    args = parser.parse_args(argv)
    tables = {"colt": args.colt, **({"ml-venues": args.ml_venues} if args.ml_venues else {})}
    if args.communities is not None:
        communities(tables, args.communities)
        return 0
    score(tables, "field estimate, no floor")
    plain, field_of = evidence.Field.expected_people, people.field_of
    people.field_of = _remember_keys(field_of)  # type: ignore[assignment]
    try:
        for prior in args.prior:
            evidence.Field.expected_people = circle_floor(prior, plain)  # type: ignore[method-assign]
            score(tables, f"circle floor, prior {prior:g}")
    finally:
        evidence.Field.expected_people = plain  # type: ignore[method-assign]
        people.field_of = field_of
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
