"""``kg viz``: interactive HTML pages of the graph, one self-contained file each, and an index.

The views, NetworkX and pyvis (which loads IPython) are imported inside the commands, so other
``kg`` commands and ``kg --help`` do not pay for them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.base import Context, main, note, progress, read_only_store

if TYPE_CHECKING:

    from kg.views.render import Page

DEFAULT_OUT = Path("viz")
INDEX = "index.html"
MAX_NODES = 150
"""Default of ``--max-nodes``; the same as ``kg.views.graph_pages.MAX_NODES`` (a test keeps them equal)."""


def out_option(function: Callable[..., None]) -> Callable[..., None]:
    """The ``--out`` and ``--max-nodes`` options every page command shares."""
    function = click.option(
        "--max-nodes", type=click.IntRange(min=2), default=MAX_NODES, show_default=True,
        help="Most nodes a page shows; larger graphs are cut and the page says how.",
    )(function)
    return click.option(
        "--out", "out", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_OUT,
        show_default=True, help="Folder to write the pages and index.html into.",
    )(function)


@main.group()
def viz() -> None:
    """Write interactive graph pages (HTML) that open offline in any browser.

    Each page is one file with everything inside it; viz/index.html links them all.
    Point at a node for its details, search by name, tick kinds of node on and off.

    \b
    Example:
      kg viz all && xdg-open viz/index.html
    """


@viz.command("coauthors")
@out_option
@click.pass_obj
def coauthors_command(ctx: Context, out: Path, max_nodes: int) -> None:
    """The coauthor network, cut to its most central people when large.

    \b
    Example:
      kg viz coauthors --max-nodes 100
    """
    from kg.views.graph_pages import coauthors_view

    with read_only_store(ctx) as store:
        _write(out, [coauthors_view(store, max_nodes)])


@viz.command("person")
@click.argument("name")
@out_option
@click.pass_obj
def person_command(ctx: Context, name: str, out: Path, max_nodes: int) -> None:
    """One person: papers and coauthors, talks and events, institutions, advisors.

    NAME is a name (any that sources use) or an IRI.

    \b
    Example:
      kg viz person "Sanjeev Arora"
    """
    from kg.views.graph_pages import person_view

    with read_only_store(ctx) as store:
        _write(out, [person_view(store, name, max_nodes)])


@viz.command("event")
@click.argument("name")
@out_option
@click.pass_obj
def event_command(ctx: Context, name: str, out: Path, max_nodes: int) -> None:
    """One event: its sessions, talks, speakers, organizers and hosts.

    NAME is the event's name or IRI.

    \b
    Example:
      kg viz event "Princeton Alg-ML Seminar"
    """
    from kg.views.graph_pages import event_view

    with read_only_store(ctx) as store:
        _write(out, [event_view(store, name, max_nodes)])


@viz.command("lineage")
@click.argument("name")
@out_option
@click.pass_obj
def lineage_command(ctx: Context, name: str, out: Path, max_nodes: int) -> None:
    """A person's academic family tree, advisors above and students below.

    \b
    Example:
      kg viz lineage "Sadhika Malladi"
    """
    from kg.views.graph_pages import lineage_view

    with read_only_store(ctx) as store:
        _write(out, [lineage_view(store, name, max_nodes)])


@viz.command("suggest")
@click.argument("event")
@click.option("--top", "-k", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many suggested speakers to draw.")
@out_option
@click.pass_obj
def suggest_command(ctx: Context, event: str, top: int, out: Path, max_nodes: int) -> None:
    """Speakers to invite to EVENT: its past speakers, organizers and the top suggestions.

    Each suggestion (as 'kg suggest' ranks them) is joined to the speakers and organizers by
    the papers, talks and advising that explain it; click it for its score and reasons.

    \b
    Example:
      kg viz suggest "Princeton Alg-ML Seminar" --top 5
    """
    from kg.views.graph_pages import suggest_view

    with read_only_store(ctx) as store:
        _write(out, [suggest_view(store, event, top, max_nodes)])


@viz.command("all")
@click.option("--people", type=click.IntRange(min=0), default=12, show_default=True,
              help="How many person pages: the people with the most papers and talks.")
@out_option
@click.pass_obj
def all_command(ctx: Context, people: int, out: Path, max_nodes: int) -> None:
    """Every view: coauthors, each event with talks and its suggested speakers, each academic
    family, the busiest people.

    \b
    Example:
      kg viz all --out viz/ && xdg-open viz/index.html
    """
    with read_only_store(ctx) as store:
        from kg.views.selection import page_makers

        makers = page_makers(store, people, max_nodes)
        pages = []
        for make in progress(makers, "Drawing pages"):
            page = make()
            if page is not None:
                pages.append(page)
    _write(out, pages)


def _write(out: Path, pages: list[Page]) -> None:
    from kg.views.render import read_entry, render_index, render_page

    out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        path = out / f"{page.name}.html"
        _replace(path, render_page(page))
        suffix = " (cut to stay readable)" if page.cut else ""
        note(f"Wrote {path}: {page.graph.number_of_nodes()} nodes, "
             f"{page.graph.number_of_edges()} links{suffix}")
    entries = [read_entry(p) for p in sorted(out.glob("*.html")) if p.name != INDEX]
    _replace(out / INDEX, render_index([e for e in entries if e is not None]))
    note(f"Wrote {out / INDEX}")


def _replace(path: Path, text: str) -> None:
    """Write ``path`` whole or not at all: a reader never sees half a page."""
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(partial, 0o644)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
