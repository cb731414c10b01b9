"""A meeting page with a timed agenda and a separate abstracts section.

Expected layout (see README "Ingesting pages"): the meeting's name on the first line (a year in
it, or a full date somewhere, gives the year), "Organizer:" / "Organizers:" followed by "Name,
Affiliation" lines, a section whose heading contains "Agenda" (or "Programme", "Schedule") with
day lines ("Thursday, September 26") and slot lines ("9:30 AM Rong Ge | Title"; a slot without
" | " is a break), and a section whose heading contains "Abstracts" where each talk is the
speaker's name, the affiliation, the title and the abstract. Agenda slots are matched to
abstracts by speaker, then by title; when the two spell the title differently the abstract's
spelling is the title and the agenda's is kept as an alternative title.
"""

from __future__ import annotations

import difflib
import re
from datetime import date

from kg.errors import DataError
from kg.ingest.pages import common
from kg.ingest.pages.extracted import EventText, PageExtract, SpeakerText, TalkText
from kg.ingest.pages.text import Line, Page
from kg.ingest.resolve import institutions
from kg.ingest.resolve.names import fold
from kg.records.ids import slugify

_SECTION_SUFFIX = re.compile(r"\s*plus--large\s*$")
_AGENDA = re.compile(r"\b(?:agenda|programme|program|schedule)\b", re.IGNORECASE)
_ABSTRACTS = re.compile(r"\babstracts?\b", re.IGNORECASE)


def is_heading(line: Line) -> bool:
    """Whether a line heads a section (a heading, or an accordion title ending in "plus--large")."""
    return line.level > 0 or bool(_SECTION_SUFFIX.search(line.text))


def heading_text(line: Line) -> str:
    """The words of a heading without accordion decoration."""
    return _SECTION_SUFFIX.sub("", line.text).strip()


def extract(page: Page) -> PageExtract:
    """The meeting, its organizers and every agenda talk, joined with its abstract."""
    lines = [line for line in page.lines if line.text]
    name = lines[0].text
    year_match = re.search(r"\b(19|20)\d{2}\b", name)
    year = int(year_match.group(0)) if year_match else None
    sections = _sections(lines)
    agenda = next((body for title, body in sections if _AGENDA.search(title)), None)
    if agenda is None:
        raise DataError(f"{page.path}: no agenda found: a meeting page needs a section headed "
                        f"'Agenda' with slot lines such as '9:30 AM Speaker | Title'")
    abstracts = next((body for title, body in sections if _ABSTRACTS.search(title)), [])
    zone = common.zone_in(page.text)
    key = slugify(name)
    meeting = EventText(key, name, "meeting", timezone=zone, at=common.where("page header", lines[0]))
    meeting.organizers = _organizers(lines)
    meeting.contacts = _contacts(sections)
    result = PageExtract("meeting_programme", f"{name} programme", key, events=[meeting])
    slots = _slots(page, agenda, year, zone)
    if not slots:
        raise DataError(f"{page.path}: line {agenda[0].number if agenda else lines[0].number}: "
                        f"the agenda holds no talk; expected slot lines such as "
                        f"'9:30 AM Speaker | Title'")
    days = sorted({slot[0] for slot in slots})
    meeting.start, meeting.end = days[0], days[-1]
    for day, start_line, speakers, title, start, end in slots:
        talk = TalkText(speakers, title, event=key, start=start, end=end,
                        at=common.where("agenda, " + day.strftime("%A"), start_line))
        _join_abstract(talk, abstracts)
        result.talks.append(talk)
    return result


