"""DBLP XML dumps (``dblp.xml`` or ``dblp.xml.gz``) → imported papers, streamed in constant memory.

The dump is fed to a pull parser in chunks of lines; each record (``<article>``,
``<inproceedings>``, ``<incollection>``) is turned into a paper when it ends and then cleared,
together with the root's list of finished children, so memory does not grow with the file.
After a fault in the XML, a new parser starts at the next line that opens a record. The dump's DTD
(``dblp.dtd``) is never fetched: its character entities (``&uuml;``...) are the HTML ones, taken
from ``html.entities``. Records can be kept by venue (the ``booktitle``/``journal`` or the key's
stream, ``conf/colt/...`` → ``colt``) and by year.
"""

from __future__ import annotations

import gzip
import html.entities
import io
import re
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kg.errors import DataError
from kg.ingest.printed import ImportedPaper, Problem, doi_of
from kg.records.dates import implausible_year

PAPER_TAGS = frozenset({"article", "inproceedings", "incollection"})
RECORD_TAGS = PAPER_TAGS | {"proceedings", "book", "phdthesis", "mastersthesis", "www", "data"}
DBLP = "https://dblp.org/"
_SPACES = re.compile(r"\s+")
_HOMONYM_NUMBER = re.compile(r"\s+\d{4}$")  # dblp tells namesakes apart: "Wei Chen 0001"
Progress = Callable[[int, int], None]
"""Called with (bytes read, bytes in the file) now and then."""


def entities() -> dict[str, str]:
    """Every named character entity of HTML (a superset of those dblp.dtd declares)."""
    table = {name: chr(code) for name, code in html.entities.name2codepoint.items()}
    for name, text in html.entities.html5.items():
        if name.endswith(";"):
            table.setdefault(name[:-1], text)
    return table


@dataclass(frozen=True)
class Filter:
    """Which records to keep: venues (any of, case-insensitive) and a year range, both optional."""

    venues: tuple[str, ...] = ()
    first_year: int | None = None
    last_year: int | None = None

    @classmethod
    def of(cls, venues: tuple[str, ...] | list[str] = (), years: str | None = None) -> Filter:
        """A filter from option values: ``years`` is ``2019`` or ``2011-2024``."""
        first = last = None
        if years:
            match = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?", years)
            if not match:
                raise DataError(f"year filter {years!r}: give a year (2019) or a range (2011-2024)")
            first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        return cls(tuple(v.strip().casefold() for v in venues if v.strip()), first, last)

    def keeps_year(self, year: int) -> bool:
        """Whether ``year`` is within the range."""
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year)

    def keeps_venue(self, key: str, venue: str | None) -> bool:
        """Whether the record's venue or key stream is one of the venues asked for."""
        if not self.venues:
            return True
        stream = key.split("/")[1].casefold() if key.count("/") >= 2 else ""
        return stream in self.venues or (venue or "").strip().casefold() in self.venues


class _CountingReader(io.RawIOBase):
    """A binary stream that reports how far into the underlying file reading has got."""

    def __init__(self, stream: io.BufferedIOBase, position: Callable[[], int], total: int,
                 progress: Progress | None) -> None:
        self._stream, self._position, self._total, self._progress = stream, position, total, progress
        self._reported = 0
        self.cut_short = False
        """Whether a gzip stream ended before its end marker (a download that did not finish)."""

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        try:  # read1: one read of the stream underneath, so nothing read before a cut is dropped
            data = self._stream.read1(len(target))
        except EOFError:  # gzip: everything before the cut has been read; the XML parser says where
            self.cut_short, data = True, b""
        target[:len(data)] = data
        if self._progress is not None:
            done = self._position()
            if done - self._reported >= 1 << 20 or not data:
                self._reported = done
                self._progress(done, self._total)
        return len(data)


Sink = Callable[[ET.Element], None]
"""Called with each kept record's element before it is cleared (to write an extract)."""


