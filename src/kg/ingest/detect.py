"""Which kind of document a file is, from its name and its first lines."""

from __future__ import annotations

from pathlib import Path

from kg.errors import DataError

BULK_KINDS = ("bibtex", "authorships")
PAGE_KINDS = ("seminar_page", "event_page", "talk_listing", "meeting_programme", "author_page")
KINDS = BULK_KINDS + PAGE_KINDS


def detect_kind(path: Path) -> str:
    """The kind of ``path``; a ``DataError`` naming the file when it cannot be told."""
    try:
        head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from None
    suffix = path.suffix.lower()
    if suffix == ".bib" or head.lstrip().startswith("@"):
        return "bibtex"
    first_line = head.splitlines()[0].lower() if head.strip() else ""
    if suffix == ".csv" and "author" in first_line and "position" in first_line:
        return "authorships"
    page_kind = _page_kind(path)
    if page_kind is not None:
        return page_kind
    raise DataError(f"{path}: unknown kind of document; give --kind ({', '.join(KINDS)})")


def _page_kind(path: Path) -> str | None:
    """The kind of a Markdown, text or HTML page (see ``kg.ingest.pages.detect``)."""
    from kg.ingest.pages.detect import PAGE_SUFFIXES, detect_page_kind
    from kg.ingest.pages.text import read_page

    if path.suffix.lower() not in PAGE_SUFFIXES:
        return None
    return detect_page_kind(read_page(path))
