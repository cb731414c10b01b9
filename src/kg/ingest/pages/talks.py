"""The talks of a page, whatever its layout: front matter, JSON-LD, tables and repeated blocks.

Structured facts come first (front matter fields, schema.org ``Event`` objects); then every table
row and every block is read (``entries.read``) and blocks are gathered into records: a block that
states a speaker with a title or a date is a record of its own (one-line entries in any order),
and a heading, a date line or a ``Speaker:`` label opens a record that the blocks after it fill
(the speaker line, the title in bold or just after it, labelled fields, the abstract). The same
talk stated twice on a page (a schedule and an abstracts section) is one talk.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from rapidfuzz import fuzz

from kg.ingest.pages.blocks import TERM_ALONE as _TERM_ALONE
from kg.ingest.pages.blocks import YEAR_ALONE, Block, Layout, Span, Table
from kg.ingest.pages.data import talk_items
from kg.ingest.pages.document import Document
from kg.ingest.pages.entries import (
    QUOTED,
    Fields,
    Person,
    apply_label,
    clean_title,
    given_with,
    heading_label,
    label_of,
    paper_link,
    read,
    speakers_of,
)
from kg.ingest.pages.fields import (
    PartialDate,
    bracket_holds_title,
    find_dates,
    find_times,
    fold,
    is_given_name,
    is_name,
    is_organization,
    is_placeholder,
    strip_honorifics,
    word_leaning,
)
from kg.ingest.pages.grid import dated_rows, session_papers, timed_slots
from kg.ingest.pages.joined import split_speakers
from kg.ingest.pages.own_talks import (
    OwnTalk,
    cited_talks,
    is_venue,
    listed_papers,
    listed_talks,
    own_talks,
    page_title_of,
    talk_record_file,
    talk_sentences,
)
from kg.ingest.pages.owner import bio_owner, page_owner, site_owner
from kg.ingest.pages.papers import is_publication, listed_owner, listed_publications
from kg.ingest.pages.sessions import is_session_day, session_title, speaks_of_sessions
from kg.ingest.pages.slots import is_label, read_slot, title_past_label
from kg.ingest.pages.sub_items import labelled_sub_item_talks
from kg.ingest.pages.units import Unit, repeated_units
from kg.ingest.pages.when import stated_run
from kg.ingest.resolve import institutions

NOT_TALK = re.compile(
    r"^\W*(?:(?:coffee|lunch|tea|dinner|poster|networking)\b.*|break\b.*|.*\bbreak\W*$|panel\b.*|"
    r"opening(?: remarks)?\b.*|closing(?: remarks)?\b.*|welcome\b.*|registration\b.*|q\s*&\s*a\b.*|"
    r"reception\b.*|social\b.*|discussion\W*$|no (?:seminar|talk|meeting)\b.*|cancell?ed\b.*|"
    r"postponed\b.*|holiday\b.*|reading week\b.*)$", re.IGNORECASE)
_NON_TALK_SECTION = re.compile(
    r"organi[sz]|committee|contact|sponsor|people|members|team|past organi|publication|papers?\b|"
    r"preprints?|journal|conference papers|thesis|theses|students|alumni|advis|teaching|awards?|"
    r"education|experience|service|reviewing|news\b|bibliography|references|accepted|"
    r"call for|important dates|topics|about|host|posters?\b", re.IGNORECASE)
_PEOPLE_SECTION = re.compile(r"organi[sz]|committee|contact|sponsor|people|members|team|alumni|students|"
                             r"advis", re.IGNORECASE)
_TALKISH = re.compile(r"\b(?:seminars?|talks?|colloqui\w*|schedule|program(?:me)?|club|reading|lectures?|"
                      r"speakers?|series|workshop|sessions?|meetings?|presentations?|upcoming|past)\b",
                      re.IGNORECASE)


def _aside(section: str, context: tuple[str, ...] = ()) -> bool:
    """Whether blocks under a heading are no talks: a list of people, or a part of the site
    (publications, news, topics...) unless the heading names talks ("Journal Club", "Paper
    reading seminar", "Topics in Learning Theory: talks")."""
    if _PEOPLE_SECTION.search(section):
        return True
    if _NON_TALK_SECTION.search(section) and not _TALKISH.search(section):
        return True
    return any(_PUBLICATIONS.search(h) and not _TALKISH.search(h) for h in context)


_NOT_TALK_TABLE = re.compile(r"\bposters?\b|organi[sz]|committee|sponsor|publications|accepted papers",
                             re.IGNORECASE)
_COLLABORATION = re.compile(r"\b(?:joint work|based on (?:\w+ )?work|work with|in collaboration with|"
                            r"collaboration with|together with|co-?authored with)\b", re.IGNORECASE)
_PUBLICATIONS = re.compile(r"\b(?:publications|papers|preprints|bibliography|references)\b", re.IGNORECASE)
_PROSE = re.compile(r"\b(?:the|is|are|we|this|that|will|our|of|and|in)\b", re.IGNORECASE)
_SERIES_TIME = re.compile(
    r"(?:every|each|on|held on|meets on)\s+(?!the\s|this\s|that\s|next\s)(?:\w+\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?\s+(?:at|from)\b|unless (?:otherwise|the description)",
    re.IGNORECASE)

SPEAKER_KEYS = ("speaker", "speakers", "presenter", "presenters", "speaker_name", "lecturer", "author",
                "authors", "who", "name",
                # the same words in the languages seminar sites are written in most (keys are read
                # with their accents folded: "conférencier" is "conferencier")
                "palestrante", "palestrantes", "ponente", "ponentes", "orador", "oradores", "conferencista",
                "intervenant", "intervenants", "orateur", "conferencier", "relatore", "relatori",
                "referent", "vortragender", "vortragende", "sprecher", "quem", "quien", "qui", "wer",
                "nome", "nombre", "nom")
EXPLICIT_SPEAKER_KEYS = frozenset(SPEAKER_KEYS) - {"author", "authors", "name", "nome", "nombre", "nom"}
"""The keys that say their value gave a talk (not the author of a post, not any name)."""
TITLE_KEYS = ("talk_title", "title", "talk", "topic", "titulo", "titre", "titolo", "titel", "tema", "thema",
              "sujet", "assunto", "palestra", "charla", "vortrag")
DATE_KEYS = ("talk_date", "time_start", "start_time", "event_date", "date", "day", "when", "start", "time",
             "datetime", "startDate", "data", "fecha", "datum", "jour", "giorno", "dia", "quando", "cuando")
TIME_KEYS = ("hour", "time", "start_time", "starttime", "talk_time", "start", "hora", "horario", "heure",
             "horaire", "orario", "ora", "uhrzeit", "zeit")
_ZONED_TIME_KEY = re.compile(r"(?:start_?)?time[_-]?(?:[A-Z]{2,5}|utc|gmt)")
"""A front matter key of a time in the zone it names ("timeBRT", "time_UTC", "time_utc")."""
AFFILIATION_KEYS = ("affiliation", "affil", "org", "organization", "organisation", "institution",
                    "university", "company", "speaker_affiliation", "institute", "afiliacao", "afiliacion",
                    "instituicao", "institucion", "universidade", "universidad", "universite", "affiliazione",
                    "zugehorigkeit")
PLACE_KEYS = ("location", "room", "place", "venue", "loc", "onde", "donde", "lieu", "luogo", "ort", "local",
              "lugar", "sala", "salle")
ABSTRACT_KEYS = ("resumo", "resumen", "riassunto", "zusammenfassung", "abstract", "summary")
"""In this order: the last one a mapping gives is its abstract."""
HOMEPAGE_KEYS = ("homepage", "website", "perso", "author_url", "speaker_link", "speaker_url",
                 "speaker_website", "webpage", "url_speaker")
LINK_KEYS = {"slides": "slides", "video": "video", "recording": "video", "youtube": "video",
             "paper": "paper", "arxiv": "paper", "pdf": "paper"}


@dataclass
class Record:
    """A talk being read: its fields, the line it starts on, how it was found."""

    fields: Fields
    line: int
    how: str
    """``front matter``, ``json-ld``, ``table``, ``entry`` (one block), ``block`` (several) or
    ``unit`` (one of the units a page repeats) or ``data`` (a record of a data file)."""
    section: str = ""
    blocks: int = 1
    context: tuple[str, ...] = ()
    abstract_parts: list[str] = field(default_factory=list)
    pending: str | None = None
    unnamed: bool = False
    """A talk the page gives without its speaker's name: a session of a schedule with no presenter
    column, the one talk of a talk collection's file."""


def talk_records(document: Document, layout: Layout, day_first: bool,
                 owner: str | None = None) -> tuple[list[Record], list[str]]:
    """Every talk a page states, once each, with its fields and line; and the entries that look
    like talks but could not be read (``line N: why``). ``owner`` is the speaker of a personal
    talk list that never prints its owner's name."""
    records: list[Record] = [one for r in _data_records(document, day_first) for one in _each_speaker(r)
                             if _is_talk(one)]
    if records:  # a data file's records: the file holds nothing else
        return _unique(records), []
    front = _front_matter_records(document, day_first)
    records.extend(_json_ld_records(document, day_first))
    for table in layout.tables:
        records.extend(_table_records(table, day_first))
    every = _block_records(layout.blocks, day_first)
    grid = [*timed_slots(layout.blocks), *dated_rows(layout.blocks, day_first),
            *session_papers(layout.blocks, day_first)]
    if grid:  # a programme's or a timetable's rows: each row one talk, read as a row
        covered = {n for row in grid for n in range(row.line, row.last + 1)}
        every = [r for r in every if r.line not in covered]
        records.extend(Record(row.fields, row.line, "entry") for row in grid)
    nested = labelled_sub_item_talks(layout.blocks)
    if nested:  # a list of talks, each a title over sub-items that label its speaker and event
        covered = {n for _, first, last in nested for n in range(first, last + 1)}
        every = [r for r in every if r.line not in covered]
        records.extend(Record(fields, first, "entry") for fields, first, _ in nested)
    left_out = [r for r in every if not r.fields.speakers and r.fields.title and r.fields.date
                and not NOT_TALK.match(r.fields.title)]  # said below unless read as a talk after all
    problems: list[str] = []
    body = [r for r in every if r.fields.speakers]
    labelled = [r for r in body if "speaker" in r.fields.labels]
    timed = [r for r in body if r not in labelled and r.fields.title and (r.fields.time or r.fields.date)]
    one_body = len(body) == 1 or (len(labelled) == 1 and not (front and front[0].fields.speakers)
                                  and len(timed) < 2)  # (not beside a programme's timed talks)
    if len(front) == 1 and not records and one_body:
        chosen = body[0] if len(body) == 1 else labelled[0]  # one talk: front matter and body agree
        records.append(_merge_into(front[0], chosen))
        body = [r for r in body if r is not chosen and "speaker" in r.fields.labels]
    else:
        records[:0] = [r for r in front if r.fields.speakers]
    if len(front) == 1 and front[0].fields.speakers and front[0].fields.title:
        # a talk's own page: its body holds the abstract, a biography and references, not more talks
        body = [r for r in body if "speaker" in r.fields.labels or r.how == "table"]
    records.extend(body)
    units = _unit_records(document, layout, day_first, records)
    if units:  # in page order, as the page lists them
        records = sorted([*records, *units], key=lambda r: r.line)
    texts = {b.line: b.text for b in layout.blocks}
    records = [one for r in records for each in _each_speaker(r) for one in _own_titles(each, texts)
               if _is_talk(one)]
    unnamed_rows = [r for r in records if r.unnamed and "session" not in r.fields.labels]  # (a session's
    # own list of talks names them talks) sessions beside twice as many named talks: past seasons,
    if unnamed_rows and len(unnamed_rows) < 2 * (len(records) - len(unnamed_rows)):
        dropped = {id(r) for r in unnamed_rows}  # a table of readings, not the page's talks
        records = [r for r in records if id(r) not in dropped]
    if not records:  # a talk's own page: its title, then "by Name (Affiliation)"
        records = _byline_records(document, layout, day_first)
    page_named = page_owner(document)  # read once: its site's configuration is a file
    own, unnamed = _own_talks(document, layout, day_first, owner or page_named)
    personal = first_person(document, layout)
    cited = _cited_talks(document, layout)
    one_file = _unnamed_talk_file(document, front[0], owner) if len(front) == 1 and not records else []
    if one_file:  # a talk's own file that never names its speaker
        records = one_file
    elif cited and 2 * len(cited) >= len(own):  # a list of talks written as citations
        lines = {r.line for r in cited}
        records = sorted([*(r for r in records if r.line not in lines), *cited], key=lambda r: r.line)
    elif (len(own) > 2 * len(records) or (own and (personal or _titled_own_list(document, page_named))
                                          and len(own) >= len(records))) \
            and not _authored_talk_file(document, records):  # (its abstract in the first person)
        records = own  # a personal talk list: what looked like speakers were places
    elif personal and len(unnamed) >= len(records) and unnamed and not _speaker_file(document, records):
        records = unnamed  # the same, but the page never names its owner: its talks have no speaker
        if not _listed_as_talks(unnamed, document):  # a post in the first person ("I gave a talk"): its
            for record in records:  # lines read as titles are guesses, not entries of a list of talks
                record.fields.guessed.add("title")
        problems.append(f"{len(unnamed)} talks without a speaker's name (a personal talk list): "
                        f"give the owner with --speaker NAME")
    elif len(unnamed) > 2 * len(records) and len(unnamed) >= 3 and _listed_as_talks(unnamed, document) \
            and 4 * sum(1 for r in records if r.fields.speakers) <= len(unnamed) \
            and 2 * sum(1 for r in unnamed if r.fields.title) >= len(unnamed) \
            and not _labels_speakers(layout):
        records = unnamed  # a list the page or a heading calls talks: its entries are talks, speaker unknown
        problems.append(f"{len(unnamed)} talks without a speaker's name (a personal talk list): "
                        f"give the owner with --speaker NAME")
    elif len(unnamed) > 2 * len(records):
        if unnamed:
            problems.append(f"{len(unnamed)} talks without a speaker's name (a personal talk list?): "
                            f"give the owner with --speaker NAME")
    named = {r.section for r in records}  # a section lists named talks or sessions, not both
    sessions = [r for r in _unnamed_sessions(every, document, layout) if r.section not in named]
    heading = next((b.text for b in layout.blocks if b.level), "")
    title_says = speaks_of_sessions([page_title_of(document), heading])
    if len(sessions) >= max(1 if title_says else 3, 2 * len(records)):  # sessions that name no presenter
        # (one or two of them only on a page whose title says it lists sessions: "Journal Club Presentations")
        records = sorted([*records, *sessions], key=lambda r: r.line)
    records = sorted([*records, *_speaker_list_records(layout, records)], key=lambda r: r.line)
    year = _page_year(document, layout.blocks)
    _contexts(records, layout, document, year)
    records = _unique(records)
    for record in records:
        _presenters_in_brackets(record.fields)
        _title_from_bracket(record.fields)
        if record.fields.title:
            record.fields.title = without_venue(title_past_label(record.fields.title))
        if record.fields.title and not_a_title(record.fields.title, record.fields):
            place = bool(_WHEN_AND_WHERE.match(record.fields.title))
            record.fields.title = None  # the page gives the talk no title: none is better than a wrong one
            record.fields.guessed.discard("title")
            if place:  # "Ada Lovelace (Engines): at 11am in Room 4145": the speaker's bracket holds it
                _title_from_bracket(record.fields)
    for record in records:  # "Workshop 2018": its undated talks are of 2018
        if record.fields.date is None and year is not None and record.how not in ("front matter", "data"):
            record.fields.date = PartialDate(year, None, None)
    read = {r.line for r in records if r.unnamed or not r.fields.speakers}  # read as talks without one
    problems[:0] = [f"line {r.line}: a dated entry without a speaker, left out: {r.fields.title!r}"
                    for r in left_out if r.line not in read]
    return records, problems


def _title_from_bracket(fields: Fields) -> None:
    """A talk without a title whose one speaker's bracket was read as an affiliation, when the
    bracket holds a title ("Ada Lovelace (Lie algebra cohomology)"): the title is the bracket's."""
    if fields.title or fields.title_open or len(fields.speakers) != 1:
        return
    person = fields.speakers[0]
    if person.affiliation and bracket_holds_title(person.affiliation):
        fields.title = person.affiliation.strip()
        fields.speakers = [Person(person.name, None, person.homepage)]


_PRESENTERS_AFTER = re.compile(r"(?<![\s.,;:–-])[\s.,;:–-]*\[\W*(?P<who>[^\[\]()]{2,80}?)\W*+$")
"""Who presents, in square brackets after the title ("Actor-Critic. [**Martin**]"). The marks before the
bracket are read from the first (the leftmost match starts there anyway), and what closes it ("**]",
" ]  ") is any run of non-word characters, read once: a title with a long run of spaces or marks is
read in time in proportion to its length, not to its square."""


def _presenters_in_brackets(fields: Fields) -> None:
    """A talk read without a speaker whose title ends with its presenters in square brackets
    ("Trust region policy optimization [**Elman, Ilya**]", a reading group's agenda): the bracket's
    names are the speakers (full names, or first names alone), the words before it the title."""
    if fields.speakers or not fields.title:
        return
    found = _PRESENTERS_AFTER.search(fields.title)
    if found is None or found.start() == 0:
        return
    names = [n.strip() for n in re.split(r"\s*(?:,|&|\band\b)\s*", found["who"]) if n.strip()]
    if not names or not all(is_name(n) or is_given_name(n) for n in names):
        return
    fields.speakers = [Person(n) for n in names]
    fields.title = clean_title(fields.title[:found.start()])


_BYLINE = re.compile(r"^\W{0,3}by\s+(?P<who>[^\W\d_].{2,100})$", re.IGNORECASE | re.DOTALL)


_SPEAKERS_HEADING = re.compile(
    r"^\W*(?:(?:invited|keynote|plenary|confirmed|featured|guest|distinguished|tutorial|our)\s+)*"
    r"(?:speakers?|lecturers?|presenters?|palestrantes|ponentes|oradores|conferencistas|intervenants|"
    r"orateurs|conf[ée]renciers|relatori|referent(?:inn)?en|vortragende|sprecher(?:innen)?)\W*$",
    re.IGNORECASE)
"""A heading over a list of the people who speak ("Invited speakers", "Keynote Speakers", "Intervenants")."""


def _listed_speaker(line: str) -> Person | None:
    """The person of one line of a list of speakers: a name alone or with its affiliation
    ("Ada Lovelace (Cambridge)", "Ada Lovelace, University of Cambridge, UK"); ``None`` for a line
    that says more (a talk's title after the name)."""
    line = re.sub(r"\s+", " ", line).strip(" *-–•·")
    people = speakers_of(line)
    if len(people) == 1 and is_name(people[0].name):
        return people[0]
    name, _, rest = line.partition(",")
    if not people and is_name(name.strip()) and is_organization(rest.strip()):
        return Person(strip_honorifics(name.strip()), rest.strip())
    return None


def _speaker_list_records(layout: Layout, records: list[Record]) -> list[Record]:
    """The talks of a list of speakers under a heading that names them ("Invited speakers"), one
    a line, each a name and perhaps its affiliation, for the people no talk read so far has: a
    workshop that has not yet published its programme states its talks this way, their titles
    unknown. Every line of the list must read as a person, at least two of them."""
    known = {fold(p.name).split(" ")[-1] for r in records for p in r.fields.speakers if p.name.strip()}
    sections: dict[int, list[tuple[int, str]]] = {}
    heading_line = 0
    for block in layout.blocks:
        if block.level:
            heading_line = block.line if _SPEAKERS_HEADING.match(block.text) else 0
            continue
        if heading_line:
            sections.setdefault(heading_line, []).extend(
                (block.line + n, text) for n, text in enumerate(block.text.split("\n")) if text.strip())
    found: list[Record] = []
    for lines in sections.values():
        people = [(line, _listed_speaker(text)) for line, text in lines]
        if len(people) < 2 or any(person is None for _, person in people):
            continue
        for line, person in people:
            assert person is not None
            if fold(person.name).split(" ")[-1] in known:
                continue
            fields = Fields(speakers=[person])
            fields.labels.add("speaker")
            found.append(Record(fields, line, "entry", "speakers"))
    return found


def _speaker_file(document: Document, records: list[Record]) -> bool:
    """Whether the page is one talk's file: its front matter names the speaker under a key that
    says so ("speaker:", "presenter:", not "author:") and the talk was read from it with a title.
    Its abstract in the first person ("my current research") makes it no personal talk list."""
    data = document.front_matter or {}
    said = any(_key(k) in EXPLICIT_SPEAKER_KEYS and _people_value(v) for k, v in data.items())
    return said and any(r.how == "front matter" and r.fields.speakers and r.fields.title for r in records)


_TALK_FILE_KEYS = frozenset([*PLACE_KEYS, *AFFILIATION_KEYS, "zoom", "hour", "speaker_affiliation"])
"""Front matter keys a talk's file gives beside ``author:`` and a post's does not: where the talk
is held (a room, a Zoom link), its hour, the speaker's affiliation."""


def _authored_talk_file(document: Document, records: list[Record]) -> bool:
    """Whether the page is one talk's file whose front matter names the speaker as ``author:``
    (a blog post has an author too): the talk read from the front matter has a title and a day,
    and the front matter says where it is held, at what hour or from which institution."""
    data = document.front_matter or {}
    if not any(_key(k) in _TALK_FILE_KEYS and v for k, v in data.items()):
        return False
    return any(r.how == "front matter" and r.fields.speakers and r.fields.title and r.fields.date
               for r in records)


def _byline_records(document: Document, layout: Layout, day_first: bool) -> list[Record]:
    """The one talk of a page whose title heads it and whose next lines say "by Name (Affiliation)"
    (a heading, a line, or the front matter's description), when the page has an abstract; its
    day and time from a ``When:`` or ``Date:`` line near the top."""
    front = document.front_matter or {}
    heads = layout.blocks[:12]
    if not any(re.match(r"\W*abstract\b", b.text, re.IGNORECASE) for b in layout.blocks[:40]):
        return []
    texts = [(str(front["description"]), 0)] if isinstance(front.get("description"), str) else []
    texts += [(b.text, b.line) for b in heads]
    byline = next(((m, line) for text, line in texts for m in [_BYLINE.match(text.strip())] if m), None)
    if byline is None:
        return []
    people = speakers_of(byline[0].group("who"))
    if not people or not all(is_name(p.name) for p in people):
        return []
    title = front.get("title") if isinstance(front.get("title"), str) else None
    if not title:
        title = next((b.text for b in heads if b.level and not _BYLINE.match(b.text.strip())), None)
    if not title or speakers_of(title) or heading_label(title):
        return []
    fields = Fields(speakers=people, title=clean_title(title))
    for block in layout.blocks[:15]:
        labelled = label_of(block.text.split("\n")[0])
        if labelled and labelled[0] in ("date", "time"):
            more = read(block.text.split("\n")[0], block.spans, day_first)
            fields.date = fields.date or more.date
            fields.time = fields.time or more.time
    line = byline[1] or next((b.line for b in heads if b.level), 1)
    return [Record(fields, line, "block", "", context=())]


_FIRST_PERSON = re.compile(r"\b(?:I(?:['’]ve|['’]m| have| gave| presented| am| was)|(?i:my))\b")


def first_person(document: Document, layout: Layout) -> bool:
    """Whether a page speaks of its owner in the first person in its description or its first
    paragraphs ("Talks and posters I've presented", "A full list is in my CV"): a personal page."""
    front = document.front_matter or {}
    texts = [str(front.get(key) or "") for key in ("title", "description", "subtitle", "heading")]
    texts += [b.text for b in layout.blocks[:3] if not b.level]
    return any(_FIRST_PERSON.search(text) for text in texts)


def _cited_talks(document: Document, layout: Layout) -> list[Record]:
    """The talks of a list of talks written as citations, the authors as speakers (the heading
    "Talks" names them so: ``speaker`` is marked as labelled)."""
    found = []
    for talk in cited_talks(layout.blocks, page_title_of(document)):
        fields = Fields(speakers=[Person(name) for name in talk.speakers], title=talk.title,
                        date=PartialDate(talk.year, None, None) if talk.year else None,
                        place=talk.venue or None)
        fields.labels.add("speaker")
        found.append(Record(fields, talk.line, "entry", talk.section, context=talk.context))
    return found


def _own_talks(document: Document, layout: Layout, day_first: bool,
               owner: str | None) -> tuple[list[Record], list[Record]]:
    """The talks of a personal talk list (``own_talks``), with the page's owner as their speaker:
    ``owner`` (given by the user), the one the page or its site names, or the author the papers of
    the page or of its site's publication page share; without one they come second, with no
    speaker (the page never prints who gave them)."""
    page_title = page_title_of(document)
    talks = own_talks(layout.blocks, page_title, day_first, document.lines) \
        + talk_sentences(layout.blocks, day_first)
    owner = owner or (listed_owner(document, layout) if talks else None) \
        or (bio_owner(_before_talks(layout, talks)) if talks else None)
    found: list[Record] = []
    for talk in talks:
        if owner and talk.title and _names_the_owner(talk.title, owner):
            continue  # "Lovelace, A., & Babbage, C": a citation of the owner's paper, not a talk's title
        if talk.title and _PANEL.match(talk.title):
            continue  # "Panel: Trusted AI", "Poster session": no talk
        fields = Fields(title=talk.title, date=talk.date, title_open=talk.title is None, place=talk.venue)
        fields.guessed.add("speaker")
        if owner:  # and those it names on a "With X, Y" line, who gave the talk with the owner
            fields.speakers = [Person(owner)] + [Person(n) for n in talk.with_speakers if n != owner]
        found.append(Record(fields, talk.line, "entry", talk.section, context=talk.context))
    if owner is None:
        return [], found
    return found, []


_VENUE_AFTER = re.compile(r"\s+\((?P<venue>[^\W\d_][\w-]{1,15})\s+(?:19|20)\d{2}\)$")
_NO_VENUE = re.compile(r"(?i:spring|summer|fall|autumn|winter|year|since|until|updated|part|edition)$")


def without_venue(title: str) -> str:
    """A paper's title without the venue and year a reading group's schedule writes after it
    ("World Models (NeurIPS 2018)" → "World Models"); a bracket naming a season or a month stays."""
    found = _VENUE_AFTER.search(title)
    if found is None or _NO_VENUE.match(found["venue"]):
        return title
    dates = find_dates(found.group(0).strip(" ()"))
    if dates and getattr(dates[0].value, "month", None):
        return title  # "(June 2023)": a month, not a venue
    return title[:found.start()]


def _before_talks(layout: Layout, talks: list[OwnTalk]) -> list[str]:
    """The texts of the paragraphs above a personal talk list's first talk (a biography, an introduction)."""
    first = min(t.line for t in talks)
    return [b.text for b in layout.blocks if not b.level and b.line < first][:6]


def _titled_own_list(document: Document, named: str | None) -> bool:
    """Whether a page names its owner itself (``named``, from ``page_owner``) and its title names a
    list of talks ("Ada Lovelace // Talks"): one person's talks, whose hosts and places are no speakers."""
    return named is not None and listed_talks((), page_title_of(document))


def _listed_as_talks(records: list[Record], document: Document) -> bool:
    """Whether every talk read from a personal list stands where the page calls its entries talks
    given: the nearest heading above it (a year aside) names talks in the plural and no papers
    ("Invited talks"; not "Publications and talks"), or the page's title does ("Talks &
    Presentations") and no heading above it names papers (a topic's heading, "Robust learning")."""
    page_title = page_title_of(document)
    return all(listed_talks(r.context, page_title) or listed_talks((), page_title)
               and not any(listed_papers(h) or _POSTERS.search(h) for h in r.context) for r in records)


_POSTERS = re.compile(r"\bposters?\b", re.IGNORECASE)


def _labels_speakers(layout: Layout) -> bool:
    """Whether a page labels the speakers of its talks ("Speaker: Ada Lovelace"): a series' page,
    not the list of one person's talks."""
    return any(label and label[0] == "speaker" for b in layout.blocks
               for label in [label_of(b.text.split("\n")[0].strip(" *-•"))])


_PANEL = re.compile(r"^\W*(?:panel|poster)s?\b", re.IGNORECASE)
"""A panel or a poster listed among one's talks ("Panel: Trusted AI"): no talk."""


def _names_the_owner(title: str, owner: str) -> bool:
    """Whether a title read from a personal talk list cites the owner as an author ("Lovelace, A., &
    Babbage, C.", "A. Lovelace et al."): the last name beside an initial, a comma or "et al". A title
    of one's own talk may hold the name as an eponym ("Hamming codes revisited"), and is kept."""
    words = owner.split()
    last = words[-1] if words else ""
    if len(fold(last)) < 3:
        return False
    name = rf"(?i:{re.escape(last)})"
    initials = rf"(?:\b[A-Z]\.\s*)+{name}\b"  # "A. Lovelace"
    comma, et_al = rf"\b{name}\s*,\s*[A-Z]\b", rf"\b{name}\s+et\s+al\b"  # "Lovelace, A.", "Lovelace et al."
    return bool(re.search(f"{initials}|{comma}|{et_al}", title))


def _days_apart(start: PartialDate, end: PartialDate) -> int:
    """Days from ``start`` to ``end`` when both are full days, else 0."""
    if not (start.year and start.month and start.day and end.year and end.month and end.day):
        return 0
    return (date(end.year, end.month, end.day) - date(start.year, start.month, start.day)).days


def _unnamed_sessions(every: list[Record], document: Document, layout: Layout) -> list[Record]:
    """The sessions of a page that lists its meetings as a day and a topic with no presenter
    (``sessions``): dated units whose only text is a title, on a page whose title, headings or
    opening lines speak of sessions; each a talk without a speaker."""
    found = []
    for record in every:
        title = None if record.fields.speakers else session_title(record.fields.title)
        if title is None or not is_session_day(record.fields.date):
            continue
        one = copy.deepcopy(record)
        one.fields.title, one.unnamed = title, True
        found.append(one)
    texts = [page_title_of(document), *(b.text for b in layout.blocks if b.level),
             *(b.text for b in layout.blocks[:3])]
    return found if speaks_of_sessions(texts) else []


def _unnamed_talk_file(document: Document, record: Record, owner: str | None) -> list[Record]:
    """The one talk of a file in a talk collection whose front matter gives its title and day but
    no speaker (the site's owner gave it): the speaker is ``owner`` when the user names one, else
    the owner its site's configuration names, else none (``kg ingest`` then asks for ``--speaker``)."""
    fields = record.fields
    if fields.speakers or not fields.title or fields.date is None or NOT_TALK.match(fields.title) \
            or not talk_record_file(document.front_matter or {}, document.path.parts):
        return []
    front = document.front_matter or {}
    if is_venue(fields.title) and not any(front.get(k) for k in ("event", "event_name", "venue")):
        return []  # "title: SIAM Conference ... 2020": the title names the event, the talk's is elsewhere
    end = next((d for k in ("date_end", "time_end", "end_date", "enddate")
                for d in [_date_value(front.get(k), False)] if d is not None), None)
    if end is not None and end.iso() and fields.date.iso() and _days_apart(fields.date, end) > 1:
        return []  # a school or a conference of two weeks the owner attended: an event, no talk
    owner = owner or site_owner(document.path)  # the site's _config.yml: a collection's file in its site
    if owner:
        fields.speakers = [Person(owner)]
        fields.guessed.add("speaker")
    record.unnamed = not fields.speakers
    return [record]


# --- structured facts ---------------------------------------------------------------------

def _front_matter_records(document: Document, day_first: bool) -> list[Record]:
    data = document.front_matter
    if not data or is_publication(data):
        return []  # a publication's page: its authors are no speakers
    found = []
    for value in data.values():  # lists of talks (a programme in front matter)
        if isinstance(value, list) and len(value) >= 1 and all(isinstance(v, dict) for v in value) \
                and not listed_publications(value):  # (a list of papers: their authors are no speakers)
            for item in value:
                record = _mapping_record(item, document, day_first)
                if record is not None and record.fields.speakers:
                    found.append(record)
    if found and all(r.fields.date is None for r in found):  # one meeting's talks: its day is the page's
        top = {_key(k): v for k, v in data.items()}
        day = next((d for d in (_date_value(top.get(k), day_first) for k in DATE_KEYS) if d is not None),
                   None)
        for record in found:
            record.fields.date = day
    if found:
        return found
    for item in _numbered_mappings(data):  # "speaker1: ...", "speaker2: ...": several talks
        record = _mapping_record(item, document, day_first)
        if record is not None and record.fields.speakers:
            found.append(record)
    if found:
        return found
    record = _mapping_record(data, document, day_first)
    return [record] if record is not None else []


def _key(key: Any) -> str:
    """A front matter key as the key lists write it: lower case, accents folded, "_" for "-"."""
    text = unicodedata.normalize("NFKD", str(key).lower().replace("-", "_"))
    return "".join(c for c in text if not unicodedata.combining(c))


_ROLE_KEYS = frozenset([*SPEAKER_KEYS, *TITLE_KEYS, *DATE_KEYS, *TIME_KEYS, *AFFILIATION_KEYS, *ABSTRACT_KEYS,
                        *PLACE_KEYS])
_MEETING_KEYS = frozenset([*DATE_KEYS, *TIME_KEYS, *PLACE_KEYS])
"""The fields a prefixed group with no speaker gives the talks beside it: when and where they meet."""
_JOINED_KEYS = {key.replace("_", ""): key for key in _ROLE_KEYS if "_" in key}
"""The keys of two words as some sites write them, run together ("talkdate", "speakername")."""


def _keyed(data: dict[str, Any]) -> dict[str, Any]:
    """A mapping's keys as the key lists write them, a key run together read as its words too."""
    lower = {_key(k): v for k, v in data.items()}
    return {**{_JOINED_KEYS[k]: v for k, v in lower.items() if k in _JOINED_KEYS}, **lower}


def _numbered_mappings(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The talks of one front matter written as numbered or prefixed keys, one group of keys a
    talk ("speaker1", "title1", "speaker2"...; "first_talk_speaker", "second_talk_title"...): a
    mapping for each group that names a speaker, its other fields from the keys no group holds
    (the day, the room of the whole meeting), or from a prefixed group that names no speaker
    ("event_date", "meeting_room": the meeting's own). Fewer than two such groups: none."""
    groups: dict[str, dict[str, Any]] = {}
    shared: dict[str, Any] = {}
    for key, value in data.items():
        name = _key(key)
        numbered = re.fullmatch(r"([a-z_]+?)_?(\d{1,2})", name)
        if numbered and numbered.group(1) in _ROLE_KEYS:
            groups.setdefault(numbered.group(2), {})[numbered.group(1)] = value
            continue
        split = next(((name[:i], name[i + 1:]) for i in range(len(name)) if name[i] == "_"
                      and name[i + 1:] in _ROLE_KEYS and name[:i] not in _ROLE_KEYS), None)
        if split is not None:
            groups.setdefault(split[0], {})[split[1]] = value
        else:
            shared[name] = value
    talks = [group for group in groups.values()
             if any(_people_value(group.get(k)) for k in EXPLICIT_SPEAKER_KEYS)]
    if len(talks) < 2:
        return []
    for prefix, group in groups.items():  # "event_date", "meeting_room": the whole meeting's
        if not prefix.isdigit() and not any(g is group for g in talks):
            for role, value in group.items():
                if role in _MEETING_KEYS:  # not its title ("event_title") nor a talk's with no speaker
                    shared.setdefault(role, value)
    return [{**shared, **group} for group in talks]


def _mapping_record(data: dict[str, Any], document: Document, day_first: bool) -> Record | None:
    """A talk from one mapping of fields (front matter, a YAML item)."""
    lower = _keyed(data)
    for key, value in data.items():  # [extra] / params: tables of fields inside front matter
        if isinstance(value, dict) and str(key).lower() in ("extra", "params", "talk", "event",
                                                             "speaker_info"):
            for inner, item in value.items():
                lower.setdefault(_key(inner), item)
    fields = Fields()
    for key in SPEAKER_KEYS:
        people = _people_value(lower.get(key))
        if people:
            fields.speakers = people
            break
    for key in TITLE_KEYS:
        value = lower.get(key)
        if isinstance(value, str) and value.strip():
            dated = find_dates(value, day_first)
            if is_placeholder(value):
                fields.title_open = True
            elif dated and not re.search(r"[^\W\d_]{2,}", value[:dated[0].start] + value[dated[0].end:]):
                fields.date = dated[0].value  # type: ignore[assignment]  # "title: May 31, 2022": the day
            else:
                fields.title = clean_title(value)
            break
    for key in DATE_KEYS:
        value = lower.get(key)
        day = _date_value(value, day_first)
        if day is not None:
            fields.date = day
            fields.time = fields.time or _time_value(value)
            break
    for key in TIME_KEYS:
        clock = _time_value(lower.get(key), bare=True)
        if clock is not None and fields.time is None:
            fields.time = clock
    for key, value in data.items():  # the time in a zone the key names ("timeBRT: 14h30", "time_utc")
        if fields.time is None and _ZONED_TIME_KEY.fullmatch(str(key)):
            fields.time = _time_value(value, bare=True)
    for key in AFFILIATION_KEYS:
        value = lower.get(key)
        if isinstance(value, str) and value.strip() and fields.speakers \
                and not fields.speakers[0].affiliation:
            fields.speakers[0].affiliation = value.strip()
    for key in HOMEPAGE_KEYS:
        value = lower.get(key)
        if isinstance(value, str) and value.startswith("http") and fields.speakers:
            fields.speakers[0].homepage = fields.speakers[0].homepage or value
    for key, kind in LINK_KEYS.items():
        value = lower.get(key)
        if isinstance(value, str) and value.strip():
            url = value.strip()
            if kind == "video" and re.fullmatch(r"[\w-]{11}", url):
                url = f"https://www.youtube.com/watch?v={url}"
            if url.startswith("http"):
                fields.links.setdefault(kind, url)
    for key in PLACE_KEYS:
        value = lower.get(key)
        if isinstance(value, str) and value.strip():
            fields.place = value.strip()
            break
    for key in ABSTRACT_KEYS:
        value = lower.get(key)
        if isinstance(value, str) and value.strip():
            fields.abstract = value.strip()
    if not (fields.speakers or fields.title):
        return None
    line = _front_matter_line(document, fields)
    return Record(fields, line, "front matter")


_BYLINE_PLACE = re.compile(r"(?P<name>[^-–—(),]+?)\s*[-–—]\s+(?P<place>\S.*)")
"""A speaker's field that adds the place after a dash ("Ada Lovelace - UCL", "Ada Lovelace- UCL")."""


def _data_records(document: Document, day_first: bool) -> list[Record]:
    """The talks of a data file (``_data/talks.yml``, a content collection's JSON), one a record, each
    on the line of its title (or of its speaker)."""
    found = []
    for item in talk_items(document):
        values = dict(item.roles)
        person = values.get("speaker")
        if isinstance(person, str):
            split = _BYLINE_PLACE.fullmatch(person.strip())
            if split and is_name(split["name"]) and not is_name(split["place"]):
                values["speaker"] = {"name": split["name"].strip(), "affiliation": split["place"].strip()}
        record = _mapping_record(_canonical(values), document, day_first)
        if record is None or not record.fields.speakers:
            continue
        record.how = "data"
        record.fields.labels |= {role for role in ("speaker", "title") if role in values}  # named by its key
        record.line = item.lines.get("title") or item.lines.get("speaker") or item.line
        found.append(record)
    return found


def _canonical(values: dict[str, Any]) -> dict[str, Any]:
    """A data file's record under the keys ``_mapping_record`` reads (its roles' names, the place as
    ``location``)."""
    return {("location" if role == "place" else role): value for role, value in values.items()}


def _front_matter_line(document: Document, fields: Fields) -> int:
    probe = fields.speakers[0].name if fields.speakers else (fields.title or "")
    for number, text in enumerate(document.lines[: document.front_matter_lines], start=1):
        if probe and probe.split()[0] in text:
            return number
    return 1


def _people_value(value: Any) -> list[Person]:
    if isinstance(value, str):
        people = speakers_of(value)
        if not people and is_name(value.split(",")[0]):
            people = [Person(strip_honorifics(value.split(",")[0]), value.split(",", 1)[1].strip() or None)]
        parts = re.split(r"\s+(?:and|&|et|e|y|und)\s+|\s*;\s*", value.strip())
        if not people and len(parts) >= 2:  # "Ada Lovelace (Cambridge) and Charles Babbage (London)"
            each = [_people_value(part) for part in parts]
            if all(len(one) == 1 for one in each):
                people = [one[0] for one in each]
        return people
    if isinstance(value, dict):
        name = value.get("name") or value.get("speaker") or _name_from_parts(value)
        if isinstance(name, str) and (is_name(name) or speakers_of(name)):
            keys = ("affiliation", "affil", "institution", "institute", "org")
            aff = next((value[k] for k in keys if value.get(k)), None) or _first_listed(value, keys)
            home = value.get("homepage") or value.get("url") or value.get("website")
            return [Person(strip_honorifics(name), aff if isinstance(aff, str) else None,
                           home if isinstance(home, str) and home.startswith("http") else None)]
        return []
    if isinstance(value, list):
        found = []
        for item in value:
            found.extend(_people_value(item))
        return found
    return []


def _first_listed(value: dict[Any, Any], keys: tuple[str, ...]) -> str | None:
    """A person's first affiliation where a data file lists several ("affiliations: [{name: ...},
    {name: ...}]"): the first, as a page printing them would put it first."""
    listed = next((value[k + "s"] for k in keys
                   if isinstance(value.get(k + "s"), list) and value[k + "s"]), None)
    first = listed[0] if listed else None
    if isinstance(first, dict):
        first = first.get("name")
    return first.strip() if isinstance(first, str) and first.strip() else None


_NAME_PARTS = (("given", "family"), ("first", "last"), ("firstname", "lastname"), ("first_name", "last_name"))


def _name_from_parts(value: dict[Any, Any]) -> str | None:
    """A person's name written in parts, as CSL and BibTeX-like YAML do ("given: Ada", "family: Lovelace")."""
    lower = {str(k).lower(): v for k, v in value.items()}
    for first, last in _NAME_PARTS:
        given, family = lower.get(first), lower.get(last)
        if isinstance(given, str) and isinstance(family, str) and given.strip() and family.strip():
            return f"{given.strip()} {family.strip()}"
    return None


def _date_value(value: Any, day_first: bool) -> PartialDate | None:
    if isinstance(value, datetime):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, str):
        dates = find_dates(value, day_first)
        return dates[0].value if dates else None  # type: ignore[return-value]
    return None


def _time_value(value: Any, bare: bool = False) -> time | None:
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0) if (value.hour or value.minute) else None
    if isinstance(value, int) and bare and 0 < value < 86400 and value % 60 == 0:
        return time(value // 3600, value % 3600 // 60)  # YAML 1.1 reads 16:00 as 57600 seconds
    if isinstance(value, str):
        times = find_times(value)
        if times:
            return times[0].value[0]  # type: ignore[index, no-any-return]
    return None


def _json_ld_records(document: Document, day_first: bool) -> list[Record]:
    found = []
    for item in document.json_ld:
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if not any(isinstance(k, str) and k.endswith("Event") for k in kinds):
            continue
        performer = item.get("performer") or item.get("organizer") if item.get("performer") else None
        people = _people_value(performer)
        fields = Fields(speakers=people, title=clean_title(str(item.get("name") or "")) or None)
        fields.date = _date_value(item.get("startDate"), day_first)
        fields.time = _time_value(item.get("startDate"))
        if people:
            found.append(Record(fields, 1, "json-ld"))
    return found


# --- tables -----------------------------------------------------------------------------------

_COLUMN_WORDS = [
    ("date", re.compile(r"^(?:date|day|when|datum|fecha|data|jour|giorno|tag|week|"
                        r"dates?\s*(?:&|and)\s*time)\b", re.I)),
    ("time", re.compile(r"^(?:time|hour|slot|heure|horaire|start|hora|horario|horário|orario|uhrzeit|zeit)\b",
                        re.I)),
    ("speaker", re.compile(r"^(?:speakers?|presenters?|name|who|lecturers?|leaders?|presented by|"
                           r"invited speakers?|discussion lead|host|moderators?|discussants?|facilitators?|"
                           r"led by|instructors?|palestrantes?|convidad[oa]s?|invitad[oa]s?|ponentes?|"
                           r"orador[ae]?s?|relat(?:ore|rice)|intervenants?|orateurs?|conférencier|"
                           r"referent(?:in)?|vortragende[r]?|sprecher|conferencistas?|expositor(?:a|es)?|"
                           r"apresentador(?:a|es)?)\b", re.I)),
    ("affiliation", re.compile(r"^(?:affiliations?|institutions?|university|organi[sz]ation|"
                               r"department|from)\b", re.I)),
    ("title", re.compile(r"^(?:title|talk|topic|paper|subject|presentation|lecture|theme|event|titre|"
                         r"t[íi]tulo|titolo|titel|assunto|tema|thema|sujet|charla|vortrag|conferencia\b|"
                         r"palestra\b)", re.I)),
    ("abstract", re.compile(r"^(?:abstract|summary|description|resumo|resumen|riassunto|zusammenfassung|"
                            r"résumé)\b", re.I)),
    ("links", re.compile(r"^(?:slides|video|materials?|recording|links?|stream|resources|notes)\b", re.I)),
]


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[^\W_][\w-]*(?:\.[^\W\d_][\w-]*)+(?:/\S*)?")
"""A web address or a bare domain ("https://example.org/talk/3", "talks.example")."""


def _bare_link(text: str, spans: list[Span]) -> bool:
    """Whether a cell's text is only a link whose words are a web address or a bare domain."""
    return bool(_ADDRESS.fullmatch(text)) and any(s.kind == "a" and s.text.strip() == text for s in spans)


_ORGANIZER_COLUMN = re.compile(r"^(?:session\s+)?(?:organi[sz]ers?|organi[sz]ed by|chairs?|chaired by|"
                               r"chairpersons?|conveners?|convenors?|curators?)\b", re.IGNORECASE)
"""The header of a column of people who run a session rather than speak in it."""


def _column_kinds(table: Table, day_first: bool) -> list[str | None]:
    width = max(len(r) for r in table.rows)
    kinds: list[str | None] = [None] * width
    if table.header:
        for i, text in enumerate(table.header[:width]):
            cleaned = (text or "").strip(" *_")
            if re.search(r"institution|affiliation|universit|organi[sz]ation|department", cleaned, re.I):
                kinds[i] = "affiliation"  # "Speaker institution" names the speaker's institution
                continue
            if _ORGANIZER_COLUMN.match(cleaned):
                kinds[i] = "organizer"  # the people who organise or chair a session give no talk in it
                continue
            for kind, pattern in _COLUMN_WORDS:
                if pattern.search(cleaned):
                    kinds[i] = kind
                    break
    for i in range(width):
        if kinds[i] is not None:
            continue
        cells = [r[i].text for r in table.rows if i < len(r) and r[i].text.strip()]
        if not cells:
            continue
        share = len(cells)
        dated = sum(1 for c in cells if find_dates(c, day_first) and len(c) < 60)
        people = sum(1 for c in cells if speakers_of(c.split("\n")[0]))
        if dated >= 0.5 * share:
            kinds[i] = "date"
        elif sum(1 for c in cells if find_times(c) and len(c) < 30) >= 0.5 * share:
            kinds[i] = "time"
        elif people >= 0.5 * share and "speaker" not in kinds:
            kinds[i] = "speaker"
    if "title" not in kinds and "abstract" in kinds:
        i = kinds.index("abstract")
        cells = [r[i].text for r in table.rows if i < len(r) and r[i].text.strip()]
        if cells and all(len(c) < 200 and "\n" not in c.strip() for c in cells):
            kinds[i] = "title"  # a "Description" column of one short line a talk: the talks' titles
    if kinds.count("title") >= 2:
        _one_title_column(table, kinds)
    for i in range(width):  # "#", "S.No.", "1, 2, 3": the rows' numbers, no field of a talk
        cells = [r[i].text.strip(" .#") for r in table.rows if i < len(r) and r[i].text.strip()]
        header = (table.header[i] if table.header and i < len(table.header) else "") or ""
        if kinds[i] in (None, "title") and cells and all(c.isdigit() and len(c) <= 3 for c in cells) \
                and (kinds[i] is None or _NUMBER_COLUMN.match(header)):
            kinds[i] = "number"
    if "title" not in kinds:
        free = [i for i in range(width) if kinds[i] is None]
        if free:
            lengths = {i: sum(len(r[i].text) for r in table.rows if i < len(r)) for i in free}
            kinds[max(free, key=lambda i: lengths[i])] = "title"
    return kinds


def _one_title_column(table: Table, kinds: list[str | None]) -> None:
    """Of several columns whose headers could name the title ("Topic", "Paper", "Presentation"),
    those whose cells are the texts of links to material ("Slides", "Code | Video") hold links;
    of the others the one headed "Title", else the one of the longest cells, holds the title,
    and the rest no field (a topic, a category)."""
    columns = [i for i, kind in enumerate(kinds) if kind == "title"]
    cells = {i: [r[i].text.strip() for r in table.rows if i < len(r) and r[i].text.strip()] for i in columns}
    for i in columns:
        if cells[i] and sum(1 for c in cells[i] if clean_title(c) is None) >= 0.5 * len(cells[i]):
            kinds[i] = "links"
    left = [i for i in columns if kinds[i] == "title"]
    if len(left) < 2:
        return
    header = table.header or []
    titled = [i for i in left
              if i < len(header) and re.match(r"^\W*(?:talk\s+)?title\b", header[i] or "", re.I)]
    keep = titled[0] if titled else max(left, key=lambda i: sum(map(len, cells[i])) / max(1, len(cells[i])))
    for i in left:
        if i != keep:
            kinds[i] = None


_NUMBER_COLUMN = re.compile(r"^\W*(?:#|no\b|nr\b|n[°º]|s\.?\s*no\b|sr\.?\s*no\b|sl\.?\s*no\b|num(?:ber)?\b|"
                            r"talk\s*#|#\s*talk)\W*", re.IGNORECASE)
"""A column header that numbers the rows ("#", "No.", "S.No.", "Talk #")."""
_WEEKDAY_COLUMN = re.compile(r"^\W*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\W*$", re.IGNORECASE)
"""A column header that names a weekday alone ("Monday", "Tue."): a timetable's day column."""
_WEEKDAY_ORDER = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _grid_records(table: Table, day_first: bool) -> list[Record] | None:
    """A timetable with a column per day (the header gives each column's day, or its weekday, the
    first column the time): one record per cell that names a speaker; ``None`` when the table is
    not one. Under weekday columns, a row that gives only a date or a date range ("Week 2
    (September 25-29)") dates the rows below it, its first day being the first column's."""
    header = table.header or []
    days = {i: find_dates(text or "", day_first) for i, text in enumerate(header)}
    columns = [i for i, found in days.items() if len(found) == 1]
    weekdays = {i: _WEEKDAY_ORDER.index(m.group(1).lower()) for i, text in enumerate(header)
                if (m := _WEEKDAY_COLUMN.match(text or ""))}
    if len(columns) < 2 and len(weekdays) >= 2:
        columns = sorted(weekdays)
    elif len(columns) < 2:
        return None
    found = []
    week: PartialDate | None = None
    for row in table.rows:
        stated = [c for c in row if c.text.strip()]
        if weekdays and len({id(c) for c in stated}) == 1 and not find_times(stated[0].text):
            over = find_dates(stated[0].text, day_first)
            if over and isinstance(over[0].value, PartialDate) and over[0].value.day:
                week = over[0].value  # "Week 1 (September 18-22)": the days of the rows below
            continue
        clock = find_times(row[0].text) if row else []
        for i in columns:
            if i >= len(row) or not row[i].text or row[i].struck or row[i] is row[0]:
                continue
            fields = read_slot(row[i].text, row[i].spans, day_first)
            if not fields.speakers:
                continue
            if i in weekdays and not days[i]:
                fields.date = _week_day(week, weekdays[i] - weekdays[columns[0]])
                if fields.date is not None:
                    fields.guessed.add("date")
            else:
                fields.date = days[i][0].value  # type: ignore[assignment]
            if clock and fields.time is None:
                fields.time, fields.end = clock[0].value  # type: ignore[misc]
            found.append(Record(fields, row[i].line, "table", table.section, context=table.context))
    return found


def _week_day(first: PartialDate | None, offset: int) -> PartialDate | None:
    """The day ``offset`` days after ``first`` (a week's first day), its year kept as stated."""
    if first is None or first.month is None or first.day is None or offset < 0:
        return None
    try:
        day = date(first.year or 2001, first.month, first.day) + timedelta(days=offset)
    except ValueError:
        return None
    return PartialDate(first.year, day.month, day.day)


def _table_records(table: Table, day_first: bool) -> list[Record]:
    if not table.rows or _NOT_TALK_TABLE.search(table.section):
        return []  # a table of posters, organizers or papers
    grid = _grid_records(table, day_first)
    if grid is not None:
        return grid
    table = _captioned(table)
    first = [c.text.strip(" *_:") for c in table.rows[0]]
    if table.header is None and len(table.rows) > 1 and _names_columns(first):
        # an HTML table whose first row of plain cells names the columns ("<td><b>Date</b></td>")
        table = Table(table.rows[1:], first, table.line, table.section, table.context, table.before)
    elif table.header and not any(
            p.search((h or "").strip(" *_")) for h in table.header
            for p in (*(p for _, p in _COLUMN_WORDS), _ORGANIZER_COLUMN)):
        # A Markdown table always has a first row; when it names no column, it is a row too.
        table = Table([_header_row(table), *table.rows], None, table.line, table.section, table.context,
                      table.before)
    kinds = _column_kinds(table, day_first)
    found = []
    unnamed: list[Record] = []
    over = find_dates(table.before, day_first) if table.before else []
    context_date: PartialDate | None = over[0].value if len(over) == 1 else None  # type: ignore[assignment]
    above: PartialDate | None = None
    for row in table.rows:
        if all(c.struck for c in row if c.text) or not any(c.text for c in row):
            continue
        if any(_PANEL_CELL.match(c.text) for c in row):
            continue  # "Panel Discussion: A, B, C": the panelists give no talk
        listed = _session_list(row, kinds, day_first)
        if listed:  # a session's talks, one a line under its name ("Contributed Talks", "Oral Session 1")
            for more, line in listed:
                more.date = more.date or context_date
                found.append(Record(more, line, "table", table.section, context=table.context,
                                    unnamed=not more.speakers))
            continue
        cells = _entry_cells(row, day_first)
        if cells:  # a row of parallel talks, each cell a whole entry (spotlights, parallel rooms)
            clock = next((t for c in row for t in find_times(c.text)[:1] if len(c.text) < 30), None)
            for cell, more in cells:
                if clock is not None and more.time is None:
                    more.time, more.end = clock.value  # type: ignore[misc]
                more.date = more.date or context_date
                found.append(Record(more, cell.line, "table", table.section, context=table.context))
            continue
        day = _group_row_day(row, day_first)
        if day is not None:  # a row across the table that names a day: the day of the rows below
            context_date = day
            continue
        fields = _row_fields(row, kinds, day_first)
        if fields.date and not fields.speakers and not fields.title:
            context_date = fields.date  # a row that only gives the day of the rows below
            continue
        if fields.date is None and context_date is not None and kinds.count("date") == 0:
            fields.date = context_date
        if "date" in kinds:
            at = kinds.index("date")
            blank = at >= len(row) or not row[at].text.strip()
            if fields.date is not None and fields.date.day:
                above = fields.date
            elif fields.date is None and blank and above is not None:
                fields.date = above  # the day's first row gives its date, the rows below leave it blank
        joined = _joined_talks(row)
        if joined:  # a cell of two talks or more: "Title by Ada Lovelace & Title by Mary Somerville"
            for title, person, line in joined:
                one = copy.deepcopy(fields)
                one.title, one.speakers = title, [person]
                found.append(Record(one, line, "table", table.section, context=table.context))
            continue
        line = next((c.line for c in row if c.text), table.line)
        if kinds.count("speaker") >= 2 and len(fields.speakers) >= 2 and fields.title is None:
            for person in fields.speakers:  # a presenter a column, no title: each presenter a talk
                one = copy.deepcopy(fields)
                one.speakers = [person]
                found.append(Record(one, line, "table", table.section, context=table.context))
        elif fields.speakers:
            found.append(Record(fields, line, "table", table.section, context=table.context))
        elif fields.title and fields.date:
            unnamed.append(Record(fields, line, "table", table.section, context=table.context, unnamed=True))
    if not found and "speaker" not in kinds and "title" in kinds and _session_table(table, unnamed):
        return unnamed  # a schedule of sessions that names no presenter: its talks have no speaker
    return found


_TITLE_BY_WHOM = re.compile(r"^(?P<title>[^\W\d_].{6,})\s+(?P<by>by|with)\s+"
                            r"(?P<who>(?:(?:Prof|Dr|Professor)\.?\s+)?"
                            r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3})$")
"""One talk of a cell: its title, then "by" or "with" and its speaker ("Processes by Dr. Ada Lovelace")."""


_TALK_JOINERS = (re.compile(" & "), re.compile(" & | and "))
"""What joins two talks in a table's cell, tried in turn: "&" alone, then "&" or "and"."""


def _joined_talks(row: list[Block]) -> list[tuple[str, Person, int]]:
    """The talks of a row's cell that holds two or more, one a line or joined by "&" or "and", each a title
    and its speaker after "by" or "with" ("Intro to Statistics by Dr. Ada Lovelace & Engines by
    Charles"): their titles, speakers and the cell's line; empty unless every part is such a talk
    and one speaker at least is a full name (the others may be a first or a family name alone)."""
    for cell in row:
        for joiner in _TALK_JOINERS:  # "and" joins two talks only when each part is one
            parts = [p.strip(" *_") for line in cell.text.split("\n") for p in joiner.split(line)
                     if p.strip(" *_")]
            found = [_TITLE_BY_WHOM.match(p) for p in parts]
            if len(parts) >= 2 and all(m and (m["by"] == "by" or given_with(m["who"])) for m in found):
                break
        else:
            continue
        named = [speakers_of(m["who"]) for m in found if m]
        if not any(named):
            return []
        return [(m["title"].strip(), people[0] if people else Person(strip_honorifics(m["who"])), cell.line)
                for m, people in zip([m for m in found if m], named, strict=True)]
    return []


def _group_row_day(row: list[Block], day_first: bool) -> PartialDate | None:
    """The day a table's group row names: a row of two cells or more whose one cell with text (beside
    empty ones, or spread across the row by a colspan) holds a day and a few words at most ("Tuesday,
    March 2, 2021", "Day 2 – 14 June")."""
    cells = {id(c): c for c in row if c.text and not c.struck}
    if len(row) < 2 or len(cells) != 1:
        return None
    text = next(iter(cells.values())).text
    dates = find_dates(text, day_first)
    if len(dates) != 1 or not dates[0].value.day or len(text) > 80:  # type: ignore[attr-defined]
        return None
    rest = text[:dates[0].start] + text[dates[0].end:]
    return dates[0].value if len(re.findall(r"[^\W\d_]{2,}", rest)) <= 3 else None  # type: ignore[return-value]


_PANEL_CELL = re.compile(r"^\W*(?:panel(?:\s+(?:discussion|session|debate))?|round\s*table)\W*(?:[:|–-]|$)",
                         re.IGNORECASE)
"""A programme's panel: its panelists, if named, give no talk."""
_SESSION_HEAD = re.compile(r"^\W*(?:(?:oral|contributed|invited|spotlight|lightning|selected|accepted|short|"
                           r"long|paper)\s+)*(?:talks?|sessions?|presentations?|orals?|spotlights?|papers)"
                           r"(?:\s*#?\d{1,2})?\b(?:\W*$|\s*[|:–-])", re.IGNORECASE)
"""The name of a session heading its talks' lines ("Contributed Talks -", "Oral Session 1 | Optimal
transport", "Invited Lightning Talks")."""


def _session_list(row: list[Block], kinds: list[str | None], day_first: bool) -> list[tuple[Fields, int]]:
    """The talks of a row's cell that names a session on its first line and gives one talk a line
    under it, two or more: "Name: Title" lines, or bare titles (the session's papers, presenters
    unnamed). Each talk has the row's day and the session's time, marked guessed (the talks share
    the slot)."""
    for cell in row:
        lines = [line.strip() for line in cell.text.split("\n") if line.strip()]
        if len(lines) < 3 or not _SESSION_HEAD.match(lines[0]):
            continue
        talks = []
        for line in lines[1:]:
            fields = read_slot(line, cell.spans, day_first)
            if fields.speakers and fields.title:
                talks.append(Fields(speakers=fields.speakers, title=fields.title))
            elif fields.speakers or len(line.split()) < 2 or len(line) > 250 or NOT_TALK.match(line) \
                    or find_times(line):
                return []  # a line that is no talk of the session: not a session's list
            else:
                talks.append(Fields(title=clean_title(line)))
        if 2 * sum(1 for t in talks if t.speakers) < len(talks):  # mostly bare titles: a list of papers,
            talks = [Fields(title=clean_title(line)) for line in lines[1:]]  # "Mode-Seeking GANs: Theory" one
        slot = _row_fields([c for c in row if c is not cell], kinds, day_first)
        for talk in talks:
            talk.date, talk.time, talk.end = slot.date, slot.time, slot.end
            talk.labels.add("session")
            if slot.time is not None:
                talk.guessed.add("time")  # the session's time: each talk is within it
        return [(talk, cell.line) for talk in talks if talk.title]
    return []


def _names_columns(cells: list[str]) -> bool:
    """Whether a row's cells name a table's columns ("Date", "Presenter", "Topic")."""
    return sum(1 for text in cells if any(p.search(text) for _, p in _COLUMN_WORDS)) >= max(2, len(cells) - 1)


def _captioned(table: Table) -> Table:
    """A table whose first row is one cell across it (its caption: "Winter term 2017 - Deep
    learning", "Every Tuesday at 4:00 PM") over a row naming its columns, its speakers' or its
    titles' among them: the caption read as the heading of its rows, as a ``<caption>`` is, and the
    rows under the names."""
    if table.header is not None or len(table.rows) < 3:
        return table
    caption = {id(c): c for c in table.rows[0]}  # a colspan spreads one cell over the row
    names = [c.text.strip(" *_:") for c in table.rows[1]]
    says = {kind for text in names for kind, pattern in _COLUMN_WORDS if pattern.search(text)}
    if len(caption) != 1 or len(table.rows[1]) < 2 or not _names_columns(names) \
            or not says & {"speaker", "title"}:
        return table  # ("Time | Summary" under a day: the rows read as they stand)
    text = table.rows[0][0].text.strip()
    return Table(table.rows[2:], names, table.line, table.section, (*table.context, text) if text else
                 table.context, table.before)


def _session_table(table: Table, unnamed: list[Record]) -> bool:
    """Whether a table is a schedule of sessions that names no presenter: at least two of its rows
    dated and titled (``unnamed``), at least half of its rows so, under words of sessions (its
    heading or the text around it); the caller has checked that a column is titles and none speakers."""
    rows = [r for r in table.rows if any(c.text for c in r)]
    return len(unnamed) >= 2 and 2 * len(unnamed) >= len(rows) \
        and speaks_of_sessions([*table.context, table.section])


def _entry_cells(row: list[Block], day_first: bool) -> list[tuple[Block, Fields]]:
    """The cells of a row that each state a whole talk (a speaker and a title), when two or more do."""
    found = []
    for n, cell in enumerate(row):
        if not cell.text or cell.struck or any(cell is other for other in row[:n]):  # a spanned cell once
            continue
        fields = read_slot(cell.text, cell.spans, day_first)
        if fields.speakers and fields.title and not _is_citation(fields, cell.text):
            found.append((cell, fields))
    return found if len(found) >= 2 else []


def _header_row(table: Table) -> list[Block]:
    return [Block(text or "", table.line, "td") for text in (table.header or [])]


def _row_fields(row: list[Block], kinds: list[str | None], day_first: bool) -> Fields:
    fields = Fields()
    seen: set[int] = set()
    rest: list[Block] = []
    for i, cell in enumerate(row):
        if id(cell) in seen or not cell.text or cell.struck:
            continue
        seen.add(id(cell))
        kind = kinds[i] if i < len(kinds) else None
        text = cell.text
        if kind in ("date", "time"):
            dates = find_dates(text, day_first)
            dotted = re.match(r"\s*([01]?\d|[0-3]\d)\.([0-3]?\d)\.?(?!\d)", text) if kind == "date" else None
            if not dates and dotted:  # "4.12" in a Date column: a day of a month, not a clock time
                a, b = int(dotted.group(1)), int(dotted.group(2))
                month, day = (b, a) if day_first or a > 12 else (a, b)
                if 1 <= month <= 12 and 1 <= day <= 31:
                    fields.date = PartialDate(None, month, day)
                    text = text[dotted.end():]
            if dates and fields.date is None:
                fields.date = dates[0].value  # type: ignore[assignment]
            times = find_times(text)
            if times and fields.time is None:
                fields.time, fields.end = times[0].value  # type: ignore[misc]
            leftover = text
            for found in (*dates[:1], *times[:1]):
                leftover = leftover.replace(text[found.start:found.end], " ")
            if re.search(r"[^\W\d]{3,}", leftover) and speakers_of(leftover.strip(" ,-|")) \
                    and "speaker" not in kinds:  # else a room named after someone ("4pm, Ada Lovelace")
                rest.append(Block(leftover, cell.line, "td", spans=cell.spans))
        elif kind == "speaker":
            lines = text.split("\n")
            people = speakers_of(" and ".join(lines)) or speakers_of(lines[0])
            if not people and all(is_given_name(n) for n in re.split(r"\s*(?:,|&|\band\b)\s*", lines[0])):
                people = [Person(n) for n in re.split(r"\s*(?:,|&|\band\b)\s*", lines[0])]  # first names
            if people:
                if len(lines) > 1 and people[0].affiliation is None and len(people) == 1 \
                        and is_organization(lines[1]):
                    people[0].affiliation = lines[1]
                for person in people:
                    person.homepage = person.homepage or _link_for(person.name, cell)
                fields.speakers = [*fields.speakers, *people]  # "Presenter #1", "Presenter #2": both
            else:
                rest.append(cell)
        elif kind == "affiliation":
            if fields.speakers and not fields.speakers[0].affiliation:
                fields.speakers[0].affiliation = text.replace("\n", ", ")
            else:
                fields.labels.add("affiliation:" + text.replace("\n", ", "))
        elif kind == "title":
            inner = read_slot(text, cell.spans, day_first)
            if inner.speakers and not fields.speakers:
                fields.speakers = inner.speakers
                fields.title = inner.title
                fields.guessed |= inner.guessed
                fields.paper_authors = inner.paper_authors
            elif is_placeholder(text.split("\n")[0]):
                fields.title_open = True
            elif _bare_link(text.strip(), cell.spans):
                pass  # "[talks.tue](https://...)": a link to the talk's page printed as its address, no title
            else:
                first = text.split("\n")[0]
                marked = [s.text for s in cell.spans if s.kind in ("b", "a", "i") and len(s.text) > 8]
                quoted = QUOTED.search(first)
                if quoted and _embedded(first, quoted.start(), quoted.end()):
                    quoted = None  # 'Debates 5: Anne "not everything is RL" Collins': inside the title
                fields.title = clean_title(quoted.group(0) if quoted and len(quoted.group(0)) > 12 else
                                           marked[0] if marked and "\n" in text else first)
            for kind_, url in inner.links.items():
                fields.links.setdefault(kind_, url)
        elif kind == "abstract":
            fields.abstract = text
        elif kind == "links":
            for span in cell.links:
                media = "video" if re.search(r"video|youtu|record", span.text + (span.href or ""), re.I) \
                    else "slides" if re.search(r"slide", span.text + (span.href or ""), re.I) else None
                if media and span.href:
                    fields.links.setdefault(media, span.href)
        elif kind != "organizer":  # a session's organizer or chair is not its speaker
            rest.append(cell)
    for cell in rest:
        inner = read_slot(cell.text, cell.spans, day_first)
        if inner.speakers and not fields.speakers:
            fields.speakers = inner.speakers
            if inner.title and not fields.title:
                fields.title = inner.title
        elif inner.title and not fields.title and not inner.speakers and kinds.count("title") == 0:
            fields.title = inner.title
    affiliation = next((label[12:] for label in fields.labels if label.startswith("affiliation:")), None)
    if affiliation and fields.speakers and not fields.speakers[0].affiliation:
        fields.speakers[0].affiliation = affiliation
    return fields


def _embedded(text: str, start: int, end: int) -> bool:
    """Whether the stretch ``text[start:end]`` stands between words on both sides (part of a longer title)."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    return bool(before) and before[-1].isalnum() and bool(after) and after[0].isalnum()


def _link_for(name: str, cell: Block) -> str | None:
    for span in cell.links:
        if fold(span.text) == fold(name) and span.href and span.href.startswith("http"):
            return span.href
    return None


# --- blocks -----------------------------------------------------------------------------------

def _is_prose(block: Block) -> bool:
    text = block.text
    return len(text) > 260 or (len(text) > 110 and len(_PROSE.findall(text)) >= 4 and text.endswith("."))


_CHAIR = re.compile(r"^\W*(?:session\s+)?chair(?:s|person|ed by)?\s*[:：]", re.IGNORECASE)
_TITLE_DOT = re.compile(r"^\W*title\.\s+", re.IGNORECASE)


def _continued_slots(block: Block, day_first: bool) -> list[Block]:
    """A programme written as pipe rows whose first cell is left blank below a slot's row ("| 09:20 |
    **Invited Talk** |", "| | Title |", "| | *Speaker* |"): one block per slot, the rows a slot
    continues joined to it. A row that starts with a time, or that states a talk by itself (a
    speaker and a title), opens a slot; a blank row closes one (the talks of a session, listed
    without their times). Empty when the block is not such a programme."""
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in block.text.split("\n")]
    if not all(line.strip().startswith("|") for line in block.text.split("\n")) \
            or not any(len(row) > 1 and not row[0] and any(row[1:]) for row in rows) \
            or not any(row[0] and find_times(row[0]) for row in rows):
        return []
    slots: list[tuple[int, list[str]]] = []
    open_ = False
    for n, row in enumerate(rows):
        # the session's chair and the kind of slot are not the talk's speaker or title; "Title." goes
        kept = [_TITLE_DOT.sub("", c) for c in row if c and not _CHAIR.match(c) and not is_label(c)]
        text = " | ".join(kept)
        if not any(row):
            open_ = False  # a blank row ends the slot above it
            continue
        if not text:
            continue
        timed = any(t.start <= 1 for t in find_times(text))
        whole = read_slot(text, [s for s in block.spans if s.text in text], day_first)
        if timed or not open_ or (whole.speakers and whole.title):  # a row that is a talk by itself
            slots.append((n, [text]))
            open_ = True
        else:
            slots[-1][1].append(text)
    found: list[Block] = []
    for n, texts in slots:
        text = "\n".join(texts)
        found.append(Block(text, block.line + n, block.tag, 0, block.depth,
                           [s for s in block.spans if s.text in text], block.struck, block.section,
                           block.index, block.context, ruled=block.ruled and not found))
    return found


def _entry_lines(blocks: list[Block], day_first: bool) -> list[Block]:
    """Blocks with a line per entry (a Markdown paragraph of one-line entries, a pipe table
    without its delimiter row) cut into one block per line."""
    cut: list[Block] = []
    for block in blocks:
        lines = block.text.split("\n")
        if len(lines) < 2 or block.level:
            cut.append(block)
            continue
        slots = _continued_slots(block, day_first)
        if slots:
            cut.extend(slots)
            continue
        entries = 0
        for line in lines:
            fields = read_slot(line.strip(" |"), block.spans, day_first)
            entries += bool(fields.speakers and (fields.title or fields.date or fields.time))
        piped = all(line.strip().startswith("|") for line in lines)  # a table without its delimiter row
        if entries < 2 or (entries < 0.5 * len(lines) and not piped):
            cut.append(block)  # wrapped prose is one block, whatever a line of it looks like
            continue
        for n, line in enumerate(lines):
            text = re.sub(r"\s*\|\s*", " | ", line.strip(" |"))
            cut.append(Block(text, block.line + n, block.tag, 0, block.depth,
                             [s for s in block.spans if s.text in line], block.struck, block.section,
                             block.index, block.context, ruled=block.ruled and n == 0))
    return cut


def _block_records(blocks: list[Block], day_first: bool) -> list[Record]:
    blocks = _entry_lines(blocks, day_first)
    records: list[Record] = []
    current: Record | None = None
    pending: str | None = None
    slot: time | None = None
    day: PartialDate | None = None  # "Sunday, Sep 10, 2023" alone over the day's list of talks
    depth_at = {b.line: b.depth for b in blocks}

    def close() -> None:
        nonlocal current, pending
        if current is not None:
            if current.abstract_parts and not current.fields.abstract:
                current.fields.abstract = "\n\n".join(current.abstract_parts)
            records.append(current)
        current, pending = None, None

    for n, block in enumerate(blocks):
        if block.ruled and current is not None and (current.fields.speakers or current.fields.title):
            close()  # a thematic break ends a talk's record: "***" and the next talk's "### Date:"
            # line (a card's rule under its day and place, before its presenter, ends nothing)
        aside = _aside(block.section, block.context)
        if block.struck or aside and not block.level:
            if block.level == 0 and current is not None and current.section != block.section:
                close()
            continue
        text = block.text
        linked = paper_link(text, block.spans) if current is not None \
            and block.depth > depth_at.get(current.line, 0) else None  # an item under the talk's, no sibling
        if linked is not None and current is not None and current.fields.speakers:
            current.fields.linked_papers.append((*linked, block.line))  # a paper listed under a talk
            continue
        label_only = heading_label(text) if len(text) < 40 else None
        if label_only in ("paper", "slides") and current is not None and block.tag == "li" and any(
                s.kind == "a" and s.text.strip() == text.strip() for s in block.spans):
            continue  # "[Paper](url)", "[Slides](url)" under a talk: links to its material, no labels
        if label_only:
            if label_only in ("speaker", "title", "date") and current is not None and \
                    _has(current.fields, label_only):
                close()
            if current is None:
                current = Record(Fields(), block.line, "block", block.section, 0, context=block.context)
            pending = label_only
            continue
        value_fields = read(text, block.spans, day_first) if pending is not None else Fields()
        if value_fields.labels:
            pending = None  # "Speakers" heads a section of labelled entries, not one value
        if pending == "speaker" and current is not None and not block.level and _is_prose(block):
            subject = _BIO_SUBJECT.match(text)  # a biography under a "Speaker" heading
            name = strip_honorifics(subject.group(1)) if subject else None
            previous = records[-1] if records else None
            if name and current.blocks == 0 and not current.fields.speakers and previous is not None \
                    and previous.fields.speakers and _same_person(previous.fields.speakers[0].name, name):
                current = previous  # the biography of the talk just read, not a new talk
                records.pop()
            elif name and not current.fields.speakers and is_name(name):
                current.fields.speakers = [Person(name)]
            current.fields.bio = ((current.fields.bio or "") + "\n\n" + text).strip()
            pending = "bio"
            continue
        if pending is not None and current is not None and not block.level:
            if pending == "abstract" or pending == "bio":
                if pending == "abstract":
                    current.abstract_parts.append(text)
                else:
                    current.fields.bio = ((current.fields.bio or "") + "\n\n" + text).strip()
                continue
            apply_label(current.fields, pending, text, block.spans, day_first)
            if pending == "speaker" and not current.fields.speakers and value_fields.speakers:
                current.fields.speakers = value_fields.speakers
            current.blocks += 1
            pending = None
            continue
        if block.role and not label_of(text) and (block.role != "title" or len(text) < 300):
            text = f"{block.role.capitalize()}: {text}"  # the page's markup names the field
        fields = read_slot(text, block.spans, day_first)
        opening = label_of(text.split("\n")[0])
        if opening and opening[0] in ("abstract", "bio") and "\n" in text and fields.title \
                and not fields.speakers:  # "Abstract: ..." and its paragraphs: none of them a title
            fields.title = None
            fields.guessed.discard("title")
            value = (label_of(text) or ("", ""))[1].strip()  # after the label's own colon (":" or "：")
            if opening[0] == "abstract":
                fields.abstract = value
            else:
                fields.bio = value
        prose = _is_prose(block) and not fields.labels
        head_abstract = None
        if prose and not block.level:  # an entry's short lines, then its abstract, in one block
            head, rest = _entry_head(text)
            head_fields = read(head, block.spans, day_first) if head else Fields()
            if head_fields.speakers and (head_fields.title or head_fields.date) \
                    and not _is_citation(head_fields, head) and not _COLLABORATION.search(head):
                fields, prose, head_abstract = head_fields, False, rest
        if block.level or (fields.date and not fields.speakers):
            day = fields.date if _only_a_day(text, fields) and not block.level else None
        if block.level:
            slot = None
        elif fields.time and not fields.speakers and not fields.labels and not prose:
            slot = fields.time  # "09:00 - 10:30 Contributed talks:": the first talk below starts then
        if block.level and current is not None and fields.labels - {"title"} and not fields.speakers:
            _merge_fields(current.fields, fields)  # "#### Date: 2011-09-16" under the talk's title
            current.blocks += 1
            continue
        if block.level and current is not None and not current.fields.speakers and fields.speakers \
                and not fields.title and not fields.date and not fields.time and len(text) < 80 \
                and (current.fields.title and not current.fields.date
                     or current.fields.date and not current.fields.title and current.blocks == 1):
            # "### Elif F. Acar" under the talk's title; "#### Name (Affiliation)" under its day
            current.fields.speakers = fields.speakers
            current.blocks += 1
            continue
        if block.level and current is not None and current.fields.speakers and not current.fields.title \
                and block.role == "title" and fields.title and not fields.speakers and not fields.date:
            current.fields.title = fields.title  # '<h4 class="title">' under the speaker's line
            current.fields.guessed.discard("title")
            current.blocks += 1
            continue
        if block.level and not (fields.labels and label_of(block.text)):  # ("#### Speaker: Ada": a field)
            close()
            if fields.speakers and (fields.title or fields.date or fields.time) or fields.date:
                current = Record(fields, block.line, "block", block.section, context=block.context)
            elif block.role == "title" and fields.title:  # the markup says the heading is a talk's title
                current = Record(fields, block.line, "block", block.section, context=block.context)
            elif _name_over_labels(text, fields, blocks[n + 1:n + 3]):  # the talk's fields below
                current = Record(fields, block.line, "block", block.section, context=block.context)
            elif _name_over_title(text, fields, blocks[n + 1:n + 2]):
                fields.date = _context_day(block.context[:-1], day_first)
                if fields.date is not None:  # the next talk of the day a heading above gives
                    current = Record(fields, block.line, "block", block.section, context=block.context)
            continue
        if fields.labels:
            name = next(iter(fields.labels - {"affiliation"}), None) if len(fields.labels) == 1 else None
            if current is None or _conflicts(current.fields, fields) or (
                    name in ("speaker", "title", "date") and _has(current.fields, name or "")
                    and current.blocks > 0):
                close()
                current = Record(Fields(), block.line, "block", block.section, 0, context=block.context)
            _merge_fields(current.fields, fields)
            if "abstract" in fields.labels and fields.abstract:
                current.abstract_parts.append(fields.abstract)
                current.fields.abstract = None
                pending = "abstract"
            current.blocks += 1
            continue
        if prose:
            if current is not None:
                current.abstract_parts.append(text)
            continue
        if fields.speakers and (fields.title or fields.date or fields.time) \
                and not _is_citation(fields, text) and not _COLLABORATION.search(text):
            close()
            if fields.date is None and day is not None:
                fields.date = day
            if fields.time is None and slot is not None:
                fields.time = slot
            slot = None
            if not fields.title and not fields.title_open and n and _heading_title(blocks[n - 1]):
                fields.title = clean_title(blocks[n - 1].text)  # "##### Title" over "Name (Affil) -- date"
            current = Record(fields, block.line, "entry", block.section, context=block.context)
            if head_abstract:
                current.abstract_parts.append(head_abstract)
            continue
        if fields.speakers and not (fields.title or fields.date or fields.time or fields.labels) \
                and slot is not None and not block.level and len(text) < 120 and n and blocks[n - 1].text \
                and find_times(blocks[n - 1].text) and not read(blocks[n - 1].text, [], day_first).speakers \
                and all(is_name(p.name) for p in fields.speakers):
            close()  # "9:00 AM - 10:00 AM" then "Ada Lovelace (Cambridge)": her talk, its title not given
            fields.time = slot
            if fields.date is None and day is not None:
                fields.date = day
            current = Record(fields, block.line, "entry", block.section, context=block.context)
            continue
        if fields.speakers and not fields.title and not fields.title_open and not block.level \
                and len(text) < 160 and n + 1 < len(blocks) and blocks[n + 1].depth > block.depth \
                and not blocks[n + 1].level and not _is_prose(block):
            close()  # "* Ada Lovelace -- Cambridge" over "  * *Notes*": the item below is the title
            if fields.time is None and slot is not None:
                fields.time = slot
            current = Record(fields, block.line, "entry", block.section, context=block.context)
            continue
        if fields.date and not fields.speakers and len(text) < 120:
            if current is not None and (current.fields.speakers or current.fields.date):
                close()
            if current is None:
                current = Record(fields, block.line, "block", block.section, context=block.context)
            else:
                _merge_fields(current.fields, fields)
            continue
        if current is None:
            continue
        if current.fields.speakers and current.fields.speakers[0].affiliation is None \
                and is_organization(text) and not fields.speakers:
            current.fields.speakers[0].affiliation = text
        elif not current.fields.speakers and fields.speakers and len(text) < 160:
            current.fields.speakers = fields.speakers
            if fields.title and not current.fields.title:
                current.fields.title = fields.title
            current.blocks += 1
        elif current.fields.speakers and not current.fields.title and not current.fields.title_open \
                and len(text) < 250 and not fields.speakers and not (fields.time and not fields.title) \
                and not NOT_TALK.match(text):
            title = clean_title(text.split("\n")[0])
            marked = any(s.kind in ("b", "i") and len(s.text) >= 0.6 * len(text) for s in block.spans)
            current.fields.title = title
            if not marked:
                current.fields.guessed.add("title")
            current.blocks += 1
        elif fields.title_open and not current.fields.title:
            current.fields.title_open = True
        elif len(text) > 80:
            current.abstract_parts.append(text)
    close()
    return records


_GENERIC_HEADING = re.compile(r"\b(?:speakers?|talks?|seminars?|schedule|upcoming|past|previous|programm?e?|"
                              r"sessions?|semester|spring|summer|fall|autumn|winter|term|week|day|events?|"
                              r"abstracts?|colloquium|series|archive|news|agenda|list)\b", re.IGNORECASE)


def _name_over_title(text: str, fields: Fields, below: list[Block]) -> bool:
    """Whether a heading is only a speaker's name (and affiliation) over a title set in bold or
    italics ("### Ada Lovelace (Cambridge)" then "*Notes on the engine*")."""
    if not fields.speakers or fields.title or fields.date or fields.time or len(text) > 160 \
            or not all(is_name(p.name) for p in fields.speakers) or not below or below[0].level:
        return False
    title = below[0].text
    return len(title) < 250 and "\n" not in title and any(
        s.kind in ("b", "i") and len(s.text) >= 0.8 * len(title) for s in below[0].spans)


def _context_day(headings: tuple[str, ...], day_first: bool) -> PartialDate | None:
    """The day the nearest heading above states alone ("## May 9th, 2023")."""
    for heading in reversed(headings):
        dates = find_dates(heading, day_first)
        if dates:
            value = dates[0].value
            return value if len(dates) == 1 and isinstance(value, PartialDate) and value.day else None
    return None


def _name_over_labels(text: str, fields: Fields, below: list[Block]) -> bool:
    """Whether a heading is only the names of a talk's speakers over its labelled lines ("## Ada
    Lovelace" or "## Ada Lovelace and Mary Somerville", then "Title: ...", "Abstract: ..."): the
    heading opens that talk's record."""
    if len(text) > 60 * len(fields.speakers) or not 1 <= len(fields.speakers) <= 3 or fields.title \
            or fields.date or fields.time or not all(is_name(p.name) for p in fields.speakers):
        return False
    if not below or below[0].level:
        return False
    labelled = [label_of(b.text.split("\n")[0]) for b in below]
    if labelled[0] is not None:
        return labelled[0][0] in ("title", "abstract")
    first = read(below[0].text, below[0].spans)  # "## Ada Lovelace", "Notes on engines", "Abstract: ..."
    return len(below) > 1 and not below[1].level and labelled[1] is not None and bool(first.title) \
        and not first.speakers and not first.date and len(below[0].text) < 250 and not _is_prose(below[0])


def _only_a_day(text: str, fields: Fields) -> bool:
    """Whether a line states a day and nothing else ("Sunday, Sep 10, 2023"): it heads the talks
    listed under it as a heading would."""
    dates = find_dates(text)
    if len(dates) != 1 or fields.date is None or fields.date.day is None or fields.time is not None:
        return False
    rest = _PART_OF_DAY.sub("", text[:dates[0].start] + text[dates[0].end:])
    return not re.search(r"[^\W\d_]{2,}", re.sub(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", "", rest,
                                                  flags=re.IGNORECASE))


_PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|sessions?|programm?e?|schedule|agenda)\b",
                          re.IGNORECASE)
