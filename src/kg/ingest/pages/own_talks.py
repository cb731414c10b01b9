"""Personal talk lists: the talks a person lists on their own page, where no speaker is printed.

Under a "Talks" title or heading, every line is one of three things: a talk's title (a marked
line, a line the markup calls a title, or plain words that read as a title), an occurrence (a line
with a date or a year, or one that names a venue: a conference, a seminar, a university, a city),
or a link line ("Slides", "Video", "Best Poster Award"). An occurrence belongs to the title it
hangs under (a nested list item under its venue belongs to that venue's line; lines after a title
belong to it), and each occurrence is one talk: the same talk given at three venues is three talks.
A title without occurrences is one talk; an occurrence without a title is a talk whose title is
not printed. The speaker is the page's owner.

Entries come in several shapes: "*Title.* Venue, City, 2024" on one line (the marked run that opens
the line is the title, the rest its place); "**Venue**, City, March 2024, (Talk) *Title*" in one list
item (the venue and date lines belong to the marked title that ends the item); "Title. *Venue*
(Seminar, 2 April 2021)" (the title read from the entry's segments); and entries written as
citations under a heading of talks (``cited_talks``: authors, year, title and venue read by
``segments.read_citation``, the underlined author as the one who gave the talk).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.ingest.pages.blocks import Block, Span
from kg.ingest.pages.document import Document
from kg.ingest.pages.entries import LINK_WORDS, QUOTED, clean_title, speakers_of
from kg.ingest.pages.fields import (
    Found,
    PartialDate,
    find_dates,
    is_name,
    is_organization,
    is_placeholder,
    word_leaning,
)
from kg.ingest.pages.segments import read_citation, segments

TALK_LIST = re.compile(r"\b(?:talks?|presentations?|lectures|seminars given|invited talks|keynotes?|"
                       r"tutorials)\b", re.IGNORECASE)
_VENUE = re.compile(
    r"\b(?:conference|meeting|symposium|workshop|seminars?|colloquium|universit\w*|institut\w*|"
    r"school|society|annual|international|summit|forum|congress|labs?|laboratory|department|dept|"
    r"cent(?:er|re)|webinar|lightning|lunch|club|keynote|plenary|invited|orientation|retreat|"
    r"inria|cnrs|google|microsoft|deepmind|"
    r"(?:neurips|nips|icml|iclr|colt|aistats|uai|alt|cvpr|iccv|eccv|acl|emnlp|kdd|siam|informs|"
    r"ieee|acm|jsm|isba|icassp|iccopt|ismp|eurips)\b)", re.IGNORECASE)
_PLACE = re.compile(r",\s*(?:[A-Z]{2}|USA|UK|France|Germany|Canada|China|Japan|Italy|Spain|online|"
                    r"virtual)\.?$")
_JUNK = re.compile(r"^\W*(?:best\s+\w+\s+award|award|poster|slides?|video|code|pdf|abstract|"
                   r"recording|link|material)s?\b.{0,20}$", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/])")


@dataclass
class OwnTalk:
    """A talk read from a personal list: title (or none), date, line, and the headings above."""

    title: str | None
    date: PartialDate | None
    line: int
    section: str
    context: tuple[str, ...]
    venue: str | None = None
    with_speakers: list[str] = field(default_factory=list)
    """The people a "With X, Y" line under the talk names: they gave it with the page's owner."""


@dataclass
class _Line:
    text: str
    number: int
    depth: int
    kind: str  # "title", "venue" or "link"
    title: str | None = None
    date: PartialDate | None = None
    block: Block | None = None
    rest_dated: bool = False
    rest: str | None = None
    before_title: bool = False
    marked: bool = False
    with_speakers: list[str] = field(default_factory=list)


@dataclass
class _Unit:
    title: _Line | None
    occurrences: list[list[_Line]] = field(default_factory=list)


def in_talk_list(block: Block, page_title: str) -> bool:
    """Whether a block stands on a page or under a heading that lists talks."""
    return bool(TALK_LIST.search(page_title)) or any(TALK_LIST.search(h) for h in block.context)


