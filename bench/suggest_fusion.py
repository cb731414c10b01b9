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
- **prior organizers_circle (w)**: the prior weight of the feature ``organizers_circle``
  (``signals.circle``; 1 in `suggest`). The round that added it first measured the neighbourhood
  as a bonus on the score (BENCHMARKS.md, "Seventh round"); that harness is gone now that
  `suggest` has the feature.

    python bench/suggest_real.py --ml-venues ../shared/data/ml-venues --work /tmp/kg-real --reuse
    PYTHONPATH=src:bench python bench/suggest_fusion.py --store /tmp/kg-real/store
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

import numpy as np
import suggest_harness as harness  # type: ignore[import-not-found]
from scipy.stats import rankdata
from suggest_harness import patched  # type: ignore[import-not-found]
from suggest_variants import print_table  # type: ignore[import-not-found]

from kg.network import signals, suggest, taste

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
        return known & (x[:, WALK] > suggest.unranked(v.people))

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
    "prior strength 300": lambda: patched(taste, "PRIOR_STRENGTH", 300),
    "prior organizers_circle 0.5": prior("organizers_circle", 0.5),
    "prior organizers_circle 2": prior("organizers_circle", 2.0),
    "prior organizers_circle 3": prior("organizers_circle", 3.0),
    "active (a paper in 3 years)": demote(RECENT, True, -3.0),
    "spoke at another series (+0.5 sd)": demote(TALKS, False, 0.5),
    "spoke at another series (+1.5 sd)": demote(TALKS, False, 1.5),
}


def main() -> None:
    """Parse the options, measure `suggest` and every variant, print the table."""
    parser = harness.store_parser(__doc__)
    parser.add_argument("--check", action="store_true", help="also the check series (report once)")
    parser.add_argument("--only", action="append", default=[], help="variants whose name has this")
    options = parser.parse_args()
    print_table(harness.open_index(options.store), VARIANTS, harness.DEVELOPMENT,
                harness.CHECK if options.check else (), options.only)


if __name__ == "__main__":
    main()
