"""One extractor for every page: the document tree → talks, papers, and the kind the content shows.

``extract_document`` reads the talks (``talks``) and the publications (``papers``) of a page, says
how sure it is of each (``confidence``, and the fields it guessed), and labels the page with one of
the five kinds from what it holds, by the scored decision of ``kind`` (papers and no talks →
``author_page``; one talk → ``event_page``; timed talks of a workshop or school →
``meeting_programme``; talks without dates → ``talk_listing``; dated talks of a series →
``seminar_page``). A page holding neither has no kind. A one-talk page makes the day of its talk,
in the series it names and in none when it names none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kg.ingest.pages import kind as kind_of
from kg.ingest.pages import papers as paper_reader
from kg.ingest.pages.blocks import Layout, layout
from kg.ingest.pages.common import zone_in
from kg.ingest.pages.data import file_title, is_data_file
from kg.ingest.pages.document import Document, read_document
from kg.ingest.pages.entries import Fields
from kg.ingest.pages.extracted import EventText, PageExtract, PaperText, SpeakerText, TalkText
from kg.ingest.pages.fields import fold, is_name
from kg.ingest.pages.grid import within_slots
from kg.ingest.pages.talks import Record, talk_records
from kg.records.ids import slugify


def extract_path(path: Path, owner: str | None = None) -> PageExtract:
    """Read ``path`` once and extract everything it states."""
    return extract_document(read_document(path), owner)


def day_first(text: str) -> bool:
    """Whether the page writes numeric dates day first (25/09/2020, 25.09.2020)."""
    first = second = 0
    for groups in re.findall(r"(?<![\d/.])([0-3]?\d)/([0-3]?\d)(?:/(?:19|20)?\d{2})?(?![\d/.])|"
                             r"(?<![\d/.-])([0-3]?\d)[.-]([0-3]?\d)[.-](?:19|20)?\d{2}(?![\d/.-])", text):
        a, b = (groups[0], groups[1]) if groups[0] else (groups[2], groups[3])
        first += int(a) > 12
        second += int(b) > 12
    dotted = len(re.findall(r"(?<![\d.])[0-3]?\d\.[01]?\d\.(?:19|20)\d{2}(?![\d.])", text))
    return first > second or (dotted > 0 and second == 0)


def extract_document(document: Document, owner: str | None = None,
                     parts: Layout | None = None) -> PageExtract:
    """Talks, papers, the page's kind and its series (if any) from a document read once;
    ``owner`` is the speaker of a personal talk list that does not print its owner's name, ``parts``
    the document's block layout when the caller has it already."""
    parts = parts or layout(document)
    first = day_first(document.source)
    records, problems = talk_records(document, parts, first, owner)
    found_papers, owner = paper_reader.papers(document, parts)
    presented = {r.line for r in records if "session" in r.fields.labels}
    if presented:  # the papers a programme's sessions present are its talks, not a publication list
        titles = {fold(r.fields.title or "") for r in records if r.line in presented}
        near = {n - gap for n in presented for gap in (0, 1, 2)}  # a session's line or the two above it
        found_papers = [p for p in found_papers if p.line not in near and fold(p.title) not in titles]
    listed_titles = [(fold(p.title), p.line if p.authors and "authors" not in p.guessed else None)
                     for p in found_papers if len(p.title) >= 20]
    cited = [r for r in records if _citation_like(r, len(found_papers) >= 2) or _cites(r, listed_titles)]
    if cited:  # a citation read as a talk is a paper
        records = [r for r in records if r not in cited]
        titles = {fold(p.title) for p in found_papers}
        for record in cited:
            fields = record.fields
            cited_title = fold(fields.title or "")  # the whole citation: a listed paper inside it
            if fields.title and not any(cited_title.startswith(t) or len(t) >= 20 and t in cited_title
                                        for t in titles):
                title = paper_reader.title_of_citation(fields.title)  # the venue after it cut off
                if fold(title) in titles:
                    continue
                found_papers.append(PaperText(title, fields.date.year if fields.date else None,
                                              [p.name for p in fields.speakers], line=record.line,
                                              at=f"line {record.line}", confidence=0.5))
                titles.add(fold(title))
    talks = [_talk(r) for r in records]
    known = {fold(p.title) for p in found_papers}
    slots = [r.line for r in records if {"slot", "session"} & r.fields.labels]
    # the papers the page lists, not those its talks present nor those cited inside a programme's slots
    listed = sum(1 for p in found_papers if not within_slots(slots, p.line))
    reading_group = _is_reading_group(document, parts)
    for record in records:  # a reading group's talk presents a paper: "Authors: A, B", or its title
        fields = record.fields  # links to the paper (arXiv, a PDF, proceedings)
        presents = bool(fields.links.get("paper")) or (reading_group and "title" not in fields.guessed)
        if fields.title and presents and not fields.paper_authors \
                and fold(fields.title) not in known and len(fields.title.split()) >= 3:
            authors, year = short_citation(document, record.line, fields.title)
            found_papers.append(PaperText(fields.title, year, authors, url=fields.links.get("paper"),
                                          line=record.line, at=f"line {record.line}", confidence=0.5,
                                          guessed=["authors"] if not authors else []))
            known.add(fold(fields.title))
        if fields.paper_authors and fields.title and fold(fields.title) not in known:
            found_papers.append(PaperText(fields.title, fields.date.year if fields.date else None,
                                          fields.paper_authors, line=record.line, at=f"line {record.line}",
                                          confidence=0.7))
            known.add(fold(fields.title))
        for title, url, line in fields.linked_papers:
            if fold(title) not in known:
                found_papers.append(PaperText(title, None, [], url=url, line=line, at=f"line {line}",
                                              confidence=0.5, guessed=["authors"]))
                known.add(fold(title))
    found_papers = [p for p in found_papers if not paper_reader.no_papers_title(p.title)]
    title = _page_title(document, parts)
    if len(talks) == 1 and talks[0].confidence >= 0.95:  # a talk's own page (front matter, JSON-LD):
        # the papers its abstract cites are references, not a publication list
        found_papers = [p for p in found_papers if "kind" not in p.guessed]
    kind = kind_of.page_kind(page_evidence(document, talks, min(listed, len(found_papers)), title,
                                           reading_group))
    stem = document.path.stem.split("@")[0]  # "index@2021-06-28": a dated copy of index
    key = slugify(f"{title} {stem}")[:100] or "page"
    result = PageExtract(kind or "none", title, key, talks=talks, papers=found_papers, problems=problems)
    result.problems.extend(f"line {p.line}: paper {p.title!r} has no year or no authors, left out"
                           for p in found_papers if p.year is None or not p.authors)
    calendars = sorted({s.href for b in parts.blocks for s in b.links if s.href and
                        re.search(r"\.ics(?:$|\?)|webcal:|calendar\.google\.com/calendar/ical", s.href)})
    result.problems.extend(f"links to a calendar: {c} (kg ingest the .ics file to take its events)"
                           for c in calendars)
    if owner:
        result.people.append(SpeakerText(owner))
    _events(result, document)
    return result