_PAPER_LIST = re.compile(r"\b(?:publications?|papers?|preprints?|articles?|bibliography)\b", re.IGNORECASE)
_TALKS_PLURAL = re.compile(r"\b(?:talks|presentations|lectures|seminars given|invited seminars)\b",
                           re.IGNORECASE)
"""A list of talks names them in the plural; "Talk: ..." or "STORi talk" titles one talk's page."""
_YEAR_HEADING = re.compile(r"\W*(?:19|20)\d{2}\W*")


def in_talks_only(block: Block, page_title: str) -> bool:
    """Whether a block is an entry of a list of talks given and of no list of papers: the nearest
    heading above it (a year aside) names talks in the plural and no papers, or, without one, the
    page's title does ("Talks", "Invited presentations"; not "Publications and talks", not the
    one talk of "STORi talk")."""
    return listed_talks(block.context, page_title)


def listed_talks(context: tuple[str, ...], page_title: str) -> bool:
    """Whether the headings above an entry (``context``, outermost first) or, without one, the
    page's title name a list of talks and no papers (``in_talks_only``)."""
    named = next((h for h in reversed(context) if not _YEAR_HEADING.fullmatch(h)), None)
    where = named if named else page_title
    return bool(_TALKS_PLURAL.search(where)) and not _PAPER_LIST.search(where)


def listed_papers(heading: str) -> bool:
    """Whether a heading names a list of papers ("Publications", "Selected papers")."""
    return bool(_PAPER_LIST.search(heading))


def page_title_of(document: Document) -> str:
    """The title a page gives itself: its front matter's ``title``, else its HTML ``<title>``."""
    title = document.front_matter.get("title") if document.front_matter else None
    if isinstance(title, str):
        return title
    metadata = _METADATA_TITLE.match(document.source) if not document.is_html else None
    return metadata.group(1).strip() if metadata else (document.root.getroottree().findtext(".//title") or "")


_METADATA_TITLE = re.compile(r"\A\s*Title:[ \t]*(\S[^\n]*)\n")
"""The title line of a Markdown file's metadata in the Pelican and MultiMarkdown style ("Title: Talks")."""


@dataclass
class CitedTalk:
    """A talk a list of talks writes as a citation: its speakers (the authors), title, year, venue."""

    speakers: list[str]
    title: str
    year: int | None
    venue: str
    line: int
    section: str
    context: tuple[str, ...]


def cited_talks(blocks: list[Block], page_title: str) -> list[CitedTalk]:
    """The entries of a list of talks written as citations ("Fishman, A. and B. Jones (2022).
    Title. *Conference*."), read by their structure (``segments.read_citation``): the authors are
    the speakers."""
    found = []
    for block in blocks:
        if block.level or block.struck or len(block.text) > 900 or not in_talks_only(block, page_title):
            continue
        dates = find_dates(block.text, False)
        if dates and getattr(dates[0].value, "month", None):
            continue  # a day: a schedule's entry ("Title. Speaker, University. 3 March 2024"), no citation
        reading = read_citation(block.text, block.spans)
        if reading is not None and reading.authors and not any(is_organization(a) for a in reading.authors):
            underlined = [s.text for s in block.spans if s.kind == "u"]
            presenter = [a for a in reading.authors if a in underlined]  # "<u>H. Lefebvre</u>, E. Malaguti"
            title = clean_title(reading.title) or reading.title
            found.append(CitedTalk(presenter or reading.authors, title, reading.year, reading.venue,
                                   block.line, block.section, block.context))
    return found


