"""Pieces every page kind needs: dates, times and time zones, speaker lines, collaborators."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from kg.ingest.pages.extracted import SpeakerText
from kg.ingest.pages.positions import LEADING_DEGREE, split_position, strip_position
from kg.ingest.pages.text import Line, clean_text
from kg.ingest.resolve import names
from kg.ingest.resolve.institutions import ABBREVIATIONS

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ZONES = {
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "uk": "Europe/London", "gmt": "Europe/London", "bst": "Europe/London",
    "cet": "Europe/Paris", "cest": "Europe/Paris", "utc": "UTC",
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
DATE = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<year>\d{{4}}))?", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
TIME = re.compile(r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>[ap]\.?m\.?)?(?![\w:])",
                  re.IGNORECASE)
TIME_RANGE = re.compile(
    r"(?P<start>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)\s*(?:-|–|—|to)\s*"
    r"(?P<end>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)(?:\s+(?P<zone>[A-Z]{2,4})\b)?",
    re.IGNORECASE)
ZONE_AFTER_TIME = re.compile(r"\d\s*(?i:[ap]\.?m\.?)?\s+(ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|"
                             r"PDT|GMT|BST|CET|CEST|UTC)\b")
AGENDA_TIME = re.compile(r"^(?P<time>\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?)\s*(?P<rest>.*)$")


def find_date(text: str, year: int | None = None) -> date | None:
    """The first calendar date written in ``text`` ("December 4, 2023", "Fri, Feb 21st", ISO)."""
    iso = ISO_DATE.search(text)
    match = DATE.search(text)
    if iso and (not match or iso.start() < match.start()):
        return date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
    if not match:
        return None
    found_year = int(match["year"]) if match["year"] else year
    if found_year is None:
        return None
    month = MONTHS[match["month"].lower().rstrip(".")[:3]]
    try:
        return date(found_year, month, int(match["day"]))
    except ValueError:
        return None


def parse_time(text: str, default_half: str | None = None) -> time | None:
    """"12:30 pm", "1 PM", "13:30" → a time; ``default_half`` ("am"/"pm") for a bare "1:30"."""
    match = TIME.fullmatch(text.strip()) or TIME.search(text)
    if not match:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = (match["half"] or default_half or "").lower().replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def time_range(text: str) -> tuple[time, time, str | None] | None:
    """A "12:00 PM - 1:00 PM CT" range: start, end and the zone abbreviation if printed."""
    match = TIME_RANGE.search(text)
    if not match or not re.search(r"[:apAP]", match["start"] + match["end"]):
        return None
    end_half = re.search(r"[ap]\.?m", match["end"], re.IGNORECASE)
    end = parse_time(match["end"])
    start = parse_time(match["start"], end_half.group(0)[0] + "m" if end_half else None)
    if start is None or end is None:
        return None
    if start > end and not re.search(r"[ap]\.?m", match["start"], re.IGNORECASE):
        start = parse_time(match["start"], "am")
    zone = match["zone"] if match["zone"] and match["zone"].lower() in ZONES else None
    return (start, end, zone) if start is not None else None


def zone_name(abbreviation: str | None) -> str | None:
    """The IANA zone of an abbreviation such as ET or CT."""
    return ZONES.get(abbreviation.lower()) if abbreviation else None


def zone_in(text: str) -> str | None:
    """The IANA zone of the first time-zone abbreviation printed after a time in ``text``."""
    explicit = re.search(r"time ?zone:\s*([A-Za-z_]+/[A-Za-z_]+)", text, re.IGNORECASE)
    if explicit:
        return explicit.group(1)
    match = ZONE_AFTER_TIME.search(text)
    return zone_name(match.group(1)) if match else None


def at_time(day: date, clock: time | None, zone: str | None) -> datetime | None:
    """An aware datetime for a day, a clock time and an IANA zone (``None`` if one is missing)."""
    if clock is None or zone is None:
        return None
    return datetime.combine(day, clock, tzinfo=ZoneInfo(zone))


def where(section: str, line: Line | int) -> str:
    """The ``at`` of a fact: section name and line number."""
    number = line.number if isinstance(line, Line) else line
    return f"{section}, line {number}" if section else f"line {number}"


# --- people as printed ------------------------------------------------------------------

_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|[a-z]{1,3}(?= [A-Z])|[A-Z]\.|['‘’][a-z]{1,2})"
_ROLE_WORDS = re.compile(
    r"\b(?:professor|prof\b|postdoc|postdoctoral|scholar|chair|director|lecturer|researcher|"
    r"scientist|fellow|student|engineer|candidate|head|dean|founder|ceo|cto|member|faculty|"
    r"principal|staff|assistant|associate|research\b|manager|coordinator|administrator|officer)",
    re.IGNORECASE)


def is_role(text: str) -> bool:
    """Whether text names a position ("Event Manager", "Assistant Professor")."""
    return bool(_ROLE_WORDS.search(text))


def looks_like_name(text: str) -> bool:
    """Whether text reads as a person's name: 2–5 capitalised words, no digits or sentence marks."""
    text = strip_position(text.strip())
    if not text or len(text) > 60 or re.search(r"[\d:;!?@|/]|\s-\s", text):
        return False
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(w.lower() in _NOT_NAME_WORDS for w in words) or names.fold(text) in ABBREVIATIONS:
        return False
    if any(len(w) >= 2 and w.isupper() and "." not in w for w in words):
        return False  # an acronym: "UC Berkeley", "MIT CSAIL"
    return all(re.fullmatch(_NAME_WORD, w) for w in words) and words[-1][0].isupper()


