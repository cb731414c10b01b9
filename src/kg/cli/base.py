"""The ``kg`` group, its global options and what every command shares."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.cli.interrupt import quiet_stdout, run_interruptibly
from kg.cli.progress import progress as progress  # commands take progress from here
from kg.cli.progress import progress_bar as progress_bar
from kg.cli.progress import progress_count as progress_count
from kg.cli.progress import progress_steps as progress_steps
from kg.errors import KGError, StoreError, UsageError
from kg.store import GraphStore, LocalStore, RemoteStore, open_store
from kg.views.tables import FORMATS

DEFAULT_STORE = Path(".kg") / "store"


@dataclass
class Context:
    """What the group's options give every command."""

    store: str


MAIN_THREAD_COMMANDS = frozenset({"serve"})
"""Commands that run in the main thread: they install their own signal handlers."""


class KGCommand(click.Command):
    """A kg command: run so that Ctrl-C stops it within a second, and taking ``--store`` after its name.

    The command runs in a worker thread (``interrupt.run_interruptibly``) while the main thread
    waits for it and for signals: Oxigraph's long calls (a build's bulk load, a long query)
    release the GIL but would keep a Ctrl-C waiting until they return.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(click.Option(
            ["--store"], metavar="PATH|URL", expose_value=False, hidden=True, callback=_store_after_command,
            help="Same as 'kg --store', given after the command."))

    def invoke(self, ctx: click.Context) -> Any:
        if self.name in MAIN_THREAD_COMMANDS:
            return super().invoke(ctx)
        return run_interruptibly(lambda: super(KGCommand, self).invoke(ctx), ctx)


def _store_after_command(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None and isinstance(ctx.obj, Context):
        ctx.obj.store = value


class KGGroup(click.Group):
    """A click group that shows expected errors (kg's own, and the file system's) as one line, status 1.

    A reader that stops early (``kg export | head``) is not an error: the command stops
    quietly with status 0.
    """

    command_class = KGCommand
    modules: dict[str, str] = {}
    """Command name → the module that defines it, imported only when the command is asked for."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, its module imported first: ``kg query`` does not load the suggester."""
        if cmd_name not in self.commands and cmd_name in self.modules:
            importlib.import_module(self.modules[cmd_name])
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(self.modules))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise click.UsageError(str(exc)) from None
        except KGError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            quiet_stdout()
            raise click.exceptions.Exit(0) from None
        except OSError as exc:  # the machine refused: a folder that is a file, no permission, a full disk
            where = f": {exc.filename}" if exc.filename else ""
            raise click.ClickException(f"{exc.strerror or exc}{where}") from None


KGGroup.group_class = KGGroup


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


main.modules = {
    "analyze": "kg.cli.analyze", "evaluate-suggest": "kg.cli.analyze", "lineage": "kg.cli.analyze",
    "path": "kg.cli.analyze", "suggest": "kg.cli.analyze",
    "build": "kg.cli.core", "export": "kg.cli.core", "queries": "kg.cli.core", "query": "kg.cli.core",
    "stats": "kg.cli.core", "validate": "kg.cli.core",
    "ingest": "kg.cli.ingest", "resolve": "kg.cli.ingest",
    "serve": "kg.cli.serve", "site": "kg.cli.site", "synth": "kg.cli.synth", "viz": "kg.cli.viz",
}


def keep_listings_of(target: Path | RemoteStore, quads: int, wanted: bool | None = None,
                     quiet: bool = False) -> None:
    """Run and keep the whole-graph listings of a new store directory (``kg.sparql.listings``): by
    default when it holds ``WORTH_KEEPING`` quads or more; a server keeps nothing."""
    from kg.sparql.listings import WORTH_KEEPING, keep_listings

    if isinstance(target, RemoteStore) or not (quads >= WORTH_KEEPING if wanted is None else wanted):
        return
    with progress_steps("Keeping the listings", quiet) as step:
        kept = keep_listings(LocalStore.open_read_only(target), lambda name: step(name, 0, 1))
    if not quiet:
        done = ", ".join(f"{k.name} ({k.rows:,} rows, {k.seconds:,.1f} s)" for k in kept)
        note(f"Kept the listings beside the store: {done}.")


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