def own_talks(blocks: list[Block], page_title: str, day_first: bool,
              source: Sequence[str] = ()) -> list[OwnTalk]:
    """The talks of the personal talk list(s) among ``blocks`` (``source``: the page's lines, as
    ``Document.lines`` numbers them, where the file line of each line of a block is looked up)."""
    source_lines = _Source(source)
    lines = []
    term_titled = False  # the definition list's term above is a title: its descriptions are occurrences
    headed = False  # the block is the entry under a heading that is its talk's title
    for n, block in enumerate(blocks):
        following = blocks[n + 1] if n + 1 < len(blocks) else None
        if block.level and following is not None \
                and _titles_its_entry(block, following, page_title, day_first):
            lines.append(_Line(block.text, block.line, following.depth, "title",
                               title=clean_title(block.text), block=block, marked=True))
            headed = True
            continue
        if block.tag == "dt":
            term_titled = not find_dates(block.text, day_first) and not _YEAR.search(block.text)
        elif block.tag != "dd":
            term_titled = False
        if not block.level and not block.struck and in_talk_list(block, page_title) and _a_list(block):
            lines.extend(_lines(block, day_first, block.tag == "dd" and term_titled or headed, source_lines))
        headed = False
    talks: list[OwnTalk] = []
    for unit in _units(lines):
        talks.extend(_talks_of(unit))
    return talks


def _titles_its_entry(heading: Block, following: Block, page_title: str, day_first: bool) -> bool:
    """Whether a heading on a page of talks is a talk's title: the page's title names talks, the
    heading reads as a title (no year, no list's name) and the short line under it, no heading,
    gives a day ("#### Title" then "*Venue* // 2 November 2017")."""
    if following.level or len(following.text) > 300 or heading.level < 2:
        return False
    if not _TALKS_PLURAL.search(page_title):
        return False
    text = heading.text
    if _YEAR.search(text) or TALK_LIST.search(text) or _PAPER_LIST.search(text) or len(text.split()) < 2:
        return False
    dates = find_dates(following.text.split("\n")[0], day_first)
    return bool(dates) and bool(getattr(dates[0].value, "month", None))


class _Source:
    """A page's lines with their spaces folded, to find where a line of a block stands."""

    def __init__(self, source: Sequence[str]) -> None:
        lines = [" ".join(line.split()) for line in source]
        self.flat = "\n".join(lines)
        self.starts = [0]
        for line in lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def offset_of_line(self, line: int) -> int | None:
        """Where the 0-based ``line`` starts in the folded text; ``None`` past the end."""
        return self.starts[line] if 0 <= line < len(self.starts) else None

    def find(self, offset: int, text: str, window: int = 400) -> tuple[int, int] | None:
        """The 0-based line at or after character ``offset`` (within ``window`` lines) that holds the
        opening of ``text`` (its first 24 characters), and the offset just past that opening, so the
        next line of a block is looked for after this one; ``None`` when none does."""
        opening = " ".join(text.split())[:24]
        if len(opening) < 12 or not 0 <= offset < len(self.flat):
            return None
        first = bisect_right(self.starts, offset) - 1
        stop = self.starts[first + window] if first + window < len(self.starts) else len(self.flat)
        found = self.flat.find(opening, offset, stop)
        return (bisect_right(self.starts, found) - 1, found + len(opening)) if found >= 0 else None


def _list_item(block: Block) -> bool:
    """Whether a block is one item of a list (``<li>``, or the paragraph of a loose list's item)."""
    return block.tag == "li" or block.tag == "p" and block.depth >= 1


def _a_list(block: Block) -> bool:
    """Whether a block is short, or a list written in one block: entries on lines of their own
    (``<br>`` between them in hand-written HTML), none of them a paragraph."""
    if len(block.text) <= 1500:
        return True
    lines = block.text.split("\n")
    return len(lines) >= 5 and max(len(line) for line in lines) <= 300


