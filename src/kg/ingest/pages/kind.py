"""The kind of a page, decided once from what its extraction holds: one score per kind, summed
from weighed evidence, and the kind with the highest score.

The evidence is what the page holds, not how it is laid out: how many talks and listed papers,
how many of the talks give a clock time or a full day, how many distinct days and first speakers
they have, how many talks fall on each day and over how many days they spread, and the words of
the page's title and top headings (a meeting's, a series', an archive's or a reading group's).
Each piece adds a weight to the kind it speaks for (``scores``), so a page that holds several
signals is judged by all of them, though one talk outweighs everything but a publication list
(``WEIGHTS`` says how the weights rank):

- a publication list (more listed papers than talks) speaks for an ``author_page``, or for a
  ``talk_listing`` when the page is a group's (its sessions read the papers);
- one talk speaks for an ``event_page``;
- timed talks, several a day, on a few days (or a school's two weeks), talks close together (a
  talk every other day or more often, within two weeks: a series' talks are a week apart), and a
  meeting's words speak for a ``meeting_programme``;
- the talks of one person (or of an owner the page never names) speak for a ``talk_listing``, as
  do an archive's or a reading group's words and talks without a full day;
- talks dated to the day speak for a ``seminar_page``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.ingest.pages.detect import PAGE_KINDS
from kg.ingest.pages.extracted import TalkText
from kg.ingest.pages.fields import fold
from kg.ingest.pages.segments import MEETING_WORDS

_MEETING = re.compile(rf"\b(?:{MEETING_WORDS}|summer school|winter school|school|programme|program|agenda|"
                      r"colloquium day|retreat)\b", re.IGNORECASE)
"""Words of a meeting's page title or headings: a meeting, a school, a programme."""
_PAST = re.compile(r"\b(?:past|previous)\b", re.IGNORECASE)
"""A title that names an archive of a series' talks ("Past talks", "Previous editions")."""
_SEMINAR = re.compile(r"\b(?:seminars?|colloquium|colloquia)\b", re.IGNORECASE)
"""A title that names a series of talks."""

SCHOOL_DAYS = 14
"""A school or a long meeting runs for up to two weeks; a series' talks span months."""

WEIGHTS = {
    "publication list": 6.0,  # more listed papers than talks: an author's page
    "group's papers": 7.0,  # ... on a series' or a reading group's page: what its sessions read
    "one talk": 4.0,
    "timed, few days, meeting words": 3.0,
    "timed slots, several a day": 3.0,
    "several talks a day": 3.0,
    "talks close together": 3.0,
    "meeting words": 0.5,
    "one person's talks": 2.5,
    "archive or reading group": 2.0,
    "not dated to the day": 1.0,
    "dated to the day": 1.0,
}
"""How much each piece of evidence adds to the kinds it speaks for. Any one of the three shapes of
a programme outweighs one person's talks, which outweighs an archive's words, which outweigh the
dates; one talk outweighs everything but a publication list; a publication list outweighs any one
shape of a programme, not two (a workshop's accepted papers beside its timed talks)."""

CLOSE_TOGETHER = 0.5
"""Talks a day, over the days from a meeting's first talk to its last, from which talks are a
meeting's: a school's one or two a day; a weekly series has one in seven, a busy one two in seven."""

_SPEAKS_FOR = {
    "publication list": "author_page", "group's papers": "talk_listing", "one talk": "event_page",
    "timed, few days, meeting words": "meeting_programme", "timed slots, several a day": "meeting_programme",
    "several talks a day": "meeting_programme", "talks close together": "meeting_programme",
    "meeting words": "meeting_programme",
    "one person's talks": "talk_listing", "archive or reading group": "talk_listing",
    "not dated to the day": "talk_listing", "dated to the day": "seminar_page",
}