def parse(path: Path, source: str, keep: Filter = Filter(), progress: Progress | None = None,
          sink: Sink | None = None) -> Iterator[ImportedPaper | Problem]:
    """Yield the papers of a DBLP dump that ``keep`` accepts, and a ``Problem`` for each bad one.

    Where the XML is not well-formed, the fault is reported with its line and column and reading
    goes on at the next line that starts a record, as dblp.xml puts each record on new lines.
    """
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from None
    with raw:
        total = path.stat().st_size
        stream: io.BufferedIOBase = gzip.GzipFile(fileobj=raw) if path.name.endswith(".gz") else raw
        counting = _CountingReader(stream, raw.tell, total, progress)
        reader = io.BufferedReader(counting, 1 << 16)
        try:
            yield from _Reader(reader, source, keep, sink, lambda: counting.cut_short).items()
        except (OSError, zlib.error) as exc:
            yield Problem("file", f"cannot be read as {'gzip' if path.name.endswith('.gz') else 'XML'}: "
                                  f"{exc}; the rest of the file was not read")


_RECORD_START = re.compile(rb"^\s*<(?:" + "|".join(sorted(RECORD_TAGS)).encode() + rb")[\s>]")
_CHUNK_BYTES = 1 << 18


class _Reader:
    """Feeds the dump to a pull parser in chunks of lines; after a fault, starts a new parser."""

    def __init__(self, stream: IO[bytes], source: str, keep: Filter, sink: Sink | None = None,
                 cut_short: Callable[[], bool] = lambda: False) -> None:
        self._stream, self._sink, self._cut_short = stream, sink, cut_short
        self._source, self._keep = source, keep
        self._prolog = b""
        self._prolog_lines = 0

    def items(self) -> Iterator[ImportedPaper | Problem]:
        """Every kept paper and every problem, in file order."""
        first_line, pending = 1, self._chunk()
        head = b"".join(pending[:5])
        declaration = re.match(rb"\s*<\?xml[^>]*\?>", head)
        self._prolog = (declaration.group(0) if declaration else b"") + \
            b'\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n'
        while pending:
            parser, state = self._parser(), _State()
            offset = first_line - 1 - (self._prolog_lines if first_line > 1 else 0)
            if first_line > 1:
                parser.feed(self._prolog)
            fault = None
            while pending and fault is None:
                parser.feed(b"".join(pending))
                fed_from, fed = first_line, len(pending)
                fault = yield from self._events(parser, state)
                if fault is None:
                    first_line, pending = fed_from + fed, self._chunk()
            if fault is None:
                try:
                    parser.close()
                except ET.ParseError as unfinished:  # the file stops inside a record
                    yield self._unfinished(unfinished.position[0] + offset, unfinished.position[1])
                return
            line = fault.position[0] + offset
            message = re.sub(r": line \d+, column \d+$", "", str(fault))
            yield Problem(f"line {line}, column {fault.position[1]}", f"not well-formed XML ({message})")
            first_line, pending = self._resume_after(line, fed_from, pending)

    def _unfinished(self, line: int, column: int) -> Problem:
        """The problem of a dump that stops before its end: the records before the cut are kept."""
        how = "its gzip stream stops before the end" if self._cut_short() else "the XML stops inside a record"
        return Problem(f"line {line}, column {column}",
                       f"the file is cut short ({how}: an unfinished download?); "
                       "the records before this line were read, the rest is missing")

    def _parser(self) -> ET.XMLPullParser:
        expat = ET.XMLParser(target=ET.TreeBuilder())
        expat.entity.update(entities())  # type: ignore[attr-defined]
        self._prolog_lines = self._prolog.count(b"\n")
        return ET.XMLPullParser(events=("start", "end"), _parser=expat)  # type: ignore[call-arg]

    def _chunk(self) -> list[bytes]:
        """The next lines of the dump, about 256 KiB of them; none at the end."""
        data = self._stream.read(_CHUNK_BYTES)
        if data and not data.endswith(b"\n"):
            data += self._stream.readline()
        return data.splitlines(keepends=True)

    def _events(self, parser: ET.XMLPullParser, state: _State) -> Generator[
            ImportedPaper | Problem, None, ET.ParseError | None]:
        try:
            events: Iterator[tuple[str, ET.Element]] = parser.read_events()  # type: ignore[assignment]
            for event, element in events:  # start and end events carry elements
                if event == "start":
                    state.depth += 1
                    if state.root is None:
                        state.root = element
                    continue
                state.depth -= 1
                if state.depth != 1:
                    continue
                if element.tag in PAPER_TAGS:
                    item = _paper(element, self._source, self._keep)
                    if isinstance(item, ImportedPaper) and self._sink is not None:
                        self._sink(element)
                    if item is not None:
                        yield item
                element.clear()
                if state.root is not None:
                    state.root.clear()
        except ET.ParseError as exc:
            return exc
        return None

    def _resume_after(self, line: int, fed_from: int, fed: list[bytes]) -> tuple[int, list[bytes]]:
        """The first line after ``line`` that starts a record, and the lines from there on."""
        number = fed_from
        rest = list(fed)
        while True:
            for i, text in enumerate(rest):
                if number + i > line and _RECORD_START.match(text):
                    return number + i, rest[i:]
            number += len(rest)
            rest = self._chunk()
            if not rest:
                return number, []