def _lines(block: Block, day_first: bool, described: bool = False,
           source: _Source | None = None) -> list[_Line]:
    """The lines of a block, each classified; ``described``: the block describes a term that is a
    talk's title (``<dd>`` under ``<dt>``), so none of its lines is a title."""
    found = []
    cursor = source.offset_of_line(block.line - 1) if source is not None else None
    for offset, raw in enumerate(block.text.split("\n")):
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", raw).strip(" -–*+•")
        if not text:
            continue
        spans = [s for s in block.spans if s.text and s.text in text]
        number = block.line + offset
        at = source.find(cursor, text) if source is not None and cursor is not None \
            and block.text.count("\n") else None
        if at is not None:  # the line's own line in the file (lines joined by <br> in one element)
            number, cursor = at[0] + 1, at[1]
        line = _classify(text, spans, block, number, day_first)
        if described and line.kind == "title":
            line.kind, line.title, line.marked, line.rest = "venue", None, False, None
        if line.title:
            line.title = _without_link_texts(line.title, spans)
            topic = _DESCRIBED.match(line.title or "")
            if topic:  # "Talk on OpenEuroLLM at the Friday Talks": the topic is the title
                line.title = topic.group(1)
        found.append(line)
    titles = [line for line in found if line.kind == "title"]
    if _list_item(block) and len(titles) >= 2 and sum(t.marked for t in titles) <= 1:
        kept = next((t for t in titles if t.marked), titles[0])  # one list item, one entry: one title
        for line in titles:
            if line is not kept:
                line.kind, line.title, line.marked, line.rest = "venue", None, False, None
        titles = [kept]
    venues = [line for line in titles if is_venue(line.text) or line.date]
    if len(titles) >= 2 and 0 < len(venues) < len(titles) and all(t.marked for t in titles):
        # "**Workshop on X**, ... *Title*": one entry
        for line in venues:
            line.kind, line.title = "venue", None
    for n, line in enumerate(found):
        line.before_title = any(later.kind == "title" and (later.marked or _list_item(block))
                                for later in found[n + 1:])  # one list item: its lines before its title
    return found


def is_venue(text: str) -> bool:
    """Whether a line names where a talk was given (a meeting, a seminar, an institution, a city)."""
    return bool(_VENUE.search(text) or _PLACE.search(text.rstrip(". ")))


_WITH = re.compile(r"^\W*(?:(?:co-?)?presented\s+|given\s+|together\s+)?with\s+(?P<names>.+)$", re.IGNORECASE)
"""A line that names who gave a talk with the list's owner ("With Aditya Gopalan.", "Together with
A. Bo and C. Du, TTIC")."""
_NAMES_END = re.compile(r"[;:()\[\]]|(?<=[^\W\d_]{2})\.(?:\s|$)")
"""Where the names of a "With" line end: a sentence's stop (not an initial's), a colon, a bracket."""


def with_speakers(text: str) -> list[str]:
    """The people a line opening with "With" names ("With Kshitij Kumar Patel, TTIC." → the one
    name; an institution or a phrase after the names is dropped); none when the first is no name
    ("With applications to control")."""
    match = _WITH.match(text.strip())
    if match is None:
        return []
    names = _NAMES_END.split(match["names"], maxsplit=1)[0]
    parts = [p.strip(" .,") for p in re.split(r",|\band\b|&", names)]
    found = [p for p in parts if p and is_name(p)]
    return found if parts and found and found[0] == parts[0] else []


