"""Build the word counts the page extractor uses to tell people's names from title words.

Run from the repository root with the real bibliographies (not shipped with the repository):

    python bench/name_words.py /work/shared/data/ml-venues/ml-venues-2013-2021-authorships.csv.gz \
        /work/shared/data/colt/colt-2011-2024-authorships.csv

Each authorship table has a row per author of a paper (``author``, ``title``, ``bibkey``). Every
word of a distinct author's name counts once for ``names``; every word of a distinct paper title
counts once for ``titles``. The result, ``src/kg/ingest/pages/name_words.tsv.gz`` (word folded to
lower case without accents, name count, title count), is what ``fields.name_likelihood`` reads:
"Felix" is a name word (32 authors, no title), "Principal" a title word (59 titles, no author).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "kg" / "ingest" / "pages" / "name_words.tsv.gz"
WORD = re.compile(r"[^\W\d_][\w'’-]*")


def fold(text: str) -> str:
    """Lower case without accents."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def count(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    """Name-word and title-word counts over the distinct authors and papers of the tables."""
    names: Counter[str] = Counter()
    titles: Counter[str] = Counter()
    people: set[str] = set()
    papers: set[tuple[str, str]] = set()
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as stream:  # type: ignore[operator]
            for row in csv.DictReader(stream):
                author = row["author"].strip()
                if author not in people:
                    people.add(author)
                    names.update(fold(w) for w in WORD.findall(author) if len(w) > 1)
                paper = (row.get("bibkey") or "", row["title"])
                if paper not in papers:
                    papers.add(paper)
                    titles.update({fold(w) for w in WORD.findall(row["title"]) if len(w) > 1})
    return names, titles


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    names, titles = count([Path(p) for p in argv])
    out = io.StringIO()
    for word in sorted(set(names) | set(titles)):
        out.write(f"{word}\t{names[word]}\t{titles[word]}\n")
    OUTPUT.write_bytes(gzip.compress(out.getvalue().encode("utf-8"), mtime=0))
    print(f"{OUTPUT}: {len(set(names) | set(titles))} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
