"""One page from file to planned changes: read and extract once, then resolve and plan against
the data folder already in memory; then apply.

``extract_file`` reads a page once and returns its extraction; ``plan_page`` resolves its names
against a ``DataFolder`` and plans the changes; ``writer.apply`` writes them and hands back the
folder as it now is, for the next page.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import DataError
from kg.ingest.pages import author, event, listing, meeting, seminar, writer
from kg.ingest.pages.detect import PAGE_KINDS, detect_page_kind
from kg.ingest.pages.extract import extract_path
from kg.ingest.pages.extracted import PageExtract
from kg.ingest.pages.records import to_records
from kg.ingest.pages.text import read_page
from kg.records.folder import DataFolder
from kg.records.ids import slugify

EXTRACTORS = {
    "seminar_page": seminar.extract,
    "event_page": event.extract,
    "talk_listing": listing.extract,
    "meeting_programme": meeting.extract,
    "author_page": author.extract,
}


def extract_file(path: Path, kind: str | None = None) -> PageExtract:
    """Read a page once and extract its talks, events and papers (kind detected when not given)."""
    if kind is not None and kind not in PAGE_KINDS:
        raise DataError(f"{path}: {kind!r} is not a kind of page ({', '.join(PAGE_KINDS)})")
    found = extract_path(path)
    if not found.talks and not found.papers:
        raise DataError(f"{path}: no talk and no paper found: the page holds neither")
    if kind is not None:
        found.kind = kind
    return found


def plan_page(folder: DataFolder, path: Path, extracted: PageExtract) -> writer.Plan:
    """What ingesting the extraction of ``path`` into ``folder`` would change; nothing is written."""
    stored, copy_to = writer.stored_path(folder.root, path)
    source_id = slugify(extracted.key)[:120]
    existing = writer.existing_record_file(folder, stored, source_id)
    if (existing is not None and copy_to is not None and existing[1].source.id != source_id
            and writer.is_extracted(existing[0])):
        # Another page under the same file name (next week's "index.html"): keep both copies.
        copy_to = copy_to.with_name(f"{source_id}-{copy_to.name}")
        stored = f"{stored.rsplit('/', 1)[0]}/{copy_to.name}"
        existing = writer.existing_record_file(folder, stored, source_id)
    if existing is not None:
        source_id = existing[1].source.id
    extraction = to_records(extracted, stored, folder.dataset, folder.aliases, source_id)
    return writer.plan(folder, path, extraction, existing, copy_to)
