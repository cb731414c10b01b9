"""How the field's printed affiliations are read, saved to compare two versions of the resolver.

``dump`` imports and resolves the tables once and writes each distinct printed affiliation with the
names of the institutions it is read as (top level: a lab counts as its university), and the names
of the new institutions, to a JSON file. ``compare`` prints what changed between two such files: the
new institutions made or lost, the count of affiliations read differently and a random sample of them
(to judge by hand: wrong merges are the worst error).

Example (the readings of main, then of a branch, then the difference):
    PYTHONPATH=src python bench/affiliation_readings.py dump before.json \\
        --colt data/colt/colt-2011-2024-authorships.csv \\
        --ml-venues /work/shared/data/ml-venues/ml-venues-2013-2021-authorships.csv.gz
    PYTHONPATH=src python bench/affiliation_readings.py compare before.json after.json --sample 30
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

from identity import resolve_field

from kg.ingest.resolve.organizations import top_level
from kg.records.folder import read_data_folder


def dump(tables: dict[str, Path], output: Path) -> None:
    """Write each printed affiliation's reading and the new institutions' names to ``output``."""
    work = Path(tempfile.mkdtemp(prefix="kg-readings-"))
    try:
        run = resolve_field(tables, work)
        organizations = [*read_data_folder(work / "data").dataset.organizations]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    resolution = run.result.resolution
    everything = [*organizations, *resolution.new_organizations]
    names = {o.id: o.name for o in everything}
    parents = {o.id: o.part_of for o in everything if o.part_of}
    strings = sorted({a for _, paper in run.result.papers.values() for a in paper.affiliations if a})
    readings = {s: [names.get(top_level(i, parents), i) for i in resolution.organizations(s)]
                for s in strings}
    made = sorted(o.name for o in resolution.new_organizations)
    output.write_text(json.dumps({"readings": readings, "new": made}, ensure_ascii=False, indent=0),
                      encoding="utf-8")
    print(f"{len(strings):,} affiliations, {len(resolution.new_organizations):,} new institutions, "
          f"{run.cpu_seconds:.1f} s of CPU, {run.peak_mb:,.0f} MB", file=sys.stderr)


def compare(before: Path, after: Path, sample: int, seed: int) -> None:
    """Print the institutions made or lost and a sample of the affiliations read differently."""
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    changed = [s for s in old["readings"] if old["readings"][s] != new["readings"].get(s)]
    print(f"{len(changed)} of {len(old['readings']):,} affiliations read differently; new institutions "
          f"{len(old['new']):,} -> {len(new['new']):,}")
    print("made:", sorted(set(new["new"]) - set(old["new"])))
    print("lost:", sorted(set(old["new"]) - set(new["new"])))
    shown = changed if len(changed) <= sample else random.Random(seed).sample(changed, sample)
    for printed in shown:
        print(f"{printed!r}: {old['readings'][printed]} -> {new['readings'].get(printed)}")


def main(argv: list[str] | None = None) -> int:
    """Dump the readings of the field, or compare two dumps."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("dump", help="read the field and write its readings to a JSON file")
    one.add_argument("output", type=Path)
    one.add_argument("--colt", type=Path, required=True, help="COLT authorships CSV")
    one.add_argument("--ml-venues", type=Path, help="ml-venues authorships CSV (.csv or .csv.gz)")
    two = commands.add_parser("compare", help="what changed between two dumps")
    two.add_argument("before", type=Path)
    two.add_argument("after", type=Path)
    two.add_argument("--sample", type=int, default=30, help="how many changed affiliations to print")
    two.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump({"colt": args.colt, **({"ml-venues": args.ml_venues} if args.ml_venues else {})}, args.output)
    else:
        compare(args.before, args.after, args.sample, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
