"""A seminar's weekly announcement page: the series, its schedule and organizers, this week's talk(s).

Expected layout (Markdown or HTML; see README "Ingesting pages"): a line naming the seminar
("Welcome to the X Seminar Page"), a schedule sentence ("every Monday from 12:30 pm ET to
1:30 pm ET"), "organized by" followed by names, then for each talk a date line, optionally with
" | " and a room and/or a time range ("December 4, 2023 | Computer Science 302"), the speaker
("Name from Affiliation", "Name, Affiliation" or "Name (Affiliation)"), the title and the
abstract. "Title: TBA" leaves the title open; labelled lines (Speaker:, Title:, Abstract:, Bio:,
Room:, Time:) are understood too.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from kg.errors import DataError
from kg.ingest.pages import common
from kg.ingest.pages.extracted import EventText, PageExtract, SpeakerText, TalkText
from kg.ingest.pages.text import Line, Page
from kg.records.ids import slugify

_SERIES = re.compile(r"((?:[A-Z][\w&.'’-]*\s+){1,6}(?:Seminar|Colloquium|Reading Group|Lecture Series))")
_LABEL = re.compile(r"^(?P<label>speaker|speakers|title|abstract|bio|biography|room|place|location|"
                    r"where|time|when|date)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_OPEN_TITLE = re.compile(r"^(?:tba|tbd|to be announced|to be determined|title tba|title tbd)\.?$",
                         re.IGNORECASE)


def extract(page: Page) -> PageExtract:
    """Talks, the dated seminar events and the series of a seminar announcement page."""
    lines = list(page.lines)
    text = page.text
    series_name = _series_name(lines) or page.path.stem
    series_key = slugify(series_name)
    schedule_sentence, weekday_times = _schedule(text)
    zone = (weekday_times[2] if weekday_times else None) or common.zone_in(text)
    series = EventText(series_key, series_name, "seminar_series", timezone=zone,
                       schedule=schedule_sentence, at=common.where("page header", lines[0]))
    series.organizers = _organizers(lines)
    series.attended_by_groups_of = _attended_by(text)
    series.links = [u for u in common.urls(text) if "calendar.google.com/calendar/embed" not in u]
    dates = [i for i, line in enumerate(lines) if _is_date_line(line)]
    if not dates:
        raise DataError(f"{page.path}: no talk found: a seminar page needs a date line such as "
                        f"'December 4, 2023 | Room 302' before each talk")
    first = common.find_date(lines[dates[0]].text)
    assert first is not None  # a date line has a date
    result = PageExtract("seminar_page", f"{series_name} page, week of {first.isoformat()}",
                         f"{series_key}-{first.isoformat()}", events=[series])
    for n, start in enumerate(dates):
        stop = dates[n + 1] if n + 1 < len(dates) else _section_end(lines, start)
        talk, event = _talk(page, lines[start], lines[start + 1: stop], series, weekday_times, zone)
        result.events.append(event)
        if talk is not None:
            result.talks.append(talk)
    if not result.talks:
        raise DataError(f"{page.path}: line {lines[dates[0]].number}: a date line but no speaker "
                        f"after it; expected 'Name from Affiliation' or 'Speaker: Name'")
    return result


def _series_name(lines: list[Line]) -> str | None:
    for line in lines[:30]:
        match = _SERIES.search(line.text)
        if match:
            words = match.group(1).split()
            while words and words[0].lower() in ("welcome", "the", "to", "this", "our"):
                words = words[1:]
            return " ".join(words)
    return None


def _schedule(text: str) -> tuple[str | None, tuple[time, time, str | None] | None]:
    """The sentence saying when talks are held, and the times it gives."""
    for sentence in common.sentences(text):
        if re.search(r"\bevery\s+(?:" + "|".join(common.WEEKDAYS) + r")", sentence, re.IGNORECASE) \
                or re.search(r"talks are (?:held|given)", sentence, re.IGNORECASE):
            found = re.search(r"(\d{1,2}(?::\d{2})?\s*[ap]m)\s*([A-Z]{2,3})?\s*(?:-|–|to)\s*"
                              r"(\d{1,2}(?::\d{2})?\s*[ap]m)\s*([A-Z]{2,3})?", sentence, re.IGNORECASE)
            if found:
                start, end = common.parse_time(found.group(1)), common.parse_time(found.group(3))
                zone = common.zone_name(found.group(4) or found.group(2))
                if start and end:
                    return sentence, (start, end, zone)
            return sentence, None
    return None, None


def _organizers(lines: list[Line]) -> list[SpeakerText]:
    for i, line in enumerate(lines):
        match = re.search(r"\borganized by\b:?\s*(?P<rest>.*)$", line.text, re.IGNORECASE)
        if not match and not re.match(r"^organi[sz]ers?\s*:?\s*(?P<rest>.*)$", line.text, re.I):
            continue
        rest = (match or re.match(r"^organi[sz]ers?\s*:?\s*(?P<rest>.*)$", line.text, re.I))
        inline = rest["rest"].strip(" :.") if rest else ""
        if inline:
            found = [common.clean_name(n) for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", inline)]
            return [SpeakerText(n) for n in found if common.looks_like_name(n)]
        people: list[SpeakerText] = []
        for following in lines[i + 1:]:
            if not following.text:
                if people:
                    break
                continue
            speakers = common.speaker_line(following.text)
            if not speakers or len(speakers) != 1:
                break
            people.append(speakers[0])
        return people
    return []


def _attended_by(text: str) -> list[str]:
    sentence = next((s for s in common.sentences(text) if "research groups of" in s), None)
    if sentence is None:
        return []
    listed = sentence.split("research groups of", 1)[1].rstrip(". ")
    found = re.split(r",\s*(?:and\s+)?|\s+and\s+", listed)
    return [n for n in (common.clean_name(f) for f in found) if common.looks_like_name(n)]


def _is_date_line(line: Line) -> bool:
    if not line.text or len(line.text) > 140 or common.find_date(line.text) is None:
        return False
    if _LABEL.match(line.text) and not line.text.lower().startswith(("date", "when")):
        return False
    rest = " ".join(p for p in date_line_parts(line.text) if not common.time_range(p))
    # the date must be the line's subject, not a date inside a sentence
    return len(rest) <= 40 and (line.level > 0 or "|" in line.text or len(line.text) <= 80)


def date_line_parts(text: str) -> list[str]:
    """What a date line says besides the date: "Dec 4, 2023 | 4:00 pm - 5:00 pm | Room 302" and
    "Monday, Dec 4, 2023, 4:00 pm - 5:00 pm, Room 302" both give the time range and the room."""
    if "|" in text:
        parts = [p.strip() for p in text.split("|")]
        return [p for p in parts if p and common.find_date(p) is None]
    match = common.DATE.search(text) or common.ISO_DATE.search(text)
    rest = text[match.end():] if match else text
    return [p.strip() for p in re.split(r"\s*[·•]\s*|,\s+", rest) if p.strip(" ,.-–:")]


def _section_end(lines: list[Line], start: int) -> int:
    level = lines[start].level
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.level and (not level or line.level < level) and line.level <= 2 and line.text:
            return i
    return len(lines)


def _talk(page: Page, date_line: Line, body: list[Line], series: EventText,
          weekday_times: tuple[time, time, str | None] | None,
          zone: str | None) -> tuple[TalkText | None, EventText]:
    day = common.find_date(date_line.text)
    assert day is not None
    place: str | None = None
    times = weekday_times
    for part in date_line_parts(date_line.text):
        found = common.time_range(part)
        if found:
            times = (found[0], found[1], found[2] or (times[2] if times else None))
        elif part:
            place = part
    labels: dict[str, tuple[str, Line]] = {}
    plain: list[Line] = []
    for line in body:
        label = _LABEL.match(line.text)
        if label:
            labels[label["label"].lower()] = (label["value"].strip(), line)
        elif line.text:
            plain.append(line)
    for key in ("room", "place", "location", "where"):
        if key in labels:
            place = labels[key][0]
    for key in ("time", "when"):
        if key in labels and common.time_range(labels[key][0]):
            found = common.time_range(labels[key][0])
            assert found is not None
            times = (found[0], found[1], found[2] or (times[2] if times else None))
    event_zone = (times[2] if times else None) or zone
    start = common.at_time(day, times[0] if times else None, event_zone)
    end = common.at_time(day, times[1] if times else None, event_zone)
    section = "talk of " + day.strftime("%B %-d, %Y")
    event = EventText(f"{series.key}-{day.isoformat()}", f"{series.name}, {day.strftime('%B %-d, %Y')}",
                      "seminar", part_of=series.key, start=start or day, end=end or None,
                      timezone=event_zone, place=place, at=common.where(section, date_line))
    speakers, title, rest = _speakers_and_title(labels, plain)
    if not speakers:
        return None, event
    abstract_lines = [line.text for line in rest]
    biography = labels.get("bio", labels.get("biography", ("", date_line)))[0] or None
    if "abstract" in labels and labels["abstract"][0]:
        abstract_lines.insert(0, labels["abstract"][0])
    bio_index = next((i for i, t in enumerate(abstract_lines) if _starts_biography(t, speakers)), None)
    if bio_index is not None and biography is None:
        biography = "\n\n".join(abstract_lines[bio_index:])
        abstract_lines = abstract_lines[:bio_index]
    abstract = "\n\n".join(abstract_lines) or None
    names, org_of, sentence = common.collaborators(abstract or "")
    talk = TalkText(speakers, title, event=event.key, start=start, end=end, place=place,
                    abstract=abstract, biography=biography, collaborators=names,
                    collaborator_affiliations=org_of,
                    collaboration_evidence=sentence, at=common.where(section, date_line))
    return talk, event


def _speakers_and_title(labels: dict[str, tuple[str, Line]],
                        plain: list[Line]) -> tuple[list[SpeakerText], str | None, list[Line]]:
    rest = list(plain)
    speakers: list[SpeakerText] = []
    for key in ("speaker", "speakers"):
        if key in labels:
            speakers = common.speaker_line(labels[key][0]) or []
    if not speakers and rest:
        speakers = common.speaker_line(rest[0].text) or []
        if speakers:
            rest = rest[1:]
    title: str | None = None
    if "title" in labels:
        title = labels["title"][0]
    elif rest and len(rest[0].text) <= 200 and not rest[0].text.endswith((".",)) or (
            rest and _OPEN_TITLE.match(rest[0].text)):
        title = rest[0].text
        rest = rest[1:]
    if title is not None and (_OPEN_TITLE.match(title) or not title.strip()):
        title = None
    return speakers, title, rest


def _starts_biography(text: str, speakers: list[SpeakerText]) -> bool:
    if re.match(r"^(?:bio(?:graphy)?|about the speaker)\s*:", text, re.IGNORECASE):
        return True
    for speaker in speakers:
        last = speaker.name.split()[-1]
        if re.match(rf"^(?:(?:Prof\.|Dr\.|Professor)\s+)?(?:{re.escape(speaker.name)}|{re.escape(last)})"
                    rf"\s+(?:is|was|received|joined|holds|has)\b", text):
            return True
    return False


def day_of(value: datetime | date | None) -> date | None:
    """The calendar day of a start value."""
    if isinstance(value, datetime):
        return value.date()
    return value
