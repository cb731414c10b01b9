"""Talks → iCalendar: a calendar file any calendar program reads, each talk in its event's time zone."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

import icalendar

from kg.errors import DataError
from kg.sparql.catalog import find_query
from kg.store import GraphStore, Term
from kg.views.site.text import zone

PRODUCT_ID = "-//kg//knowledge graph of machine-learning theory//EN"


@dataclass(frozen=True)
class CalendarTalk:
    """One talk to write as a calendar event."""

    uid: str
    title: str
    start: datetime
    end: datetime | None = None
    speakers: list[str] = field(default_factory=list)
    place: str | None = None
    timezone: str | None = None
    url: str | None = None


def to_ics(talks: Iterable[CalendarTalk], name: str, zone_name: str | None = None) -> bytes:
    """A calendar holding ``talks``; each start carries its talk's zone (``VTIMEZONE`` included)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    if zone_name and zone(zone_name):
        calendar.add("x-wr-timezone", zone_name)
    for talk in sorted(talks, key=lambda t: (t.start, t.title, t.uid)):
        calendar.add_component(_event(talk))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _event(talk: CalendarTalk) -> icalendar.Event:
    place = zone(talk.timezone)
    if talk.timezone and place is None:
        raise DataError(f"talk {talk.uid}: unknown time zone {talk.timezone!r}")
    event = icalendar.Event()
    event.add("uid", talk.uid)
    event.add("dtstamp", talk.start.astimezone(UTC))  # stable: the same talk, the same file
    event.add("summary", talk.title)
    event.add("dtstart", _in_zone(talk.start, place))
    if talk.end is not None:
        event.add("dtend", _in_zone(talk.end, place))
    if talk.speakers:
        event.add("description", "Speaker: " + "; ".join(talk.speakers))
    if talk.place:
        event.add("location", talk.place)
    if talk.url:
        event.add("url", talk.url)
    return event


def _in_zone(moment: datetime, zone: tzinfo | None) -> datetime:
    return moment.astimezone(zone) if zone is not None else moment.astimezone(UTC)


# --- the store's talks as a calendar --------------------------------------------------------

def calendar_of_store(store: GraphStore, event: Term | None = None) -> tuple[bytes, int]:
    """The talks of ``event`` (or every talk with a start time) as iCalendar bytes, and their number.

    Each talk is written in the time zone its event (or a larger event it is part of) states.
    """
    rows = store.select(find_query("calendar_talks").text).values()
    name = "kg talks"
    if event is not None:
        programme = store.select(find_query("event_programme").text, {"event": event}).values()
        wanted = {row["talk"] for row in programme}
        rows = [row for row in rows if row["talk"] in wanted]
        names = store.select(find_query("event_info").text, {"event": event}).values()
        name = next((row["name"] for row in names if row["name"]), name) or name
    talks = [_calendar_talk(row) for row in rows]
    zones = sorted({t.timezone for t in talks if t.timezone})
    return to_ics(talks, name, zones[0] if len(zones) == 1 else None), len(talks)


def _calendar_talk(row: Mapping[str, str | None]) -> CalendarTalk:
    talk = row["talk"] or ""
    return CalendarTalk(
        uid=talk,
        title=row["title"] or "(untitled talk)",
        start=datetime.fromisoformat(row["start"] or ""),
        end=datetime.fromisoformat(row["end"]) if row["end"] else None,
        speakers=(row["speakers"] or "").split("; ") if row["speakers"] else [],
        place=row["place"],
        timezone=row["timezone"],
        url=talk if talk.startswith("http") else None,
    )
