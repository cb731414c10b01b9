"""Round seven's variants of `kg suggest`: rank fusion, narrowing to the walk's reach, activity.

Not a test: like `bench/suggest_variants.py` (whose ``measure``, ``summary`` and ``hits`` it
uses), each variant replaces how `suggest` scores the pool, on the development series by
default (``--check`` adds the check series, for reporting once at the end). The variants:

- (since round seven `suggest` itself takes the topic feature as ``-log10`` of the rank by topic,
  as the walk's is, so the fitted model multiplies the two ranks: round five's "topic as its log
  rank", now the baseline "none");
- **reach only**: the pool is the people the walk reaches, not also those who only share words;
- **prior topic / prior strength**: the prior's topic coefficient, how much a fit is shrunk to it;
- **fusion (rrf k)**: the score is a reciprocal-rank fusion, ``sum 1 / (k + rank)``, of the
  walk, topic and the series' taste (the fitted model's score), each ranked within the pool;
- **fusion (log ranks)**: ``-sum log(rank)`` of the same three (a product of ranks);
- **fusion of walk and topic**: the taste left out;
- **... when the past is short**: the fusion only when the series' taste is the prior (too few
  past speakers to fit), the fitted model otherwise;
- **active (years)**: people with no paper in the last ``years`` before the day sink below
  everyone active (their score less a constant);
- **spoke at another series**: people with a talk at another series known on the day rise by a
  constant share of the score's spread;
- **organizers' (and speakers') neighbourhood at distance 2 (w)**: the score raised by ``w`` times
  the score's spread times the standardized log rank of each person's recency-weighted links at
  distance two from the organizers (and past speakers) — measured before `suggest` took it as
  the feature ``organizers_circle`` (``signals.circle``); "prior organizers_circle" varies that
  feature's prior weight (1 in `suggest`).

    python bench/suggest_real.py --ml-venues ../shared/data/ml-venues --work /tmp/kg-real --reuse
    PYTHONPATH=src:bench python bench/suggest_fusion.py --store /tmp/kg-real/store
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import rankdata
from suggest_variants import hits, measure, patched, summary  # type: ignore[import-not-found]

from kg.network import signals, suggest, taste
from kg.network.index import index_for
from kg.store import open_store

WALK, TOPIC = taste.FEATURES.index("closeness"), taste.FEATURES.index("topic")
RECENT, TALKS = taste.FEATURES.index("recent_papers"), taste.FEATURES.index("talks_elsewhere")


def _ranks(values: np.ndarray) -> np.ndarray:
    """1 for the highest value, ties share the best rank."""
    return rankdata(-values, method="min")


def fusion(kind: str, k: float = 60.0, with_taste: bool = True, short_only: bool = False,
           weights: tuple[float, float, float] = (1.0, 1.0, 1.0)) -> Callable[[], Any]:
    """The pool scored by a fusion of the ranks by walk, topic and (optionally) the fitted taste."""
    original = taste.Taste.score

    def score(self: taste.Taste, x: np.ndarray) -> np.ndarray:
        model = original(self, x)
        if short_only and self.fitted:
            return model
        parts = [(weights[0], _ranks(x[:, WALK])), (weights[1], _ranks(x[:, TOPIC]))]
        if with_taste:
            parts.append((weights[2], _ranks(model)))
        if kind == "rrf":
            return np.sum([w / (k + r) for w, r in parts], axis=0) * 1000
        return -np.sum([w * np.log(r) for w, r in parts], axis=0)

    return lambda: patched(taste.Taste, "score", score)


def reach_only() -> Callable[[], Any]:
    """The pool kept to the people the walk reaches."""
    def reachable(v: signals.View, x: np.ndarray) -> np.ndarray:
        known = np.asarray(v.binary.sum(axis=1)).ravel() > 0
        return known & (x[:, WALK] > -np.log10(v.people + 1.0) + 1e-12)

    return lambda: patched(suggest, "_reachable", reachable)


def reach_or_topic() -> Callable[[], Any]:
    """The pool as `suggest` had it (reached by the walk or sharing words) when topic is a log rank."""
    def reachable(v: signals.View, x: np.ndarray) -> np.ndarray:
        known = np.asarray(v.binary.sum(axis=1)).ravel() > 0
        floor = -np.log10(v.people + 1.0) + 1e-12
        return known & ((x[:, WALK] > floor) | (x[:, TOPIC] > floor))

    return lambda: patched(suggest, "_reachable", reachable)


def demote(column: int, below: bool, amount: float) -> Callable[[], Any]:
    """The score moved by ``amount`` for rows whose ``column`` is zero (``below``) or above zero."""
    original = taste.Taste.score

    def score(self: taste.Taste, x: np.ndarray) -> np.ndarray:
        s = original(self, x)
        spread = float(np.std(s)) or 1.0
        mask = (x[:, column] <= 0) if below else (x[:, column] > 0)
        return s + amount * spread * mask

    return lambda: patched(taste.Taste, "score", score)


def prior(name: str, value: float) -> Callable[[], Any]:
    """One coefficient of the prior changed."""
    return lambda: patched(taste, "PRIOR", {**taste.PRIOR, name: value})


def neighbourhood(of_speakers: bool, weight: float) -> Callable[[], Any]:
    """The score raised by ``weight`` × the standardized log rank of a person's recency-weighted
    links at distance two from the organizers (and the past speakers, with ``of_speakers``)."""
    original_features = suggest.features
    extra: dict[int, np.ndarray] = {}

    def features(v, series, stages, index):
        found = original_features(v, series, stages, index)
        seeds = np.zeros(v.people)
        seeds[series.hosts] = 1.0
        if of_speakers:
            seeds[stages[-1].speakers] = 1.0
        m, mt = v.walk_matrix, v.walk_transposed
        near = m @ (mt @ seeds)
        two = m @ (mt @ near)
        extra[id(found[-1][0])] = suggest._log_rank(np.asarray(two).ravel())
        return found

    def ranked(index, event, as_of, limit):
        extra.clear()
        found = index.event_index[event]
        day = suggest.day_number(as_of)
        series = suggest.series_of(index, found, day)
        speakers = sorted({p for _, p, _ in series.talks})
        v = signals.view(index, day, series.hidden)
        model, x, _ = suggest._fit_taste(index, series, event, v, speakers)
        column = extra[id(x)]
        active = suggest._reachable(v, x)
        active[speakers + series.hosts] = False
        pool = np.flatnonzero(active)
        scores = model.score(x[pool])
        add = column[pool]
        scores = scores + weight * np.std(scores) * (add - add.mean()) / (add.std() or 1.0)
        order = np.lexsort((pool, suggest.name_keys(index, pool), -np.round(scores, 9)))[:limit]
        return [index.people[int(pool[i])] for i in order]

    return together(lambda: patched(suggest, "features", features),
                    lambda: patched(suggest, "ranked_people", ranked))


def together(*variants: Callable[[], Any]) -> Callable[[], Any]:
    """Several variants at once (applied in order; a later ``score`` wraps an earlier one)."""
    def entered() -> Any:
        stack = ExitStack()
        for variant in variants:
            stack.enter_context(variant())
        return stack

    return entered


VARIANTS: dict[str, Callable[[], Any]] = {
    "reach only": reach_only(),
    "fusion (rrf 60)": fusion("rrf", 60),
    "fusion (rrf 10)": fusion("rrf", 10),
    "fusion (log ranks)": fusion("log"),
    "fusion (rrf 60, taste 3)": fusion("rrf", 60, weights=(1, 1, 3)),
    "fusion (rrf 200, taste 2)": fusion("rrf", 200, weights=(1, 1, 2)),
    "fusion of walk and topic (rrf 60)": fusion("rrf", 60, with_taste=False),
    "fusion of walk and topic (log ranks)": fusion("log", with_taste=False),
    "fusion (rrf 60) when the past is short": fusion("rrf", 60, short_only=True),
    "prior topic 0.15": prior("topic", 0.15),
    "prior topic 0.6": prior("topic", 0.6),
    "prior strength 30": lambda: patched(taste, "PRIOR_STRENGTH", 30),
    "prior strength 300": lambda: patched(taste, "PRIOR_STRENGTH", 300),
    "organizers' neighbourhood at distance 2 (0.3)": neighbourhood(False, 0.3),
    "organizers' neighbourhood at distance 2 (0.6)": neighbourhood(False, 0.6),
    "organizers' neighbourhood at distance 2 (2)": neighbourhood(False, 2.0),
    "organizers' neighbourhood at distance 2 (1)": neighbourhood(False, 1.0),
    "organizers' and speakers' neighbourhood at distance 2 (0.3)": neighbourhood(True, 0.3),
    "organizers' and speakers' neighbourhood at distance 2 (1)": neighbourhood(True, 1.0),
    "prior organizers_circle 0.5": prior("organizers_circle", 0.5),
    "prior organizers_circle 2": prior("organizers_circle", 2.0),
    "prior organizers_circle 3": prior("organizers_circle", 3.0),
    "active (a paper in 3 years)": demote(RECENT, True, -3.0),
    "spoke at another series (+0.5 sd)": demote(TALKS, False, 0.5),
    "spoke at another series (+1.5 sd)": demote(TALKS, False, 1.5),
}


def main() -> None:
    """Parse the options, measure `suggest` and every variant, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="the store of bench/suggest_real.py")
    parser.add_argument("--check", action="store_true", help="also the check series (report once)")
    parser.add_argument("--only", action="append", default=[], help="variants whose name has this")
    options = parser.parse_args()
    from suggest_real import CHECK, DEVELOPMENT  # type: ignore[import-not-found]

    index = index_for(open_store(str(options.store)))
    print("| variant | development: recall@50 / @200 (of the known) / median rank | check: the same "
          "| development hits @50/@200/known per series | check hits per series |")
    print("|---|---|---|---|---|")
    chosen = {name: v for name, v in VARIANTS.items() if not options.only
              or any(word in name for word in options.only)}
    for name, variant in {"none (`suggest` as it is)": None, **chosen}.items():
        with variant() if variant else ExitStack():
            dev = measure(index, DEVELOPMENT)
            check = measure(index, CHECK) if options.check else []
        print(f"| {name} | {summary(dev)} | {summary(check) if check else '-'} | {hits(dev)} "
              f"| {hits(check) if check else '-'} |", flush=True)


if __name__ == "__main__":
    main()
