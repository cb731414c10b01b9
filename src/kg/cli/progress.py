"""Progress on stderr: a bar redrawn in place on a terminal, whole plain lines in a log.

On a terminal (stderr is a TTY) a bar, or a count when the total is not known, is redrawn on one
line with ``\\r`` and erased or ended before anything else is printed. Anywhere else (a file, a
pipe, CI) progress is written as whole lines and never with ``\\r``: the label when work starts,
then a line at each tenth of the work (for a count with no total, no label and at most one
line every ``LOG_EVERY_S`` seconds), so a log stays readable and "Skipped:" lines never run
into it.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import click

Item = TypeVar("Item")
LOG_EVERY_S = 10.0
LOG_AFTER_S = 5.0


def on_terminal() -> bool:
    """Whether stderr is a terminal, where a bar may redraw itself."""
    return sys.stderr.isatty()


@contextmanager
def progress_bar(label: str, total: int, quiet: bool = False) -> Iterator[Callable[[int], None]]:
    """Progress of ``total`` units on stderr, moved to an absolute position by the function it yields."""
    if quiet:
        yield lambda done: None
        return
    if not on_terminal():
        with _log_lines(label, total) as advance:
            yield advance
        return
    with click.progressbar(length=total, label=label, file=sys.stderr,
                           show_percent=True, show_pos=False, show_eta=True) as bar:
        reached = 0
        lock = threading.Lock()

        def advance(done: int) -> None:
            nonlocal reached
            with lock:
                step = min(done, total) - reached
                if step > 0:
                    bar.update(step)
                    reached += step

        yield advance
        advance(total)


def progress(items: Sequence[Item], label: str) -> Iterator[Item]:
    """Yield ``items`` one by one while progress on stderr counts them."""
    with progress_bar(label, len(items)) as advance:
        for done, item in enumerate(items, start=1):
            yield item
            advance(done)


@contextmanager
def progress_count(label: str, unit: str, quiet: bool = False) -> Iterator[Callable[[int], None]]:
    """Progress of work with no known total: a count of ``unit`` (``quads``) redrawn on a terminal.

    The count is erased when the work ends, so the next message starts on a clean line.
    """
    if quiet:
        yield lambda done: None
        return
    terminal = on_terminal()
    drawn = 0
    last_line = time.monotonic()
    lock = threading.Lock()

    def advance(done: int) -> None:
        nonlocal drawn, last_line
        with lock:
            text = f"{label}: {done:,} {unit}"
            if terminal:
                click.echo("\r" + text.ljust(drawn), err=True, nl=False)
                drawn = len(text)
            elif time.monotonic() - last_line >= LOG_EVERY_S:
                click.echo(text, err=True)
                last_line = time.monotonic()

    try:
        yield advance
    finally:
        if terminal and drawn:
            click.echo("\r" + " " * drawn + "\r", err=True, nl=False)


@contextmanager
def _log_lines(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """Whole lines for a log: one at each tenth of ``total`` reached after ``LOG_AFTER_S`` seconds.

    Work done sooner prints nothing, so quick commands keep their output to what they report.
    """
    started = time.monotonic()
    shown = 0
    lock = threading.Lock()

    def advance(done: int) -> None:
        nonlocal shown
        tenth = min(10, done * 10 // total) if total > 0 else 10
        with lock:
            if tenth > shown and time.monotonic() - started >= LOG_AFTER_S:
                shown = tenth
                click.echo(f"{label}: {tenth * 10}%", err=True)

    yield advance
    advance(total)


@contextmanager
def progress_steps(label: str, quiet: bool = False) -> Iterator[Callable[[str, int, int], None]]:
    """Progress of work in named steps, each of some parts: told ``(step, parts done, parts in all)``.

    Each step gets its own line (``Validating: RDFS inference...``) and, on a terminal, a bar
    for its parts once it has more than one.
    """
    if quiet:
        yield lambda step, done, total: None
        return
    with contextlib.ExitStack() as bars:
        current: dict[str, Callable[[int], None]] = {}

        def told(step: str, done: int, total: int) -> None:
            if step not in current:
                bars.close()
                current.clear()
                if total > 1:
                    current[step] = bars.enter_context(progress_bar(f"{label}: {step}", total))
                else:
                    click.echo(f"{label}: {step}...", err=True)
                    current[step] = lambda done: None
            current[step](done)

        yield told
