"""What ROR changes on the field: institutions read with and without the bundled ROR, side by side.

Imports and resolves the tables once (with ROR, as the build does), then reads the field's
institutions again with an empty ROR, and prints: new institutions with and without it, how many
ROR names, the distinct printed affiliations whose institutions changed, a random sample of them
(to judge by hand), and the CPU time of the institutions' part with and without ROR.

Example:
    PYTHONPATH=src python bench/ror_field.py --colt data/colt/colt-2011-2024-authorships.csv \
        --ml-venues /work/shared/data/ml-venues/ml-venues-2013-2021-authorships.csv.gz --sample 30
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from identity import scratch_folder

from kg.ingest.bulk.imports import run_imports
from kg.ingest.resolve import ror
from kg.ingest.resolve.organizations import resolve_organizations
from kg.ingest.resolve.resolution import Resolution
from kg.records.aliases import load_aliases
from kg.records.folder import read_data_folder


def readings(resolution: Resolution, strings: list[str]) -> dict[str, tuple[str, ...]]:
    """Each printed affiliation → the names of the institutions it is read as."""
    names = {o.id: o.name for o in resolution.new_organizations}
    return {s: tuple(names.get(i, i) for i in resolution.organizations(s)) for s in strings}


def _lone_acronyms(papers: list, resolution: Resolution, bundled: ror.Ror) -> Counter[tuple[str, str]]:
    """Acronyms printed as the first segment of an affiliation read as no curated institution, that ROR
    gives to exactly one record: what ROR's acronyms would name."""
    known = {o.id for o in resolution.new_organizations}
    found: Counter[tuple[str, str]] = Counter()
    for paper in papers:
        for affiliation in paper.affiliations:
            if not affiliation:
                continue
            first = affiliation.split(",")[0].strip()
            ids = resolution.organizations(affiliation)
            if ACRONYM.fullmatch(first) and all(i in known for i in ids) \
                    and (record := bundled.with_acronym(first)) is not None:
                found[(first, record.ror_id)] += 1
    return found


ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{2,7}")


def main() -> int:
    """Resolve the field with and without ROR; print what changed."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--colt", type=Path, required=True)
    parser.add_argument("--ml-venues", type=Path)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    tables = {"colt": args.colt, **({"ml-venues": args.ml_venues} if args.ml_venues else {})}
    folder_path = scratch_folder(Path(tempfile.mkdtemp(prefix="kg-ror-")), tables)
    folder = read_data_folder(folder_path)
    result = run_imports(folder)
    papers = [paper for _, paper in result.papers.values()]
    strings = sorted({a for p in papers for a in p.affiliations if a})
    organizations = list(folder.dataset.organizations)
    aliases = load_aliases(folder_path)
    timed = {}
    runs = {}
    for label, registry in (("without ROR", ror.Ror([])), ("with ROR", ror.bundled())):
        cpu = time.process_time()
        resolution = Resolution()
        resolve_organizations(papers, organizations, aliases, resolution, registry)
        timed[label] = time.process_time() - cpu
        runs[label] = resolution
    before, after = (readings(runs[k], strings) for k in ("without ROR", "with ROR"))
    changed = [s for s in strings if before[s] != after[s]]
    bundled = ror.bundled()
    named = [o for o in runs["with ROR"].new_organizations if bundled.named(o.name) is not None]
    print(f"{len(strings):,} distinct printed affiliations; new institutions "
          f"{len(runs['without ROR'].new_organizations):,} without ROR → "
          f"{len(runs['with ROR'].new_organizations):,} "
          f"with it ({len(named):,} named by ROR); {len(changed):,} affiliations read differently; "
          f"institutions' CPU {timed['without ROR']:.2f} s → {timed['with ROR']:.2f} s "
          f"(ROR loaded before the second run)")
    merged = [m for m in runs["with ROR"].merges if m.reason == "one ROR record"]
    print(f"{len(merged)} spellings merged on one ROR record:")
    for merge in merged:
        print(f"  {merge.variant!r} → {merge.canonical!r} ({merge.evidence})")
    acronyms = _lone_acronyms(papers, runs["with ROR"], bundled)
    print(f"{sum(acronyms.values())} printings ({len(acronyms)} distinct) of an acronym printed first in an "
          "affiliation that names no curated institution, one ROR record's acronym:")
    for (form, ror_id), count in acronyms.most_common():
        record = bundled.records[ror_id]
        print(f"  {count:4d}  {form} → {record.name} ({record.country})")
    print(f"sample of {args.sample} changed affiliations (seed {args.seed}):")
    for string in sorted(random.Random(args.seed).sample(changed, min(args.sample, len(changed)))):
        print(f"  {string!r}\n      {list(before[string])} → {list(after[string])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
