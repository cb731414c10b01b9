"""Sessions: the talks a schedule lists without a presenter's name.

Reading groups, working groups and courses of seminars often list their meetings as a date and a
topic ("Sept. 5: [Principal component analysis](...)", "## Session 02 (09-23-2024): Neural Machine
Translation", a table of Week | Date | Paper), and the personal talk files of academic sites give a
talk's title and day but never their owner. Such a talk has no speaker; it is read only where the
page's structure says it is one: several dated units alike, or a table whose header has a date and
a title column and no presenter column, on a page or under a heading that speaks of sessions.
"""

from __future__ import annotations

import re

from kg.ingest.pages.fields import PartialDate, is_name, is_organization, is_placeholder
from kg.ingest.pages.own_talks import is_venue

SESSION_WORDS = re.compile(
    r"\b(?:reading groups?|journal club|working groups?|seminars?|colloqui(?:um|a)|schedule|programme|"
    r"program|sessions?|meetings?|talks?|lectures?|presentations?|agenda|we meet|meets|"
    r"sitzung\w*|sesi[oó]n\w*|s[ée]ances?)\b", re.IGNORECASE)
"""Words of a page or a heading over a schedule of sessions ("Spring 2019 Schedule", "LLM reading group")."""

_LABEL = re.compile(r"^\W*(?:session|week|meeting|lecture|class|part|seminar|talk|day)\s*#?\s*\d+\s*"
                    r"(?:[:.\-–—]\s*|$)", re.IGNORECASE)
"""A session's number before its topic ("Session 01 : ", "Week 3 - ")."""
_NOT_SESSION = re.compile(
    r"\b(?:deadlines?|due|submissions?|released?|announce\w*|accepted|published|awards?|registration|"
    r"call for|hiring|vacanc\w+|cancell?ed|postponed|no (?:meeting|session|class|seminar)|holidays?|"
    r"break|tba|tbd)\b|^\W*to\b|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\W*$", re.IGNORECASE)
"""What a dated line of a news list or a calendar says instead of a session's topic."""


def session_title(title: str | None) -> str | None:
    """The topic of a dated unit as a session's title ("Session 01 : Intro to Transformers" →
    "Intro to Transformers"), or ``None`` when it is no topic: a name, a placeholder, a deadline or
    a news item, a leftover of a time range, a bare number."""
    if not title:
        return None
    text = _LABEL.sub("", title).strip(" :-–—.")
    if len(re.findall(r"[^\W\d_]{2,}", text)) < 1 or len(text) < 3 or len(text) > 200:
        return None
    if is_placeholder(text) or _NOT_SESSION.search(text) or is_name(text) or is_venue(text):
        return None  # a conference travelled to ("Workshop on X, TSIMF, Sanya, China") is no session
    parts = [p.strip() for p in re.split(r"[,，;]", text)]
    if any(is_name(p) or is_organization(p) for p in parts[1:] if p):
        return None  # "Title, Name, Professor, University": the presenter is printed, only not read
    return text


def is_session_day(day: PartialDate | None) -> bool:
    """Whether a unit's date names a day (a month and a day; a year alone names a term, no session)."""
    return day is not None and day.month is not None and day.day is not None


def speaks_of_sessions(texts: list[str]) -> bool:
    """Whether a page's title, headings or opening lines speak of sessions (a reading group, a
    schedule, the meetings of a seminar)."""
    return any(SESSION_WORDS.search(t) for t in texts if t)
