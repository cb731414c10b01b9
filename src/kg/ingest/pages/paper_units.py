"""Publication entries a page lays out as repeated units whose parts are blocks of their own.

Many publication lists print one entry as a list item or a card that holds several paragraphs or
divs: the linked title in one, the authors in the next, the venue and year in a third (in any
order). Read block by block, the title is found without its authors. Here the repeated units of
the page's tree (siblings of one tag and class, at least three of them) are read whole: the
blocks of a unit joined by line breaks make one citation, read by ``segments.read_citation``. A
group counts when most of its units read as citations, so a list of talks or news items whose
one unit happens to read as a citation adds nothing. Nothing here knows one site's layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.ingest.pages.blocks import Block, element_blocks, plain_lines
from kg.ingest.pages.document import Document
from kg.ingest.pages.extracted import PaperText
from kg.ingest.pages.fields import find_dates, find_times, is_name, is_organization
from kg.ingest.pages.segments import read_citation
from kg.ingest.pages.siblings import Signature, alike, parents, tag_of

_UNIT_TAGS = frozenset({"li", "div", "article", "section", "tr", "dd"})
_LEAST_UNITS = 3
_MAX_BLOCKS = 8
_MAX_TEXT = 1500


def _groups(root: Any) -> list[tuple[Signature, list[list[Any]]]]:
    """Candidate groups, each with its signature (tag and class of its units): sibling elements
    of one tag and class under one parent, and the runs of siblings that rules (``<hr>``) part."""
    found: list[tuple[Signature, list[list[Any]]]] = []
    for _parent, children in parents(root):
        found.extend(alike(children, _UNIT_TAGS).items())
        if sum(tag_of(c) == "hr" for c in children) >= 2:
            runs: list[list[Any]] = [[]]
            for child in children:
                if tag_of(child) == "hr":
                    runs.append([])
                else:
                    runs[-1].append(child)
            found.append((("hr", ""), [r for r in runs if r]))
    return found


@dataclass
class UnitPaper:
    """A paper read from one unit, and the file lines of the unit's blocks."""

    paper: PaperText
    lines: frozenset[int]
    rest: str = ""
    """What the unit states besides its title: its authors, venue and year."""


def _read_unit(blocks: list[Block]) -> tuple[PaperText, str] | None:
    """The paper one unit states, read from its blocks joined as the lines of one citation."""
    if not 2 <= len(blocks) <= _MAX_BLOCKS:
        return None  # a unit of one block is read by the block reader already
    text = "\n".join(b.text for b in blocks if b.text)
    if len(text) > _MAX_TEXT or sum(bool(b.level) for b in blocks) > 1:
        return None  # (a card's title may be its heading; a section holds several)
    if find_times(text) or any(getattr(f.value, "day", None) for f in find_dates(text)):
        return None  # a day or a time: a talk's unit (a programme, a seminar's list), no paper
    reading = read_citation(text, [s for b in blocks for s in b.spans], listed=True)
    if reading is None or is_name(reading.title) or reading.year is None and not reading.venue \
            or _names_an_organization(reading.title) or any(is_organization(a) for a in reading.authors):
        return None
    title_block = next((b for b in blocks if reading.title in " ".join(b.text.split())), blocks[0])
    url = next((s.href for s in title_block.spans if s.kind == "a" and s.href), None)
    paper = PaperText(reading.title, reading.year, reading.authors, line=title_block.line, url=url,
                      at=f"line {title_block.line}", confidence=0.8)
    return paper, " ".join([*reading.authors, reading.venue])


_ORGANIZATION_TITLE = re.compile(
    r"^(?:the\s+)?(?:university|institute|college|school|department|laboratory|centre|center|faculty)\b"
    r"|\b(?:university|institute of technology|research)\s*$", re.IGNORECASE)


def _names_an_organization(title: str) -> bool:
    """Whether a unit's title is an organization's name where a title would stand ("University of
    Sydney", "Microsoft Research"): it opens or closes on the word of an organization's kind. A title
    that only names one ("OpenAI Gym", "A theory of learning at Google scale") is a title, so the
    broader ``is_organization`` judges the authors only."""
    return bool(_ORGANIZATION_TITLE.search(title))


class _Group:
    """One candidate group and its units' readings, read only as far as a decision needs."""

    def __init__(self, document: Document, lines: list[str], signature: Signature, units: list[list[Any]]):
        self.document, self.lines, self.signature, self.units = document, lines, signature, units
        self.read: list[UnitPaper | None] = []

    def _read_next(self) -> None:
        blocks = [b for element in self.units[len(self.read)]
                  for b in element_blocks(self.document, element, self.lines)]
        reading = _read_unit(blocks)
        self.read.append(None if reading is None else
                         UnitPaper(reading[0], frozenset(b.line for b in blocks), reading[1]))

    def counts(self) -> bool:
        """Whether the group is a list of papers of its shape: at least three units and half of them
        read as citations (reading stops once that is settled either way)."""
        need = max(_LEAST_UNITS, 0.5 * len(self.units))
        while len(self.read) < len(self.units):
            found = sum(p is not None for p in self.read)
            if found >= need or found + len(self.units) - len(self.read) < need:
                break
            self._read_next()
        return sum(p is not None for p in self.read) >= need

    def papers(self) -> list[UnitPaper]:
        """The papers of every unit of the group."""
        while len(self.read) < len(self.units):
            self._read_next()
        return [p for p in self.read if p is not None]


def unit_papers(document: Document) -> list[UnitPaper]:
    """The papers of the page's repeated units that span several blocks, from groups where most
    units read as citations (title, authors, and a year or a venue)."""
    if document.root is None:
        return []
    lines = plain_lines(document)
    groups = [_Group(document, lines, signature, units) for signature, units in _groups(document.root)]
    counted = {group.signature for group in groups  # a list of papers of this shape
               if len(group.units) >= _LEAST_UNITS and group.counts()}
    found: list[UnitPaper] = []
    seen: set[tuple[str, int | None]] = set()
    for group in groups:
        if group.signature not in counted:
            continue
        kept = group.papers()
        if len(kept) < 0.5 * len(group.units):
            continue  # (a short list of the shape the page's lists of papers have counts too)
        for unit in kept:
            if (unit.paper.title, unit.paper.line) not in seen:
                seen.add((unit.paper.title, unit.paper.line))
                found.append(unit)
    return found


__all__ = ["UnitPaper", "unit_papers"]
