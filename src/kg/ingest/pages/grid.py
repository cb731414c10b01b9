"""Programmes and timetables read as grids: rows led by a time or a date, one talk a row.

A programme is a grid: each row is one slot, led by its time (or a timetable's date), and the
slot's title and people stand in that row. Three shapes of row are read here, where reading each
line on its own goes wrong:

- a **timed slot whose people stand below its time line**: "09:30 - 10:00 - Title of the paper",
  then "A. Author, B. Author & C. Author", then "University, Country; Other University": the slot
  runs from its time line to the next one, its title is the time line's text (and the short lines
  that carry it on), its speakers the first line made only of names (the presented paper's
  authors, as printed), their affiliation the line after it. A slot with no line of names (a
  break, a session's title, opening remarks) is no talk;
- a **dated row whose fields are parted by commas** ("2023.05.25, Title, Name, Position,
  Institute, slides"): the date leads, the first field after the title that is a person's name
  alone parts the title (before it) from the speaker's position and institute (after it);
- **papers listed under their session's day and time** ("MON OCT 19 16-18 CEST", then "A and B.
  Title"): each a talk on that day, its speakers the paper's authors as printed.

``within_slots`` says whether a line stands inside a run of slots (the references of an abstract
belong to a talk, not to the page's publications). Each reader needs the shape repeated
(``MIN_ROWS`` rows on the page): one line of that shape is no grid.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.ingest.pages.blocks import Block
from kg.ingest.pages.entries import MEDIA, Fields, Person, read, speakers_of
from kg.ingest.pages.fields import PartialDate, find_dates, find_times, is_name

MIN_ROWS = 3
"""How many rows of one shape make a grid."""
_CARRIED = 2
"""How many short lines may carry a slot's title on below its time line."""
_SHORT = 160


@dataclass
class Row:
    """One row of a grid read as a talk: its fields and the lines it covers."""

    fields: Fields
    line: int
    last: int


def _lead_time(text: str) -> tuple[int, object] | None:
    """Where the time (or time range) that leads ``text`` ends, and its value."""
    times = find_times(text.split("\n", 1)[0][:40])  # a leading time or range is short
    if not times or times[0].start > 2:
        return None
    return times[0].end, times[0].value


def _start(value: object) -> dt.time | None:
    """The start of a time or of a time range as ``find_times`` gives it."""
    value = value[0] if isinstance(value, tuple) else value
    return value if isinstance(value, dt.time) else None


def _names_only(text: str) -> list[Person]:
    """The people of a line that holds nothing but their names ("A. B, C. D & E. F")."""
    if len(text) > 400 or find_times(text) or "\n" in text.strip():
        return []
    people = speakers_of(text)
    if people and all(is_name(p.name) and not p.affiliation for p in people):
        return people
    parts = [p for p in _AUTHORS_APART.split(text.strip(" .;")) if p]
    if parts and all(is_name(p) or _INITIALLED.match(p) for p in parts) \
            and sum(1 for p in parts if _INITIALLED.match(p)) >= len(parts) / 2:
        return [Person(p, None, None) for p in parts]  # "M. Hsieh, K. Thompson & R. Risen": authors
    return []