def _sections(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    found: list[tuple[str, list[Line]]] = [("", [])]
    for line in lines:
        if is_heading(line):
            found.append((heading_text(line), []))
        else:
            found[-1][1].append(line)
    return found


def _organizers(lines: list[Line]) -> list[SpeakerText]:
    for i, line in enumerate(lines):
        if re.fullmatch(r"organi[sz]ers?\s*:?", line.text, re.IGNORECASE):
            people = []
            for following in lines[i + 1:]:
                speakers = common.speaker_line(following.text)
                if not speakers or len(speakers) != 1:
                    break
                people.append(speakers[0])
            return people
    return []


def _contacts(sections: list[tuple[str, list[Line]]]) -> list[tuple[str, str | None, str | None]]:
    body = next((b for t, b in sections if re.match(r"contacts?\b", t, re.IGNORECASE)), [])
    found: list[tuple[str, str | None, str | None]] = []
    for i, line in enumerate(body[:-1]):
        role = body[i + 1].text
        if common.looks_like_name(line.text) and not common.is_role(line.text) \
                and len(role) <= 40 and "@" not in role and common.is_role(role):
            found.append((common.clean_name(line.text), role, None))
    return found


def _slots(page: Page, agenda: list[Line], year: int | None, zone: str | None) -> list[tuple[
        date, Line, list[SpeakerText], str | None, common.datetime | None, common.datetime | None]]:
    """(day, line, speakers, title, start, end) of every agenda slot that is a talk."""
    day: date | None = None
    timed: list[tuple[date, Line, common.time, str]] = []
    for line in agenda:
        slot = common.AGENDA_TIME.match(line.text)
        if slot is None:
            found = common.find_date(line.text, year)
            if found is not None and len(line.text) <= 60:
                day = found
            continue
        if day is None:
            raise DataError(f"{page.path}: line {line.number}: an agenda slot before any day line; "
                            f"expected a line such as 'Thursday, September 26, 2024'")
        clock = common.parse_time(slot["time"])
        if clock is not None:
            timed.append((day, line, clock, slot["rest"].strip(" |")))
    talks = []
    for n, (slot_day, line, clock, rest) in enumerate(timed):
        parts, speakers = _speaker_and_title(rest)
        if not speakers:
            continue
        title = parts[1].strip() or None
        if title and re.fullmatch(r"(?:tba|tbd)\.?", title, re.IGNORECASE):
            title = None
        following = timed[n + 1] if n + 1 < len(timed) and timed[n + 1][0] == slot_day else None
        start = common.at_time(slot_day, clock, zone)
        end = common.at_time(slot_day, following[2], zone) if following else None
        talks.append((slot_day, line, speakers, title, start, end))
    return talks


def _speaker_and_title(rest: str) -> tuple[list[str], list[SpeakerText] | None]:
    """Split a slot's text into speaker(s) and title: "Rong Ge | Title", or "Rong Ge: Title" and
    "Rong Ge – Title" when the part before the mark reads as a speaker."""
    for mark in (r"\s*\|\s*", r":\s+", r"\s+[–—-]\s+"):
        parts = re.split(mark, rest, maxsplit=1)
        if len(parts) == 2:
            speakers = common.speaker_line(parts[0])
            if speakers:
                return parts, speakers
            if mark.startswith(r"\s*\|"):
                return parts, None
    return [rest], None


def _join_abstract(talk: TalkText, abstracts: list[Line]) -> None:
    """Find the talk's entry in the abstracts section and take title, affiliation and abstract."""
    starts = [i for i, line in enumerate(abstracts) if common.looks_like_name(line.text)
              and (i + 1 < len(abstracts))]
    mine = next((i for i in starts if any(common.same_person(abstracts[i].text, s.name)
                                          for s in talk.speakers)), None)
    if mine is None and talk.title:
        scored = [(difflib.SequenceMatcher(None, fold(abstracts[i].text), fold(talk.title)).ratio(), i)
                  for i in range(len(abstracts))]
        best = max(scored, default=(0.0, -1))
        if best[0] >= 0.75:
            mine = max((i for i in starts if i < best[1]), default=None)
    if mine is None:
        return
    others = [i for i in starts if i > mine and _is_entry(abstracts, i)]
    stop = others[0] if others else len(abstracts)
    block = abstracts[mine + 1: stop]
    if not block:
        return
    title_at = _title_index(block[:3], talk.title)
    affiliation_lines = block[:title_at]
    if affiliation_lines and not talk.speakers[0].affiliation:
        role, org = common.split_role(affiliation_lines[0].text)
        talk.speakers[0].affiliation, talk.speakers[0].role = org, role
        talk.speakers[0].printed = f"{abstracts[mine].text}\n{affiliation_lines[0].text}"
    printed_title = block[title_at].text
    if talk.title is None:
        talk.title = printed_title
    elif printed_title != talk.title:
        talk.alt_titles.append((talk.title, "agenda"))
        talk.title = printed_title
    abstract = "\n\n".join(line.text for line in block[title_at + 1:]) or None
    talk.abstract = abstract
    names, org_of, sentence = common.collaborators(abstract or "")
    talk.collaborators, talk.collaborator_affiliations = names, org_of
    talk.collaboration_evidence = sentence
    talk.at = f"{talk.at}; abstracts, line {abstracts[mine].number}"


def _is_entry(lines: list[Line], i: int) -> bool:
    """A name line followed by an affiliation-like line: the start of another abstract entry."""
    return i + 1 < len(lines) and institutions.is_institution(lines[i + 1].text)


def _title_index(block: list[Line], agenda_title: str | None) -> int:
    if agenda_title:
        ratios = [difflib.SequenceMatcher(None, fold(line.text), fold(agenda_title)).ratio()
                  for line in block]
        return max(range(len(ratios)), key=lambda i: (ratios[i], -i))
    if len(block) >= 2 and institutions.is_institution(block[0].text):
        return 1
    return 0


