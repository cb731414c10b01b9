"""Which kind of document a file is, from its name and its first lines."""

from __future__ import annotations

from pathlib import Path

from kg.errors import DataError

BULK_KINDS = ("bibtex", "authorships")
KINDS = BULK_KINDS


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
    raise DataError(f"{path}: unknown kind of document; give --kind ({', '.join(KINDS)})")