_CITATION_TAIL = re.compile(r"\b\d{1,4}\s?\(\d{1,4}\)\s?[:,]\s?(?:pp\.\s?)?\d+\s?[-–]\s?\d+|"
                            r"\bpp\.\s?\d+\s?[-–]\s?\d+|\bvol\.\s?\d+", re.IGNORECASE)
"""The volume, issue and pages a citation ends with ("29(2):901–928", "pp. 12-19", "Vol. 111")."""
_VENUE_AFTER = re.compile(r"(?:\.\s|/|\n).*" + paper_reader.VENUE.pattern, re.IGNORECASE)
"""A venue after a sentence's end, a slash or a line break: a citation's title runs into its venue."""


_SURNAME = rf"(?:(?i:{paper_reader.PARTICLE})\s+)*[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*"
_SHORT_CITATION = re.compile(
    rf"(?<![\w.])(?P<first>{_SURNAME})\s+(?:et\.?\s*al\.?|(?:and|&)\s+(?P<second>{_SURNAME}))"
    r"\s*,?\s*\(\s*(?P<year>(?:19|20)\d{2})[a-z]?\s*\)")
"""A paper cited by its authors' last names and year ("Lepetit et al. (2021)", "Cohen & Welling (2016)")."""


def short_citation(document: Document, line: int, title: str) -> tuple[list[str], int | None]:
    """The authors and year a reading group prints after the title of the paper a talk presents, by
    last names ("[Title](url) / *Lepetit et al. (2021)*"): on the lines from the talk's first one,
    after the title. ([], None) when there is none."""
    lines = document.lines[max(line - 1, 0):line + 2]
    text = re.sub(r"\]\([^()\s]*\)|<[^>]*>|https?://\S+", " ", " ".join(lines))  # addresses and tags apart
    at = text.find(title[:25])
    if at < 0:
        return [], None
    found = _SHORT_CITATION.search(text, at + len(title[:25]))
    if found is None or found.start() - at > len(title) + 80:
        return [], None
    authors = [found["first"], *([found["second"]] if found["second"] else [])]
    return authors, int(found["year"])


