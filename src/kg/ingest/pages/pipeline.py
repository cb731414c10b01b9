"""One page from file to planned changes: read, detect, extract, resolve, plan; then apply."""

from __future__ import annotations

from pathlib import Path

from kg.errors import DataError
from kg.ingest.pages import author, event, listing, meeting, seminar, writer
from kg.ingest.pages.detect import PAGE_KINDS, detect_page_kind
from kg.ingest.pages.extracted import PageExtract
from kg.ingest.pages.records import to_records
from kg.ingest.pages.text import read_page
from kg.records.aliases import load_aliases
from kg.records.ids import slugify
from kg.records.load import load_dataset

EXTRACTORS = {
    "seminar_page": seminar.extract,
    "event_page": event.extract,
    "talk_listing": listing.extract,
    "meeting_programme": meeting.extract,
    "author_page": author.extract,
}


def extract_page(path: Path, kind: str | None = None) -> PageExtract:
    """Read a page and extract its talks, events and papers (kind detected when not given)."""
    page = read_page(path)
    chosen = kind or detect_page_kind(page)
    if chosen is None:
        raise DataError(f"{path}: unknown kind of page; give --kind ({', '.join(PAGE_KINDS)})")
    if chosen not in EXTRACTORS:
        raise DataError(f"{path}: {chosen!r} is not a kind of page ({', '.join(PAGE_KINDS)})")
    return EXTRACTORS[chosen](page)


def plan_page(data_dir: Path, path: Path, kind: str | None = None) -> writer.Plan:
    """What ingesting ``path`` into ``data_dir`` would change; nothing is written."""
    extracted = extract_page(path, kind)
    dataset = load_dataset(data_dir)
    stored, copy_to = writer.stored_path(data_dir, path)
    source_id = slugify(extracted.key)[:120]
    existing = writer.existing_record_file(data_dir, stored, source_id, dataset.documents)
    if (existing is not None and copy_to is not None and existing[1].source.id != source_id
            and writer.is_extracted(existing[0])):
        # Another page under the same file name (next week's "index.html"): keep both copies.
        copy_to = copy_to.with_name(f"{source_id}-{copy_to.name}")
        stored = f"{stored.rsplit('/', 1)[0]}/{copy_to.name}"
        existing = writer.existing_record_file(data_dir, stored, source_id, dataset.documents)
    if existing is not None:
        source_id = existing[1].source.id
    extraction = to_records(extracted, stored, dataset, load_aliases(data_dir), source_id)
    return writer.plan(data_dir, path, extraction, existing, copy_to)


def ingest_page(data_dir: Path, path: Path, kind: str | None = None) -> writer.Plan:
    """Ingest one page into ``data_dir`` (records, registries, a copy of the page)."""
    planned = plan_page(data_dir, path, kind)
    writer.apply(data_dir, planned)
    return planned
