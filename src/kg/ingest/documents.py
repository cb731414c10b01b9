"""Documents of any kind → ``data/``: pages become record files, bulk files are registered.

``ingest_documents`` is what ``kg ingest`` runs: it tells each file's kind, reads every page
once and plans all of them before anything is written (a bad page stops the command with
``data/`` untouched), then writes the pages one after another against the data folder read
once, and registers bulk files in ``data/imports.yaml``. It returns report tables for the
command line to print.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from kg.errors import DataError, UsageError
from kg.ingest.bulk import register
from kg.ingest.detect import BULK_KINDS, KINDS, PAGE, detect_kind
from kg.ingest.pages import support, writer
from kg.ingest.pages.detect import PAGE_KINDS
from kg.ingest.pages.extracted import PageExtract
from kg.ingest.pages.pipeline import extract_file, plan_page
from kg.records.folder import DataFolder, read_data_folder
from kg.records.imports import ImportKind

__all__ = ["KINDS", "Report", "ingest_documents"]

PAGE_COLUMNS = ["file", "action", "record", "id", "summary"]
REVIEW_COLUMNS = ["file", "line", "record", "confidence", "speakers or authors", "title", "when", "guessed"]
BULK_COLUMNS = ["file", "kind", "action", "registered as", "papers or talks", "bad entries"]
Progress = Callable[[int, int], None]
"""Bytes read so far and in all, while a DBLP dump streams."""


@dataclass
class Table:
    """Rows for the command line to print, with their column names."""

    columns: list[str]
    rows: list[tuple[object, ...]] = field(default_factory=list)


@dataclass
class Report:
    """What ingesting some files did (or, in a dry run, would do)."""

    pages: Table = field(default_factory=lambda: Table(PAGE_COLUMNS))
    bulk: Table = field(default_factory=lambda: Table(BULK_COLUMNS))
    review: Table = field(default_factory=lambda: Table(REVIEW_COLUMNS))
    """Every talk and paper extracted from the pages, with its line and confidence (for --dry-run)."""
    notes: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    """Files that could not be ingested, each with why (the others went in)."""
    changed: bool = False
    """Whether ``data/`` changed (or would change), so that the store needs a rebuild."""


def ingest_documents(data_dir: Path, files: Sequence[Path], kind: str | None = None,
                     venues: tuple[str, ...] = (), years: str | None = None, dry_run: bool = False,
                     dblp_progress: Callable[[Path], Progress] | None = None,
                     speaker: str | None = None) -> Report:
    """Take ``files`` into ``data_dir`` (pages and bulk files alike); see the module's help.
    ``speaker`` is the owner of a personal talk list that never prints its owner's name."""
    if kind is not None and kind not in KINDS:
        raise DataError(f"{kind!r} is not a kind of document ({', '.join(KINDS)})")
    kinds = {path: kind or detect_kind(path) for path in files}
    pages = {path: (None if chosen == PAGE else chosen) for path, chosen in kinds.items()
             if chosen == PAGE or chosen in PAGE_KINDS}
    bulk = {path: chosen for path, chosen in kinds.items() if path not in pages}
    if (venues or years) and any(chosen != "dblp" for chosen in bulk.values()):
        raise UsageError("--venue and --year apply to DBLP dumps only")
    report = Report()
    for path, chosen in bulk.items():
        if chosen not in BULK_KINDS:
            raise DataError(f"{path}: kind {chosen!r} cannot be ingested yet")
    with contextlib.ExitStack() as stack:
        # Every file is read and checked before anything is written: a bad one leaves data/ as it was.
        staged = []
        for path, chosen in bulk.items():
            if chosen == "dblp" and not path.is_file():
                report.failed.append(f"{path}: cannot read: no such file")
                continue
            progress = dblp_progress(path) if dblp_progress and chosen == "dblp" else None
            filters = (venues, years) if chosen == "dblp" else ((), None)
            try:  # a bulk file that cannot be read is reported; the other files still go in
                staged.append((path, chosen, stack.enter_context(
                    register.stage(data_dir, path, cast(ImportKind, chosen), *filters, progress, dry_run))))
            except DataError as exc:
                report.failed.append(str(exc))
        if pages:
            _ingest_pages(read_data_folder(data_dir), pages, dry_run, report, speaker)
        for path, chosen, checked in staged:
            _register(path, chosen, checked, dry_run, report)
    return report


