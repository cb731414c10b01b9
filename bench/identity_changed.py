"""The people of the field that changed between two runs: clusters joined or split, to judge by hand.

Reads two dumps written by ``bench/identity_misses.py --dump`` (every authorship's person and spelling)
and prints each person of the second run whose authorships were not one person of the first, with the
first run's people it gathers (their size and spellings). Person ids may differ between runs; only the
grouping of authorships is compared.

    PYTHONPATH=src python bench/identity_changed.py before.tsv after.tsv
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path


def read_dump(path: Path) -> dict[str, tuple[str, str]]:
    """Authorship ("paper#position") → (person id, spelling)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        where, person, spelling = line.split("\t")
        found[where] = (person, spelling)
    return found


def changed(before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]]) -> list[str]:
    """One block of lines per person of ``after`` whose authorships were not exactly one person before."""
    members_before: dict[str, set[str]] = defaultdict(set)
    members_after: dict[str, set[str]] = defaultdict(set)
    for where, (person, _) in before.items():
        members_before[person].add(where)
    for where, (person, _) in after.items():
        members_after[person].add(where)
    lines: list[str] = []
    seen: set[frozenset[str]] = set()
    for person, members in sorted(members_after.items()):
        old = {before[w][0] for w in members if w in before}
        if len(old) < 2 and not any(members_before[o] - members for o in old):
            continue
        if frozenset(old) in seen:
            continue
        seen.add(frozenset(old))
        lines.append(f"{person} from {', '.join(sorted(old))}")
        for o in sorted(old):
            spellings = Counter(before[w][1] for w in members_before[o])
            lines.append(f"    {o}: {len(members_before[o])} authorships {dict(spellings)} "
                         f"{', '.join(sorted(members_before[o])[:3])}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the changed people and their count."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    lines = changed(read_dump(args.before), read_dump(args.after))
    print("\n".join(lines))
    print(f"{sum(1 for line in lines if not line.startswith(' '))} people changed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
