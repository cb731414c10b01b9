"""Whole-graph listings kept at build time, so that the first ``kg query people`` comes at once.

The named queries marked ``#+ listing: whole graph`` (people, papers, talks, affiliations) list
every entity of a kind, sorted. Oxigraph sorts and groups the whole answer before it returns a
first row, which takes tens of seconds at 10M triples. A store version never changes once built,
so ``kg build`` runs these queries once on the new version and keeps their answers beside it
(``kg.store.answers``); ``kg query`` then reads them from there, first page and whole alike.
Small stores skip this: their listings answer in well under a second anyway.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from kg.sparql.catalog import NamedQuery, list_queries
from kg.store import LocalStore

WORTH_KEEPING = 1_000_000
"""Quads from which ``kg build`` keeps the listings by default: below this they take under a second."""


@dataclass(frozen=True)
class KeptListing:
    """One listing run and kept: how many rows, how long it took."""

    name: str
    rows: int
    seconds: float


def listing_queries() -> list[NamedQuery]:
    """The named queries that list a whole kind of entity (``#+ listing:`` in their header)."""
    return [query for query in list_queries() if query.listing]


def keep_listings(store: LocalStore, announce: Callable[[str], None] | None = None) -> list[KeptListing]:
    """Run every listing query on ``store`` to its end, so that its answer is kept beside it."""
    kept: list[KeptListing] = []
    for query in listing_queries():
        if announce is not None:
            announce(query.name)
        started = time.perf_counter()
        _, rows = store.stream(query.text)
        count = sum(1 for _ in rows)
        kept.append(KeptListing(query.name, count, time.perf_counter() - started))
    return kept