"""The words a day's heading line may add to its day ("Tuesday, Jan 3 (Morning)", "Monday's programme")."""


def _heading_title(block: Block) -> bool:
    """Whether a heading just above an entry is that talk's title: words of a title, not a name,
    a date, a label or the name of a part of the page."""
    text = block.text
    return bool(block.level) and 2 <= len(text.split()) <= 30 and not find_dates(text) \
        and not _GENERIC_HEADING.search(text) and not _NON_TALK_SECTION.search(text) \
        and heading_label(text) is None and not speakers_of(text) and not NOT_TALK.match(text)


def _entry_head(text: str) -> tuple[str, str]:
    """The short lines a long block starts with (a speaker, a title, a date) and the rest (its
    abstract); an empty head when the block does not start with short lines."""
    lines = text.split("\n")
    n = 0
    while n < min(len(lines) - 1, 4) and len(lines[n]) <= 160 and not (
            len(lines[n]) > 80 and lines[n].endswith(".")):  # a sentence begins the abstract
        n += 1
    if n == 0 or sum(len(line) for line in lines[:n]) > 320:
        return "", text
    return "\n".join(lines[:n]), "\n".join(lines[n:])


_BIO_SUBJECT = re.compile(r"^((?:(?:Prof\.?|Dr\.?)\s+)?[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}?)\s+"
                          r"(?:is|was|has|holds|received|obtained|works|joined|completed|got)\b")