def _classify(text: str, spans: list[Span], block: Block, number: int, day_first: bool) -> _Line:
    dates = find_dates(text, day_first, runs=True)  # "Venue, April 16-17, 2026": the talk's month
    date = dates[0].value if dates else None
    if date is None and _YEAR.search(text):
        date = PartialDate(int(_YEAR.search(text).group(1)), None, None)  # type: ignore[union-attr]
    line = _Line(text, number, block.depth, "venue", date=date, block=block)  # type: ignore[arg-type]
    line.with_speakers = with_speakers(text)
    if line.with_speakers:
        return line  # the talk's other speakers: a line of its occurrence, no title
    if LINK_WORDS.match(text) or _JUNK.match(text) or is_placeholder(text) or _BRACKETED.fullmatch(text) \
            or text.endswith(":") and not block.level:  # a lead-in ("Some talks I have given:")
        line.kind = "link"
        return line
    marked = next((s.text for s in spans if s.kind in ("b", "a", "i") and len(s.text.split()) >= 2
                   and (len(s.text) >= 0.4 * len(text) or _leads(s.text, text))
                   and not (s.kind == "i" and is_venue(s.text))
                   and not (date is not None and is_venue(s.text))  # "**Workshop X** - Place (2024)"
                   and not _YEAR.search(s.text)  # an event's name ("*ICML 2024*"), not a talk's title
                   and not (dates and text[dates[0].start:dates[0].end] in s.text)  # a link on "DATE: Title"
                   and not is_name(s.text)
                   and not _JUNK.match(s.text)), None)
    quoted = QUOTED.search(text)
    if quoted and len(quoted.group(0)) > 10:
        marked = quoted.group(0)
    if (block.role == "title" or block.tag == "dt") and not date:
        marked = text  # what the markup calls a title, or a definition list's term
    if marked:
        line.kind, line.title, line.marked = "title", clean_title(marked), True
        rest = text.replace(marked, " ")
        line.rest_dated = bool(find_dates(rest, day_first) or _YEAR.search(rest))
        rest = " ".join(rest.split()).strip(" .,;:()*_\"“”")
        line.rest = rest if re.search(r"[^\W\d_]{2,}", rest) else None
        return line
    if date is None and not is_venue(text) and _title_like(text):
        line.kind, line.title = "title", clean_title(text)
        return line
    led = _dated_lead(text, dates, spans)
    if led:  # "2019/07/05: Making better plots, CSIRO, Canberra": the title after the day
        line.kind, line.title, line.rest_dated = "title", led, True
        line.rest = text[text.find(led) + len(led):].strip(" .,;:") or None
        return line
    pieces = segments(text, spans)
    head = pieces[0] if len(pieces) >= 2 else ""
    rest = text[len(head):]
    if len(head.split()) >= 3 and text.startswith(head) and not is_venue(head) and not _YEAR.search(head) \
            and not find_dates(head, day_first) and _title_like(head) \
            and len(re.findall(r"[^\W\d_]{3,}", rest)) >= 2:  # a venue after it, not a date's tail
        line.kind, line.title = "title", clean_title(head)  # "Title. *Venue* (Seminar, 2 April 2021)"
        line.rest = rest.strip(" .,;:")
        line.rest_dated = True
    return line


def _dated_lead(text: str, dates: list[Found], spans: list[Span]) -> str | None:
    """The title of a line that opens with the talk's day ("2019/11/28: Title, Venue 2019, City"):
    the words after the day up to its first sentence's end, less the trailing comma-separated
    pieces that name a venue, carry a year or are a place's few words; ``None`` when nothing
    title-like is left, or when bold or italics open the words after the day (the markup then says
    what the title is: "[25/09/2020] **Seminar** - ...")."""
    if not dates or dates[0].start > 2 or not isinstance(dates[0].value, PartialDate) \
            or not dates[0].value.day:
        return None
    rest = text[dates[0].end:].lstrip(" :-–—.])")
    if any(s.kind in ("b", "i") and s.text.strip() and rest.startswith(s.text.strip()) for s in spans):
        return None
    rest = re.split(r"(?<=[^\W\d_]{2}\.)\s+(?=[A-Z])", rest, maxsplit=1)[0].strip(" .")
    pieces = re.split(r",\s+", rest)
    while len(pieces) > 1 and (is_venue(pieces[-1]) or _YEAR.search(pieces[-1])
                               or len(pieces[-1].split()) <= 3):
        pieces.pop()
    title = ", ".join(pieces).strip(" .,;:\"“”")
    if not title or is_venue(title) or _YEAR.search(title) or not _title_like(title):
        return None
    return clean_title(title)


_DESCRIBED = re.compile(r"^(?:an?\s+)?(?:(?:invited|keynote|plenary|short)\s+)?"
                        r"(?:talk|presentation|lecture)\s+(?:on|about)\s+(.{3,}?)(?:\s+at\s+(?:the\s+)?\S.*)?$",
                        re.IGNORECASE)
"""A line that describes a talk rather than titles it: "Talk on TOPIC at the VENUE"."""
_BRACKETED = re.compile(r"(?:\s*\[[^\[\]]{1,40}\])+\s*")
"""A line of bracketed links alone ("[Tutorial Website] [Video]")."""
_BADGE = re.compile(r"^\W*\[\W*[^\W\d_]+\W*\]\W*(?=\w)")
"""A bracketed word before a title, a badge ("[New]", "[*Updated*]")."""


