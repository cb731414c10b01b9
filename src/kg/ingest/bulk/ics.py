"""iCalendar (RFC 5545) seminar calendars: events in as talks, talks out as events.

Reading: every ``VEVENT`` with a start time becomes a talk of the calendar's series. Times keep
the zone the calendar states (``DTSTART;TZID=America/Chicago:20250221T160000`` stays 4pm
Chicago time, with the offset in force that day); UTC times are shown in the calendar's own zone
(``X-WR-TIMEZONE``) when it has one; floating times are read in that zone and are an error
without one. Speakers come from a ``Speaker:`` line of the description, else from a summary
written "Name (Affiliation): Title". The people the events name as their ``ORGANIZER``
(``ORGANIZER;CN="Ada Lovelace":mailto:...``) organize the series, when the name is a person's
(a calendar that organizes its own events, or an address alone, names nobody).

Writing: talks become ``VEVENT``s whose ``DTSTART`` carries the ``TZID`` of their event's
zone, with the matching ``VTIMEZONE``; talks of an event without a zone are written in UTC.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from kg.ingest.printed import Problem
from kg.records.dates import implausible_date

_SPEAKER_LINE = re.compile(r"^\s*(?:speakers?|presenters?|presented by|lecturers?)\s*:\s*(?P<names>.+)$",
                           re.IGNORECASE | re.MULTILINE)
_EVENT_WORDS = re.compile(r"^(?:seminar|talk|colloquium|lecture|keynote|tutorial|invited talk)$",
                          re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|[A-Z]\.)$")


@dataclass(frozen=True)
class ImportedCalendar:
    """The calendar itself: it becomes the seminar series its talks are part of."""

    name: str
    timezone: str | None
    at: str
    calendar_id: str | None = None
    """The calendar's own id (``X-WR-RELCALID``), when it states one."""
    organizers: tuple[str, ...] = ()
    """The people its events name as their organizer, in the order they first appear."""


@dataclass(frozen=True)
class ImportedTalk:
    """One calendar event read as a talk: speakers as printed, aware start and end."""

    uid: str
    title: str | None
    speakers: list[str]
    start: datetime
    end: datetime | None = None
    place: str | None = None
    abstract: str | None = None
    url: str | None = None
    at: str | None = None
    affiliations: list[str | None] = field(default_factory=list)

    @property
    def authors(self) -> list[str]:
        """The speakers, under the name the resolver reads printed people by."""
        return self.speakers


def parse(text: str, source: str) -> Iterator[ImportedCalendar | ImportedTalk | Problem]:
    """Yield the calendar, then each talk of ``text``, and a ``Problem`` for each bad event."""
    cut = _cut_short(text)
    if cut is not None:
        text, lost = cut
        yield Problem("end of file", "the calendar is cut short (no END:VCALENDAR)"
                      + (f"; its last, unfinished event {lost} was skipped" if lost else ""))
    text, broken, stray = _mend_nesting(text)
    yield from stray
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        yield Problem("calendar", f"not an iCalendar file: {exc}")
        return
    if not calendars:
        yield Problem("calendar", "no VCALENDAR found")
        return
    calendar = calendars[0]
    zone_name = _calendar_zone(calendar)
    if zone_name is None:
        zone_name = next((_zone_key(e) for e in calendar.walk("VEVENT") if _zone_key(e)), None)
    zone = _zone(zone_name)
    name = str(calendar.get("X-WR-CALNAME") or calendar.get("NAME") or source)
    calendar_id = str(calendar.get("X-WR-RELCALID") or "").strip() or None
    yield ImportedCalendar(name=name.strip() or source, timezone=zone_name if zone else None, at=source,
                           calendar_id=calendar_id, organizers=_organizers(calendar, name))
    for number, event in enumerate(calendar.walk("VEVENT"), start=1):
        if number in broken:
            uid = str(event.get("UID") or "").strip()
            yield Problem(f"event #{number}" + (f" ({uid})" if uid else ""), f"{broken[number]}; skipped")
        else:
            yield _talk(event, number, zone, source)


_BEGIN_END = re.compile(r"^(BEGIN|END):([A-Za-z0-9-]+)\s*$", re.IGNORECASE)


