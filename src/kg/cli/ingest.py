"""Grow the graph from documents: ``kg ingest`` and ``kg resolve``."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.base import Context, format_option, main, note, store_path
from kg.ingest.detect import KINDS
from kg.store.remote import RemoteStore, is_remote
from kg.views.tables import render

if TYPE_CHECKING:
    from kg.build import BuildReport

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
@click.option("--venue", "venues", multiple=True,
              help="DBLP: keep only this venue (booktitle, journal or key stream such as colt); repeatable.")
@click.option("--year", "years", help="DBLP: keep only this year or range of years (2011-2024).")
@click.option("--speaker",
              help="Pages: the owner of a personal talk list that never prints its owner's name.")
@click.option("--dry-run", is_flag=True, help="Show what would be added or changed; write nothing.")
@click.option("--no-build", is_flag=True, help="Write the record files but do not rebuild the store.")
@_DATA_OPTION
@format_option()
@click.pass_obj
def ingest(ctx: Context, files: tuple[Path, ...], kind: str | None, venues: tuple[str, ...],
           years: str | None, speaker: str | None, dry_run: bool, no_build: bool, data_dir: Path,
           fmt: str) -> None:
    """Take facts from documents into DATA, then rebuild the store.

    Bibliographies (.bib), authorship tables (.csv), calendars (.ics: events become talks) and
    DBLP dumps (dblp.xml, dblp.xml.gz: streamed, filtered by --venue and --year) are registered
    in DATA/imports.yaml and streamed into the store by every build; bad entries are listed and
    skipped.

    Pages (.md, .markdown, .txt, .html) of any layout: the talks and papers they state are turned
    into DATA/records/<source>.yaml, and the kind of page is told from its content; the table
    lists each record added, updated, removed or unchanged. With --dry-run every talk and paper is
    listed on stderr with its line, a confidence and the fields the extractor guessed, so a
    person checks them first. A file that cannot be read is reported and the others go in
    (exit status 1). See README
    "Ingesting pages".

    \b
    Examples:
      kg ingest refs.bib
      kg ingest seminar.ics
      kg ingest dblp.xml.gz --venue colt --year 2011-2024
      kg ingest --dry-run data/colt/colt-2011-2024-authorships.csv
      kg ingest --dry-run seminar-2024-03-04.html
      kg ingest --kind event_page talk.md
      kg ingest --speaker "Vincent Roulet" talks.md
    """
    # The builder, importers and icalendar load only when a command needs them: `kg --help` stays quick.
    from kg.ingest.documents import ingest_documents

    with contextlib.ExitStack() as bars:
        def dblp_progress(path: Path) -> Callable[[int, int], None]:
            bar = bars.enter_context(click.progressbar(
                length=path.stat().st_size, label=f"Reading {path.name}", file=sys.stderr, show_pos=False))
            return lambda done, total: bar.update(done - bar.pos)

        report = ingest_documents(data_dir, files, kind, venues, years, dry_run, dblp_progress, speaker)
    for line in report.notes:
        note(line)
    for line in report.failed:
        note(f"Not ingested: {line}")
    if dry_run and report.review.rows:  # for a person to check before anything is written
        click.echo(render(report.review.columns, report.review.rows, fmt), nl=False, err=True)
    for table in (report.pages, report.bulk):
        if table.rows:
            click.echo(render(table.columns, table.rows, fmt), nl=False)
    if report.changed and not dry_run and not no_build:
        built = _rebuild(ctx, data_dir)
        imported = f", {built.imported_papers:,} imported papers" if built.imported_papers else ""
        note(f"Built {built.store}: {built.quads:,} quads{imported}.")
    if report.failed:
        from kg.errors import DataError

        others = "; the other files went in" if len(report.failed) < len(files) else ""
        raise DataError(f"{len(report.failed)} of {len(files)} files not ingested{others}: "
                        f"{report.failed[0]}")


def _rebuild(ctx: Context, data_dir: Path) -> BuildReport:
    """Rebuild the store (a directory or a SPARQL endpoint) from ``data_dir``."""
    from kg.build import build_folder

    if is_remote(ctx.store):
        return build_folder(data_dir, RemoteStore(ctx.store))
    return build_folder(data_dir, store_path(ctx))


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
    from kg.ingest.bulk.imports import run_imports
    from kg.records.folder import read_data_folder

    result = run_imports(read_data_folder(data_dir))
    resolution = result.resolution
    rows = [("ambiguous", a.kind, a.name, a.other, a.reason, "") for a in resolution.ambiguities]
    if merges:
        rows += [("merged", m.kind, m.canonical, m.variant, m.reason, m.evidence)
                 for m in resolution.merges]
    rows += [("merged", m.kind, m.canonical, m.variant, m.reason, m.evidence)
             for m in result.paper_merges] if merges else []
    rows.sort(key=lambda r: (r[0], r[1], r[2].casefold(), r[3].casefold()))
    click.echo(render(["status", "kind", "name", "other", "reason", "evidence"], rows, fmt), nl=False)
    people = sum(1 for m in resolution.merges if m.kind == "person")
    note(f"{len(result.papers):,} papers ({len(result.paper_merges)} found twice under two keys), "
         f"{len(result.talks):,} talks, {len(resolution.new_people):,} new people, "
         f"{len(resolution.new_organizations):,} new organizations; {people} person merges, "
         f"{len(resolution.merges) - people} organization merges, "
         f"{len(resolution.ambiguities)} ambiguous cases.")
