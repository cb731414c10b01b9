"""Which kind of document a file is, from its name and its first lines."""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path

from kg.errors import DataError
from kg.ingest.pages.data import DATA_SUFFIXES
from kg.ingest.pages.detect import PAGE_KINDS, PAGE_SUFFIXES

BULK_KINDS = ("bibtex", "authorships", "calendar", "dblp")
KINDS = BULK_KINDS + PAGE_KINDS
PAGE = "page"
"""What ``detect_kind`` says of a web page or text file: which kind of page is told from its content."""
MARKUP_SUFFIXES = tuple(suffix for suffix in PAGE_SUFFIXES if suffix != ".txt")
"""Files that are pages by their name, whatever their first byte (Franklin's ``@def`` front matter); a
``.txt`` file opening with an entry may still be a bibliography."""
_BIBTEX_ENTRY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
"""The opening of a BibTeX entry (``@article{``, ``@string(``), at the start of a line."""


def detect_kind(path: Path) -> str:
    """The bulk kind of ``path``, or ``PAGE``; a ``DataError`` naming the file when it is neither.

    Only the head of the file is read: a DBLP dump may be gigabytes, and a page is read whole
    once, when it is extracted.
    """
    try:
        with path.open("rb") as stream:  # only the head: a dump may be gigabytes
            head = stream.read(4096).decode("utf-8", errors="replace")
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from None
    suffix = path.suffix.lower()
    if path.name.lower().endswith(".xml.gz"):
        head = _gzip_head(path)
    if suffix == ".ics" or head.lstrip("\ufeff \r\n").upper().startswith("BEGIN:VCALENDAR"):
        return "calendar"
    if "<dblp" in head or "dblp.dtd" in head:
        return "dblp"
    if suffix == ".bib" or (suffix not in MARKUP_SUFFIXES and _BIBTEX_ENTRY.match(head.lstrip("\ufeff"))):
        return "bibtex"  # a Markdown page opening with "@def" is not a bibliography
    first_line = head.splitlines()[0].lower() if head.strip() else ""
    if suffix == ".csv" and "author" in first_line and "position" in first_line:
        return "authorships"
    if suffix in PAGE_SUFFIXES or suffix in DATA_SUFFIXES:
        return PAGE  # a site generator's data file (Jekyll's _data/talks.yml) is read as a page's talks
    raise DataError(f"{path}: unknown kind of document; give --kind ({', '.join(KINDS)})")


def _gzip_head(path: Path) -> str:
    """The first 4 KiB of a gzip file's content; a ``DataError`` when it is not gzip."""
    try:
        with gzip.open(path, "rb") as stream:
            return stream.read(4096).decode("utf-8", errors="replace")
    except (OSError, EOFError, zlib.error) as exc:
        raise DataError(f"{path}: not a gzip file: {exc}") from None