def _citation_like(record: Record, lists_papers: bool) -> bool:
    """Whether a talk read from a page's text is a citation: several people and neither a day nor
    a clock time nor a label naming them speakers, on a page that lists papers or with a venue
    after its title ("Title. Statistics and Computing", "Title / IEEE Transactions on ..."); three
    people or more with no month (an author list, in any layout); or one person, on a page that
    lists papers, when its title ends with a citation's volume and pages ("Bernoulli, 29(2):901–928")."""
    fields = record.fields
    if record.how not in ("entry", "block", "unit", "table") or not fields.speakers \
            or fields.time is not None or (fields.date is not None and fields.date.day is not None) \
            or "speaker" in fields.labels:
        return False
    if len(fields.speakers) >= 3 and (fields.date is None or fields.date.month is None):
        return True  # an author list with at most a year: a talk has one speaker, a day or a time
    if record.how == "table":  # a bibliography laid out as a table (bibtex2html): the venue after the title
        return bool(_VENUE_AFTER.search(fields.title or "") or _CITATION_TAIL.search(fields.title or ""))
    if len(fields.speakers) == 1:
        return lists_papers and bool(_CITATION_TAIL.search(fields.title or ""))
    return lists_papers or bool(_VENUE_AFTER.search(fields.title or ""))


def _cites(record: Record, papers: list[tuple[str, int | None]]) -> bool:
    """Whether a talk read from a page's text is a paper the page lists (``papers``: their folded
    titles, and the lines of those read with their authors): no day, no time, no speaker label, and
    a title that starts with the listed paper's title and goes on, its venue after it ("Title -
    Bernoulli, 29(2), 2023", a bibtex2html table row too), or, outside a table, that holds the title
    of a paper read with its byline from the same entry (its line): the entry's venue taken for a
    speaker ("J. Comput. Phys." read as "J. Comput"). A table row naming a presenter and the paper
    they present, whose title the paper reader reads too, stays a talk."""
    fields = record.fields
    if record.how not in ("entry", "block", "unit", "table") or not fields.title or fields.time is not None \
            or (fields.date is not None and fields.date.day is not None) or "speaker" in fields.labels:
        return False
    title = fold(fields.title)
    return any(title.startswith(paper) and len(title) > len(paper) + 3
               or record.how != "table" and line == record.line and paper in title for paper, line in papers)


_READING_GROUP = re.compile(r"reading group|journal club|paper club|reading club|paper reading|"
                            r"reading seminar|lecture club|논문", re.IGNORECASE)


def _is_reading_group(document: Document, parts: object) -> bool:
    """Whether a page is a reading group's or a journal club's: each talk there presents a paper,
    whose title is the talk's."""
    title = document.front_matter.get("title") if document.front_matter else None
    texts = [title if isinstance(title, str) else "", document.root.getroottree().findtext(".//title") or ""]
    texts += [b.text for b in getattr(parts, "blocks", []) if b.level in (1, 2)][:6]
    return bool(_READING_GROUP.search(" ".join(texts)))


def _events(result: PageExtract, document: Document) -> None:
    """The series or meeting of a page's talks and one event per day, so that a talk's day is kept
    (and the same talk on a later version of the page is the same talk); starts get the page's
    time zone when it states one."""
    if not result.talks:
        return
    zone = zone_in(document.source[:20000])
    if result.kind == "event_page" and len(result.talks) == 1:
        _one_talk_events(result, document, zone)
        return
    meeting = result.kind == "meeting_programme"
    series = EventText(result.key, result.title, "meeting" if meeting else "seminar_series")
    result.events.append(series)
    days: dict[str, EventText] = {}
    for talk in result.talks:
        day = _full_day(talk.day)
        if day is not None and talk.clock is not None and zone is not None:
            talk.start = datetime.combine(day, talk.clock, tzinfo=ZoneInfo(zone))
        if day is None or meeting:
            talk.event = series.key
            continue
        key = f"{series.key}-{day.isoformat()}"
        if key not in days:
            days[key] = EventText(key, f"{result.title}, {day.isoformat()}", "seminar", part_of=series.key,
                                  start=talk.start or day, timezone=zone)
            result.events.append(days[key])
        talk.event = key
    if meeting:
        dated = sorted(d for d in (_full_day(t.day) for t in result.talks) if d is not None)
        if dated:
            series.start, series.end = dated[0], dated[-1] if dated[-1] != dated[0] else None


_SERIES = re.compile(r"\b(?:seminars?|colloqui(?:um|a)|lecture series|lectures|webinars?|reading group|"
                     r"journal club|series)\b", re.IGNORECASE)
"""Words that name a series of talks in a one-talk page's title ("CS Seminar: Title")."""

_GENERIC = re.compile(r"\b(?:the|a|an|of|our|talks?|invited|weekly|monthly|upcoming|next|past)\b|[^\w\s]",
                      re.IGNORECASE)
"""Words that leave a series unnamed once its kind is taken out ("Seminar", "Talk series", "Our Seminars")."""