_LINK_TEXT = re.compile(r"^\W*(?:[\w-]+\s+)?(?:slides?|video|recording|youtube|pdf|website|webpage|link|talk|"
                        r"notes?|poster|code|paper|arxiv|abstract)(?:\s+(?:link|\(\w+\)))?\W*$",
                        re.IGNORECASE)
"""The text of a link to a talk's material ("slides", "[Tutorial Website]", "Video link", "Old Note")."""


def _without_link_texts(title: str, spans: list[Span]) -> str | None:
    """A title without the texts of the links printed after it ("Title [Tutorial Website] [Video]",
    "Title slide, talk") and without a badge before it ("[New] Title")."""
    links = sorted({s.text.strip(" []") for s in spans if s.kind == "a" and s.text.strip(" []")
                    and _LINK_TEXT.match(s.text)}, key=len, reverse=True)
    text = _BADGE.sub("", title)
    for _ in range(6):
        before = text
        for link in links:
            tail = re.search(r"[\s,;:|•·—–-]*[\[(]?\s*" + re.escape(link) + r"\s*[\])]?[\s,;:|•·—–-]*$", text)
            if tail and tail.start() > 0 and len(text[:tail.start()].split()) >= 2:
                text = text[:tail.start()]
                break
        if text == before:
            break
    return clean_title(text)


_SENTENCES = re.compile(r"[^\W\d_]{2}\.\s+[A-Z]")


def _leads(marked: str, text: str) -> bool:
    """Whether a marked run of three words or more opens its line, a title before its venue
    ("*Title.* Venue, City, 2019"), a day before it aside ("May 27: **Title** at *Venue*")."""
    opening = text.lstrip(" *_\"“")
    dates = find_dates(opening, False)
    if dates and dates[0].start == 0:
        opening = opening[dates[0].end:].lstrip(" :-–—,.*_\"“")
    return len(marked.split()) >= 3 and opening.startswith(marked.strip(" *_"))