def _same_person(a: str, b: str) -> bool:
    """Whether two printed names are one person's ("Elif F. Acar", "Elif F Acar", "Elif Acar")."""
    wa, wb = fold(a).split(), fold(b).split()
    return bool(wa and wb) and wa[-1] == wb[-1] and wa[0][:1] == wb[0][:1]


def _conflicts(current: Fields, more: Fields) -> bool:
    """Whether a block states a speaker or a title the record being read already has otherwise:
    the block starts the next record."""
    if current.speakers and more.speakers and fold(current.speakers[0].name) != fold(more.speakers[0].name):
        return True
    return bool(current.title and more.title and fold(current.title) != fold(more.title))


def _has(fields: Fields, name: str) -> bool:
    return bool({"speaker": fields.speakers, "title": fields.title or fields.title_open,
                 "date": fields.date}.get(name))


def _merge_fields(into: Fields, more: Fields) -> None:
    """Fill the fields ``into`` lacks from ``more``."""
    if more.speakers and not into.speakers:
        into.speakers = more.speakers
    elif more.speakers and into.speakers and into.speakers[0].affiliation is None:
        same = [p for p in more.speakers if fold(p.name) == fold(into.speakers[0].name)]
        if same and same[0].affiliation:
            into.speakers[0].affiliation = same[0].affiliation
    for name in ("title", "date", "time", "end", "place", "abstract", "bio"):
        if getattr(into, name) is None and getattr(more, name) is not None:
            setattr(into, name, getattr(more, name))
    into.title_open = into.title_open or more.title_open
    into.labels |= more.labels
    into.guessed |= {g for g in more.guessed if getattr(into, g, None) == getattr(more, g, None)}
    for kind, url in more.links.items():
        into.links.setdefault(kind, url)
    into.papers.extend(more.papers)
    into.paper_authors = into.paper_authors or more.paper_authors
    for label in more.labels:
        if label.startswith("affiliation:") and into.speakers and not into.speakers[0].affiliation:
            into.speakers[0].affiliation = label[12:]


