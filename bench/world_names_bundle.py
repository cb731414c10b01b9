"""Write the bundled table of names common in the world (src/kg/ingest/resolve/world_names.tsv.gz).

Not run at build time. Reads the name tables of the ``names-dataset`` package (PyPI, MIT; version 3.3.1:
first and last names of 106 countries, with the share of each name's bearers by country and its rank
among the names of each country), unpacked from its wheel, one table at a time (about 1 GB each in
memory). For each name, the rank in the country where most of its bearers live is kept when it is 2,000
or better; names are folded as the resolver folds them, the best rank kept when spellings fold alike.
One name a line, tab-separated:

    kind (given / family)  folded name  rank

Example:
    pip download --no-deps names-dataset==3.3.1 -d /tmp/nd && unzip /tmp/nd/*.whl -d /tmp/nd
    PYTHONPATH=src python bench/world_names_bundle.py --tables /tmp/nd/names_dataset/v3 \\
        --output src/kg/ingest/resolve/world_names.tsv.gz
"""

from __future__ import annotations

import argparse
import gzip
import pickle
from pathlib import Path

from kg.ingest.resolve.names import fold

MOST_RANK = 2000
"""The worst rank kept: a name ranked below it is not common anywhere, as far as a prior cares."""


def best_ranks(table: dict[str, dict[str, dict[str, float]]]) -> dict[str, int]:
    """Folded name → its rank in the country holding most of its bearers (the best rank when none)."""
    best: dict[str, int] = {}
    for name, facts in table.items():
        ranks = facts.get("rank") or {}
        if not ranks:
            continue
        shares = facts.get("country") or {}
        top = max(shares, key=lambda country: shares[country]) if shares else None
        rank = int(ranks[top]) if top in ranks else int(min(ranks.values()))
        key = fold(name)
        if rank <= MOST_RANK and key and " " not in key and rank < best.get(key, MOST_RANK + 1):
            best[key] = rank
    return best


def main() -> None:
    """Read both tables and write the bundle."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=Path, required=True, help="names_dataset/v3 of the unpacked wheel")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    lines = []
    for kind, file in (("given", "first_names.pkl.gz"), ("family", "last_names.pkl.gz")):
        with gzip.open(args.tables / file, "rb") as stream:
            table = pickle.load(stream)  # the package's own data file, as the package itself reads it
        lines += [f"{kind}\t{name}\t{rank}\n" for name, rank in sorted(best_ranks(table).items())]
        del table
    with gzip.GzipFile(args.output, "wb", mtime=0) as out:
        out.write("".join(lines).encode("utf-8"))


if __name__ == "__main__":
    main()
