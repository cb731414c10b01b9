"""Questions about the collaboration graph: suggest speakers, analyze, path, lineage."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click

from kg.cli.base import Context, main, note, progress, read_only_store
from kg.errors import KGError
from kg.views.reports import (
    ANALYZE_REPORTS,
    analysis_tables,
    evaluation_json,
    evaluation_table,
    lineage_table,
    path_table,
    suggestions_text,
)
from kg.views.tables import render

if TYPE_CHECKING:
    pass

# networkx and the analyses are imported inside the commands, so `kg --help` stays quick.

SUGGEST_FORMATS = ("table", "csv", "tsv", "json")


class DateParam(click.ParamType):
    """A calendar day written YYYY-MM-DD."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return datetime.strptime(value, "%Y-%m-%d").date()
        except ValueError:
            self.fail(f"{value!r} is not a date (YYYY-MM-DD)", param, ctx)


DATE = DateParam()


def _format_option() -> Any:
    return click.option("--format", "fmt", type=click.Choice(SUGGEST_FORMATS), default="table",
                        show_default=True, help="Output format.")


@main.command("suggest")
@click.argument("event")
@click.option("--top", "-k", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many candidates to show.")
@click.option("--since", type=DATE, help="Only talks from this day on count as 'already spoke'.")
@click.option("--as-of", "as_of", type=DATE,
              help="Use only what was known on this day (talks, papers, affiliations).")
@click.option("--exclude", "-x", multiple=True, metavar="NAME",
              help="Never suggest this person (name or IRI); repeatable.")
@click.option("--exclude-conflicts", is_flag=True,
              help="Leave out advisors, students and recent coauthors (3 years) of the organizers.")
@_format_option()
@click.pass_obj
def suggest_command(
    ctx: Context, event: str, top: int, since: date | None, as_of: date | None,
    exclude: tuple[str, ...], exclude_conflicts: bool, fmt: str,
) -> None:
    """Suggest speakers for EVENT (name or IRI) from the whole field, each with its reasons.

    Everyone in the store's graph index is scored: random walks from the event's speakers
    (recent ones more) and organizers over joint papers, talks and advising; how well their
    papers and talks match the event's talks; career, venues, talks elsewhere, local or
    visiting, weighed by a small model fitted on whom the series itself invited. Organizers,
    group leads and past speakers (unless --since) are never suggested. Each candidate shows
    the chain to a speaker or organizer, the reasons in the series' terms, and relations to
    the organizers; advisor/student and a joint paper in the last three years are conflicts.

    \b
    Examples:
      kg suggest "TILOS Seminar" --top 5
      kg suggest "Princeton Alg-ML Seminar" --since 2023-01-01 --exclude "Sanjeev Arora"
      kg suggest "the MaD Seminar" --as-of 2019-06-30 --exclude-conflicts --format json
    """
    from kg.network.suggest import suggest
    from kg.sparql.resolver import entities, entity

    with read_only_store(ctx) as store:
        event_iri = entity(store, event, "event")
        excluded = entities(store, exclude, "person")
        result = suggest(store, event_iri, top=top, since=since, as_of=as_of, exclude=excluded,
                         exclude_conflicts=exclude_conflicts)
    note(f"{result.event_name}: {len(result.speakers)} speakers, {len(result.organizers)} "
         f"organizers; {result.considered} people considered.")
    for message in result.notes:
        note(f"Note: {message}")
    if not result.fitted:
        note("Note: too little history to learn the series' taste; default weights were used.")
    click.echo(suggestions_text(result, fmt), nl=False)


@main.command("analyze")
@click.option("--top", "-k", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many people (and community members) to list.")
@click.option("--report", type=click.Choice(("all", *ANALYZE_REPORTS)), default="all",
              show_default=True, help="Which part to print; csv and tsv need one part.")
@_format_option()
@click.pass_obj
def analyze_command(ctx: Context, top: int, report: str, fmt: str) -> None:
    """Analyze the coauthor graph: components, central people, communities, bridges.

    Central people are ranked by PageRank (weighted by joint papers), with their degree and
    betweenness (sampled with a fixed seed on large graphs); communities come from Louvain
    (fixed seed); bridges are the people whose coauthors span most communities.

    \b
    Examples:
      kg analyze --top 20
      kg analyze --report central --format csv > central.csv
    """
    if fmt in ("csv", "tsv") and report == "all":
        raise click.UsageError("--format csv/tsv prints one table: choose --report")
    from kg.network.graphs import coauthor_graph

    with read_only_store(ctx) as store:
        graph = coauthor_graph(store)
    tables = analysis_tables(graph, top, progress)
    chosen = ANALYZE_REPORTS if report == "all" else (report,)
    if fmt == "json":
        payload = {name: [dict(zip(tables[name][0], row, strict=True)) for row in tables[name][1]]
                   for name in chosen}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for number, name in enumerate(chosen):
        if number:
            click.echo("")
        if len(chosen) > 1:
            click.echo(f"# {name}")
        click.echo(render(*tables[name], fmt), nl=False)


@main.command("path")
@click.argument("first")
@click.argument("second")
@click.option("--max-hops", type=click.IntRange(1, 12), default=6, show_default=True,
              help="Give up beyond chains of this many links.")
@_format_option()
@click.pass_obj
def path_command(ctx: Context, first: str, second: str, max_hops: int, fmt: str) -> None:
    """The shortest chain of collaboration between two people (names or IRIs).

    Links are joint papers, shared talks (speaker, co-speaker, named collaborator) and
    advising; each step shows the paper, talk or advising behind it. Among equally short
    chains, the one through people first in alphabetical order is shown.

    \b
    Example:
      kg path "Noam Razin" "Rong Ge"
    """
    from kg.network import analysis
    from kg.network.graphs import path_graph
    from kg.sparql.resolver import entities

    with read_only_store(ctx) as store:
        a, b = entities(store, [first, second], "person")
        graph = path_graph(store, a, b, max_hops)
    steps = analysis.shortest_chain(graph, a, [b])
    if not steps and a != b:
        raise KGError(f"no chain of at most {max_hops} links joins {first} and {second}")
    click.echo(render(*path_table(steps), fmt), nl=False)


@main.command("lineage")
@click.argument("person")
@click.option("--depth", type=click.IntRange(1, 50), default=10, show_default=True,
              help="How many generations to follow each way.")
@_format_option()
@click.pass_obj
def lineage_command(ctx: Context, person: str, depth: int, fmt: str) -> None:
    """Academic ancestors and descendants of PERSON (name or IRI).

    Generation -1 are the advisors, -2 their advisors, and so on; 1 are the students, 2 the
    students' students. PhD advising and postdoctoral mentoring both count.

    \b
    Example:
      kg lineage "Murat Kocaoglu" --format csv
    """
    from kg.network import analysis
    from kg.network.graphs import genealogy_around
    from kg.sparql.resolver import entity

    with read_only_store(ctx) as store:
        iri = entity(store, person, "person")
        genealogy = genealogy_around(store, iri, depth)
    relatives = analysis.lineage(genealogy, iri)
    if not relatives:
        note(f"No advisors or students of {analysis.label(genealogy, iri)} are known.")
    click.echo(render(*lineage_table(relatives), fmt), nl=False)


@main.command("evaluate-suggest")
@click.argument("series", nargs=-1)
@click.option("--cutoff", type=DATE, help="Hide what comes after this day (default: the day by which "
              "--share of each series' talks were given).")
@click.option("--share", type=click.FloatRange(0.05, 0.95), default=0.5, show_default=True,
              help="Where the default cutoff falls: this share of the series' talks before it.")
@click.option("--min-talks", type=click.IntRange(min=2), default=20, show_default=True,
              help="Without SERIES: evaluate every seminar series with at least this many dated talks.")
@click.option("--k", "ks", multiple=True, type=click.IntRange(min=1), default=(10, 50, 200),
              show_default=True, help="Measure recall at this many candidates; repeatable.")
@_format_option()
@click.pass_obj
def evaluate_suggest_command(
    ctx: Context, series: tuple[str, ...], cutoff: date | None, share: float, min_talks: int,
    ks: tuple[int, ...], fmt: str,
) -> None:
    """Measure how well kg suggest finds a series' later speakers: recall@k and MRR against baselines.

    Each SERIES (name or IRI of an event in the store, its talks ingested from pages or
    calendars; default: every seminar series with --min-talks dated talks) is cut at a day:
    what comes after it is hidden (kg suggest --as-of the cutoff), and recall@k is the share
    of the people who first speak after the cutoff among the first k candidates. Baselines:
    most papers, most coauthors, personalized PageRank from the past speakers, topic only.
    The last rows average each method over the series. The store is not changed.

    \b
    Examples:
      kg evaluate-suggest
      kg evaluate-suggest "the MaD Seminar" --cutoff 2019-06-30 --format csv
    """
    from kg.network import evaluate
    from kg.network.index import index_for
    from kg.sparql.resolver import entities

    with read_only_store(ctx) as store:
        index = index_for(store)
        chosen = entities(store, series, "event") if series else evaluate.seminar_series(index, min_talks)
    if not chosen:
        raise KGError(f"no seminar series with {min_talks} dated talks in the store; name one")
    results = []
    for event in chosen:
        days = evaluate.speaker_days(index, event)
        day = cutoff or evaluate.middle_cutoff(days, share)
        note(f"{index.event_names[index.event_index[event]]}: {len(days)} talks, cutoff {day.isoformat()}.")
        results += evaluate.evaluate(index, event, day, sorted(set(ks)))
    click.echo(render(*evaluation_table(results, sorted(set(ks))), fmt) if fmt != "json" else
               evaluation_json(results, sorted(set(ks))), nl=False)
