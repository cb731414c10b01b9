"""Repeated units: the talks a page lays out as siblings of one kind, whatever their inner markup.

A page that lists talks repeats one unit per talk: list items, ``div`` cards of one class,
sections, paragraph groups, a definition term with its definitions, or a heading with the blocks
under it up to the next heading of its level. ``repeated_units`` finds the sibling groups of the
page's tree; each unit of a group is read as one piece (``entries.read`` on its short lines, the
long ones being its abstract): a unit holds a talk when it states a person, a date or a time, and
a title or a label. A group counts when at least two of its units and a good share of them hold
talks, so a lone dated sentence with a name in it is no talk; of nested groups the innermost wins
(a card, not the list of cards). The record families of ``shapes`` (units found by their tag
signatures, read by the slot each field takes across the family) compete with these groups: where a
family reads more talks in a group's part of the page, its units are taken instead, and its units
elsewhere are added (``Unit.aligned``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.ingest.pages.blocks import HEADING_LEVELS, Block, Span, element_blocks, plain_lines
from kg.ingest.pages.document import Document
from kg.ingest.pages.entries import Fields
from kg.ingest.pages.fields import find_dates, find_times, is_name
from kg.ingest.pages.shapes import families
from kg.ingest.pages.siblings import alike, parents, tag_of
from kg.ingest.pages.slots import read_slot

_UNIT_TAGS = frozenset({"li", "div", "section", "article", "p", "details", "blockquote", "aside"})
_LONG = 200
"""A line longer than this is prose (an abstract, a biography), not a field of the unit."""
_MAX_TEXT = 6000
_MAX_HEAD_LINES = 6


@dataclass
class Unit:
    """One repeated unit: its blocks (text, spans, lines) and the fields its short lines state."""

    blocks: list[Block]
    fields: Fields
    abstract: str | None
    aligned: bool = False
    """Read by the slots of a family of units of one shape (``shapes``): its fields sit where
    the same fields of its siblings sit."""

    @property
    def line(self) -> int:
        """The line of the file the unit starts on."""
        return self.blocks[0].line


def _groups(root: Any) -> list[list[list[Any]]]:
    """Candidate groups: each a list of units, each unit a list of sibling elements."""
    found: list[list[list[Any]]] = []
    for _, children in parents(root):
        if len(children) < 2:
            continue
        found.extend(units for units in alike(children, _UNIT_TAGS).values() if len(units) >= 2)
        found.extend(_heading_sections(children))
        definitions = _definitions(children)
        if len(definitions) >= 2:
            found.append(definitions)
    return found


def _heading_sections(children: list[Any]) -> list[list[list[Any]]]:
    """Sections opened by sibling headings of one level: each heading with what follows it up to
    the next heading of its level or higher."""
    levels = sorted({HEADING_LEVELS[tag_of(c)] for c in children if tag_of(c) in HEADING_LEVELS})
    found = []
    for level in levels:
        units: list[list[Any]] = []
        for child in children:
            tag = tag_of(child)
            if tag in HEADING_LEVELS and HEADING_LEVELS[tag] <= level:
                units.append([child] if HEADING_LEVELS[tag] == level else [])  # a higher one closes
                continue
            if units and units[-1]:
                units[-1].append(child)
        units = [u for u in units if len(u) >= 2]
        if len(units) >= 2:
            found.append(units)
    return found


def _definitions(children: list[Any]) -> list[list[Any]]:
    """A definition list's entries: each term with the definitions after it."""
    units: list[list[Any]] = []
    for child in children:
        tag = tag_of(child)
        if tag == "dt":
            units.append([child])
        elif tag == "dd" and units:
            units[-1].append(child)
    return [u for u in units if len(u) >= 2]


def _read_unit(document: Document, elements: list[Any], lines: list[str],
               day_first: bool) -> Unit | None:
    """The talk fields a unit states, or ``None`` when it states no talk."""
    text = " ".join(e.text_content() for e in elements)
    if len(text) > _MAX_TEXT or not (find_dates(text, day_first) or find_times(text)):
        return None
    blocks = [b for e in elements for b in element_blocks(document, e, lines)]
    if not blocks:
        return None
    head: list[str] = []
    spans: list[Span] = []
    rest: list[str] = []
    for block in blocks:
        for line in block.text.split("\n"):
            if len(line) <= _LONG and len(head) < _MAX_HEAD_LINES and not rest:
                head.append(line)
            else:
                rest.append(line)
        spans.extend(block.spans)
    if not head:
        return None
    fields = read_slot("\n".join(head), spans, day_first)
    if not fields.speakers or not all(is_name(p.name) for p in fields.speakers):
        return None
    if not (fields.date or fields.time) or not (fields.title or fields.title_open or fields.labels):
        return None
    if len(fields.speakers) >= 3 and re.search(r"\b(?:19|20)\d{2}\b", text) and not fields.time:
        return None  # a citation: several authors and a year
    return Unit(blocks, fields, "\n".join(rest) or None)


def repeated_units(document: Document, day_first: bool) -> list[Unit]:
    """The units of the page's repeated groups that state talks, in page order."""
    lines = plain_lines(document)
    chosen: list[tuple[list[list[Any]], list[Unit]]] = []
    for group in _groups(document.root):
        read_units = [(elements, _read_unit(document, elements, lines, day_first)) for elements in group]
        talks = [(e, u) for e, u in read_units if u is not None]
        if len(talks) >= 2 and len(talks) >= 0.4 * len(group):
            chosen.append(([e for e, _ in talks], [u for _, u in talks]))
    inner = {id(e) for elements, _ in chosen for unit in elements for e in unit}
    found: dict[int, tuple[int, Unit]] = {}
    alive = list(document.root.iter())  # lxml's proxies keep their ids only while referenced
    order = {id(e): n for n, e in enumerate(alive)}
    shaped = [(record, {id(d) for e in record.elements for d in e.iter()})
              for family in families(document.root, day_first) for record in family.records]
    covered: set[int] = set()
    for elements, units in chosen:
        if any(id(d) in inner for unit in elements for e in unit for d in e.iterdescendants()):
            continue  # a group of groups: its inner units are read instead
        spread = {id(d) for unit in elements for e in unit for d in e.iter()}
        if sum(1 for _, inside in shaped if inside & spread) > len(units):
            continue  # a family of one shape reads more talks in this part of the page: it wins
        for unit_elements, unit in zip(elements, units, strict=True):
            first = unit_elements[0]  # one unit found twice (a heading's section and a list item)
            found.setdefault(id(first), (order[id(first)], unit))
        covered |= spread
    for record, inside in shaped:  # units by shape, read by their aligned slots
        if inside & covered:
            continue
        blocks = [b for e in record.elements for b in element_blocks(document, e, lines)]
        if blocks:
            found.setdefault(id(record.elements[0]), (order[id(record.elements[0])],
                                                      Unit(blocks, record.fields, record.abstract, True)))
    return [unit for _, unit in sorted(found.values(), key=lambda pair: pair[0])]
