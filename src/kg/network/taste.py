"""The series' own taste: a small logistic regression fitted, at query time, on whom it invited.

The past is replayed: the series' speakers, in the order they first spoke, are cut into blocks;
for each block after the first, the people who first spoke in it are the positives and people
drawn at random among those who had not spoken by then the negatives, with every feature
computed as known the day before the block began, from the speakers before it. The model is a
standardized logistic regression (scikit-learn), so each coefficient says how much a feature
counts for this series, and each candidate's score splits into one contribution per feature:
the reasons shown.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

FEATURES = ("closeness", "topic", "coauthored_speakers", "organizer_links", "papers", "recent_papers",
            "career_years", "venues", "talks_elsewhere", "local", "organizers_circle", "semantic",
            "career_fit")
"""The features of a person, as ``features`` computes them (see ``suggest``)."""
PRIOR = {"closeness": 1.0, "topic": 0.3, "coauthored_speakers": 0.3, "recent_papers": 0.2,
         "organizers_circle": 1.0, "semantic": 0.15, "career_fit": 0.15}
"""Coefficients used when the series has too little history to fit its own (fewer than
``MIN_POSITIVES`` later speakers in its replayed past). The organizers' circle (people at
distance two from the organizers) weighs as much as the walk from speakers and organizers: it
is the walk's counterpart for the hosts alone, and is 0 for everyone when a series names none.
The topic fit in the space learned from the field (``semantic``) weighs half the exact words' fit:
it says the same where the words are shared, and each series' own fit decides how much more.
A career like the past speakers' (``career_fit``) weighs as much as the learned-space topic: the
papers and career alone can only say "more is better" or "less is better", this says "like our
speakers" (0.15 was chosen on the development series over 0.3 and 0.6: BENCHMARKS, round thirteen)."""
PRIOR_STRENGTH = 100
"""The fitted coefficients are shrunk towards ``PRIOR`` as if the prior had been seen on this many
speakers: a series with 100 past speakers to learn from weighs its own taste and the prior
equally (a few speakers say little, and a logistic regression on them swings: on the real
histories a fit on 30 speakers does no better on the next ones than the prior)."""
MIN_POSITIVES = 4
NEGATIVES_PER_POSITIVE = 100
BLOCKS = 4


@dataclass(frozen=True)
class Taste:
    """A fitted (or prior) linear model on standardized features."""

    coefficients: np.ndarray
    intercept: float
    mean: np.ndarray
    scale: np.ndarray
    fitted: bool
    positives: int

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Each feature's part of the score (rows × features)."""
        return ((x - self.mean) / self.scale) * self.coefficients

    def score(self, x: np.ndarray) -> np.ndarray:
        """The decision value of each row: the sum of the contributions plus the intercept."""
        parts = x - self.mean  # ``contributions``, computed in place
        parts /= self.scale
        parts *= self.coefficients
        return parts.sum(axis=1) + self.intercept

    def described(self) -> dict[str, float]:
        """Feature → coefficient, rounded, largest first."""
        pairs = sorted(zip(FEATURES, self.coefficients, strict=True), key=lambda p: (-abs(p[1]), p[0]))
        return {name: round(float(value), 3) for name, value in pairs}


def blocks(first_talks: Sequence[tuple[int, int]], count: int = BLOCKS) -> list[list[tuple[int, int]]]:
    """Speakers (day of first talk, person) in order, cut into up to ``count`` blocks of equal size."""
    ordered = sorted(first_talks)
    if len(ordered) < 2 * MIN_POSITIVES:
        return [ordered]
    size = -(-len(ordered) // count)
    return [ordered[i:i + size] for i in range(0, len(ordered), size)]


def sample_negatives(pool: np.ndarray, wanted: int, seed: str) -> np.ndarray:
    """``wanted`` people drawn at random from ``pool`` (a case-control sample: uniform, so the
    fitted coefficients are not biased, only the intercept), seeded by ``seed``."""
    if len(pool) <= wanted:
        return pool
    rng = np.random.default_rng(zlib.crc32(seed.encode()))
    return np.sort(rng.choice(pool, size=wanted, replace=False))


def fit(x: np.ndarray, y: np.ndarray) -> Taste:
    """A logistic regression on standardized ``x`` (balanced classes), or the prior when too few positives."""
    mean = x.mean(axis=0) if len(x) else np.zeros(len(FEATURES))
    scale = x.std(axis=0) if len(x) else np.ones(len(FEATURES))
    scale = np.where(scale > 1e-9, scale, 1.0)
    positives = int(y.sum()) if len(y) else 0
    if positives < MIN_POSITIVES or positives == len(y):
        return prior_taste(mean, scale, positives)
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=0.3, class_weight="balanced", solver="newton-cholesky", max_iter=100)
    model.fit((x - mean) / scale, y)
    trust = positives / (positives + PRIOR_STRENGTH)
    prior = np.array([PRIOR.get(name, 0.0) for name in FEATURES])
    coefficients = trust * model.coef_[0].astype(np.float64) + (1 - trust) * prior
    return Taste(coefficients, float(model.intercept_[0]), mean, scale, True, positives)


def prior_taste(mean: np.ndarray, scale: np.ndarray, positives: int = 0) -> Taste:
    """The prior model (``PRIOR``) on the given standardization."""
    coefficients = np.array([PRIOR.get(name, 0.0) for name in FEATURES])
    return Taste(coefficients, 0.0, mean, scale, False, positives)
