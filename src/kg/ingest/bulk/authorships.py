"""Authorship tables (CSV, one row per author of a paper) → imported papers with affiliations.

Columns (header names, in any order): ``year``, ``bibkey`` (or ``key``), ``title``, ``position``
(1-based), ``author``, and optionally ``affiliation`` — the affiliation as printed, several joined
by ``+``. This is the layout of ``data/colt/colt-2011-2024-authorships.csv``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.ingest.latex import decode, repair_broken_accents
from kg.ingest.printed import ImportedPaper, Problem
from kg.records.dates import implausible_year

REQUIRED = ("year", "title", "position", "author")


@dataclass
class _Rows:
    key: str
    title: str
    year: int
    line: int
    authors: dict[int, tuple[str, str | None, int]] = field(default_factory=dict)


def parse(text: str, source: str) -> Iterator[ImportedPaper | Problem]:
    """Yield the papers of an authorship table, and a ``Problem`` for each bad row or paper."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    reader.fieldnames = header
    key_column = "bibkey" if "bibkey" in header else "key"
    missing = [c for c in (*REQUIRED, key_column) if c not in header]
    if missing:
        yield Problem("line 1", f"missing column(s): {', '.join(missing)} (found: {', '.join(header)})")
        return
    papers: dict[str, _Rows] = {}
    for row in reader:
        line = reader.line_num
        problem = _row_problem(row, key_column)
        if problem:
            yield Problem(f"line {line}", problem)
            continue
        key = row[key_column].strip()
        paper = papers.setdefault(key, _Rows(key, row["title"].strip(), int(row["year"]), line))
        position = int(row["position"])
        if position in paper.authors:
            yield Problem(f"line {line}", f"paper {key!r}: position {position} given twice")
            continue
        affiliation = (row.get("affiliation") or "").strip() or None
        name = repair_broken_accents(decode(row["author"]))
        paper.authors[position] = (name, repair_broken_accents(affiliation) if affiliation else None, line)
    for paper in papers.values():
        yield _paper(paper, source)


def _row_problem(row: dict[str, str | None], key_column: str) -> str | None:
    for column in (key_column, "title", "author"):
        if not (row.get(column) or "").strip():
            return f"{column}: empty"
    year, position = (row.get("year") or "").strip(), (row.get("position") or "").strip()
    if not year.isdigit():
        return f"year: not a year: {year!r}"
    if implausible_year(int(year)):
        return f"year: {implausible_year(int(year))}"
    if not position.isdigit() or int(position) < 1:
        return f"position: not a positive number: {position!r}"
    return None


def _paper(rows: _Rows, source: str) -> ImportedPaper | Problem:
    positions = sorted(rows.authors)
    if positions != list(range(1, len(positions) + 1)):
        return Problem(f"line {rows.line}", f"paper {rows.key!r}: author positions {positions} have gaps")
    authors = [rows.authors[p] for p in positions]
    if len(authors) == 1 and len(parts := _byline(authors[0][0])) > 1:
        # One row printing the whole byline: its names are the paper's authors, from that one line.
        authors = [(name, authors[0][1] if i == 0 else None, authors[0][2]) for i, name in enumerate(parts)]
    return ImportedPaper(
        key=rows.key,
        title=decode(rows.title),
        year=rows.year,
        authors=[_slot(a[0], position) for position, a in enumerate(authors)],
        affiliations=[a[1] for a in authors],
        at=f"{source} line {rows.line}",
        author_at=[f"{source} line {a[2]}" for a in authors],
    )


_JOINED = re.compile(r"\s+and\s+|\s*;\s*")


def _byline(name: str) -> list[str]:
    """The names of a cell that prints a whole byline ("A and B"), or the cell alone."""
    parts = [p.strip() for p in _JOINED.split(name) if p.strip()]
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        return parts
    return [name]


def _slot(name: str, position: int) -> str:
    """The author a row stands for: the name at its position when the row prints the whole byline.

    Some sources print every author's row with the paper's whole byline; each row still stands
    for one author, the one at its position.
    """
    parts = _byline(name)
    return parts[min(position, len(parts) - 1)]
