"""Which kind of page a file is, from what its lines look like."""

from __future__ import annotations

import re

from kg.ingest.pages import common
from kg.ingest.pages.text import Page

PAGE_KINDS = ("seminar_page", "event_page", "talk_listing", "meeting_programme", "author_page")
"""The kinds of page, in the order that breaks a tie between equal scores (``kind.scores``)."""
PAGE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jemdoc")


def detect_page_kind(page: Page) -> str | None:
    """``seminar_page``, ``event_page``, ``talk_listing``, ``meeting_programme`` or
    ``author_page``, or ``None`` when the page looks like none of them."""
    texts = [line.text for line in page.lines if line.text]
    lowered = [t.casefold() for t in texts]
    entries = sum(1 for t in texts if re.match(r"^(?:19|20)\d{2}\s*[A-Za-z ]*:\s*.+»\s*$", t))
    if "author information" in lowered or entries >= 2:
        return "author_page"
    slots = sum(1 for t in texts if common.AGENDA_TIME.match(t) and "|" in t)
    timed = sum(1 for t in texts if common.AGENDA_TIME.match(t))
    has_agenda = any(re.match(r"^(?:agenda|programme|program|schedule)\b", t) for t in lowered)
    if (slots >= 2 or (timed >= 2 and has_agenda)) and any(re.search(r"\babstracts?", t)
                                                           for t in lowered):
        return "meeting_programme"
    sections = {t.rstrip(":") for t in lowered}
    if "speaker" in sections and ({"abstract", "talk title", "title"} & sections):
        return "event_page"
    if any(re.search(r"\b(?:this week|upcoming talk|next talk)", t) for t in lowered) or any(
            re.search(r"\bevery\s+(?:" + "|".join(common.WEEKDAYS) + r")\b", t) for t in lowered):
        return "seminar_page"
    pairs = sum(1 for a, b in zip(texts, texts[1:], strict=False)
                if len(a) <= 200 and not a.endswith(".") and common.speaker_line(b)
                and not common.speaker_line(a))
    if pairs >= 2:
        return "talk_listing"
    if slots >= 2:
        return "meeting_programme"
    return None
