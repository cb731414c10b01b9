"""An event page for one talk, with Speaker / Title / Abstract / Biography sections.

Expected layout (see README "Ingesting pages"): a title line ("CS Seminar: Title (Speaker)" or
just the title), a date line with a time range ("Friday, February 21, 2025 | 12:00 PM - 1:00 PM
CT"), optionally the place on the next line, then sections each introduced by a line holding
only its name: Speaker, Talk Title (or Title), Abstract, Biography (or Bio), Research/Interest
Areas (or Keywords), Audience, Contact, Location.
"""

from __future__ import annotations

import re

from kg.errors import DataError
from kg.ingest.pages import common
from kg.ingest.pages.extracted import EventText, PageExtract, TalkText
from kg.ingest.pages.text import Line, Page
from kg.records.ids import slugify

SECTIONS = {
    "speaker": "speaker", "speakers": "speaker", "presenter": "speaker",
    "talk title": "title", "title": "title",
    "abstract": "abstract", "summary": "abstract",
    "biography": "biography", "bio": "biography", "speaker bio": "biography",
    "speaker biography": "biography", "about the speaker": "biography",
    "research/interest areas": "keywords", "research areas": "keywords", "keywords": "keywords",
    "interest areas": "keywords", "topics": "keywords",
    "audience": "audience", "contact": "contact", "contacts": "contact",
    "location": "location", "where": "location", "venue": "location",
    "interest": "interest", "cost": "other",
}
_PLACE_LABEL = re.compile(r"^(?:location|where|room|place|venue)\s*:\s*(?P<place>.+)$", re.IGNORECASE)
_PHONE = re.compile(r"\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}")


def section_name(line: Line) -> str | None:
    """The section a line introduces ("Talk Title" → ``title``), or ``None``."""
    text = line.text.strip().rstrip(":").casefold()
    return SECTIONS.get(text)


def extract(page: Page) -> PageExtract:
    """The talk, its dated event and its series from an event page."""
    lines = [line for line in page.lines if line.text]
    sections = _sections(lines)
    if "speaker" not in sections:
        raise DataError(f"{page.path}: no talk found: an event page needs a 'Speaker' section "
                        f"(a line 'Speaker' followed by 'Name, Affiliation')")
    speaker_lines = sections["speaker"][1]
    speakers = [s for line in speaker_lines for s in (common.speaker_line(line.text) or [])]
    if not speakers:
        first = speaker_lines[0] if speaker_lines else sections["speaker"][0]
        raise DataError(f"{page.path}: line {first.number}: cannot read a speaker from "
                        f"{first.text!r}; expected 'Name, Affiliation'")
    header = lines[: next(i for i, line in enumerate(lines) if section_name(line))]
    title_line = next((line for line in header if not re.match(r"^skip to", line.text, re.I)), None)
    page_title = title_line.text if title_line else page.path.stem
    series_name, title_from_header = _series_and_title(page_title, speakers[0].name)
    for line in header:
        slash = re.match(r"^[A-Z][a-z]+day\s*/\s*(?P<series>.+)$", line.text)
        if slash and series_name is None:
            series_name = slash["series"].strip()
    title_lines = sections.get("title", (None, []))[1]
    title = " ".join(line.text for line in title_lines) or title_from_header
    if title and re.fullmatch(r"(?:tba|tbd|to be announced)\.?", title, re.IGNORECASE):
        title = None
    date_line, day, times = _when(header)
    if day is None:
        raise DataError(f"{page.path}: no date found before the first section; expected a line "
                        f"such as 'Friday, February 21, 2025 | 12:00 PM - 1:00 PM CT'")
    zone = common.zone_name(times[2]) if times and times[2] else common.zone_in(page.text)
    start = common.at_time(day, times[0] if times else None, zone)
    end = common.at_time(day, times[1] if times else None, zone)
    place, address = _place(header, date_line, sections)
    # no series when the page names none: its talk's day stands alone ("Seminar" would join them all)
    series_key = slugify(series_name) if series_name else slugify(title or page_title)[:80] or "talk"
    event_key = f"{series_key}-{day.isoformat()}"
    contact = _contact(sections)
    event = EventText(event_key, page_title, "seminar", part_of=series_key if series_name else None,
                      start=start or day,
                      end=end, timezone=zone, place=place, address=address,
                      contacts=[contact] if contact else [],
                      audience=[line.text for line in sections.get("audience", (None, []))[1]],
                      links=common.urls(page.text), at=common.where("page header", lines[0]))
    series = [EventText(series_key, series_name, "seminar_series", timezone=zone,
                        at=common.where("page header", lines[0]))] if series_name else []
    abstract = _joined(sections, "abstract")
    names, org_of, sentence = common.collaborators(abstract or "")
    keywords = [k.strip() for line in sections.get("keywords", (None, []))[1]
                for k in line.text.split(",") if k.strip() and ":" not in line.text]
    at = "; ".join(common.where(label.text, label) for label, _ in
                   (sections[k] for k in ("speaker", "title", "abstract", "biography") if k in sections))
    alt = [(page_title, "page title")] if title and page_title != title else []
    talk = TalkText(speakers, title, alt_titles=alt, event=event_key, start=start, end=end,
                    place=place, abstract=abstract, biography=_joined(sections, "biography"),
                    collaborators=names, collaborator_affiliations=org_of,
                    collaboration_evidence=sentence, keywords=keywords,
                    links=common.urls(page.text), at=at)
    result = PageExtract("event_page", f"{series_name or 'Seminar'} event page: {title or 'untitled talk'} "
                         f"({', '.join(s.name for s in speakers)}), {day.isoformat()}",
                         f"{series_key}-{day.isoformat()}-{slugify(speakers[0].name)}",
                         events=[*series, event], talks=[talk])
    return result


