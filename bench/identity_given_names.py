"""People of a run who carry two full given names of one family name that are no variant of each other.

An audit of issue 11's first worry: a chain through an initial ("J. Smith") joining two full names
("John Smith", "James Smith"). Reads a dump written by ``bench/identity_misses.py --dump`` and prints
each person whose spellings hold two full given names with one family name that ``names.variant`` does
not relate by itself (without the short forms the data teaches, such as "Sanmi" printed in brackets):
what is left to judge by hand is a short form, a name of another language or two people.

    PYTHONPATH=src python bench/identity_given_names.py after.tsv
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from kg.ingest.resolve import names


def clashes(dump: Path) -> list[str]:
    """One line per person whose keys hold two unrelated full given names of one family name."""
    keys: dict[str, set[str]] = defaultdict(set)
    for line in dump.read_text(encoding="utf-8").splitlines():
        _, person, spelling = line.split("\t")
        if spelling:
            keys[person].add(names.key(spelling))
    lines = []
    for person, found in sorted(keys.items()):
        full = sorted(k for k in found if names.parse(k).given and len(names.parse(k).given[0]) > 1)
        pairs = [(a, b) for i, a in enumerate(full) for b in full[i + 1:]
                 if names.parse(a).family == names.parse(b).family
                 and names.parse(a).given[0] != names.parse(b).given[0] and names.variant(a, b) is None]
        if pairs:
            lines.append(f"{person}\t{sorted(found)}\t{pairs[0][0]} / {pairs[0][1]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the people with two unrelated full given names, then their count."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dump", type=Path, help="a dump of bench/identity_misses.py --dump")
    args = parser.parse_args(argv)
    lines = clashes(args.dump)
    print("\n".join(lines))
    print(f"{len(lines)} people with two full given names that are no variant of each other")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