_AUTHORS_APART = re.compile(r"\s*(?:,\s*and\s+|,|&|\band\b)\s*")
_INITIALLED = re.compile(r"^(?:[A-Z]\.\s?-?){1,3}\s?(?:(?:van|von|de|der|da|di|le|la)\s)*"
                         r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?$")
"""A name printed with its initials ("K. Thompson", "A.F. Rodrigues", "O.F.J. Perks", "R.B.
Sessions"): an author list's shape, whatever the surname."""


def _time_of(block: Block) -> tuple[bool, object] | None:
    """Whether a block opens a slot, and its time: a line led by a time ("09:30 - 10:00 - Title"),
    or a short banner holding one ("Thursday 14th 10:30 Lecture Theatre"); ``(led, value)``."""
    lead = _lead_time(block.text)
    if lead is not None:
        return True, lead[1]
    text = block.text.strip()
    if len(text) > 100 or "\n" in text:
        return None
    times = find_times(text)
    if times:
        return False, times[0].value  # (whether it names people is read once a slot is found below it)
    return None


_MARKERS = re.compile(r"\^[\d,\s*†‡]+\^|[*†‡§]+")
"""Footnote marks tying authors to their affiliations ("Yee^1^", "Wild*")."""
_HEAD_MARKUP = re.compile(r"^#+\s*|\s*\{[#.][^}]*\}\s*$")
"""A Markdown heading's marks left in text that was not parsed ("## Title {.unnumbered}")."""


def _title_line(text: str) -> str | None:
    """A block's text as a slot's title: one short line that is not a list of names."""
    text = _HEAD_MARKUP.sub("", text.strip()).strip()
    if not text or "\n" in text or len(text) > 250 or _names_only(_MARKERS.sub("", text)):
        return None
    return text if len(re.findall(r"[^\W\d_]{2,}", text)) >= 2 else None


def timed_slots(blocks: list[Block]) -> list[Row]:
    """The talks of a programme whose slots give the title on the time line (or on the line just
    below it) and the people on the lines below it (see the module's note); [] when fewer than
    ``MIN_ROWS`` slots read so."""
    opened = [(i, _time_of(b)) for i, b in enumerate(blocks) if not b.level]
    heads = [(i, when) for i, when in opened if when is not None]
    rows: list[Row] = []
    for n, (i, (led, value)) in enumerate(heads):
        head = blocks[i]
        stop = heads[n + 1][0] if n + 1 < len(heads) else min(len(blocks), i + 3 + _CARRIED + 2)
        title: list[str] = []
        if led:
            end = (_lead_time(head.text) or (0, None))[0]
            rest = head.text[end:].strip(" \t-–—|:,;")
            if len(re.findall(r"[^\W\d_]{2,}", rest)) >= 2 and "\n" not in rest and not find_dates(rest):
                title = [rest]
        j = i + 1
        if not title:  # a banner of the slot's time and place, its title on the next line
            below = _title_line(blocks[j].text) if j < stop else None
            if below is None:
                continue
            title, j = [below], j + 1
        people: list[Person] = []
        affiliation, last = None, head.line
        for block in blocks[j:stop]:
            if block.level:
                break
            lines = [line.strip() for line in block.text.strip().split("\n")]
            if not people:
                people = _names_only(_MARKERS.sub("", lines[0]))
                if people:
                    last = block.line
                    if len(lines) > 1 and len(lines[1]) <= _SHORT:  # the affiliations below the names
                        affiliation = _MARKERS.sub("", lines[1]).split(";")[0].strip() or None
                        break
                elif len(title) <= _CARRIED and len(block.text) <= _SHORT and not block.text.endswith(".") \
                        and not speakers_of(block.text):  # "Ada Lovelace (Stanford)": no title's tail
                    title.append(block.text.strip())
                else:
                    break
                continue
            text = block.text.strip()
            if len(text) <= _SHORT and not find_times(text) and not _names_only(text):
                affiliation = _MARKERS.sub("", text).split(";")[0].strip() or None
                last = block.line
            break
        if not people:
            continue  # a break, a session or remarks: no line of names below the time
        if read(title[0] if led and j == i + 1 else head.text).speakers:
            continue  # the time line names its people: the block reader's shape
        fields = Fields(speakers=[Person(p.name, affiliation if k == 0 else None, p.homepage)
                                  for k, p in enumerate(people)],
                        title=" ".join(title), time=_start(value))
        fields.labels.add("slot")
        rows.append(Row(fields, head.line, last))
    return rows if len(rows) >= MIN_ROWS else []


_PARTS = re.compile(r"\s*[,，;；]\s*|\s*\n\s*")


def dated_rows(blocks: list[Block], day_first: bool) -> list[Row]:
    """The talks of a timetable whose rows are comma-parted fields led by a date (see the
    module's note); [] when fewer than ``MIN_ROWS`` rows read so."""
    rows: list[Row] = []
    for block in blocks:
        if block.level:
            continue
        links = {s.text.strip().casefold() for s in block.spans if s.kind == "a"}
        parts = [p for p in _PARTS.split(block.text.strip()) if p]
        if len(parts) < 3:
            continue
        if len(parts[0]) > 40:
            continue  # a date alone is short
        dates = find_dates(parts[0], day_first)
        if not dates or dates[0].start > 2 or len(parts[0]) - dates[0].end > 2:
            continue  # the first field is a date and nothing more
        day = dates[0].value
        at = next((k for k in range(2, len(parts)) if is_name(parts[k])
                   and parts[k].casefold() not in links), None)
        if at is None or not isinstance(day, PartialDate):
            continue
        title = ", ".join(parts[1:at]).strip()
        rest = [p for p in parts[at + 1:] if p.casefold() not in links and not re.match(r"https?:", p)]
        if len(title.split()) < 2 and len(title) < 6:
            continue  # "2023.05.25, Room 3, Ada Lovelace": no title before the name
        affiliation = ", ".join(rest) or None
        fields = Fields(speakers=[Person(parts[at], affiliation, None)], title=title, date=day)
        for span in block.links:  # the row's slides and recording
            media = next((kind for kind, pattern in MEDIA.items() if pattern.search(span.text)), None)
            if media and span.href:
                fields.links.setdefault(media, span.href)
        rows.append(Row(fields, block.line, block.line))
    return rows if len(rows) >= MIN_ROWS else []


_HOURS_ZONED = re.compile(r"(?<![\d:])(?P<start>[012]?\d)\s*[-–]\s*[012]?\d\s+(?:[A-Z]{1,4}T|UTC|GMT)\b")
"""A session's bare hours with its time zone after them ("16-18 CEST"): hours, not days."""
_KIND_TAG = re.compile(r"^(?:[A-Z]{2,8}\s+)(?=[A-Z][a-z])")
"""A tag of the entry's kind in capitals before its authors ("DEMO", "WIP", "POSTER")."""


def _session_when(text: str, day_first: bool) -> tuple[PartialDate | None, object] | None:
    """The day and start time of a line that holds nothing but them ("MON OCT 19 16-18 CEST",
    "Tuesday, June 4, 14:00–15:30"), or ``None``."""
    if len(text) > 60 or "\n" in text:
        return None
    dates = find_dates(text, day_first)
    times = find_times(text)
    start: object = _start(times[0].value) if times else None
    zoned = _HOURS_ZONED.search(text)
    if start is None and zoned:
        start = dt.time(int(zoned["start"])) if int(zoned["start"]) < 24 else None
    if start is None or not dates:
        return None
    left = text
    for found in sorted([*dates, *times], key=lambda f: -f.start):
        left = left[:found.start] + " " + left[found.end:]
    if zoned and not times:
        left = _HOURS_ZONED.sub(" ", left)
    words = re.findall(r"[^\W\d_]+", left)
    if len(words) > 3:
        return None  # a sentence that mentions a day and a time
    day = dates[0].value
    return (day if isinstance(day, PartialDate) else None), start


def _authors_then_title(text: str) -> tuple[list[Person], str] | None:
    """"A, B and C. Title of the paper" read as its authors and its title, or ``None``."""
    text = _KIND_TAG.sub("", text.strip())
    for match in re.finditer(r"(?<!\b[A-Z])\.\s+(?=\S)", text):  # not an initial's dot ("Bob L. T. Sturm")
        before = text[:match.start()]
        people = _names_only(before) or (
            [Person(p.name, None, None) for p in speakers_of(before)] if is_name(before) else [])
        title = text[match.end():].strip()
        if people and len(title.split()) >= 2:
            return people, title
    return None


def session_papers(blocks: list[Block], day_first: bool) -> list[Row]:
    """The papers a programme lists under the day and time of their session ("MON OCT 19 16-18
    CEST", then "A and B. Title" lines): each a talk, its speakers the authors as printed; [] when
    fewer than ``MIN_ROWS`` read so."""
    rows: list[Row] = []
    when: tuple[PartialDate | None, object] | None = None
    for block in blocks:
        if block.level:
            when = None
            continue
        stated = _session_when(block.text.strip(), day_first)
        if stated is not None:
            when = stated
            continue
        if when is None:
            continue
        read_as = _authors_then_title(block.text)
        if read_as is None:
            continue
        people, title = read_as
        fields = Fields(speakers=people, title=title, date=when[0], time=_start(when[1]))
        fields.labels.add("session")
        rows.append(Row(fields, block.line, block.line))
    return rows if len(rows) >= MIN_ROWS else []


def within_slots(lines: list[int], line: int | None) -> bool:
    """Whether ``line`` falls inside a programme's run of slots that start on ``lines`` (up to
    the mean length of a slot past the last one): what stands there belongs to a talk, such as
    the references of its abstract."""
    if line is None or len(lines) < MIN_ROWS:
        return False
    first, last = min(lines), max(lines)
    return first <= line <= last + (last - first) // (len(lines) - 1)
