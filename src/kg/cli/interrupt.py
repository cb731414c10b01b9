"""Ctrl-C (and SIGTERM) honoured within a second, with nothing half-written.

Python runs signal handlers in the main thread, between two bytecodes: while the main thread is
inside one long call into Oxigraph (a bulk load, an optimisation, a long query), which releases
the GIL but does not return, a Ctrl-C waits for it, for a minute or more. So a command runs in a
worker thread and the main thread only waits. On a signal the main thread raises
``KeyboardInterrupt`` in the command's threads, which unwinds whatever runs Python (temporary
files are removed, a build's new version is discarded); if they are still inside Oxigraph after
``GRACE_S``, the versions this process was building are removed (``abandon_builds``) and the
process ends at once. The store link is only ever swapped whole, so readers keep the previous
store either way; a version Oxigraph kept writing into is removed by the next build.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

import click

from kg.store.local import abandon_builds

GRACE_S = 0.4
"""How long the command's threads get to unwind after a signal before the process ends anyway."""
INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C
TERMINATED = 143  # 128 + SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as a Ctrl-C is."""


def run_interruptibly(work: Callable[[], Any], ctx: click.Context | None = None) -> Any:
    """Run ``work`` in a worker thread (``ctx`` as click's context there) until it ends or a signal comes."""
    if threading.current_thread() is not threading.main_thread():
        return work()
    outcome: dict[str, Any] = {}
    before = {t.ident for t in threading.enumerate()}

    def target() -> None:
        try:
            if ctx is not None:
                with ctx.scope(cleanup=False):
                    outcome["result"] = work()
            else:
                outcome["result"] = work()
        except BaseException as exc:  # handed to the main thread
            outcome["error"] = exc
        finally:
            done.set()

    # Waiting on an event, not on Thread.join: a KeyboardInterrupt inside join leaves Python 3.11
    # believing the thread has ended (CPython issue 90882).
    done = threading.Event()
    worker = threading.Thread(target=target, name="kg-command", daemon=True)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        worker.start()
        while not done.wait(0.1):
            pass
    except KeyboardInterrupt as signalled:
        _stop(done, before, INTERRUPTED if not isinstance(signalled, Terminated) else TERMINATED)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


def _stop(done: threading.Event, before: set[int | None], status: int) -> None:
    """Unwind the command's threads; end the process once they have, or after ``GRACE_S`` anyway."""
    for thread in threading.enumerate():
        if thread.ident not in before and thread.ident is not None:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                                       ctypes.py_object(KeyboardInterrupt))
    done.wait(GRACE_S)
    abandon_builds()  # also when the threads ended: the interrupt may have cut their own clean-up short
    click.echo("Interrupted.", err=True)
    sys.stderr.flush()
    quiet_stdout()
    os._exit(status)


def quiet_stdout() -> None:
    """Send what is left for stdout to /dev/null: the reader has gone (a closed pipe) or we stop at once."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real stdout (a test runner's buffer)
        pass