_NOT_NAME_WORDS = frozenset({
    "university", "institute", "college", "school", "department", "lab", "laboratory", "the",
    "of", "and", "seminar", "talk", "abstract", "biography", "speaker", "title", "agenda",
    "break", "lunch", "breakfast", "meeting", "research", "center", "centre", "foundation",
    "inc", "corporation", "group", "in", "for", "on", "with", "by", "to", "at", "learning",
    "theory", "machine", "deep", "program", "workshop", "conference", "day", "session",
    "contact", "contacts", "organizer", "organizers", "information", "more", "from", "same",
    "authors", "author", "recorded", "talks", "calendar", "schedule", "room", "hall",
})


def clean_name(text: str) -> str:
    """A printed name without titles and surrounding marks ("Prof. Ada Lovelace" → "Ada Lovelace")."""
    return split_position(re.sub(r"\s+", " ", text).strip(" ,;:*_"))[0]


def split_role(affiliation: str) -> tuple[str | None, str]:
    """A printed affiliation → (role, institution): "Assistant Professor, UC Irvine" splits."""
    text = affiliation.strip(" ,")
    parts = [p.strip() for p in text.split(",")]
    if len(parts) >= 2 and _ROLE_WORDS.search(parts[0]):
        # the institution is the last part, or the last two for "University of California, Irvine"
        tail = parts[-1]
        cut = len(parts) - 1
        if len(parts) >= 3 and re.match(r"^(?:University of California|University of Texas)$",
                                        parts[-2]):
            tail, cut = f"{parts[-2]}, {parts[-1]}", len(parts) - 2
        return ", ".join(parts[:cut]), tail
    at = re.match(r"^(?P<role>.+?)\s+at\s+(?P<org>[A-Z].+)$", text)
    if at and _ROLE_WORDS.search(at["role"]):
        return at["role"], at["org"]
    return None, text


def speaker_line(text: str) -> list[SpeakerText] | None:
    """Speakers of a line "Name, Affiliation", "Name (Affiliation)", "Name from Affiliation",
    several joined by ";" or " and " / " & "; ``None`` when the line is not a speaker line."""
    found = _speakers(text)
    if found is None:
        return None
    printed = clean_text(text.strip(" -–"))
    return [SpeakerText(s.name, s.affiliation, s.role, printed if s.affiliation else None)
            for s in found]


def _speakers(text: str) -> list[SpeakerText] | None:
    for piece_split in (r"\s*;\s*", r"\s+(?:and|&)\s+(?=(?:Prof\.?\s+|Dr\.?\s+)?[A-Z][\w'’.-]+\s+[A-Z])"):
        pieces = [p for p in re.split(piece_split, text.strip()) if p]
        if len(pieces) > 1:
            speakers = [_one_speaker(p) for p in pieces]
            if all(s is not None for s in speakers):
                return _share_affiliation([s for s in speakers if s is not None])
    one = _one_speaker(text)
    return [one] if one else None