def _merge_into(front: Record, body: Record | None) -> Record:
    """The front matter's talk completed (and corrected) by the one talk its body states."""
    if body is None:
        return front
    fields = front.fields
    if body.fields.date is not None and "date" in body.fields.labels:
        fields.date = body.fields.date
        fields.time = body.fields.time or fields.time
    if body.fields.speakers and ("speaker" in body.fields.labels or not fields.speakers):
        fields.speakers = body.fields.speakers
    numbered = r"#\s?\d+|\bno\.\s?\d+|^\([^()]*\)$"
    if fields.title and body.fields.title and re.search(numbered, fields.title, re.I) and len(re.findall(
            r"[^\W\d_]{2,}", re.sub(rf"\([^()]*\)|{numbered}", "", fields.title, flags=re.I))) < 2:
        fields.title = body.fields.title  # "#011 (Monsoon 2020)": the page's number, not the talk's title
    _merge_fields(fields, body.fields)
    return front


def _is_citation(fields: Fields, text: str) -> bool:
    """Whether a block reads as a publication (several authors, a year, a venue)."""
    return len(fields.speakers) >= 3 and bool(re.search(r"\b(?:19|20)\d{2}\b", text)) and not fields.time


_SEVERAL_TALKS = re.compile(r"^\W*(?:[\w-]+\s+){0,2}(?:talks|presentations|spotlights|lectures|tutorials|"
                            r"keynotes|orals|workshops)\b[\s\d()\w]{0,20}$", re.IGNORECASE)