def _sections(lines: list[Line]) -> dict[str, tuple[Line, list[Line]]]:
    found: dict[str, tuple[Line, list[Line]]] = {}
    current: list[Line] | None = None
    for line in lines:
        name = section_name(line)
        if name is not None:
            current = []
            found.setdefault(name, (line, current))
        elif re.fullmatch(r"-{3,}|\*{3,}|_{3,}", line.text):
            current = None
        elif current is not None:
            current.append(line)
    return found


def _series_and_title(page_title: str, speaker: str) -> tuple[str | None, str | None]:
    text = re.sub(rf"\s*\(\s*{re.escape(speaker)}\s*\)\s*$", "", page_title)
    match = re.match(r"^(?P<series>[^:]{2,60}?(?:Seminar|Colloquium|Lecture|Series|Talk))\s*:\s*"
                     r"(?P<title>.+)$", text)
    if match:
        return match["series"].strip(), match["title"].strip()
    return None, text or None


def _when(header: list[Line]) -> tuple[Line | None, common.date | None,
                                        tuple[common.time, common.time, str | None] | None]:
    for line in header:
        day = common.find_date(line.text)
        if day is not None:
            times = common.time_range(line.text) or next(
                (found for other in header for found in [common.time_range(other.text)] if found), None)
            return line, day, times
    return None, None, None


def _place(header: list[Line], date_line: Line | None,
           sections: dict[str, tuple[Line, list[Line]]]) -> tuple[str | None, str | None]:
    text: str | None = None
    labelled = next((m["place"] for line in header for m in [_PLACE_LABEL.match(line.text)] if m), None)
    if "location" in sections and sections["location"][1]:
        text = sections["location"][1][0].text
    elif labelled:
        text = labelled
    elif date_line is not None:
        after = header[header.index(date_line) + 1:]
        if after and not common.find_date(after[0].text) and not re.match(
                r"^[A-Z][a-z]+day\s*/", after[0].text):
            text = after[0].text
    if not text:
        return None, None
    text = re.sub(r"\s+map it\s*$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    place = parts[0]
    rest = parts[1:]
    if rest and re.fullmatch(r"(?:room\s+)?[A-Z]?\d{1,4}[A-Z]?", rest[0], re.IGNORECASE):
        place = f"{place} {rest[0].split()[-1]}"
        rest = rest[1:]
    return place, (", ".join(rest) or None)


def _contact(sections: dict[str, tuple[Line, list[Line]]]) -> tuple[str, str | None, str | None] | None:
    lines = sections.get("contact", (None, []))[1]
    if not lines or not common.looks_like_name(lines[0].text):
        return None
    phone = next((m.group(0) for line in lines[1:] for m in [_PHONE.search(line.text)] if m), None)
    return common.clean_name(lines[0].text), None, phone


def _joined(sections: dict[str, tuple[Line, list[Line]]], name: str) -> str | None:
    lines = sections.get(name, (None, []))[1]
    return "\n\n".join(line.text for line in lines) or None