@dataclass
class _State:
    root: ET.Element | None = None
    depth: int = 0


EXTRACT_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n'


def write_extract(path: Path, target: Path, keep: Filter = Filter(),
                  progress: Progress | None = None) -> tuple[int, list[Problem]]:
    """Write the records of ``path`` that ``keep`` accepts to ``target``, a small dump in dblp's format.

    Returns the number of papers written and the bad records skipped. The extract is UTF-8 with
    the entities written out as characters, so it reads without any DTD.
    """
    papers, problems = 0, []
    with target.open("w", encoding="utf-8") as out:
        out.write(EXTRACT_HEAD)

        def write(element: ET.Element) -> None:
            element.tail = None
            out.write(ET.tostring(element, encoding="unicode") + "\n")

        for item in parse(path, path.name, keep, progress, write):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                papers += 1
        out.write("</dblp>\n")
    return papers, problems


def _paper(record: ET.Element, source: str, keep: Filter) -> ImportedPaper | Problem | None:
    key = record.get("key") or ""
    where = f"{record.tag} {key!r}" if key else f"a {record.tag} without a key"
    year_text = (record.findtext("year") or "").strip()
    if year_text.isdigit() and not keep.keeps_year(int(year_text)):
        return None
    venue = _text(record.find("booktitle")) or _text(record.find("journal"))
    if not keep.keeps_venue(key, venue):
        return None
    if not key:
        return Problem(where, "key: missing")
    title = _text(record.find("title"))
    authors = [_HOMONYM_NUMBER.sub("", _text(a) or "") for a in record.iter("author")]
    authors = [a for a in authors if a]
    if not title:
        return Problem(where, "title: missing")
    if not authors:
        return Problem(where, "author: missing")
    if not year_text.isdigit():
        return Problem(where, f"year: not a year: {year_text!r}")
    if implausible_year(int(year_text)):
        return Problem(where, f"year: {implausible_year(int(year_text))}")
    return ImportedPaper(
        key=key,
        title=title.rstrip("."),
        year=int(year_text),
        authors=authors,
        venue=venue,
        pages=_text(record.find("pages")),
        url=_link(record),
        at=f"{source} {where}",
        doi=next((doi for doi in (doi_of(e.text) for e in record.iter("ee")) if doi), None),
    )


def _text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    text = _SPACES.sub(" ", "".join(element.itertext())).strip()
    return text or None


def _link(record: ET.Element) -> str | None:
    for tag in ("ee", "url"):
        for element in record.iter(tag):
            value = (element.text or "").strip()
            if value and not value.startswith("http"):
                value = DBLP + value.lstrip("/")
            if re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", value):
                return value
    return None
