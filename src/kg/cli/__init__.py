"""The ``kg`` command line: the only place that prints, reads options or exits.

Each module of this package adds the commands of one capability to ``main``, which imports
a module only when one of its commands runs (``KGGroup.modules``), so a quick command starts
quickly; commands parse options, call the library and render what it returns. Data goes to
stdout, everything else to stderr; an expected error is one ``Error: ...`` line and exit
status 1, a usage error status 2.
"""

from __future__ import annotations

from kg.cli.base import main

__all__ = ["main"]