def _share_affiliation(speakers: list[SpeakerText]) -> list[SpeakerText]:
    """"Ada Lovelace and Charles Babbage, Analytical University": the last affiliation is shared."""
    if speakers[-1].affiliation and not any(s.affiliation for s in speakers[:-1]):
        return [SpeakerText(s.name, speakers[-1].affiliation, speakers[-1].role) for s in speakers]
    return speakers


def _one_speaker(text: str) -> SpeakerText | None:
    text = text.strip(" -–")
    bracket = re.fullmatch(r"(?P<name>[^()]+?)\s*\((?P<aff>[^()]+)\)", text)
    if bracket and looks_like_name(bracket["name"]):
        return _person(bracket["name"], *split_role(bracket["aff"]))
    joined = re.fullmatch(r"(?P<name>[^,]+?)\s+(?:from|of)\s+(?P<aff>(?:the\s+)?[A-Z].+)", text)
    # the name holds no comma: "Name, Professor of Computer Engineering, Place" is a name, a position
    # and a place, not "Name, Professor" of "Computer Engineering"
    if joined and looks_like_name(joined["name"]):
        return _person(joined["name"], *split_role(joined["aff"]))
    if "," in text:
        name, aff = (p.strip() for p in text.split(",", 1))
        while degree := LEADING_DEGREE.match(aff):
            aff = aff[degree.end():]  # "Ada Lovelace, PhD, Analytical University"
        if looks_like_name(name) and not aff:
            return _person(name, None, None)
        if looks_like_name(name) and aff:
            return _person(name, *split_role(aff))
    if looks_like_name(text):
        return _person(text, None, None)
    return None


def _person(printed: str, role: str | None, affiliation: str | None) -> SpeakerText:
    """A speaker from their printed name, the position printed around it kept when the affiliation
    gave none ("Associate Professor Ada Lovelace (Analytical University)")."""
    name, position = split_position(re.sub(r"\s+", " ", printed).strip(" ,;:*_"))
    return SpeakerText(name, affiliation, role or position)


_COLLABORATION = re.compile(
    r"(?:joint work with|in collaboration with|collaboration with|based on (?:joint )?work with|"
    r"work(?:s)? with|together with|co-?authored with)\s+(?P<names>[^.]+)", re.IGNORECASE)


def collaborators(text: str) -> tuple[list[str], dict[str, str], str | None]:
    """Names after "joint work with" / "in collaboration with", their shared affiliation ("... at
    UC Berkeley") and the sentence they came from."""
    for sentence in sentences(text):
        match = _COLLABORATION.search(sentence)
        if not match:
            continue
        listed = match["names"]
        affiliation = None
        at = re.search(r"\s+(?:at|from)\s+(?P<org>[A-Z].*)$", listed)
        if at:
            affiliation, listed = at["org"].strip(), listed[: at.start()]
        found = [clean_name(n) for n in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", listed)]
        found = [n for n in found if looks_like_name(n)]
        if found:
            return found, {n: affiliation for n in found if affiliation}, sentence
    return [], {}, None


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph (split after ". " before a capital; "Prof." and initials kept)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"(])", text.replace("\n", " "))
    merged: list[str] = []
    for part in parts:
        if merged and re.search(r"(?:\b(?i:Prof|Dr|Mr|Ms|Mrs|Dept|St|U|Inc|Jr|Sr|vs|al|e\.g|i\.e)\.|"
                                r"\b[A-Z]\.)$", merged[-1]):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return [s.strip() for s in merged if s.strip()]


def same_person(a: str, b: str) -> bool:
    """Whether two printed names are one name (same key) or compatible variants."""
    ka, kb = names.key(a), names.key(b)
    return ka == kb or names.compatible(ka, kb) is not None


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-empty lines separated by empty ones."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text:
            current.append(line)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def urls(text: str) -> list[str]:
    """Web addresses in text, in order, without repeats."""
    found = re.findall(r"https?://[^\s<>\"'{}|\\^`\])]+", text)
    return list(dict.fromkeys(u.rstrip(".,;") for u in found))
