"""Publication entries a page lays out as repeated units whose parts are blocks of their own.

Many publication lists print one entry as a list item or a card that holds several paragraphs or
divs: the linked title in one, the authors in the next, the venue and year in a third (in any
order). Read block by block, the title is found without its authors. Here the repeated units of
the page's tree (siblings of one tag and class, at least three of them) are read whole: the
blocks of a unit joined by line breaks make one citation, read by ``segments.read_citation``. A
group counts when most of its units read as citations, so a list of talks or news items whose
one unit happens to read as a citation adds nothing. Two readings come before and after that one:
a unit whose markup names its fields by class ("paper-title", "author", "periodical", "year") is
read from those elements, and stands for what its blocks gave; a unit that prints its title, then
"with" and the coauthors, then the venue is the page owner's paper with those coauthors. Nothing
here knows one site's layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.ingest.pages.blocks import Block, element_blocks, plain_lines
from kg.ingest.pages.document import Document
from kg.ingest.pages.extracted import PaperText
from kg.ingest.pages.fields import find_dates, find_times, is_name, is_organization
from kg.ingest.pages.segments import YEAR, author_names, read_citation
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
    sure: bool = False
    """Whether the page's markup names the fields (``class="title"``, ``class="authors"``)."""


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
    if reading is None:
        return _joint_unit(blocks)
    if is_name(reading.title) or reading.year is None and not reading.venue \
            or _names_an_organization(reading.title) or any(is_organization(a) for a in reading.authors):
        return None
    title_block = next((b for b in blocks if reading.title in " ".join(b.text.split())), blocks[0])
    url = next((s.href for s in title_block.spans if s.kind == "a" and s.href), None)
    paper = PaperText(reading.title, reading.year, reading.authors, line=title_block.line, url=url,
                      at=f"line {title_block.line}", confidence=0.8)
    return paper, " ".join([*reading.authors, reading.venue])


_JOINT = re.compile(r"^\W*(?:joint(?:\s+work)?\s+)?with\s+(?P<co>[^()\[\]]{3,300}?)[)\].,;\s]*$",
                    re.IGNORECASE)
"""A block that names the coauthors only ("with A, B and C", "(joint work with A)"): the page's owner
wrote the paper with them."""
_LINK_LABEL = re.compile(r"\[[^\[\]]{0,40}\]|\((?:pdf|code|slides|arxiv|video|poster|link|bib)[^()]{0,30}\)",
                         re.IGNORECASE)


def _joint_unit(blocks: list[Block]) -> tuple[PaperText, str] | None:
    """A unit that prints its title, then "with" and the coauthors, then the venue and year, each a
    block of its own: the coauthors' paper with the page's owner (who is added once known). The title
    is the block right above the coauthors' (its bold or linked run when it has one)."""
    for n, block in enumerate(blocks[1:], start=1):
        joint = _JOINT.match(block.text)
        coauthors = author_names(joint["co"]) if joint else []
        if not coauthors:
            continue
        above = blocks[n - 1]
        marked = [s.text for s in above.spans if s.kind in ("a", "b") and len(s.text.split()) >= 3]
        title = (max(marked, key=len) if marked else _LINK_LABEL.sub(" ", above.text)).strip(" .,;:")
        after = " ".join(b.text for b in blocks[n + 1:])
        years = YEAR.findall(after)
        if len(title.split()) < 3 or is_name(title) or author_names(title) or not (years or after.strip()):
            return None
        url = next((s.href for s in above.spans if s.kind == "a" and s.href), None)
        paper = PaperText(" ".join(title.split()), int(years[0]) if years else None, coauthors,
                          line=above.line, url=url, at=f"line {above.line}", confidence=0.6,
                          guessed=["owner"])
        return paper, " ".join([*coauthors, after])
    return None


_FIELD_CLASSES = (("title", frozenset({"title", "papertitle", "pubtitle"})),
                  ("authors", frozenset({"author", "authors", "byline", "creators", "pubauthor",
                                         "pubauthors"})),
                  ("year", frozenset({"year", "date", "pubyear"})),
                  ("venue", frozenset({"venue", "journal", "periodical", "booktitle", "conference",
                                       "proceedings", "pubvenue"})))
