"""Questions about the collaboration graph: suggest speakers, analyze, path, lineage."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg.cli.base import Context, main, note, progress, read_only_store
from kg.errors import KGError
from kg.views.reports import ANALYZE_REPORTS, analysis_tables, lineage_table, path_table, suggestions_text
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
@click.option("--hops", type=click.IntRange(1, 4), default=2, show_default=True,
              help="How many collaboration links away from speakers and organizers to look.")
@click.option("--since", type=DATE, help="Only talks from this day on count as 'already spoke'.")
@click.option("--as-of", "as_of", type=DATE, help="Use only what was known on this day.")
@click.option("--exclude", "-x", multiple=True, metavar="NAME",
              help="Never suggest this person (name or IRI); repeatable.")
@_format_option()
@click.pass_obj
def suggest_command(
    ctx: Context, event: str, top: int, hops: int, since: date | None, as_of: date | None,
    exclude: tuple[str, ...], fmt: str,
) -> None:
    """Suggest speakers for EVENT (name or IRI) who have not spoken at it or its series.

    Candidates are ranked by closeness in the coauthor and advising graphs to the event's
    past speakers and organizers, by how well their papers and talks match the event's talks,
    and by how recent their work is. Each comes with the reasons: the shortest chain to a
    speaker or organizer (the paper, talk or advising behind every step), shared coauthors,
    matching topic words, and conflicts of interest with the organizers.

    \b
    Examples:
      kg suggest "TILOS Seminar" --top 5
      kg suggest "Princeton Alg-ML Seminar" --since 2023-01-01 --exclude "Sanjeev Arora"
      kg suggest "COLT" --as-of 2020-01-01 --format json
    """
    from kg.network.suggest import suggest
    from kg.sparql.resolver import entities, entity

    with read_only_store(ctx) as store:
        event_iri = entity(store, event, "event")
        excluded = entities(store, exclude, "person")
        result = suggest(store, event_iri, top=top, hops=hops, since=since, as_of=as_of,
                         exclude=excluded)
    note(f"{result.event_name}: {len(result.speakers)} speakers, {len(result.organizers)} "
         f"organizers; {result.considered} people considered.")
    for message in result.notes:
        note(f"Note: {message}")
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


DEFAULT_CUTOFFS = ("2016-12-31", "2018-12-31", "2020-12-31", "2022-12-31")
DEFAULT_VENUE = "Conference on Learning Theory"


@main.command("evaluate-suggest")
@click.option("--venue", "venues", multiple=True, default=(DEFAULT_VENUE,), show_default=True,
              help="A venue whose papers make a history (first authors present); repeatable; "
                   "'' for none.")
@click.option("--keyword", "keywords", multiple=True, metavar="WORD",
              help="Also a topical history: the venue's papers with WORD in the title; repeatable.")
@click.option("--history", "histories", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A YAML history (id, name, talks: date, speaker, title); repeatable.")
@click.option("--cutoff", "cutoffs", multiple=True, type=DATE, default=DEFAULT_CUTOFFS,
              show_default=True, help="Hide what comes after this day; repeatable.")
@click.option("--k", "ks", multiple=True, type=click.IntRange(min=1), default=(10, 50),
              show_default=True, help="Measure recall at this many candidates; repeatable.")
@click.option("--hops", type=click.IntRange(1, 4), default=2, show_default=True,
              help="Hops for kg suggest.")
@_format_option()
@click.pass_obj
def evaluate_suggest_command(
    ctx: Context, venues: tuple[str, ...], keywords: tuple[str, ...], histories: tuple[Path, ...],
    cutoffs: tuple[date, ...], ks: tuple[int, ...], hops: int, fmt: str,
) -> None:
    """Measure how well kg suggest finds a series' later speakers: recall@k against baselines.

    For each history and cutoff day, the talks after the cutoff are hidden, kg suggest runs
    with --as-of the cutoff, and recall@k is the share of the people who first speak after the
    cutoff among its first k candidates. Baselines rank everyone known on the cutoff day by
    most papers and by most coauthors. "known" columns count only the later speakers who had
    a paper by the cutoff. A venue's history takes each paper's first author as its presenter,
    on 1 July of its year. Histories go into an in-memory copy: the store is not changed.

    \b
    Examples:
      kg evaluate-suggest
      kg evaluate-suggest --keyword bandit --cutoff 2018-12-31 --format csv
      kg evaluate-suggest --venue '' --history tests/data/evaluation/mini-history.yaml
    """
    from kg.network import evaluate

    with read_only_store(ctx) as store:
        chosen = []
        for venue in (v for v in venues if v):
            for keyword in (None, *keywords):
                history = evaluate.venue_history(store, venue, keyword)
                if history.talks:
                    chosen.append(history)
                else:
                    note(f"No papers at a venue named like {venue!r}"
                         + (f" with {keyword!r} in the title" if keyword else "") + "; skipped.")
        chosen += [evaluate.read_history(store, path) for path in histories]
        if not chosen:
            raise KGError("no history to evaluate on: give --venue or --history")
        results = []
        for history in chosen:
            note(f"{history.name}: {len(history.talks)} talks.")
            copy = evaluate.evaluation_store(store, history)
            results += evaluate.evaluate(copy, history, cutoffs, sorted(set(ks)), hops)
    ordered = sorted(set(ks))
    columns = ["history", "cutoff", "method", "past_speakers", "later_speakers", "known",
               *(f"recall@{k}" for k in ordered), *(f"recall@{k}_known" for k in ordered)]
    rows = [(r.history, r.cutoff.isoformat(), r.method, r.past_speakers, r.targets,
             r.known_targets, *(r.recall[k] for k in ordered),
             *(r.recall_known[k] for k in ordered)) for r in results]
    if fmt == "json":
        click.echo(json.dumps([dict(zip(columns, row, strict=True)) for row in rows],
                              ensure_ascii=False, indent=2))
        return
    click.echo(render(columns, rows, fmt), nl=False)