def _title_like(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if len(words) < 2 or max(text.count("|"), text.count(" / ")) >= 2 or speakers_of(text):  # a menu
        return False
    return any(word_leaning(w) == "title" for w in words) or len(words) >= 4


def _units(lines: list[_Line]) -> list[_Unit]:
    """Titles with the occurrences that belong to them, in page order."""
    units: list[_Unit] = []
    pending: list[_Line] = []  # occurrences read before any title of their unit
    current: _Unit | None = None
    for n, line in enumerate(lines):
        if line.kind == "title" and current is not None and _occurrence_under(line, current, pending):
            line.kind, line.title, line.marked, line.before_title = "venue", None, False, False
            for earlier in [p for p in pending if p.block is line.block]:
                _add(current, earlier)  # the item's lines before it: the occurrence's venue and day
            pending = [p for p in pending if p.block is not line.block]
        if line.kind == "title":
            same = [p for p in pending if p.block is line.block and p.kind == "venue"]
            if same:  # one entry: its venue and date lines, then its title
                _flush(units, [p for p in pending if p not in same])
                current = _Unit(line, [same])
                units.append(current)
                pending = []
                continue
            parent = [p for p in pending if p.depth < line.depth and p.kind == "venue" and len(p.text) <= 150
                      and not _SENTENCES.search(p.text)]  # an introduction's sentences are no venue
            current = _Unit(line)
            units.append(current)
            if parent and pending and pending[-1] in parent:
                current.occurrences.append(parent[-1:])  # a title nested under its venue's line
                pending = []
            else:
                _flush(units, pending)
                pending = []
            continue
        if line.kind == "venue" and line.before_title:
            pending.append(line)  # the venue or date line of an entry whose title comes last
            continue
        if line.kind == "link":
            if current is not None and current.occurrences and current.occurrences[-1]:
                current.occurrences.append([])  # a link line closes an occurrence
            continue
        if current is not None and (line.depth >= current.title.depth  # type: ignore[union-attr]
                                    or not pending) and not _starts_unit(line, lines, n, current):
            _add(current, line)
        else:
            if current is not None and _starts_unit(line, lines, n, current):
                current = None
            pending.append(line)
    _flush(units, pending)
    for unit in units:
        unit.occurrences = [o for o in unit.occurrences if o]
    return units


def _occurrence_under(line: _Line, current: _Unit, pending: list[_Line]) -> bool:
    """Whether a line read as a title is part of an occurrence of the undated title it is nested
    under: in an item of its own, deeper than that title, dated to the month ("Quantitatively Relaxed
    Data Structures" over "Seminar talk, 30th of October 2012, University of Tokyo", then its line
    "slides (pptx) slides (pdf)"), under a title that is marked or an item of its own (not a page's
    sentence over its list) and names no list of talks ("Invited talks")."""
    title = current.title
    if title is None or title.date is not None or line.depth <= title.depth or line.block is title.block \
            or TALK_LIST.search(title.text) or _PAPER_LIST.search(title.text):
        return False
    if not title.marked and not (title.block is not None and _list_item(title.block)):
        return False
    return any(item.block is line.block and item.date is not None and item.date.month
               for item in [*pending, line])


def _starts_unit(line: _Line, lines: list[_Line], n: int, current: _Unit) -> bool:
    """Whether a venue line opens the next talk (a venue line that a title nested deeper follows)."""
    following = lines[n + 1] if n + 1 < len(lines) else None
    return bool(following and following.kind == "title" and following.depth > line.depth
                and current.title is not None and line.depth <= current.title.depth)


def _add(unit: _Unit, line: _Line) -> None:
    if not unit.occurrences:
        unit.occurrences.append([])
    last = unit.occurrences[-1]
    precise = [o for o in last if o.date and o.date.month]
    if precise and line.date and line.date.month:
        unit.occurrences.append([line])  # a second dated line: the next occurrence
    else:
        last.append(line)


def _flush(units: list[_Unit], pending: list[_Line]) -> None:
    """Each occurrence read without a title is a talk whose title is not printed: one dated by its
    month, or one dated by its year that names a venue under a heading of talks ("Invited talks":
    "SIAM Annual Meeting, Denver, 2021")."""
    for line in pending:
        if line.date is not None and (line.date.month or line.block is not None and is_venue(line.text)
                                      and listed_talks(line.block.context, "")):
            units.append(_Unit(None, [[line]]))


def _talks_of(unit: _Unit) -> list[OwnTalk]:
    title = unit.title
    name = title.title if title else None
    block = (title or unit.occurrences[0][0]).block
    section, context = (block.section, block.context) if block else ("", ())
    occurrences = [o for o in unit.occurrences if any(line.date or is_venue(line.text) for line in o)]
    if not occurrences:
        if title is None or title.date is None and _menu_item(title):
            return []
        return [OwnTalk(name, title.date, title.number, section, context, title.rest)]
    talks = []
    for lines in occurrences:
        dated = [line.date for line in lines if line.date]  # the most precise, the last of equals: the
        best = max(map(_precision, dated), default=0)  # place's "Hawaii, 2017" after "2016 IEEE Symposium"
        date = [d for d in dated if _precision(d) == best][-1] if dated else (title.date if title else None)
        number = title.number if title and len(occurrences) == 1 else lines[0].number
        venue = next((line.text for line in lines if is_venue(line.text)), None)
        others = [n for line in lines for n in line.with_speakers]
        talks.append(OwnTalk(name, date, number, section, context, venue, others))
    return talks


_PAGE_LINK = re.compile(r"^(?!\w+:)[^?#]*?(?:/|\.html?|\.md|/[\w-]+)$", re.IGNORECASE)
"""A link to another page of the same site ("teaching.html", "/about/"), not to a file or elsewhere."""


def _menu_item(line: _Line) -> bool:
    """Whether a line is wholly a link to another page of the site: an item of a menu
    ("Teaching & Software"), not an undated talk's title."""
    links = line.block.links if line.block else []
    return any(s.text.strip() == line.text.strip() and _PAGE_LINK.match(s.href or "") for s in links)


def _precision(date: PartialDate) -> int:
    return (date.year is not None) + (date.month is not None) * 2 + (date.day is not None) * 4


_FIRST_PERSON = re.compile(
    r"\bI(?:'m|’m| am| will| shall|'ll|’ll)?\s+(?:also\s+)?(?:be\s+)?(?:giv(?:e|ing)|gave|present(?:ing|ed)?|"
    r"speak(?:ing)?|spoke|deliver(?:ing|ed)?|(?:a|an|the)\s+(?:keynote|invited|plenary|featured)\s+speaker)\b",
    re.IGNORECASE)
_TALK_WORD = re.compile(r"\b(?:talks?|presentations?|keynote|lectures?|tutorials?|seminars?|speak\w*|spoke|"
                        r"present\w*|colloquium|webinar)\b", re.IGNORECASE)


def talk_sentences(blocks: list[Block], day_first: bool) -> list[OwnTalk]:
    """Talks a personal page announces in the first person ("I will give a talk at the Statistics
    Seminar on April 21"), with the year of the news they stand under."""
    found: list[OwnTalk] = []
    for block in blocks:
        if block.level or block.struck:
            continue
        year: int | None = None
        for offset, raw in enumerate(block.text.split("\n")):
            text = raw.strip(" *-•")
            alone = _YEAR.fullmatch(text.strip(" :"))
            if alone:
                year = int(alone.group(1))
                continue
            if not _FIRST_PERSON.search(text) or not _TALK_WORD.search(text) or len(text) > 400:
                continue
            dates = find_dates(text, day_first)
            date = dates[0].value if dates else None
            if date is None and _YEAR.search(text):
                date = PartialDate(int(_YEAR.search(text).group(1)), None, None)  # type: ignore[union-attr]
            if isinstance(date, PartialDate) and date.year is None and year:
                date = date.with_year(year)
            elif date is None and year:
                date = PartialDate(year, None, None)
            quoted = QUOTED.search(text)
            title = clean_title(quoted.group(0)) if quoted else None
            found.append(OwnTalk(title, date, block.line + offset, block.section,  # type: ignore[arg-type]
                                 block.context))
    return found


_TALK_KIND = re.compile(r"\b(?:talks?|presentations?|lectures?|seminars?|keynotes?|tutorials?|"
                        r"colloqui(?:um|a)|webinars?|invited|plenary|contributed|spotlight|oral)\b",
                        re.IGNORECASE)
"""Words of a talk record's collection, type or category ("collection: talks", "type: Spotlight talk")."""
_KIND_KEYS = ("collection", "type", "layout", "category", "categories", "archetype", "talk_type",
              "event_type")
_TALK_SCHEMA_KEYS = frozenset({"event", "event_url", "event_name", "time_start", "time_end", "talk_date",
                               "talk_time", "url_slides", "url_video", "slides", "video", "recording"})
"""Keys a talk's own file has and a blog post or a paper's has not: the event it was given at, its
start, its slides (Hugo Academic's talk archetype, Jekyll talk and event collections)."""
_TALK_FOLDERS = frozenset({"_talks", "talks", "talk", "_presentations", "presentations", "_events", "events",
                           "event", "_seminars", "seminars", "_sessions", "sessions"})
"""Folders of the static-site generators' talk collections (``_talks/``, ``content/talk/x/index.md``)."""


def talk_record_file(data: dict[str, object], path_parts: tuple[str, ...] = ()) -> bool:
    """Whether front matter is the record of one talk in the talk schemas of personal and seminar
    sites (academicpages ``collection: talks``, Hugo Academic's ``content/talk``, Jekyll ``_events``):
    its collection, type or category names a talk, or it holds a talk's own keys (``event``,
    ``time_start``, ``url_slides``), or the file sits in a talk collection's folder."""
    keys = {str(k).lower().replace("-", "_") for k in data}
    for key in _KIND_KEYS:
        value = data.get(key)
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and _TALK_KIND.search(v) for v in values):
            return True
    return bool(keys & _TALK_SCHEMA_KEYS) or any(p.lower() in _TALK_FOLDERS for p in path_parts[-4:-1])
