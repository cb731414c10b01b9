"""One page from file to planned changes: read and extract once, then resolve and plan against
the data folder already in memory; then apply.

``extract_file`` reads a page once and returns its extraction: the layout-agnostic extractor
(``extract``) reads every page; the five layout readers written for the seed pages (``seminar``,
``event``, ``listing``, ``meeting``, ``author``, which also read series, biographies, keywords and
agendas) read the same text when their detector recognises the page, and the richer of the two
extractions is kept. ``plan_page`` resolves names against a ``DataFolder`` and plans the changes;
``writer.apply`` writes them and hands back the folder as it now is, for the next page.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from kg.errors import DataError
from kg.ingest.pages import author, event, listing, meeting, seminar, support, writer
from kg.ingest.pages.blocks import Block
from kg.ingest.pages.blocks import layout as block_layout
from kg.ingest.pages.detect import PAGE_KINDS, detect_page_kind
from kg.ingest.pages.document import Document, read_document
from kg.ingest.pages.entries import label_of
from kg.ingest.pages.extract import day_first, extract_document
from kg.ingest.pages.extracted import PageExtract
from kg.ingest.pages.fields import fold, is_name
from kg.ingest.pages.own_talks import page_title_of
from kg.ingest.pages.records import to_records
from kg.ingest.pages.text import Page, html_lines, markdown_lines
from kg.ingest.pages.when import inherit_when
from kg.records.folder import DataFolder
from kg.records.ids import slugify

LAYOUT_READERS = {
    "seminar_page": seminar.extract,
    "event_page": event.extract,
    "talk_listing": listing.extract,
    "meeting_programme": meeting.extract,
    "author_page": author.extract,
}


def extract_file(path: Path, kind: str | None = None, owner: str | None = None) -> PageExtract:
    """Read a page once and extract its talks, events and papers (kind detected when not given);
    ``owner`` is the speaker of a personal talk list that never prints its owner's name."""
    if kind is not None and kind not in PAGE_KINDS:
        raise DataError(f"{path}: {kind!r} is not a kind of page ({', '.join(PAGE_KINDS)})")
    document = read_document(path)
    parts = block_layout(document)  # read once: by the extractor, then for the talks' context
    found = extract_document(document, owner, parts)
    layout = _layout_reading(path, document.source, document.is_html, kind)
    if layout is not None and _agrees(layout, found):
        found = layout
    if not found.talks and not found.papers:
        raise DataError(f"{path}: unknown kind of page: no talk and no paper found "
                        f"(the kinds: {', '.join(PAGE_KINDS)})")
    if kind is not None:
        found.kind = kind
    cells = list({id(c): c for table in parts.tables for row in table.rows for c in row}.values())
    # on what the talk's own unit gives (a day from the context adds no support), and where it stands
    support.weigh(found, support.paper_list_lines([*parts.blocks, *cells], page_title_of(document)))
    inherit_when(found.talks, sorted([*_front_matter_blocks(document), *parts.blocks, *cells],
                                     key=lambda b: b.line), day_first(document.source), found.kind)
    return found


_DESCRIBING = frozenset({"title", "subtitle", "description", "summary", "excerpt", "abstract"})
"""Front matter fields that describe the page's meeting in words ("held at ICML on July 28th 2023");
its ``date`` is when the page was posted, not read here."""


def _front_matter_blocks(document: Document) -> list[Block]:
    """The front matter's describing sentences, as blocks on its first line: the day of a meeting
    whose programme lists only times is often stated there alone."""
    return [Block(value, 1, "p") for key, value in (document.front_matter or {}).items()
            if isinstance(key, str) and key.lower() in _DESCRIBING and isinstance(value, str)
            and value.strip()]


def _layout_reading(path: Path, text: str, is_html: bool, kind: str | None) -> PageExtract | None:
    """What the layout reader of the page's layout extracts, when one recognises the page."""
    lines = html_lines(text) if is_html else markdown_lines(text)
    if not any(line.text for line in lines):
        return None
    page = Page(path, tuple(lines), is_html)
    chosen = kind or detect_page_kind(page)
    if chosen is None:
        return None
    try:
        found = LAYOUT_READERS[chosen](page)
    except (DataError, IndexError, ValueError, AssertionError):
        return None  # a page that only looks like the layout: the general reading stands
    for talk in found.talks:
        line = re.search(r"line (\d+)", talk.at or "")
        talk.line = int(line.group(1)) if line else None
        event = next((e for e in found.events if e.key == talk.event), None)
        start = talk.start or (event.start if event else None)
        if start is not None:
            talk.day = (start.date() if isinstance(start, datetime) else start).isoformat()
        if talk.start is not None:
            talk.clock = talk.start.timetz().replace(tzinfo=None)
        talk.confidence = 0.9
        talk.read_as = "layout"
        talk.links = list(talk.links)
    for paper in found.papers:
        line = re.search(r"line (\d+)", paper.at or "")
        paper.line = int(line.group(1)) if line else None
        paper.confidence = 0.9
    return found


def _agrees(layout: PageExtract, general: PageExtract) -> bool:
    """Whether a layout reader's extraction is a richer reading of the page than the general one:
    as many talks with a title and papers, most of their days, its speakers read as names, no paper
    of the general reading lost."""
    def richness(found: PageExtract) -> int:
        return sum(1 + _a_title(t.title) for t in found.talks if t.speakers) + len(found.papers)

    def dated(found: PageExtract) -> int:
        return sum(1 for t in found.talks if t.speakers and t.day)

    kept = {fold(s.name) for t in layout.talks for s in t.speakers}
    if any(t.confidence >= 0.9 and t.speakers and fold(t.speakers[0].name) not in kept
           for t in general.talks):
        return False  # the general reading is sure of a talk (front matter, labels) the layout reader lost
    speakers = [s.name for t in layout.talks for s in t.speakers[:1]]
    named = sum(1 for name in speakers if is_name(name))
    if named < 0.8 * len(speakers) or len(layout.papers) < len(general.papers):
        return False
    if dated(general) >= 2 and dated(layout) < 0.5 * dated(general):
        return False  # the layout reader lost the days of the talks
    # A listing is told from loose signals (title line, speaker line): it must find as much.
    enough = 1.0 if layout.kind == "talk_listing" else 0.5
    return richness(layout) >= enough * richness(general)


def _a_title(title: str | None) -> bool:
    """Whether a talk's title could be one: no labelled line ("Affiliation: ...", "Talks:")."""
    return title is not None and label_of(title) is None and not title.rstrip().endswith(":")


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