@dataclass(frozen=True)
class Evidence:
    """What a page's extraction holds, as the kind decision reads it."""

    talks: int
    papers: int
    """Papers the page lists (not those its talks present)."""
    timed: int
    """Talks with a clock time."""
    days: int
    """Distinct days of the talks, at any precision ("2023-09-18", "--09-18", "2023")."""
    full_days: tuple[str, ...]
    """The talks' days given to the day ("2023-09-18", "--09-18"), one per dated talk."""
    speakers: int
    """Distinct first speakers."""
    unnamed_owner: bool
    """Every talk's speaker is left for the page's owner, who is not named."""
    title: str
    headings: str = ""
    """The page's top headings, joined."""
    reading_group: bool = False

    @classmethod
    def of(cls, talks: list[TalkText], papers: int, title: str, headings: str = "",
           reading_group: bool = False) -> Evidence:
        """The evidence of a page from its talks, the number of papers it lists, its title and
        top headings, and whether it is a reading group's."""
        full = tuple(t.day for t in talks if t.day and (len(t.day) == 10 or t.day.startswith("--")))
        return cls(talks=len(talks), papers=papers, timed=sum(1 for t in talks if t.clock is not None),
                   days=len({t.day for t in talks if t.day}), full_days=full,
                   speakers=len({fold(t.speakers[0].name) for t in talks if t.speakers}),
                   unnamed_owner=bool(talks) and all(not t.speakers and "speaker" in t.guessed
                                                     for t in talks),
                   title=title, headings=headings, reading_group=reading_group)


def span_days(days: list[str] | tuple[str, ...]) -> int:
    """How many days from the first of ``days`` ("2023-09-18", "--09-18") to the last (a year apart
    when their years differ); a large number when one cannot be read."""
    read = []
    for day in days:
        try:
            read.append(date.fromisoformat(day if not day.startswith("--") else "2001" + day[1:]))
        except ValueError:
            return 1 << 16
    return (max(read) - min(read)).days if read else 0


def pieces(evidence: Evidence) -> list[str]:
    """The pieces of evidence (keys of ``WEIGHTS``) the page shows."""
    e, n = evidence, evidence.talks
    title = e.title
    shown = []
    listing = e.reading_group or bool(_PAST.search(title))
    if e.papers > n and e.papers >= 2 or not n:
        shown.append("publication list")
        if listing or _SEMINAR.search(title):
            shown.append("group's papers")
    if n == 0:
        return shown
    if n == 1:
        shown.append("one talk")
    distinct_full = len(set(e.full_days))
    within_weeks = bool(e.full_days) and span_days(e.full_days) <= SCHOOL_DAYS  # a school's weeks
    weeks = len(e.full_days) == n and within_weeks
    meeting_words = bool(_MEETING.search(f"{e.title} {e.headings}"))
    if e.timed >= 0.6 * n and (e.days <= 4 or weeks) and meeting_words:
        shown.append("timed, few days, meeting words")
    if e.timed >= max(2, 0.25 * n) and 1 <= e.days <= 4 and n >= 3 * e.days:
        shown.append("timed slots, several a day")
    if len(e.full_days) >= 0.5 * n and n >= 2.5 * distinct_full and (distinct_full <= 7 or within_weeks):
        shown.append("several talks a day")
    if n >= 3 and len(e.full_days) >= 0.8 * n and distinct_full >= 2 and within_weeks \
            and n >= CLOSE_TOGETHER * (span_days(e.full_days) + 1):
        shown.append("talks close together")  # (one day: "several talks a day" says it)
    if meeting_words:
        shown.append("meeting words")
    if (e.speakers == 1 or e.unnamed_owner) and n >= 2:  # one person twice: a series rarely does
        shown.append("one person's talks")
    if listing:
        shown.append("archive or reading group")
    shown.append("dated to the day" if len(e.full_days) >= 0.5 * n else "not dated to the day")
    return shown


def scores(evidence: Evidence) -> dict[str, float]:
    """Each kind's score: the summed weights of the evidence that speaks for it."""
    result = dict.fromkeys(PAGE_KINDS, 0.0)
    for piece in pieces(evidence):
        result[_SPEAKS_FOR[piece]] += WEIGHTS[piece]
    return result


def page_kind(evidence: Evidence) -> str | None:
    """The kind with the highest score (``None`` for a page with neither talks nor papers)."""
    if not evidence.talks and not evidence.papers:
        return None
    score = scores(evidence)
    return max(PAGE_KINDS, key=lambda kind: (score[kind], -PAGE_KINDS.index(kind)))