"""A slot's name that says it holds several talks ("Invited Talks", "Spotlight Talks 1",
"workshops (parallel)"), not one talk's title."""


def _each_speaker(record: Record) -> list[Record]:
    """A timed slot of several speakers and no title of its own ("Invited Talks | Drs. Lihua Zhu,
    Qiangfeng Zhang"): one talk each, in the slot's time. Any other record as it is."""
    fields = record.fields
    title = fields.title
    if len(fields.speakers) < 2 or fields.time is None or "title" in fields.labels or not (
            title is None or _SEVERAL_TALKS.match(title)):
        return [record]
    if any(institutions.is_institution(p.name) for p in fields.speakers):
        return [record]  # "Ada Lovelace, UC Berkeley": one speaker and her place, misread
    found = []
    for person in fields.speakers:
        one = copy.deepcopy(record)
        one.fields.speakers = [copy.deepcopy(person)]
        one.fields.title = None
        found.append(one)
    return found


def _own_titles(record: Record, lines: dict[int, str]) -> list[Record]:
    """A line read as one talk of several speakers that gives each speaker a title of their own
    ("Ada Lovelace (Engines) and Mary Somerville (Tides)"): one talk each, with the line's day and
    time. Any other record as it is."""
    text = lines.get(record.line)
    if record.how != "entry" or text is None or len(record.fields.speakers) < 2 \
            or "title" in record.fields.labels:
        return [record]
    talks = split_speakers(text, record.fields.speakers)
    found = []
    for person, title in talks:
        one = copy.deepcopy(record)
        one.fields.speakers, one.fields.title = [person], title
        one.fields.guessed.discard("title")
        found.append(one)
    return found or [record]


