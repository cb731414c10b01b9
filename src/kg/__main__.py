"""``python -m kg`` and the ``kg`` command: the command line, quiet on Ctrl-C from start to end.

A command's own work handles Ctrl-C (``kg.cli.interrupt``). Around it, a Ctrl-C while Python is
still importing kg ends the process at once, before anything is written; one that arrives after
the work is done is ignored, so the process finishes exiting with the status of that work
instead of a ``KeyboardInterrupt`` traceback.
"""

import os
import signal
import sys
from types import FrameType


def run() -> None:
    """Run the command line."""
    signal.signal(signal.SIGINT, _stop_while_starting)
    from kg.cli import main

    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        main()
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_while_starting(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write("Interrupted.\n")
    os._exit(130)


if __name__ == "__main__":
    run()
