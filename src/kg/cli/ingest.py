"""Grow the graph from documents: ``kg ingest`` and ``kg resolve``."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.base import Context, format_option, keep_listings_of, main, note, progress_bar, store_path
from kg.errors import DataError
from kg.ingest.detect import KINDS
from kg.store.remote import RemoteStore, is_remote
from kg.views.tables import render

if TYPE_CHECKING:
    from kg.build import BuildReport
    from kg.ingest.resolve.resolution import Case

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
              help="Pages: the speaker of talks a page gives without one: the owner of a personal talk "
                   "list that never prints the owner's name, or the speaker of a one-talk file "
                   "(Jekyll _talks, Hugo talk/) whose front matter names none.")
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
    from kg.records.files import restored_on_failure

    with contextlib.ExitStack() as bars:
        def dblp_progress(path: Path) -> Callable[[int, int], None]:
            advance = bars.enter_context(progress_bar(f"Reading {path.name}", path.stat().st_size))
            return lambda done, total: advance(done)

        # data/ is put back as it was if the store cannot be rebuilt from it (the store keeps its version).
        unchanged_on_failure = (restored_on_failure(data_dir) if not dry_run and not no_build
                                else contextlib.nullcontext())
        bars.enter_context(unchanged_on_failure)
        report = ingest_documents(data_dir, files, kind, venues, years, dry_run, dblp_progress, speaker)
        for line in report.notes:
            note(line)
        for line in report.failed if len(files) > 1 else ():  # one file: its error says it all
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

        if len(files) == 1:
            raise DataError(report.failed[0])  # one file: its own error, naming file, line and field
        others = "; the other files went in" if len(report.failed) < len(files) else ""
        raise DataError(f"{len(report.failed)} of {len(files)} files not ingested{others}: "
                        f"{report.failed[0]}")


def _rebuild(ctx: Context, data_dir: Path) -> BuildReport:
    """Rebuild the store (a directory or a SPARQL endpoint) from ``data_dir``."""
    from kg.build import build_folder

    if is_remote(ctx.store):
        return build_folder(data_dir, RemoteStore(ctx.store))
    target = store_path(ctx)
    report = build_folder(data_dir, target)
    keep_listings_of(target, report.quads)  # as kg build does: a large store keeps its listings
    return report


@main.command("resolve")
@_DATA_OPTION
@click.option("--merges/--no-merges", default=True, show_default=True,
              help="List the merges made, not only the splits and open cases.")
@click.option("--accept", "accepted", multiple=True, metavar="ID",
              help="Settle a case as the resolver proposes it (merged: one person; split: two people; "
                   "open: one person) in DATA/aliases.yaml; repeatable.")
@click.option("--reject", "rejected", multiple=True, metavar="ID",
              help="Settle a case against the resolver (merged: two people; split: one person; open: two "
                   "people) in DATA/aliases.yaml; repeatable.")
@format_option()
def resolve_command(data_dir: Path, merges: bool, accepted: tuple[str, ...], rejected: tuple[str, ...],
                    fmt: str) -> None:
    """Review how names in the imported files were resolved, and settle cases.

    Lists every case with a stable ID: "merged" (two names taken as one person), "split" (one
    name taken as two people) and "open" (two names or two groups of one name left apart though
    they may be one person), with the score (log-odds; merged at 1 or more) and the evidence
    (shared coauthors, institutions, topics). --accept ID or --reject ID writes the decision to
    DATA/aliases.yaml, which every later build and resolve keeps.

    \b
    Examples:
      kg resolve --no-merges --format csv > cases.csv
      kg resolve --accept 3f2a9c1e --reject 77b0d41a
    """
    from kg.ingest.bulk.imports import run_imports
    from kg.records.folder import read_data_folder

    result = run_imports(read_data_folder(data_dir))
    resolution = result.resolution
    if accepted or rejected:
        _settle(data_dir, resolution.cases, accepted, rejected)
        return
    rows = [(c.id, c.status, c.kind, c.name, c.other, f"{c.score:.2f}", c.reason, c.evidence)
            for c in resolution.cases if merges or c.status != "merged"]
    rows += [("", "merged", m.kind, m.canonical, m.variant, "", m.reason, m.evidence)
             for m in (*resolution.merges, *result.paper_merges)
             if merges and m.kind != "person"]
    rows.sort(key=lambda r: (r[1], r[2], r[3].casefold(), r[4].casefold(), r[0]))
    click.echo(render(["id", "status", "kind", "name", "other", "score", "reason", "evidence"], rows, fmt),
               nl=False)
    counts = {s: sum(1 for c in resolution.cases if c.status == s) for s in ("merged", "split", "open")}
    note(f"{len(result.papers):,} papers ({len(result.paper_merges)} found twice under two keys), "
         f"{len(result.talks):,} talks, {len(resolution.new_people):,} new people, "
         f"{len(resolution.new_organizations):,} new organizations; {counts['merged']} names merged, "
         f"{counts['split']} names split, {counts['open']} open cases.")


def _settle(data_dir: Path, cases: list[Case], accepted: tuple[str, ...], rejected: tuple[str, ...]) -> None:
    """Write each decision to the alias file; an unknown ID stops before anything is written."""
    from kg.records import aliases

    by_id = {c.id: c for c in cases}
    unknown = [i for i in (*accepted, *rejected) if i not in by_id]
    if unknown:
        raise DataError(f"no case with ID {unknown[0]} (run kg resolve to list the cases and their IDs)")
    for case_id, accept in [*((i, True) for i in accepted), *((i, False) for i in rejected)]:
        case = by_id[case_id]
        one = (case.status != "split") == accept
        if case.status == "split" and not one and case.sides:
            aliases.namesakes(data_dir, case.name, [
                aliases.Namesake(id=side.person, organizations=list(side.organizations),
                                 coauthors=list(side.coauthors)) for side in case.sides])
        elif case.status == "split":
            aliases.one_person(data_dir, case.name)
        elif one:
            aliases.same_person(data_dir, case.name, case.other)
        else:
            aliases.distinct_people(data_dir, case.name, case.other)
        verdict = "one person" if one else "two people"
        note(f"{case_id}: {case.name} / {case.other}: {verdict}, written to {data_dir / 'aliases.yaml'}.")
