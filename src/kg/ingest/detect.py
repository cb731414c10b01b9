"""Which kind of document a file is, from its name and its first lines."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from kg.errors import DataError

BULK_KINDS = ("bibtex", "authorships", "calendar", "dblp")
PAGE_KINDS = ("seminar_page", "event_page", "talk_listing", "meeting_programme", "author_page")
KINDS = BULK_KINDS + PAGE_KINDS


def detect_kind(path: Path) -> str:
    """The kind of ``path``; a ``DataError`` naming the file when it cannot be told."""
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
    if suffix == ".bib" or head.lstrip().startswith("@"):
        return "bibtex"
    first_line = head.splitlines()[0].lower() if head.strip() else ""
    if suffix == ".csv" and "author" in first_line and "position" in first_line:
        return "authorships"
    page_kind = _page_kind(path)
    if page_kind is not None:
        return page_kind
    raise DataError(f"{path}: unknown kind of document; give --kind ({', '.join(KINDS)})")


def _gzip_head(path: Path) -> str:
    """The first 4 KiB of a gzip file's content; a ``DataError`` when it is not gzip."""
    try:
        with gzip.open(path, "rb") as stream:
            return stream.read(4096).decode("utf-8", errors="replace")
    except (OSError, EOFError, zlib.error) as exc:
        raise DataError(f"{path}: not a gzip file: {exc}") from None


def _page_kind(path: Path) -> str | None:
    """The kind of a Markdown, text or HTML page (see ``kg.ingest.pages.detect``)."""
    from kg.ingest.pages.detect import PAGE_SUFFIXES, detect_page_kind
    from kg.ingest.pages.text import read_page

    if path.suffix.lower() not in PAGE_SUFFIXES:
        return None
    return detect_page_kind(read_page(path))
