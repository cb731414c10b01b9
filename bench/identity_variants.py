"""Variants of the people resolver measured on every gold set, the field's institutions resolved once.

A variant is a Python file defining ``apply()`` and ``undo()``: ``apply`` changes the resolver (a
weight of ``kg.ingest.resolve.evidence``, a method of ``Field`` or ``Clusters`` replaced), ``undo``
puts it back. The field is imported as ``bench/identity.py`` imports it, once: its institutions are
resolved once, and the state people's resolution starts from is kept. People are then resolved as
the code stands and once per variant, each run scored on every gold set (tune, check, fresh...), and
for each variant the gold pairs it decides otherwise than the code as it stands are listed ("+" a
new error, "-" an error gone). The people step alone is about half of a whole run, so a round of
variants costs one import and one people step each.

Run from the repository root::

    PYTHONPATH=src python bench/identity_variants.py --colt data/colt/colt-2011-2024-authorships.csv \\
        --ml-venues ../shared/data/ml-venues/ml-venues-2013-2021-authorships.csv.gz \\
        --variant fade.py --variant flow.py
"""

from __future__ import annotations

import argparse
import copy
import runpy
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from identity import FRESH_SETS, GOLD, Pair, read_pairs, resolve_field, score_people  # type: ignore[import-not-found]

from kg.ingest.resolve import people as people_module
from kg.ingest.resolve.resolution import Resolution


@dataclass
class Frozen:
    """What people's resolution starts from: its arguments, and the resolution holding institutions only."""

    arguments: tuple[Any, ...] = ()
    resolution: Resolution | None = None


@contextmanager
def capture() -> Iterator[Frozen]:
    """Within this block, the last run of people's resolution is kept in the ``Frozen`` it yields."""
    frozen = Frozen()
    init, run = people_module._People.__init__, people_module._People.run

    def keep_init(self: Any, *arguments: Any) -> None:
        self._frozen_arguments = arguments
        init(self, *arguments)

    def keep_run(self: Any) -> None:
        frozen.arguments = self._frozen_arguments
        frozen.resolution = copy.deepcopy(self.resolution)
        run(self)

    people_module._People.__init__ = keep_init  # type: ignore[method-assign]
    people_module._People.run = keep_run  # type: ignore[method-assign]
    try:
        yield frozen
    finally:
        people_module._People.__init__ = init  # type: ignore[method-assign]
        people_module._People.run = run  # type: ignore[method-assign]


def resolve_people(frozen: Frozen) -> Resolution:
    """People resolved again from the kept state, as the resolver stands now."""
    if frozen.resolution is None:
        raise ValueError("no run of people's resolution was captured")
    papers, people, organizations, aliases, documents, _ = frozen.arguments
    resolution = copy.deepcopy(frozen.resolution)
    people_module._People(papers, people, organizations, aliases, documents, resolution).run()
    return resolution


@dataclass
class Variant:
    """A change to the resolver, read from a file: its name and how to make and unmake it."""

    name: str
    apply: Callable[[], None]
    undo: Callable[[], None]


def load_variant(path: Path) -> Variant:
    """The variant a file defines (``apply()`` and ``undo()``)."""
    namespace = runpy.run_path(str(path))
    for needed in ("apply", "undo"):
        if not callable(namespace.get(needed)):
            raise ValueError(f"{path}: no function {needed}()")
    return Variant(path.stem, namespace["apply"], namespace["undo"])


@dataclass
class Figures:
    """One run scored: per gold part its precision, recall and errors, and the people of the field."""

    people: int
    parts: dict[str, tuple[float, float]] = field(default_factory=dict)
    errors: set[str] = field(default_factory=set)

    def line(self, name: str) -> str:
        cells = " | ".join(f"{part} {p:.3f} / {r:.3f}" for part, (p, r) in self.parts.items())
        return f"{name}: {self.people:,} people | {cells}"


def figures(resolution: Resolution, gold: dict[str, list[Pair]]) -> Figures:
    """Precision and recall on each gold set (the main set as its tune and check halves)."""
    found = Figures(len(set(resolution.namesake_ids.values())))
    for name, pairs in gold.items():
        scores = score_people(resolution, pairs)
        for part in ("tune", "check") if name == "main" else ("all",):
            score = scores[part]
            label = part if name == "main" else name
            found.parts[label] = (score.precision, score.recall)
            found.errors.update(f"{label}: {error}" for error in score.errors)
    return found


def changes(before: Figures, after: Figures) -> list[str]:
    """The gold pairs decided otherwise: new errors ("+") and errors gone ("-")."""
    return [*(f"  + {e}" for e in sorted(after.errors - before.errors)),
            *(f"  - {e}" for e in sorted(before.errors - after.errors))]


def read_gold(folder: Path) -> dict[str, list[Pair]]:
    """Every gold set of people: the main one (``pairs.tsv``) and each later one that has pairs."""
    gold = {"main": read_pairs(folder / "pairs.tsv")}
    for part, sub in FRESH_SETS.items():
        if (folder / sub / "pairs.tsv").exists():
            gold[part] = read_pairs(folder / sub / "pairs.tsv")
    return gold


def main(argv: list[str] | None = None) -> int:
    """Import the field once, then score the resolver as it stands and under each variant."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--colt", type=Path, required=True, help="COLT authorships CSV")
    parser.add_argument("--ml-venues", type=Path, help="ml-venues authorships CSV (.csv or .csv.gz)")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--variant", type=Path, action="append", default=[],
                        help="a Python file defining apply() and undo() (repeat for several)")
    args = parser.parse_args(argv)
    variants = [load_variant(path) for path in args.variant]
    gold = read_gold(args.gold)
    tables = {"colt": args.colt, **({"ml-venues": args.ml_venues} if args.ml_venues else {})}
    work = Path(tempfile.mkdtemp(prefix="kg-variants-"))
    try:
        with capture() as frozen:
            resolve_field(tables, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    base = figures(resolve_people(frozen), gold)
    print(base.line("as it stands"), flush=True)
    for variant in variants:
        variant.apply()
        try:
            found = figures(resolve_people(frozen), gold)
        finally:
            variant.undo()
        print(found.line(variant.name), flush=True)
        print("\n".join(changes(base, found)), flush=True)
    print(f"{len(variants)} variants measured", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
