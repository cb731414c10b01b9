"""Grow the graph from documents: ``kg ingest`` and ``kg resolve``."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from kg.build import build_store
from kg.cli.base import Context, format_option, main, note, store_path
from kg.errors import DataError
from kg.ingest.detect import BULK_KINDS, KINDS, PAGE_KINDS, detect_kind
from kg.ingest.imports import ImportKind, run_imports
from kg.ingest.register import check_import, plan_registration, register
from kg.load import load_dataset
from kg.output import render

_DATA_OPTION = click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("data"),
    show_default=True,
    help="Folder of record files the document goes into.",
)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--kind", type=click.Choice(KINDS), help="Kind of document (detected when omitted).")
@click.option("--dry-run", is_flag=True, help="Show what would be added or changed; write nothing.")
@click.option("--no-build", is_flag=True, help="Write the record files but do not rebuild the store.")
@_DATA_OPTION
@format_option()
@click.pass_obj
def ingest(ctx: Context, files: tuple[Path, ...], kind: str | None, dry_run: bool, no_build: bool,
           data_dir: Path, fmt: str) -> None:
    """Take facts from documents into DATA, then rebuild the store.

    Bibliographies (.bib) and authorship tables (.csv) are registered in DATA/imports.yaml and
    streamed into the store by every build; bad entries are listed and skipped.

    Pages (.md, .txt, .html): seminar announcements, event pages, talk listings, meeting
    programmes and author pages are turned into DATA/records/<source>.yaml; the table lists each
    record added, updated, removed or unchanged. See README "Ingesting pages".

    \b
    Examples:
      kg ingest refs.bib
      kg ingest --dry-run data/colt/colt-2011-2024-authorships.csv
      kg ingest --dry-run seminar-2024-03-04.html
      kg ingest --kind event_page talk.md
    """
    kinds = {path: kind or detect_kind(path) for path in files}
    pages = [path for path in files if kinds[path] in PAGE_KINDS]
    changed = False
    if pages:
        from kg.cli.ingest_pages import ingest_pages

        changed = ingest_pages(pages, kinds, data_dir, dry_run, fmt)
        if len(pages) == len(files):
            if changed and not dry_run and not no_build:
                report = build_store(data_dir, store_path(ctx))
                note(f"Built {report.store}: {report.quads:,} quads.")
            return
    rows = []
    for path in (p for p in files if p not in pages):
        chosen = kinds[path]
        if chosen not in BULK_KINDS:
            raise DataError(f"{path}: kind {chosen!r} cannot be ingested yet")
        chosen = cast(ImportKind, chosen)
        papers, problems = check_import(path, chosen)
        for problem in problems:
            note(f"Skipped: {path}: {problem}")
        if dry_run:
            entry, action, _ = plan_registration(data_dir, path, chosen)
        else:
            registration = register(data_dir, path, chosen)
            entry, action = registration.entry, registration.action
        rows.append((str(path), chosen, action, f"data/{entry.file}", papers, len(problems)))
    click.echo(render(["file", "kind", "action", "registered as", "papers", "bad entries"], rows, fmt),
               nl=False)
    if dry_run or no_build or (all(r[2] == "unchanged" for r in rows) and not changed):
        return
    report = build_store(data_dir, store_path(ctx))
    note(f"Built {report.store}: {report.quads:,} quads, {report.imported_papers:,} imported papers.")


@main.command("resolve")
@_DATA_OPTION
@click.option("--merges/--no-merges", default=True, show_default=True,
              help="List the merges made, not only the ambiguous cases.")
@format_option()
def resolve_command(data_dir: Path, merges: bool, fmt: str) -> None:
    """Report how names in the imported files were resolved: merges made, ambiguous cases left.

    Two names are merged only when they fit one person and share a coauthor or an organization;
    the rest are listed as ambiguous, for you to settle in DATA/aliases.yaml.

    \b
    Example:
      kg resolve --no-merges --format csv > ambiguous.csv
    """
    result = run_imports(data_dir, load_dataset(data_dir))
    resolution = result.resolution
    rows = [("ambiguous", a.kind, a.name, a.other, a.reason, "") for a in resolution.ambiguities]
    if merges:
        rows += [("merged", m.kind, m.canonical, m.variant, m.reason, m.evidence)
                 for m in resolution.merges]
    rows.sort(key=lambda r: (r[0], r[1], r[2].casefold(), r[3].casefold()))
    click.echo(render(["status", "kind", "name", "other", "reason", "evidence"], rows, fmt), nl=False)
    people = sum(1 for m in resolution.merges if m.kind == "person")
    note(f"{len(result.papers):,} papers, {len(resolution.new_people):,} new people, "
         f"{len(resolution.new_organizations):,} new organizations; {people} person merges, "
         f"{len(resolution.merges) - people} organization merges, "
         f"{len(resolution.ambiguities)} ambiguous cases.")