def _mend_nesting(text: str) -> tuple[str, dict[int, str], list[Problem]]:
    """Close components left open inside another (``BEGIN:VALARM`` with no ``END:VALARM``).

    The iCalendar parser gives up on the whole file at one such fault ("no VCALENDAR found"):
    the missing ``END`` lines are added, the events holding a fault are returned by number
    with what was wrong (to be skipped and listed), and ``END`` lines that close nothing are
    dropped, each a problem naming its line.
    """
    lines = text.splitlines(keepends=True)
    mended: list[str] = []
    stack: list[tuple[str, int]] = []
    broken: dict[int, str] = {}
    stray: list[Problem] = []
    events = 0
    for number, line in enumerate(lines, start=1):
        match = _BEGIN_END.match(line)
        if match is None:
            mended.append(line)
            continue
        word, name = match.group(1).upper(), match.group(2).upper()
        if word == "BEGIN":
            events += name == "VEVENT"
            stack.append((name, number))
            mended.append(line)
            continue
        if name not in (open_name for open_name, _ in stack):
            stray.append(Problem(f"line {number}", f"END:{name} closes nothing; the line was ignored"))
            continue
        while stack[-1][0] != name:
            open_name, opened = stack.pop()
            mended.append(f"END:{open_name}\r\n")
            if any(n == "VEVENT" for n, _ in stack):
                broken.setdefault(events, f"BEGIN:{open_name} on line {opened} has no END:{open_name}")
            else:
                stray.append(Problem(f"line {opened}", f"BEGIN:{open_name} has no END:{open_name}"))
        stack.pop()
        mended.append(line)
    return "".join(mended), broken, stray


def _cut_short(text: str) -> tuple[str, str] | None:
    """A calendar that stops before its END:VCALENDAR, closed after its last whole event.

    Returns the closed text and the unfinished event's UID (or its number), or ``None`` when
    the calendar is complete or is no calendar at all.
    """
    upper = text.upper()
    if "BEGIN:VCALENDAR" not in upper or re.search(r"^END:VCALENDAR\s*$", upper, re.MULTILINE):
        return None
    last_begin, last_end = upper.rfind("BEGIN:VEVENT"), upper.rfind("END:VEVENT")
    lost = ""
    if last_begin > last_end:
        uid = re.search(r"^UID:(.*)$", text[last_begin:], re.MULTILINE)
        lost = f"({uid.group(1).strip()})" if uid else f"#{upper.count('BEGIN:VEVENT')}"
        text = text[:last_begin]
    return text.rstrip("\r\n") + "\r\nEND:VCALENDAR\r\n", lost


def _calendar_zone(calendar: icalendar.Calendar) -> str | None:
    value = str(calendar.get("X-WR-TIMEZONE") or "").strip()
    return WINDOWS_TO_OLSON.get(value, value) or None


def _zone_key(event: icalendar.Component) -> str | None:
    """The IANA key of the zone an event's start is stated in, when it is one."""
    try:
        start = event.decoded("DTSTART")
    except (KeyError, ValueError):
        return None
    zone = getattr(start, "tzinfo", None)
    key = getattr(zone, "key", None)
    if key is None and zone is not None:  # a zone the calendar defines, such as Outlook's
        key = WINDOWS_TO_OLSON.get(str(event["DTSTART"].params.get("TZID", "")))
    return key if isinstance(key, str) and key != "UTC" else None


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _talk(event: icalendar.Component, number: int, zone: tzinfo | None,
          source: str) -> ImportedTalk | Problem:
    uid = str(event.get("UID") or "").strip()
    label = f"event #{number}" + (f" ({uid})" if uid else "")
    errors = [f"{name}: {message}" if name else str(message)
              for name, message in getattr(event, "errors", [])]
    if errors:
        return Problem(label, "; ".join(errors))
    summary = _text(event.get("SUMMARY"))
    description = _text(event.get("DESCRIPTION"))
    try:
        start = _instant(event, "DTSTART", zone)
        end = _instant(event, "DTEND", zone) if "DTEND" in event else None
    except ValueError as exc:
        return Problem(label, str(exc))
    if start is None:
        return Problem(label, "DTSTART: missing")
    if end is None and "DURATION" in event:
        end = start + event.decoded("DURATION")
    for name, value in (("DTSTART", start), ("DTEND", end)):
        problem = implausible_date(value) if value is not None else None
        if problem:
            return Problem(label, f"{name}: {problem}")
    speakers, affiliations, title = _speakers(summary, description)
    if not speakers:
        return Problem(label, "no speaker found: give a 'Speaker: Name (Affiliation)' line in DESCRIPTION "
                              "or a SUMMARY 'Name: Title'")
    return ImportedTalk(
        uid=uid or f"{start.isoformat()} {title or summary}",  # without a UID, the event's time and title
        title=title,
        speakers=speakers,
        affiliations=affiliations,
        start=start,
        end=end,
        place=_text(event.get("LOCATION")),
        abstract=_abstract(description),
        url=_url(event.get("URL")),
        at=f"{source} {label}",
    )


