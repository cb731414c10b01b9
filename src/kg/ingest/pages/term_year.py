"""The year a page's opening prose gives its term ("... in Spring 2025!", "the talks given during the
Fall of 2008"): the year of a term's list whose rows print day and month only ("16 Jan", "May 4th")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.ingest.pages.blocks import Block

_TERM_YEAR = re.compile(r"\b(?:spring|summer|fall|autumn|winter)(?:\s+(?:term|semester|quarter))?"
                        r"(?:\s+of)?\s+((?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)", re.IGNORECASE)
"""A term and its year in a sentence or a heading; not an academic year's span ("Fall 2023-24")."""

_OPENING_BLOCKS = 20
"""How far down a page its opening (the title, a welcome paragraph, the term's heading) reaches."""


def term_year(blocks: Sequence[Block]) -> int | None:
    """The one year the terms named in a page's opening blocks share; None when they name none, or
    several ("Fall 2019 ... Spring 2020": which rows are whose is for headings to tell)."""
    years = {int(m.group(1)) for block in blocks[:_OPENING_BLOCKS] for m in _TERM_YEAR.finditer(block.text)}
    return years.pop() if len(years) == 1 else None