def _is_talk(record: Record) -> bool:
    fields = record.fields
    if not fields.speakers and not (record.unnamed and fields.title):
        return False
    if fields.title and NOT_TALK.match(fields.title):
        return False
    if fields.title and re.search(r"\blorem ipsum\b", fields.title, re.IGNORECASE):
        return False  # a template's example entry
    if _aside(record.section) and record.how == "entry":
        return False
    if fields.title and "title" not in fields.labels and (
            _plainly_a_name(fields.title)
            or len(fields.title.split()) <= 2 and _NON_TALK_SECTION.match(fields.title)):
        return False  # a name or a part of the site ("About", "Research") where the title would be
    return bool(fields.title or fields.date or fields.time or fields.title_open or fields.labels
                or record.how in ("front matter", "data", "json-ld", "table"))


def _unit_records(document: Document, layout: Layout, day_first: bool,
                  found: list[Record]) -> list[Record]:
    """The talks of the page's repeated units (``units``) whose speakers no other reading found
    (one speaker's units on two days are two talks); a talk another reading found gets the date,
    time and title its unit states when it lacks them, and a talk read from blocks without its
    title or date is the unit's reading when they differ."""
    known = {fold(p.name) for r in found for p in r.fields.speakers}
    where = {b.line: b for b in layout.blocks}
    records: list[Record] = []
    for unit in repeated_units(document, day_first):
        fields = unit.fields
        block = where.get(unit.line)
        if unit.aligned and block is not None and _aside(block.section, block.context):
            continue
        if unit.aligned and _read_within(unit, found):
            pass  # the unit's lines read as lines gave a worse talk: the aligned reading replaces it
        elif fold(fields.speakers[0].name) in known \
                and not ((unit.aligned or _read_whole(fields, found))
                         and _another_day(fields, found + records)):
            same = [r for r in found if r.fields.speakers and _same_talk(r.fields, fields)]
            if len(same) == 1:
                _complete(same[0].fields, fields)
            elif not same and fields.title and fields.date:
                broken = [r for r in found if r.how == "block" and r.fields.speakers
                          and fold(r.fields.speakers[0].name) == fold(fields.speakers[0].name)
                          and (r.fields.title is None or r.fields.date is None)]
                if len(broken) == 1:  # blocks read across the unit's edge (a date taken from the next
                    broken[0].fields, broken[0].line = fields, unit.line  # card): the unit, read
                    # within its edges, is the talk
            continue
        block = where.get(unit.line)
        section, context = (block.section, block.context) if block is not None else ("", ())
        if _aside(section, context):
            continue
        if fields.abstract is None and unit.abstract:
            fields.abstract = unit.abstract
        if any(_same_talk(r.fields, fields) for r in records):
            continue  # one unit read twice; another unit of the speaker's on another day is another talk
        records.append(Record(fields, unit.line, "unit", section, len(unit.blocks), context=context))
    return records


