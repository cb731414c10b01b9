"""Talks written as a list item whose nested items label its fields: a curated list of recorded
talks gives each talk's title as the top item and its speaker, year and event one a sub-item
("- [Title](video)" over "  - **Author**: Name (Affiliation)", "  - **Year**: 2024",
"  - **Event**: Summer Institute"). The ``Author`` label there names who gave the talk, not a
paper's authors: the sub-items that say where or when it was given make the entry a talk.
"""

from __future__ import annotations

import re

from kg.ingest.pages.blocks import Block
from kg.ingest.pages.entries import Fields, clean_title, label_of, speakers_of
from kg.ingest.pages.fields import PartialDate, is_name

_WHO = frozenset({"speaker", "authors"})
"""The labels of a sub-item that name who gave the talk."""

_OCCASION = re.compile(
    r"^\W*(?P<label>event|conference|venue|workshop|seminar|series|meeting|occasion|year|date|where|"
    r"when|place|location|recorded(?: at)?)\W*\s*[:：]\s*(?P<value>\S.*)$", re.IGNORECASE)
"""A sub-item saying where or when the talk was given ("Event: …", "Year: 2024", "Venue: …")."""

_GIVEN_AT = frozenset({"event", "seminar", "series", "meeting", "occasion", "recorded", "recorded at"})
"""The occasion labels that make an ``Author:`` the speaker: a paper's sub-items say "Venue:" or
"Conference:" and "Year:" too, never "Event:"."""

_YEAR = re.compile(r"^\W*((?:19|20)\d\d)\W*$")
_TRAILING_YEAR = re.compile(r"\s*[-–—]?\s*\(\s*(?:19|20)\d\d\s*\)\s*$")


def _sub_items(blocks: list[Block], start: int) -> list[Block]:
    """The blocks nested under ``blocks[start]``: those after it that sit deeper, up to the next
    block at its depth or above, or a heading."""
    top = blocks[start]
    found = []
    for block in blocks[start + 1:]:
        if block.level or block.depth <= top.depth:
            break
        found.append(block)
    return found


def _entry(top: Block, subs: list[Block]) -> Fields | None:
    """The talk of one list item and its labelled sub-items, or ``None`` when the sub-items do not
    all carry a label, or name nobody who gave it, or say nothing of where or when (an ``Author:``
    needs an event: a paper's sub-items give its authors, venue and year)."""
    if len(subs) < 2 or label_of(top.text) or "\n" in top.text.strip():
        return None
    fields = Fields()
    who, occasions = "", set()
    for sub in subs:
        labelled = label_of(sub.text)
        said = _OCCASION.match(sub.text)
        if labelled and labelled[0] in _WHO:
            people = speakers_of(labelled[1])
            if not people or not all(is_name(p.name) for p in people):
                return None
            fields.speakers, who = people, labelled[0]
        elif said:
            occasions.add(said["label"].lower())
            year = _YEAR.match(said["value"])
            if year and said["label"].lower() in ("year", "date", "when"):
                fields.date = PartialDate(int(year[1]), None, None)
        elif labelled is None:
            return None
    fields.title = clean_title(_TRAILING_YEAR.sub("", top.text))
    given = occasions & _GIVEN_AT if who == "authors" else occasions
    if not (fields.speakers and given and fields.title):
        return None
    fields.labels.add("speaker")
    return fields


def labelled_sub_item_talks(blocks: list[Block]) -> list[tuple[Fields, int, int]]:
    """Every talk written as a top item over labelled sub-items: its fields, its first line and
    its last line. At least two such entries are needed: one alone may be anything."""
    found = []
    for n, top in enumerate(blocks):
        if top.depth < 1:
            continue  # only a list item can be an entry: its sub-items are not looked for
        subs = _sub_items(blocks, n)
        fields = _entry(top, subs) if subs else None
        if fields is not None:
            found.append((fields, top.line, subs[-1].line))
    return found if len(found) >= 2 else []
