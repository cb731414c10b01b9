"""Build, query, inspect, export and validate the graph."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from kg.cli.base import (
    Context,
    Count,
    format_option,
    keep_listings_of,
    main,
    note,
    progress_bar,
    progress_count,
    progress_steps,
    read_only_store,
    store_path,
)
from kg.errors import QueryError, ShapeViolation
from kg.sparql.catalog import NamedQuery, find_query, list_queries, parse_query_file
from kg.sparql.resolver import bind_parameters, entity
from kg.store.remote import RemoteStore, is_remote
from kg.store.terms import IRI, RDF_FORMATS, plain
from kg.views.tables import records, render, render_stream

EXPORT_FORMATS = tuple(RDF_FORMATS)


@main.command()
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("data"),
    show_default=True,
    help="Folder of record files to build from.",
)
@click.option(
    "--nquads",
    "nquads_files",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    multiple=True,
    help="Build from these N-Quads files (.nq or .nq.gz, e.g. from 'kg synth') instead of DATA.",
)
@click.option(
    "--synthetic",
    type=Count(),
    metavar="COUNT",
    help="Build from about COUNT synthetic triples (e.g. 1M), generated as they are loaded.",
)
@click.option("--seed", default=1, show_default=True, help="Seed of --synthetic data.")
@click.option("--keep-listings/--no-keep-listings", default=None,
              help="Run the whole-graph listings (people, papers, talks, affiliations) on the new store "
                   "and keep their answers beside it, so 'kg query' gives them at once. "
                   "Default: for stores of 1M quads or more.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.pass_obj
def build(
    ctx: Context,
    data_dir: Path,
    nquads_files: tuple[Path, ...],
    synthetic: int | None,
    seed: int,
    keep_listings: bool | None,
    quiet: bool,
) -> None:
    """Build the store from the record files in DATA (or from N-Quads, or synthetic data).

    The new store is written beside the old one and swapped in only when the whole build
    succeeded: a bad record leaves the previous store as it was. Records stream through
    Oxigraph's bulk loader, so memory stays bounded at any size. With a SPARQL endpoint as
    --store, kg's named graphs on the server are replaced. A store of 1M quads or more then
    has its whole-graph listings run and kept (--no-keep-listings skips it).

    \b
    Examples:
      kg build --data data/
      kg build --synthetic 1M --seed 7
      kg synth --triples 10M --out bench/data && kg build --nquads bench/data/synthetic-10000000-s1.nq
      kg --store http://127.0.0.1:7878 build
    """
    if nquads_files and synthetic:
        raise click.UsageError("give --nquads or --synthetic, not both")
    from kg import build as pipeline  # imports the record models: only when building

    target = RemoteStore(ctx.store) if is_remote(ctx.store) else store_path(ctx)
    started = time.perf_counter()
    if nquads_files:
        total = sum(p.stat().st_size for p in nquads_files)
        with progress_bar("Loading N-Quads", total, quiet) as advance:
            report = pipeline.build(pipeline.FromNQuads(nquads_files), target, advance)
        _built(ctx.store, f"{report.quads:,} quads from {len(nquads_files)} N-Quads file(s)", started, quiet)
        keep_listings_of(target, report.quads, keep_listings, quiet)
        return
    if synthetic:
        from kg.rdf.synthetic import SyntheticGraph

        graph = SyntheticGraph(synthetic, seed)
        with progress_bar("Generating and loading", synthetic, quiet) as advance:
            report = pipeline.build(pipeline.FromQuads(graph.quads()), target, advance)
        summary = graph.summary
        _built(ctx.store, f"{report.quads:,} synthetic quads (seed {seed}), {summary.people:,} people, "
               f"{summary.papers:,} papers, {summary.talks:,} talks", started, quiet)
        keep_listings_of(target, report.quads, keep_listings, quiet)
        return
    from kg.records.folder import read_data_folder

    folder = read_data_folder(data_dir)
    with progress_count(f"Building {ctx.store}", "quads", quiet) as advance:
        report = pipeline.build(pipeline.FromData(folder), target, advance)
    for problem in report.problems:
        note(f"Skipped: {problem}")
    if not quiet:
        imported = f" and {report.imported_papers:,} imported papers" if report.imported_papers else ""
        note(
            f"Built {report.store}: {report.quads:,} quads from {report.documents} source "
            f"documents{imported}, {report.people:,} people, {report.organizations:,} organizations."
        )
    keep_listings_of(target, report.quads, keep_listings, quiet)


def _built(store: str, what: str, started: float, quiet: bool) -> None:
    if not quiet:
        note(f"Built {store}: {what} in {time.perf_counter() - started:,.1f} s.")


@main.command("queries")
@format_option()
def queries_command(fmt: str) -> None:
    """List the named queries: name, what they answer, their parameters.

    \b
    Example:
      kg queries --format csv
    """
    rows = [
        (q.name, q.summary, " ".join(f"{p.name}:{p.kind}" for p in q.params))
        for q in list_queries()
    ]
    click.echo(render(["name", "summary", "params"], rows, fmt), nl=False)


@main.command()
@click.argument("name", required=False)
@click.option(
    "--file",
    "query_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Run this .rq file instead of a named query.",
)
@click.option(
    "--param",
    "-p",
    "params",
    type=(str, str),
    multiple=True,
    metavar="NAME VALUE",
    help="A parameter value; people, events and organizations by IRI or by name.",
)
@click.option("--limit", type=click.IntRange(min=0), help="Print at most this many rows (SELECT).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows first (SELECT).")
@format_option()
@click.pass_obj
def query(
    ctx: Context,
    name: str | None,
    query_file: Path | None,
    params: tuple[tuple[str, str], ...],
    limit: int | None,
    offset: int,
    fmt: str,
) -> None:
    """Run the named query NAME (see 'kg queries') or a .rq file.

    Parameter values are bound as RDF terms by the store, never pasted into the query text. A
    CONSTRUCT or DESCRIBE query prints its triples (subject, predicate, object), an ASK query
    its answer. Rows are printed as the store gives them (csv, tsv, json); --limit and
    --offset page through a long answer in the query's order.

    \b
    Examples:
      kg query talks
      kg query people --limit 100 --offset 200 --format csv
      kg query coauthors -p person "Sanjeev Arora" --format csv
      kg query --file my-question.rq --format json
    """
    named = _chosen_query(name, query_file)
    with read_only_store(ctx) as store:
        bindings = bind_parameters(store, named, params)
        for message in bindings.notes:
            note(f"Note: {message}")
        if named.form in ("CONSTRUCT", "DESCRIBE"):
            if bindings.terms:
                raise QueryError(f"query '{named.name}': parameters bind only in SELECT and ASK queries")
            triples = store.construct(named.text)
            rows: list[tuple[Any, ...]] = sorted(((t.subject, t.predicate, t.object) for t in triples),
                                                 key=lambda row: tuple(str(plain(term)) for term in row))
            columns = ["subject", "predicate", "object"]
        elif named.form == "ASK":
            columns, rows = ["answer"], [(store.ask(named.text, bindings.terms),)]
        else:
            columns, stream = store.stream(named.text, bindings.terms, limit, offset)
            out = sys.stdout
            for piece in render_stream(columns, stream, fmt):
                out.write(piece)
                out.flush()
            return
    click.echo(render(columns, rows, fmt), nl=False)


def _chosen_query(name: str | None, query_file: Path | None) -> NamedQuery:
    if (name is None) == (query_file is None):
        raise click.UsageError("give a query NAME or --file F.rq, not both")
    return parse_query_file(query_file) if query_file else find_query(name or "")


@main.command()
@format_option()
@click.pass_obj
def stats(ctx: Context, fmt: str) -> None:
    """Count what the graph holds, by class and by source document.

    \b
    Example:
      kg stats --format json
    """
    with read_only_store(ctx) as store:
        by_class = store.select(find_query("stats_by_class").text)
        by_source = store.select(find_query("stats_by_source").text)
    if fmt == "json":
        payload = {
            "classes": records(by_class.columns, by_class.rows),
            "sources": records(by_source.columns, by_source.rows),
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(render(by_class.columns, by_class.rows, fmt), nl=False)
    click.echo("")
    click.echo(render(by_source.columns, by_source.rows, fmt), nl=False)


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted([*EXPORT_FORMATS, "ics"])),
    default="nquads",
    show_default=True,
    help="RDF serialization (triple formats merge all named graphs), or ics: talks as a calendar.",
)
@click.option("--event", help="With --format ics: only this event's talks (IRI or name).")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to this file instead of stdout.",
)
@click.pass_obj
def export(ctx: Context, fmt: str, event: str | None, output: Path | None) -> None:
    """Write the whole graph as RDF, or talks as an iCalendar file.

    A calendar states each talk's start in the time zone of its event, with a VTIMEZONE, so a
    talk at 4pm Chicago time shows as 4pm Chicago time in any calendar program.

    \b
    Examples:
      kg export --format turtle > kg.ttl
      kg export --format trig -o kg.trig       (Turtle and TriG with the ontology's prefixes)
      kg export --format jsonld -o kg.jsonld   (with an @context of the same prefixes)
      kg export --format ics --event "CS Seminar" -o seminar.ics
    """
    if fmt == "ics":
        _export_calendar(ctx, event, output)
        return
    if event is not None:
        raise click.UsageError("--event applies to --format ics only")
    from kg.rdf.ontology import prefixes

    declared = prefixes()
    with read_only_store(ctx) as store:
        if output is None:
            with click.open_file("-", "wb") as stream:
                store.dump(stream, RDF_FORMATS[fmt], declared)
            return
        partial = output.with_name(output.name + ".partial")
        with partial.open("wb") as handle:
            store.dump(handle, RDF_FORMATS[fmt], declared)
        partial.replace(output)
    note(f"Wrote {output}")


def _export_calendar(ctx: Context, event: str | None, output: Path | None) -> None:
    from kg.views.calendar import calendar_of_store

    with read_only_store(ctx) as store:
        chosen = IRI(entity(store, event, "event")) if event is not None else None
        data, count = calendar_of_store(store, chosen)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        partial = output.with_name(output.name + ".partial")
        partial.write_bytes(data)
        partial.replace(output)
    note(f"Wrote {count} talk(s)" + (f" to {output}" if output else ""))


@main.command()
@format_option()
@click.pass_obj
def validate(ctx: Context, fmt: str) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl.

    Prints every violation; exits with status 1 if there is any. On the bundled data it takes
    about a minute (RDFS inference, then the shapes one group at a time); progress shows on
    stderr.

    \b
    Example:
      kg validate
    """
    from kg.rdf.shapes import validate_graph  # pyshacl is slow to import
    from kg.sparql.reads import data_graph

    with read_only_store(ctx) as store:
        graph = data_graph(store)
    with progress_steps("Validating") as told:
        report = validate_graph(graph, progress=told)
    if report.violations:
        rows = [(v.severity, v.focus, v.path, v.message) for v in report.violations]
        click.echo(render(["severity", "focus", "path", "message"], rows, fmt), nl=False)
    if not report.conforms:
        raise ShapeViolation(f"the graph does not conform: {len(report.violations)} violation(s)")
    note("The graph conforms to ontology/shapes.ttl.")
