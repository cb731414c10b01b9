"""The ``kg`` group, its global options and what every command shares."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from kg import __version__
from kg.errors import KGError, StoreError, UsageError
from kg.store import GraphStore, open_store
from kg.views.tables import FORMATS

DEFAULT_STORE = Path(".kg") / "store"

Item = TypeVar("Item")


@dataclass
class Context:
    """What the group's options give every command."""

    store: str


class KGGroup(click.Group):
    """A click group that shows expected errors as one line and exits with status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise click.UsageError(str(exc)) from None
        except KGError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    envvar="KG_STORE",
    default=str(DEFAULT_STORE),
    show_default=True,
    metavar="PATH|URL",
    help="Where the graph lives: a store directory or a SPARQL endpoint URL (env KG_STORE).",
)
@click.version_option(__version__, prog_name="kg")
@click.pass_context
def main(ctx: click.Context, store: str) -> None:
    """kg: a knowledge graph of machine-learning theory.

    Speakers, talks, papers, institutions, advisors and events, as RDF in an Oxigraph store,
    answered with named SPARQL queries.

    \b
    Example:
      kg build && kg stats && kg query talks --format csv
    """
    ctx.obj = Context(store=store)


def format_option(choices: tuple[str, ...] = FORMATS) -> Any:
    """The ``--format`` option shared by commands that print tables."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default="table",
        show_default=True,
        help="Output format.",
    )


def store_path(ctx: Context) -> Path:
    """The store location as a path; an error for a SPARQL endpoint URL."""
    if ctx.store.startswith(("http://", "https://")):
        raise StoreError(f"{ctx.store}: a SPARQL endpoint; this command needs a store directory")
    return Path(os.path.expanduser(ctx.store))


@contextmanager
def read_only_store(ctx: Context) -> Iterator[GraphStore]:
    """Open the store named by ``--store`` for reading, and release it afterwards."""
    store = open_store(ctx.store)
    try:
        yield store
    finally:
        store.close()


def note(message: str) -> None:
    """A message for the user, on stderr."""
    click.echo(message, err=True)


class Count(click.ParamType):
    """A positive count written plainly or with a suffix: ``250000``, ``250k``, ``1M``, ``1.5M``."""

    name = "count"
    SUFFIXES = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().lower().replace("_", "").replace(",", "")
        suffix = text[-1:] if text[-1:] in ("k", "m", "g") else ""
        try:
            number = float(text[: len(text) - len(suffix)]) * self.SUFFIXES[suffix]
        except ValueError:
            self.fail(f"{value!r} is not a count such as 250000, 250k or 10M", param, ctx)
        if number < 1:
            self.fail(f"{value!r}: the count must be at least 1", param, ctx)
        return int(number)


@contextmanager
def progress_bar(label: str, total: int, quiet: bool = False) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr, moved to an absolute position by the function it yields."""
    if quiet:
        yield lambda done: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr,
                           show_percent=True, show_pos=False, show_eta=True) as bar:
        reached = 0

        def advance(done: int) -> None:
            nonlocal reached
            step = min(done, total) - reached
            if step > 0:
                bar.update(step)
                reached += step

        yield advance
        advance(total)


def progress(items: Sequence[Item], label: str) -> Iterator[Item]:
    """Yield ``items`` one by one while a progress bar on stderr counts them."""
    with click.progressbar(length=len(items), label=label, show_pos=True,
                           file=sys.stderr) as bar:
        for item in items:
            yield item
            bar.update(1)