def _text(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _url(value: object) -> str | None:
    text = _text(value)
    return text if text and re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", text) else None


def _instant(event: icalendar.Component, name: str, zone: tzinfo | None) -> datetime | None:
    """An event time as an aware datetime in the zone the calendar states."""
    if name not in event:
        return None
    value = event.decoded(name)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            if zone is None:
                raise ValueError(f"{name}: a floating time ({value.isoformat()}) and the calendar "
                                 "states no time zone (X-WR-TIMEZONE)")
            return value.replace(tzinfo=zone)
        if zone is not None and value.utcoffset() == UTC.utcoffset(None) \
                and getattr(value.tzinfo, "key", "UTC") == "UTC":
            return value.astimezone(zone)
        return value
    if isinstance(value, date):
        raise ValueError(f"{name}: an all-day event ({value.isoformat()}), not a talk with a time")
    raise ValueError(f"{name}: not a date-time: {value!r}")


def _speakers(summary: str | None, description: str | None) -> tuple[list[str], list[str | None], str | None]:
    """Speakers, their printed affiliations and the talk title, from the summary and description."""
    line = _SPEAKER_LINE.search(description or "")
    if line:
        people = [_name_and_affiliation(p) for p in _split_people(line.group("names")) if p.strip()]
        return [p[0] for p in people], [p[1] for p in people], summary
    if summary and ":" in summary:
        head, _, rest = summary.partition(":")
        if _EVENT_WORDS.match(head.strip()) and ":" in rest:
            head, _, rest = rest.partition(":")
        name, affiliation = _name_and_affiliation(head)
        if _looks_like_name(name) and rest.strip():
            return [name], [affiliation], rest.strip()
    return [], [], summary


def _split_people(text: str) -> list[str]:
    """``"Ada Lovelace (Lab of Art and Science) and Alan Turing"`` → the two people, brackets kept whole."""
    people, depth, start = [], 0, 0
    for match in re.finditer(r"[()]|\s*;\s*|\s+and\s+|\s*&\s*", text):
        token = match.group(0)
        if token in "()":
            depth += 1 if token == "(" else -1
        elif depth == 0:
            people.append(text[start:match.start()])
            start = match.end()
    people.append(text[start:])
    return [p.strip() for p in people]


def _name_and_affiliation(text: str) -> tuple[str, str | None]:
    """``"Ada Lovelace (Analytical University)"`` → the name and the affiliation."""
    text = text.strip()
    opening = _opening_of_last_bracket(text)
    if opening > 0:  # "Name (Affiliation (Country))": the bracket that closes the text
        return text[:opening].strip(), text[opening + 1:-1].strip() or None
    if "," in text:
        name, _, affiliation = text.partition(",")
        return name.strip(), affiliation.strip() or None
    return text, None


def _opening_of_last_bracket(text: str) -> int:
    """Where the bracket that closes ``text`` opens; -1 when the text ends otherwise or is unbalanced."""
    if not text.endswith(")"):
        return -1
    depth = 0
    for position in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[position], 0)
        if depth == 0:
            return position
    return -1


def _organizers(calendar: icalendar.Component, calendar_name: str) -> tuple[str, ...]:
    """The person names of the events' ``ORGANIZER`` (its ``CN``), each once, in order."""
    found: dict[str, None] = {}
    for event in calendar.walk("VEVENT"):
        organizer = event.get("ORGANIZER")
        for one in organizer if isinstance(organizer, list) else [organizer]:
            params = getattr(one, "params", None) or {}
            name = _text(params.get("CN"))
            if name and _looks_like_name(name) and name.casefold() != calendar_name.strip().casefold():
                found.setdefault(name, None)
    return tuple(found)


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words) and not any(
        c.isdigit() for c in text)


def _abstract(description: str | None) -> str | None:
    if not description:
        return None
    rest = _SPEAKER_LINE.sub("", description).strip()
    return rest or None