"""The fields a publication entry's markup names in its class words ("paper-title", "pub_authors",
al-folio's "title" / "author" / "periodical", Hugo's "article-title")."""
_INITIALS = re.compile(r"(?:^|[\s,])[A-Z]\.?(?:[\s-]?[A-Z]\.)*(?=[\s,]|$)")


def _class_words(element: Any) -> set[str]:
    """The words of an element's classes, cut at hyphens and underscores ("paper-title" → paper, title)."""
    classes = element.get("class") or ""
    return {w for token in classes.lower().split() for w in [token, *re.split(r"[-_]", token)] if w}


def _classed_fields(unit: list[Any]) -> dict[str, Any]:
    """The element of a unit whose class names each field of a citation; {} when the unit names
    a title or authors twice (a list of entries, not one)."""
    found: dict[str, list[Any]] = {}
    for element in unit:
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            words = _class_words(node) | ({node.tag.lower()} if node.tag.lower() == "papertitle" else set())
            for name, names in _FIELD_CLASSES:
                if words & names and not any(n in node.iterancestors() for n in found.get(name, [])):
                    found.setdefault(name, []).append(node)  # (not an element inside one already found)
    if len(found.get("title", [])) != 1 or len(found.get("authors", [])) != 1:
        return {}
    return {name: nodes[0] for name, nodes in found.items()}


def classed_authors(text: str) -> list[str]:
    """The authors of a run the markup marks as the authors: each piece between commas, "and" or
    "&" a name (last names alone included, "Elizalde, Deshmukh, Al Ismail"), unless initials show the
    "Last, F." form, which ``author_names`` reads."""
    text = re.sub(r",?\s*(?:\bet\.? al\b\.?|\band others\b|…)\s*", " ", text)
    text = re.sub(r"\*|†|‡|(?<=[^\W\d])\d{1,2}(?=,|\s|$)", "", text).strip(" .,;:")
    if _INITIALS.search(text.replace("and ", "")) and "," in text:
        return author_names(text)
    pieces = [p.strip(" .") for p in re.split(r",\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|;\s*", text)]
    pieces = [p for p in pieces if p]
    if not pieces or any(len(p.split()) > 4 or not p[0].isupper() or re.search(r"\d", p) for p in pieces):
        return author_names(text)
    return pieces


def _classed_unit(unit: list[Any], blocks: list[Block]) -> tuple[PaperText, str] | None:
    """The paper of a unit whose markup names its title and its authors by class, with its year
    from the year's element, the venue's, or the unit's text."""
    fields = _classed_fields(unit)
    if "title" not in fields or "authors" not in fields:
        return None
    text = "\n".join(b.text for b in blocks)
    if not {"year", "venue"} & fields.keys() and (
            find_times(text) or any(getattr(f.value, "day", None) for f in find_dates(text))):
        return None  # a talk's unit ("author" and "title" at a time of day), no citation's venue or year
    title = " ".join(fields["title"].text_content().split()).strip(" .,;:")
    byline = " ".join(fields["authors"].text_content().split())
    authors = classed_authors(byline)
    if len(title.split()) < 2 or not authors or is_name(title) or any(is_organization(a) for a in authors):
        return None
    dated = " ".join(fields[name].text_content() for name in ("year", "venue") if name in fields)
    years = YEAR.findall(dated) or YEAR.findall(" ".join(b.text for b in blocks))
    line = next((b.line for b in blocks if title[:30] in " ".join(b.text.split())),
                blocks[0].line if blocks else 0)
    link = fields["title"] if fields["title"].tag.lower() == "a" else next(fields["title"].iter("a"), None)
    above = fields["title"].getparent()
    if link is None and above is not None and isinstance(above.tag, str) and above.tag.lower() == "a":
        link = above  # "<a href><papertitle>Title</papertitle></a>"
    venue = " ".join(fields["venue"].text_content().split()) if "venue" in fields else ""
    paper = PaperText(title, int(years[0]) if years else None, authors, line=line,
                      url=link.get("href") if link is not None else None, at=f"line {line}", confidence=0.85)
    return paper, f"{byline} {venue}"


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
        unit = self.units[len(self.read)]
        blocks = [b for element in unit for b in element_blocks(self.document, element, self.lines)]
        classed = _classed_unit(unit, blocks)
        if classed is not None:
            self.read.append(UnitPaper(classed[0], frozenset(b.line for b in blocks), classed[1], sure=True))
            return
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