def _read_within(unit: Unit, found: list[Record]) -> bool:
    """Whether the one talk read line by line inside a unit of a shape family has its speaker and
    a title that is missing or guessed (the unit has one); it is taken out
    of ``found`` (the unit, read by the slots it shares with its siblings, replaces it), keeping
    what it states that the unit does not (an abstract, a place, links, an affiliation)."""
    fields = unit.fields
    last = max(b.line for b in unit.blocks)
    name = fold(fields.speakers[0].name)
    inside = [r for r in found if r.how in ("entry", "block") and unit.line <= r.line <= last
              and r.fields.speakers and fold(r.fields.speakers[0].name) == name]
    if len(inside) != 1 or not fields.title or "title" in fields.guessed:
        return False
    if not all(r.fields.title is None or "title" in r.fields.guessed
               or fold(r.fields.title) == fold(fields.title) for r in inside):
        return False  # a title the lines state plainly (marked, labelled) stays
    for record in inside:
        found.remove(record)
        more = record.fields
        fields.abstract = fields.abstract or more.abstract
        fields.place = fields.place or more.place
        fields.bio = fields.bio or more.bio
        fields.links = {**more.links, **fields.links}
        if fields.speakers[0].affiliation is None:
            fields.speakers[0].affiliation = more.speakers[0].affiliation
        if fields.date is None and more.date is not None:
            fields.date = more.date
        if fields.time is None and more.time is not None:
            fields.time = more.time
    return True


def _read_whole(fields: Fields, found: list[Record]) -> bool:
    """Whether every talk read so far of a unit's speaker has its title and its day (none is a
    reading broken across a unit's edge that the unit should mend), none has the unit's title (the
    same talk, its day read two ways), and the unit's day is as whole as theirs (a day without its
    year beside dated talks is a misreading, not another talk)."""
    name = fold(fields.speakers[0].name)
    theirs = [r.fields for r in found if r.fields.speakers and fold(r.fields.speakers[0].name) == name]
    if fields.date is None or fields.date.year is None and any(f.date and f.date.year for f in theirs):
        return False
    title = fold(fields.title or "")
    return all(f.title and f.date and not (title and (fold(f.title) in title or title in fold(f.title)
                                                      or fuzz.ratio(fold(f.title), title) >= 85))
               for f in theirs)


def _another_day(fields: Fields, found: list[Record]) -> bool:
    """Whether a unit states a talk of a day on which no talk read so far has its speaker (one
    person's talks on several days of a series are several talks)."""
    if fields.date is None or fields.date.day is None:
        return False
    name = fold(fields.speakers[0].name)
    return not any(r.fields.speakers and fold(r.fields.speakers[0].name) == name
                   and (r.fields.date is None or r.fields.date.iso() == fields.date.iso()) for r in found)


_GENERIC_TITLE = re.compile(
    r"^\W*(?:(?:associated|overview|invited|keynote|contributed|plenary|guest|special|department(?:al)?|"
    r"student|research|short|long|lightning|spotlight|featured|opening|closing|weekly|regular|joint|"
    r"upcoming|next|this week'?s?|online|virtual)\s+)*(?:talk|talks|presentation|presentations|session|"
    r"seminars?(?: series)?|colloquium|lecture|webinar|meeting)(?:\s*#?\d+)?\W*$", re.IGNORECASE)
_NUMBERED_SLOT = re.compile(r"^\W*(?:week|day|session|lecture|part|meeting|class|seminar|talk)\s*#?\d{1,2}"
                            r"\W*$", re.IGNORECASE)
_ABSTRACT_START = re.compile(r"^\W*(?:in this (?:talk|work|paper|lecture|presentation)|we |i will |i'll |"
                             r"this (?:talk|work|paper|lecture|presentation) |our |abstract\b|bio\b|"
                             r"(?:he|she|they) (?:is|are|was|received|holds|has)\b)", re.IGNORECASE)
_ANNOUNCEMENT = re.compile(r"\b(?:will be|please|note (?:the|that|special)|stay tuned|join us|click|"
                           r"subscribe|"
                           r"mailing list|broadcast|live ?stream|zoom link|register)\b", re.IGNORECASE)


_WHEN_AND_WHERE = re.compile(r"^\W*at\s+[-–]\s*(?:(?:in|room|at)\b.{0,40})?$", re.IGNORECASE)
"""A slot's time and place where the title was read, its clock taken out ("at - in Room 4145")."""


def not_a_title(title: str, fields: Fields) -> bool:
    """Whether the words read as a talk's title are something else: the kind of the slot ("Invited
    talk", "Overview Talk"), a notice to the audience in a guessed title ("Note special time..."),
    or the speaker again ("Ada Lovelace (Cambridge)")."""
    if _GENERIC_TITLE.match(title) or _NUMBERED_SLOT.match(title):
        return True
    rest = title
    for found in [*find_times(title), *find_dates(title)]:
        rest = rest.replace(title[found.start:found.end], " ")
    if rest != title and not re.search(r"[^\W\d_]{3,}", rest):
        return True  # "3.30pm", "Tuesday 19 October": a time or a day left where the title would be
    if _WHEN_AND_WHERE.match(title):
        return True  # "at - in Room 4145": what is left of "at 11am in Room 4145" once its time is read
    if "title" in fields.guessed and (_ANNOUNCEMENT.search(title) or _ABSTRACT_START.match(title)
                                      or len(title.split()) > 25):
        return True  # a guessed title that is a notice, or the first words of an abstract
    named = speakers_of(title)
    return bool(named) and any(fold(p.name) == fold(s.name) for p in named for s in fields.speakers)


def _complete(into: Fields, unit: Fields) -> None:
    """A talk's missing date, time and title (or a guessed one) from the unit that states it whole."""
    if into.date is None and unit.date is not None:
        into.date, into.time = unit.date, into.time or unit.time
    elif into.time is None and unit.time is not None and (unit.date is None or into.date == unit.date):
        into.time = unit.time
    if unit.title and "title" not in unit.guessed and (into.title is None or "title" in into.guessed):
        into.title = unit.title
        into.guessed.discard("title")


def _plainly_a_name(text: str) -> bool:
    """Whether text is a person's name: shaped like one, and no word of it a word of titles
    ("Damek Davis", not "Tricomi's Equation")."""
    words = [w for w in text.split() if len(w.strip(".")) > 1]
    leanings = [word_leaning(w) for w in words]
    return is_name(text) and "title" not in leanings


# --- context: years, series times, duplicates ----------------------------------------------