def _ingest_pages(folder: DataFolder, pages: Mapping[Path, str | None], dry_run: bool,
                  report: Report, speaker: str | None = None) -> None:
    """Extract every page, then plan and write them in turn; a page that cannot be read or whose
    records do not fit is reported and left out, and the others go in."""
    extracted = {}
    for path, chosen in pages.items():
        try:
            extracted[path] = extract_file(path, chosen, speaker)
        except DataError as exc:
            report.failed.append(str(exc))
    for path, read in extracted.items():
        report.review.rows.extend(review_rows(path, read))
        extraction = support.kept(read)  # the talks the page supports too little stay out
        weak = len(read.talks) - len(extraction.talks)
        if weak:
            report.notes.append(f"{path}: {weak} weakly supported talk(s) left out "
                                f"(confidence under {support.ABSTAIN_BELOW}; --dry-run lists them)")
        if not extraction.talks and not extraction.papers:
            report.failed.append(f"{path}: nothing taken: every talk read is weakly supported "
                                 f"({weak}; --dry-run lists them)")
            continue
        try:
            plan = plan_page(folder, path, extraction)  # adds the links and records it leaves out
            folder = plan.folder if dry_run else writer.apply(plan)
        except DataError as exc:
            report.failed.append(str(exc))
            continue
        finally:
            report.notes.extend(f"{path}: {problem}" for problem in extraction.problems)
        report.changed = report.changed or plan.changed
        report.pages.rows.extend((str(path), c.action, c.record, c.id, c.summary) for c in plan.changes)
        counts: dict[str, int] = {}
        for change in plan.changes:
            counts[change.action] = counts.get(change.action, 0) + 1
        summary = ", ".join(f"{n} {a}" for a, n in sorted(counts.items())) or "nothing to do"
        verb = "would change" if dry_run else "wrote"
        report.notes.append(f"{path}: {extraction.kind} → {plan.record_file}: {summary}"
                            + (f" ({verb} {len(plan.texts)} files)" if plan.changed else ""))


def review_rows(path: Path, extraction: PageExtract) -> list[tuple[object, ...]]:
    """One row per talk and paper of a page: line, confidence, what was read, guessed fields ("?")."""
    rows: list[tuple[object, ...]] = []
    for talk in extraction.talks:
        when = " ".join(p for p in (talk.day, talk.clock.strftime("%H:%M") if talk.clock else None) if p)
        guessed = set(talk.guessed) | ({"weak: left out"} if talk.weak else set())
        rows.append((str(path), talk.line or "", "talk", f"{talk.confidence:.2f}",
                     "; ".join(s.name + (f" ({s.affiliation})" if s.affiliation else "")
                               for s in talk.speakers),
                     talk.title or "(untitled)", when, ", ".join(sorted(guessed))))
    for paper in extraction.papers:
        rows.append((str(path), paper.line or "", "paper", f"{paper.confidence:.2f}",
                     "; ".join(paper.authors),
                     paper.title, str(paper.year or ""), ", ".join(sorted(paper.guessed))))
    return rows


def _register(path: Path, kind: str, staged: register.Staged, dry_run: bool, report: Report) -> None:
    """Register one checked bulk file (unless in a dry run) and add its row to the report."""
    action = staged.action if dry_run else staged.commit().action
    report.notes.extend(f"Skipped: {path}: {problem}" for problem in staged.problems)
    report.bulk.rows.append((str(path), kind, action, f"data/{staged.entry.file}", staged.found,
                             len(staged.problems)))
    report.changed = report.changed or (action != "unchanged" and not dry_run)


def ingest_page(data_dir: Path, path: Path, kind: str | None = None) -> writer.Plan:
    """Ingest one page into ``data_dir`` (records, registries, a copy of the page): the plan it ran."""
    plan = plan_page(read_data_folder(data_dir), path, extract_file(path, kind))
    writer.apply(plan)
    return plan


def plan_page_file(data_dir: Path, path: Path, kind: str | None = None) -> writer.Plan:
    """What ingesting one page into ``data_dir`` would change; nothing is written."""
    return plan_page(read_data_folder(data_dir), path, extract_file(path, kind))