def _one_talk_events(result: PageExtract, document: Document, zone: str | None) -> None:
    """A one-talk page's events: the day of its talk, in the series the page names (its front
    matter's ``series`` or ``seminar``, or a series' words left in its title once the talk's title
    and speakers are taken out), else alone; no event when the talk has no day. A page that names
    no series makes none (the page's title is most often the talk's own)."""
    talk = result.talks[0]
    day = _full_day(talk.day)
    if day is not None and talk.clock is not None and zone is not None:
        talk.start = datetime.combine(day, talk.clock, tzinfo=ZoneInfo(zone))
    name = named_series(result.title, talk, document.front_matter or {})
    series = EventText(slugify(name)[:100], name, "seminar_series", timezone=zone) if name else None
    if series is not None:
        result.events.append(series)
    if day is None:
        talk.event = series.key if series is not None else None
        return
    base = series.key if series is not None else result.key
    event = EventText(f"{base}-{day.isoformat()}", f"{name or result.title}, {day.isoformat()}", "seminar",
                      part_of=series.key if series is not None else None, start=talk.start or day,
                      timezone=zone)
    result.events.append(event)
    talk.event = event.key


def named_series(title: str, talk: TalkText, front_matter: Mapping[str, object]) -> str | None:
    """The series a one-talk page names: its front matter's ``series`` or ``seminar``, or what its
    title says beside the talk's title and speakers when that holds a series' words ("CS Seminar"
    of "CS Seminar: Title (Speaker)"); ``None`` when it names none."""
    for key, value in front_matter.items():
        if isinstance(key, str) and key.lower() in ("series", "seminar") and isinstance(value, str) \
                and value.strip() and fold(value) != fold(talk.title or ""):
            return value.strip()
    rest = title
    for part in [talk.title or "", *(s.name for s in talk.speakers)]:
        if len(part) >= 3:
            rest = re.sub(re.escape(part), " ", rest, flags=re.IGNORECASE)
    rest = re.sub(r"\s+", " ", re.sub(r"\(\s*\)|[\s:|–—,;-]+$|^[\s:|–—,;-]+", " ", rest))
    rest = rest.strip(" :|–—,;-()[]")
    if rest and _SERIES.search(rest) and fold(rest) != fold(talk.title or "") and len(rest) <= 80 \
            and _GENERIC.sub(" ", _SERIES.sub(" ", fold(rest))).strip():
        return rest
    return None


def _full_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text and len(text) == 10 and not text.startswith("-") else None
    except ValueError:
        return None


def page_evidence(document: Document, talks: list[TalkText], papers: int, title: str,
                  reading_group: bool = False) -> kind_of.Evidence:
    """What the kind of a page is decided from: its talks, the papers it lists, its title and top
    headings, whether it is a reading group's."""
    headings = " ".join(re.findall(r"(?m)^#{1,2}\s.*$|<h[12][^>]*>[^<]*", document.source[:5000]))
    return kind_of.Evidence.of(talks, papers, title, headings, reading_group)


def _page_title(document: Document, parts: object) -> str:
    if is_data_file(document):  # a data file's own name, else its site's: not the generator's "talks"
        return file_title(document)
    title = document.front_matter.get("title") if document.front_matter else None
    if isinstance(title, str) and title.strip():
        return title.strip()
    tree_title = document.root.getroottree().findtext(".//title")
    if tree_title and tree_title.strip():
        return re.sub(r"\s+", " ", tree_title).strip()
    blocks = getattr(parts, "blocks", [])
    heading = next((b.text for b in blocks if b.level), None)
    return heading or document.path.stem


def _talk(record: Record) -> TalkText:
    fields: Fields = record.fields
    speakers = [SpeakerText(p.name, p.affiliation, None, homepage=p.homepage) for p in fields.speakers]
    return TalkText(
        speakers, fields.title, abstract=fields.abstract, biography=fields.bio, place=fields.place,
        links=list(dict.fromkeys([*fields.links.values(), *(p.homepage for p in fields.speakers
                                                             if p.homepage)])),
        at=f"line {record.line}", day=fields.date.iso() if fields.date else None, clock=fields.time,
        media=dict(fields.links), line=record.line, confidence=_confidence(record),
        guessed=sorted(fields.guessed), read_as=record.how)


def _confidence(record: Record) -> float:
    """How sure the extractor is of a talk: labelled and structured facts high, guesses low."""
    fields = record.fields
    score = {"front matter": 0.95, "data": 0.95, "json-ld": 0.95, "table": 0.85, "entry": 0.75, "block": 0.7,
             "unit": 0.7}[record.how]
    if "speaker" in fields.labels or "title" in fields.labels:
        score = max(score, 0.9)
    score -= 0.15 * len(fields.guessed)
    if not all(is_name(p.name) for p in fields.speakers):
        score -= 0.1
    if fields.title is None and not fields.title_open:
        score -= 0.1
    return round(max(0.05, min(score, 1.0)), 2)
