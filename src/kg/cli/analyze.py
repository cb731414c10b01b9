"""Questions about the collaboration graph: suggest speakers, analyze, path, lineage."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

import click

from kg.cli.base import Context, main, note, read_only_store
from kg.output import render
from kg.suggest import Suggestions, find_event, find_people, suggest

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
    with read_only_store(ctx) as store:
        event_iri = find_event(store, event)
        excluded = find_people(store, exclude)
        result = suggest(store, event_iri, top=top, hops=hops, since=since, as_of=as_of,
                         exclude=excluded)
    note(f"{result.event_name}: {len(result.speakers)} speakers, {len(result.organizers)} "
         f"organizers; {result.considered} people considered.")
    for message in result.notes:
        note(f"Note: {message}")
    click.echo(render_suggestions(result, fmt), nl=False)


def render_suggestions(result: Suggestions, fmt: str) -> str:
    """The candidates as a table, CSV/TSV (reasons joined with ' | ') or JSON (reasons as lists)."""
    if fmt == "json":
        payload = {
            "event": result.event,
            "eventName": result.event_name,
            "asOf": result.as_of.isoformat() if result.as_of else None,
            "speakers": result.speakers,
            "organizers": result.organizers,
            "considered": result.considered,
            "candidates": [
                {"rank": rank, **asdict(c)} for rank, c in enumerate(result.candidates, start=1)
            ],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    columns = ["rank", "name", "score", "closeness", "topic", "recency", "path",
               "shared_coauthors", "topic_words", "conflicts", "person"]
    rows = [
        (rank, c.name, f"{c.score:.3f}", f"{c.closeness:.3f}", f"{c.topic:.3f}", f"{c.recency:.3f}",
         " ; ".join(step.describe() for step in c.path), ", ".join(c.shared_coauthors),
         ", ".join(c.topic_words), " | ".join(c.conflicts), c.person)
        for rank, c in enumerate(result.candidates, start=1)
    ]
    return render(columns, rows, fmt)
