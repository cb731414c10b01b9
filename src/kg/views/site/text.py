"""Text for readers: dates in an event's own time zone, safe web addresses, search keys."""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from anyascii import anyascii

SAFE_SCHEMES = ("http", "https", "mailto")
"""The only kinds of address a page links to: ``javascript:``, ``data:`` and the rest stay text."""

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def safe_url(value: str | None) -> str | None:
    """``value`` if it is an http(s) or mailto address a page may link to, else ``None``."""
    if not value or any(ord(c) < 33 or c in "<>\"'`\\" for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    return value


def search_key(text: str) -> str:
    """``text`` as search compares it: ASCII letters (accents and scripts transliterated), lower case."""
    return " ".join(_NOT_WORD.sub(" ", anyascii(text).lower()).split())


def parse_time(value: str | None) -> datetime | date | None:
    """An ISO date or date-time as stored (``2023-12-04T12:30:00-05:00``); ``None`` if unreadable."""
    if not value:
        return None
    try:
        if "T" in value:
            return datetime.fromisoformat(value)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def zone(name: str | None) -> ZoneInfo | None:
    """The IANA time zone called ``name``, or ``None``."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def human_day(day: date) -> str:
    """``Monday 4 December 2023``."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def human_when(start: str | None, end: str | None = None, timezone: str | None = None) -> str | None:
    """A talk's or event's time as people write it, in the event's own time zone when it has one.

    ``Monday 4 December 2023, 12:30–13:30 EST``; a day range for dates without a time. A time
    stored with an offset and no zone keeps its offset (``UTC-05:00``). ``None`` without a start.
    """
    first, last = parse_time(start), parse_time(end)
    if first is None:
        return None
    place = zone(timezone)
    if isinstance(first, datetime):
        first = _in_zone(first, place)
        text = f"{human_day(first.date())}, {first:%H:%M}"
        if isinstance(last, datetime):
            last = _in_zone(last, place)
            same_day = last.date() == first.date()
            text += f"–{last:%H:%M}" if same_day else f" – {human_day(last.date())}, {last:%H:%M}"
        return f"{text} {_zone_name(first)}"
    if isinstance(last, date) and not isinstance(last, datetime) and last != first:
        return f"{human_day(first)} – {human_day(last)}"
    return human_day(first)


def year_of(value: str | None) -> int | None:
    """The year of a stored date or date-time."""
    when = parse_time(value)
    return when.year if when is not None else None


def sort_time(value: str | None) -> str:
    """A key that puts stored times in time order (UTC), undated last."""
    when = parse_time(value)
    if isinstance(when, datetime) and when.tzinfo is not None:
        return when.astimezone(ZoneInfo("UTC")).isoformat()
    if when is not None:
        return when.isoformat()
    return "9999"


def _in_zone(moment: datetime, place: ZoneInfo | None) -> datetime:
    if place is not None and moment.tzinfo is not None:
        return moment.astimezone(place)
    return moment


def _zone_name(moment: datetime) -> str:
    name = moment.tzname() or ""
    if not name or name.startswith(("UTC+", "UTC-")) or name[0] in "+-":
        offset = moment.utcoffset()
        if offset is None:
            return ""
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        return "UTC" if minutes == 0 else f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return name
