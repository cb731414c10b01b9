"""What the `bench/suggest_*.py` harnesses share: a series cut in two, its replayed past, its ranking.

Each harness measures `kg suggest` on the real seminar histories of `bench/suggest_real.py` as
`kg evaluate-suggest` does: a series is cut on the day by which a share of its talks (half, by
default) had been given, its speakers up to that day are the past and the people who first
speak after it the later speakers (``cut``); `suggest` then ranks the field as known on the
cutoff day (``ranks``), or, for a harness that reads the model itself, the series' taste is
fitted on its replayed past and everyone's features are computed as `suggest` does (``replay``).
The harnesses import it from this folder (a script's own folder is on its import path), e.g.

    PYTHONPATH=src python bench/suggest_diagnose.py --store /tmp/kg-real/store
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from suggest_real import CHECK, DEVELOPMENT  # type: ignore[import-not-found]  # noqa: F401 - handed on

from kg.network import evaluate, signals, suggest, taste
from kg.network.index import GraphIndex, day_number, index_for
from kg.store import open_store

EVENTS = "https://w3id.org/kg/id/event/"
"""Where the histories' series are in the store: this, then the history's file stem."""


def store_parser(doc: str | None) -> argparse.ArgumentParser:
    """A parser with the option every harness takes: ``--store``, the store of `bench/suggest_real.py`."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="the store of bench/suggest_real.py")
    return parser


def open_index(store: Path) -> GraphIndex:
    """The graph index of the store at ``store``."""
    return index_for(open_store(str(store)))


@contextmanager
def patched(owner: Any, name: str, value: Any) -> Iterator[None]:
    """``owner.name`` set to ``value`` for the duration."""
    old = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, old)


@dataclass(frozen=True)
class Cut:
    """A series cut in two on the day by which a share of its talks had been given."""

    stem: str
    event: str
    cutoff: date
    past: set[str]
    """The speakers up to the cutoff (IRIs)."""
    later: set[str]
    """The people who first spoke after it (IRIs)."""

    @property
    def day(self) -> int:
        """The cutoff as the index's day number."""
        return day_number(self.cutoff)


def cut(index: GraphIndex, stem: str, share: float = 0.5) -> Cut:
    """The series of the history ``stem`` cut as `kg evaluate-suggest` cuts it (at ``share`` of its talks)."""
    event = EVENTS + stem
    days = evaluate.speaker_days(index, event)
    cutoff = evaluate.middle_cutoff(days, share)
    past, later = evaluate.split(days, cutoff)
    return Cut(stem, event, cutoff, past, later)


def known_later(index: GraphIndex, series: Cut) -> set[str]:
    """The later speakers the field knew on the cutoff day (a paper or talk by then): the findable ones."""
    v = signals.view(index, series.day)
    active = np.asarray(v.binary.sum(axis=1)).ravel() > 0
    return {p for p in series.later if p in index.person_index and active[index.person_index[p]]}


def ranks(index: GraphIndex, series: Cut, limit: int | None = None) -> dict[str, int]:
    """Person IRI → rank (1 for the first) in `suggest`'s ranking on the cutoff day, the first
    ``limit`` people (default: everyone ranked)."""
    ranked = suggest.ranked_people(index, series.event, series.cutoff, limit or len(index.people))
    return {person: rank for rank, person in enumerate(ranked, start=1)}


@dataclass
class Replay:
    """A cut series as `suggest` sees it on the cutoff day: the taste fitted on its replayed past,
    everyone's features (people × ``taste.FEATURES``), and the people it may suggest."""

    cut: Cut
    series: suggest.Series
    speakers: list[int]
    view: signals.View
    model: taste.Taste
    x: np.ndarray
    pool: np.ndarray
    """The people it ranks: reached by the walk or sharing the topic, neither a speaker nor a host."""
    recent: np.ndarray | None = None
    """The pool's fit to the series' recent talks (``suggest.recent_fit``)."""

    @cached_property
    def scores(self) -> np.ndarray:
        """Everyone's score by the series' taste, the pool's as `suggest` ranks it
        (``suggest.unlinked_adjusted``)."""
        found = self.model.score(self.x)
        found[self.pool] = suggest.unlinked_adjusted(self.x, self.pool, found[self.pool], self.recent)
        return found

    @cached_property
    def order(self) -> np.ndarray:
        """The pool, best first (ties by row)."""
        return by_value(self.scores, self.pool)


def seen(index: GraphIndex, found: Cut) -> tuple[suggest.Series, list[int], signals.View]:
    """The cut series on its cutoff day (its talks, speakers and hosts), its past speakers' rows,
    and the field as known that day without the series' own talks."""
    series = suggest.series_of(index, index.event_index[found.event], found.day)
    speakers = sorted({p for _, p, _ in series.talks})
    return series, speakers, signals.view(index, found.day, series.hidden)


def replay(index: GraphIndex, stem: str) -> Replay:
    """The series of the history ``stem``, cut at its middle, as `suggest` sees it on the cutoff day."""
    found = cut(index, stem)
    series, speakers, v = seen(index, found)
    model, x, _ = suggest._fit_taste(index, series, found.event, v, speakers)
    reachable = suggest._reachable(v, x)
    reachable[speakers + series.hosts] = False
    pool = np.flatnonzero(reachable)
    return Replay(found, series, speakers, v, model, x, pool, suggest.recent_fit(index, v, series, pool)[0])


def by_value(values: np.ndarray, pool: np.ndarray) -> np.ndarray:
    """``pool`` ordered by ``values``, highest first (ties by row)."""
    return pool[np.lexsort((pool, -values[pool]))]


def rank_column(values: np.ndarray, pool: np.ndarray) -> np.ndarray:
    """Each pool member's rank by ``values`` (1 = highest; ties by row); 0 outside the pool."""
    found = np.zeros(len(values), dtype=np.int64)
    found[by_value(values, pool)] = np.arange(1, len(pool) + 1)
    return found


def hits(where: dict[str, int], people: set[str], k: int) -> int:
    """How many of ``people`` rank in the first ``k`` (``where``: from ``ranks``)."""
    return sum(where.get(p, k + 1) <= k for p in people)


def recall(where: dict[str, int], people: set[str], k: int) -> float:
    """The share of ``people`` that rank in the first ``k`` (0 when there are none)."""
    return hits(where, people, k) / len(people) if people else 0.0