def _contexts(records: list[Record], layout: Layout, document: Document, page_year: int | None) -> None:
    """Years from headings (else ``page_year``) and series times from the page, for talks that lack them."""
    small = [cell for table in layout.tables if len(table.rows) <= 4 for row in table.rows for cell in row]
    series = _series_time(layout.blocks, [b for b in small if b.text])  # a page's head laid out as a table
    terms = _term_times(layout.blocks) if series is not None else []
    page_date = _page_date(layout.blocks)
    page_time = _page_time(layout.blocks, page_date) if len(records) <= _SESSION_TALKS and not any(
        r.fields.time for r in records) else None  # a short session's talks, none with its own time
    if (page_date is None or page_date.year is None) and records \
            and not any(r.fields.date and r.fields.date.month for r in records) \
            and sum(bool(r.fields.time) for r in records) >= max(2, 0.6 * len(records)):
        day = _programme_day(layout.blocks)  # a one-day programme: its slots give times only
        if page_date is None or (day is not None and (day.month, day.day) == (page_date.month,
                                                                                page_date.day)):
            page_date = day  # the same day, with its year
    title = document.front_matter.get("title") if document.front_matter else None
    page = [title] if isinstance(title, str) else []
    undated = not any(r.fields.date for r in records)  # weekly slots ("Week 3"): the series time holds
    run = stated_run(layout.blocks)
    headed: dict[str, time | None] = {}  # the meeting time a heading states, read once a heading
    for record in records:
        fields = record.fields
        headings = page + list(record.context)
        if run is not None and (fields.date is None or not fields.date.day):
            fields.date = _nth_day(headings, run) or fields.date
        if record.how == "block" and headings and fields.date is not None \
                and not _TERM_ALONE.fullmatch(headings[-1]) \
                and not YEAR_ALONE.fullmatch(headings[-1]):
            headings = headings[:-1]  # the record's own heading gave its date (a term's or a year's
            # heading, "Spring 2025" over its talks, is no talk's own)
        if fields.date is None:
            for heading in reversed(headings):
                dates = find_dates(heading)
                if len(dates) == 1:  # a day heading, not a range ("Aug 03 - Sep 07")
                    fields.date = dates[0].value  # type: ignore[assignment]
                    break
                alone = re.fullmatch(r"[\W_]*((?:19|20)\d{2})[\W_]*", heading)
                if alone:  # a year heading: the talks under it are of that year
                    fields.date = PartialDate(int(alone.group(1)), None, None)
                    break
        if page_date is not None and (fields.date is None or page_date.day and fields.date.month is None
                                      and fields.date.year in (None, page_date.year)):
            fields.date = page_date  # "2017" from the title of a one-day programme: that day of 2017
        if page_time is not None and fields.time is None and fields.date == page_date:
            fields.time = page_time
            fields.guessed.add("time")
        if fields.date is not None and fields.date.year is None and fields.date.month:
            for heading in reversed(headings):
                year = _year_of(heading, fields.date.month)
                if year:
                    fields.date = fields.date.with_year(year)
                    break
            else:
                fields.date = fields.date.with_year(page_year)
        stated: time | dict[int, time] | None = next((t for line, t in reversed(terms)
                                                     if line < record.line), series)
        for heading in record.context:
            if heading not in headed and len(heading) < 250:
                headed[heading] = _stated_time(Block(heading, record.line, "p"))
        own = next((t for heading in reversed(record.context) for t in [headed.get(heading)] if t), None)
        stated = own or stated  # "Summer 2017 ... Every Tuesday at 4:00 PM" over its own rows
        if isinstance(stated, dict):  # a time per weekday: the talk's day tells which
            calendar = _full_date(fields.date)
            stated = stated.get(calendar.weekday()) if calendar is not None else None
        if fields.time is None and stated is not None and (fields.date is not None or undated):
            fields.time = stated
            fields.guessed.add("time")


_DAY_NUMBER = re.compile(r"\W*(?:day|tag|jour|d[ií]a|giorno)\s*(?P<n>[1-9]|one|two|three|four|five)\b|"
                         r"\W*(?P<cjk>[1-9])\s*日目", re.IGNORECASE)
"""A heading that numbers a day of a meeting ("Day 2", "Day Two: Talks", "Tag 1", "2日目")."""
_NUMBER_WORDS = ("one", "two", "three", "four", "five")


def _nth_day(headings: list[str], run: tuple[date, date]) -> PartialDate | None:
    """The day of a meeting's run of days (``run``) that the nearest heading over a talk numbers."""
    for heading in reversed(headings):
        match = _DAY_NUMBER.match(heading)
        if match is None:
            continue
        word = (match["n"] or match["cjk"]).lower()
        day = run[0] + timedelta(days=(int(word) if word.isdigit() else _NUMBER_WORDS.index(word) + 1) - 1)
        return PartialDate(day.year, day.month, day.day) if day <= run[1] else None
    return None


def _full_date(value: PartialDate | None) -> date | None:
    """The calendar day of a date that gives year, month and day."""
    if value is None or not (value.year and value.month and value.day):
        return None
    try:
        return date(value.year, value.month, value.day)
    except ValueError:
        return None


def _year_of(text: str, month: int) -> int | None:
    """The year a heading gives to a month of it: "2023-2024" gives 2023 to September and 2024 to
    March (an academic year)."""
    span = re.search(r"\b((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)?\d{2})\b", text)
    if span:
        first = int(span.group(1))
        return first if month >= 8 else first + 1
    years = set(re.findall(r"\b((?:19|20)\d{2})\b", text))
    if len(years) == 1:
        return int(years.pop())
    term = re.search(r"\b(?:spring|summer|fall|autumn|winter)\s+'?(\d{2})\b", text, re.IGNORECASE)
    if term:
        return 2000 + int(term.group(1))
    dates = find_dates(text)
    if len(dates) == 1 and dates[0].value.year:  # type: ignore[attr-defined]
        return dates[0].value.year  # type: ignore[attr-defined, no-any-return]
    return None


_WILL_BE_HELD = re.compile(r"\b(?:will be held|will take place|takes? place|is held|held on|will be on|"
                           r"is on|will happen)\b", re.IGNORECASE)


def _page_date(blocks: list[Block]) -> PartialDate | None:
    """The one day a whole page is about, when a ``Date:`` line says it (a one-day workshop) or
    a sentence near the top does ("The workshop will be held December 13")."""
    found = set()
    for block in blocks:
        labelled = label_of(block.text.split("\n")[0])
        if labelled and labelled[0] == "date":
            dates = find_dates(labelled[1])
            if len(dates) == 1 and dates[0].value.day:  # type: ignore[attr-defined]
                found.add(dates[0].value)
    if not found:
        for block in blocks[:15]:
            if _WILL_BE_HELD.search(block.text):
                dates = find_dates(block.text)
                if len(dates) == 1 and dates[0].value.day:  # type: ignore[attr-defined]
                    found.add(dates[0].value)
    return found.pop() if len(found) == 1 else None  # type: ignore[return-value]


_SESSION_TALKS = 4
"""A page's one dated line gives its time to a few talks (a talk's page, one session's short talks);
a longer list under one day is a programme whose talks start one after the other."""


def _page_time(blocks: list[Block], day: PartialDate | None) -> time | None:
    """The time the page's ``Date:`` line states beside its one day ("When: Friday, 17/09/2021,
    between 12pm and 12:30pm EDT (4pm - 4:30pm UTC)"): its first, the others its end or other zones."""
    if day is None or not day.day:
        return None
    found = set()
    for block in blocks:
        labelled = label_of(block.text.split("\n")[0])
        if labelled and labelled[0] == "date":
            dates = find_dates(labelled[1])
            times = find_times(labelled[1])
            if len(dates) == 1 and dates[0].value == day and times:
                found.add(times[0].value[0])  # type: ignore[index]
    return found.pop() if len(found) == 1 else None  # type: ignore[return-value]


def _programme_day(blocks: list[Block]) -> PartialDate | None:
    """The one day the top of a page names ("... on Friday the 14th of September 2018", a "When"
    section), for a programme whose slots give clock times and no day; none when it names two."""
    days = [d.value for b in blocks[:15] for d in find_dates(b.text)
            if d.value.day]  # type: ignore[attr-defined]
    if not days or len({(d.month, d.day) for d in days}) != 1:  # type: ignore[attr-defined]
        return None
    years = {d.year for d in days if d.year}  # type: ignore[attr-defined]
    if len(years) > 1:
        return None
    return next((d for d in days if d.year), days[0])  # type: ignore[attr-defined, return-value]


def _page_year(document: Document, blocks: list[Block]) -> int | None:
    """The one year a page's title, top headings and ``Dates:`` lines name (none when they name
    several, or none)."""
    title = document.front_matter.get("title") if document.front_matter else None
    texts = [title if isinstance(title, str) else "", document.root.getroottree().findtext(".//title") or ""]
    texts += [b.text for b in blocks if b.level == 1]
    texts += [b.text for b in blocks[:30] if re.match(r"\W*(?:dates?|when)\W*:", b.text, re.IGNORECASE)]
    texts += [b.text for b in blocks[:8] if _TERM_ALONE.fullmatch(b.text)]  # "Summer 2018" under the title
    front = document.front_matter or {}
    texts += [str(front[k]) for k in ("description", "subtitle", "year", "event", "conference")
              if isinstance(front.get(k), str | int)]
    years = set(re.findall(r"\b((?:19|20)\d{2})\b", " ".join(texts)))
    if years:
        return int(years.pop()) if len(years) == 1 else None
    years = {str(d.value.year) for b in blocks[:40] if b.level and len(b.text) < 80  # type: ignore[attr-defined]
             for d in find_dates(b.text) if d.value.year and d.value.day}  # type: ignore[attr-defined]
    # the days of a meeting heading its programme ("August 19-21, 2019"), not a term ("Fall 2020")
    years |= {y for b in blocks[:40] if b.level and len(b.text) < 80 for y in re.findall(
        r"\b[0-3]?\d(?:st|nd|rd|th)?\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b", b.text)}
    if years:
        return int(years.pop()) if len(years) == 1 else None
    years = {y for k in ("permalink", "url") if isinstance(front.get(k), str)
             for y in re.findall(r"(?<![\d])((?:19|20)\d{2})(?![\d])", front[k])}  # "/seminars/2021"
    if len(years) == 1:
        return int(years.pop())
    dated_post = re.match(r"(?:19|20)\d{2}-\d{2}-\d{2}-", document.path.name) or front.get("layout") == "post"
    posted = front.get("date") if dated_post else None  # a post's own date, when nothing else names
    # a year (a page's template date is no post date: only posts are dated when they are written)
    if isinstance(posted, date):
        return posted.year
    match = re.match(r"\s*((?:19|20)\d{2})-\d", str(posted)) if posted else None
    return int(match.group(1)) if match else None


def _series_time(blocks: list[Block], cells: list[Block] = ()) -> time | None:  # type: ignore[assignment]
    """The time every talk of a series starts, when the page states one ("every Monday at 4pm",
    "Time: 10:30 am-12:00 pm Monday"), in its first blocks, in a small table laying out its head, or
    in its last blocks (a footer or a side bar: "Time: 1st Wednesday of the month at 2pm")."""
    tail = blocks[max(80, len(blocks) - 40):]
    for block in [*blocks[:80], *cells, *tail]:
        found = _stated_time(block)
        if found is not None:
            return found
    return None


_MEET = re.compile(r"\b(?:we|group|seminar|club|class)\s+(?:will\s+)?meets?\b|\bmeetings\s+(?:are|will be)\b|"
                   r"\b(?:sessions|seminars|talks|meetings|lectures|classes)\s+(?:are|will\s+be)\s+held\b|"
                   r"(?:\broom|(?-i:(?<=[a-z])Room))\s+[^.;:\n]{1,30}?\bat\s+(?=\d)",  # "modelsRoom": glued
                   re.IGNORECASE)
"""How a page says when its series meets ("We meet 4:30--5:30", "Meetings are Thursdays, 10am",
"Sessions will be held via Zoom starting at 5pm (JST)", a term's caption "Room 238 at 11:00 AM")."""


def _term_times(blocks: list[Block]) -> list[tuple[int, time | dict[int, time]]]:
    """The series times a page states under its terms' headings ("In Spring 2024, the seminar meets
    on Fridays, 2:00 - 2:50 PM"), with their lines: a talk takes the last one stated above it. A
    term that alternates days gives a time per weekday ("Thursdays 1-2pm and Fridays 11-12 am")."""
    stated: list[tuple[int, time | dict[int, time]]] = []
    for block in blocks:
        if block.level:
            continue
        by_day = _weekday_times(block.text)
        found = by_day if len(by_day) >= 2 else _stated_time(block)
        if found:
            stated.append((block.line, found))
    return stated


_WEEKDAY_TIME = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b[^.;\n\d]{0,12}(?=\d)",
                           re.IGNORECASE)
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def _weekday_times(text: str) -> dict[int, time]:
    """The time a text gives each weekday it names just before a time ("Thursdays 1-2pm")."""
    found: dict[int, time] = {}
    for match in _WEEKDAY_TIME.finditer(text):
        times = find_times(text[match.end():match.end() + 20])
        if times and times[0].start == 0:
            found[_WEEKDAYS.index(match.group(1).lower())] = times[0].value[0]  # type: ignore[index]
    return found


def _stated_time(block: Block) -> time | None:
    """The series time one block states, read line by line and sentence by sentence (a sentence
    may wrap: "We meet Thursday from\n3:30pm - 4:30pm")."""
    lines = block.text.split("\n")
    if len(lines) > 1 and len(block.text) < 600:
        lines += re.split(r"(?<=[.;!?])\s+", " ".join(lines))
    if not block.level and heading_label(block.section) == "time" and len(block.text) < 120 \
            and not find_dates(block.text) and find_times(block.text):
        return find_times(block.text)[0].value[0]  # type: ignore[index, no-any-return]  # "## Horário" over it
    for text in lines:
        labelled = label_of(text)
        if labelled and labelled[0] == "time" and not find_dates(text) and find_times(text):
            return find_times(text)[0].value[0]  # type: ignore[index, no-any-return]
        weekly = re.search(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b", text, re.IGNORECASE)
        ranges = [t for t in find_times(text) if t.value[1] is not None]  # type: ignore[index]
        if weekly and ranges and len(text) < 120 and not find_dates(text):
            return ranges[0].value[0]  # type: ignore[index, no-any-return]
        times, dates = find_times(text), find_dates(text)  # a day after the time: "(except June 14 ...)"
        if _MEET.search(text) and times and len(text) < 250 and (
                not dates or times[0].start < dates[0].start):
            return times[0].value[0]  # type: ignore[index, no-any-return]
        if _SERIES_TIME.search(text):
            times = find_times(text)
            if times:
                return times[0].value[0]  # type: ignore[index, no-any-return]
    return None


def _unique(records: list[Record]) -> list[Record]:
    """One record per talk: the same speaker with the same (or no) title is merged."""
    kept: list[Record] = []
    for record in records:
        twin = next((k for k in kept if _same_talk(k.fields, record.fields)
                     and not _two_items(k, record)), None)
        if twin is None:
            kept.append(record)
            continue
        if "title" in twin.fields.guessed and record.fields.title and "title" not in record.fields.guessed:
            twin.fields.title = record.fields.title  # the title the page marks beats a guessed one
            twin.fields.guessed.discard("title")
        _merge_fields(twin.fields, record.fields)
    return kept


def _two_items(a: Record, b: Record) -> bool:
    """Whether two records are two items of a list (one entry each) with different titles: two
    talks of one speaker, whatever title was guessed."""
    return a.how == b.how == "entry" and bool(a.fields.title and b.fields.title) \
        and fuzz.ratio(fold(a.fields.title or ""), fold(b.fields.title or "")) < 85


def _same_talk(a: Fields, b: Fields) -> bool:
    if not a.speakers or not b.speakers or fold(a.speakers[0].name) != fold(b.speakers[0].name):
        return False
    if a.date and b.date and a.date.iso() != b.date.iso():
        return False
    if a.place and b.place and fold(a.place) != fold(b.place):
        return False  # one talk given at two places ("Title. Rice University, 2024" twice)
    if a.title and b.title:
        guessed = ("title" in a.guessed) + ("title" in b.guessed)
        if (a.date is None or b.date is None) and (guessed == 1 or guessed == 2 and (a.date or b.date)):
            return True  # a page's head and its body state one talk, one of them with a guessed title
            # (two undated entries with guessed titles are two entries of a list: two talks)
        return fuzz.ratio(fold(a.title), fold(b.title)) >= 85
    return True  # one of them has no title: the same speaker's one talk, stated twice
