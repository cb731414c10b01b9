"""The series' own taste: a small logistic regression fitted, at query time, on whom it invited.

The past is replayed: the series' speakers, in the order they first spoke, are cut into blocks;
for each block after the first, the people who first spoke in it are the positives and people
drawn at random among those who had not spoken by then the negatives, with every feature
computed as known the day before the block began, from the speakers before it. The model is a
standardized logistic regression (scikit-learn's, redone in numpy: ``logistic_regression``), so
each coefficient says how much a feature counts for this series, and each candidate's score
splits into one contribution per feature: the reasons shown.
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
    weights, intercept = logistic_regression((x - mean) / scale, y)
    trust = positives / (positives + PRIOR_STRENGTH)
    prior = np.array([PRIOR.get(name, 0.0) for name in FEATURES])
    coefficients = trust * weights + (1 - trust) * prior
    return Taste(coefficients, intercept, mean, scale, True, positives)


C = 0.3
"""The inverse strength of the L2 penalty of the series' own fit (scikit-learn's ``C``)."""
TOLERANCE = 1e-4
MAX_STEPS = 100


def logistic_regression(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """(coefficients, intercept) of an L2-penalized logistic regression of ``y`` (0 or 1) on ``x``,
    the classes balanced: scikit-learn's ``LogisticRegression(C=C, class_weight="balanced",
    solver="newton-cholesky")`` step for step, in numpy (importing scikit-learn costs a process
    about a second of CPU, more than an answer's whole fit). Newton steps from zero, each with a
    backtracking line search, until the largest gradient and half the Newton decrement are under
    ``TOLERANCE``; in the rare case where that fails (an ill-conditioned or non-descending step),
    scikit-learn's own solver is asked, as before."""
    x = np.asarray(x, dtype=np.float64)
    positive = y == 1
    counts = np.array([len(y) - int(positive.sum()), int(positive.sum())], dtype=np.float64)
    sample_weight = np.ones(len(y)) * (np.sum(counts) / (2 * counts))[positive.astype(np.int64)]
    target = positive.astype(np.float64)
    found = _NewtonLogistic(x, target, sample_weight).solve()
    if found is None:
        return _scikit_learn_fit(x, y)
    return found[:-1].copy(), float(found[-1])


def _scikit_learn_fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, class_weight="balanced", solver="newton-cholesky", max_iter=MAX_STEPS)
    model.fit(x, y)
    return model.coef_[0].astype(np.float64), float(model.intercept_[0])


class _NewtonLogistic:
    """The Newton-Cholesky solver of scikit-learn's logistic regression (``_glm/_newton_solver``
    with ``HalfBinomialLoss``): the same loss, the same steps, the same line search and stop."""

    def __init__(self, x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray) -> None:
        self.x, self.y, self.sw = x, y, sample_weight
        self.sw_sum = np.sum(sample_weight)
        self.l2 = 1.0 / (C * float(self.sw_sum))
        self.features = x.shape[1]

    def raw(self, coef: np.ndarray) -> np.ndarray:
        """The linear predictions of ``coef`` (weights, then intercept)."""
        return self.x @ coef[:-1] + coef[-1]

    def _penalty(self, coef: np.ndarray) -> float:
        weights = coef[:-1]
        return float(0.5 * self.l2 * (weights @ weights))

    def loss(self, coef: np.ndarray, raw: np.ndarray) -> float:
        """The weighted mean loss plus the penalty."""
        y = self.y
        found = np.empty_like(raw)
        for low, high, value in ((-np.inf, -37, lambda r: np.exp(r)),
                                 (-37, -2, lambda r: np.log1p(np.exp(r))),
                                 (-2, 18, lambda r: np.log(1.0 + np.exp(r))),
                                 (18, 33.3, lambda r: r + np.exp(-r)),
                                 (33.3, np.inf, lambda r: r)):
            part = (raw > low) & (raw <= high)
            found[part] = value(raw[part])
        pointwise = self.sw * (found - y * raw)
        return float(np.sum(pointwise) / self.sw_sum) + self._penalty(coef)

    def loss_gradient(self, coef: np.ndarray, raw: np.ndarray) -> tuple[float, np.ndarray]:
        """The loss and its gradient."""
        y = self.y
        loss, grad = np.empty_like(raw), np.empty_like(raw)
        part = raw <= -37
        e = np.exp(raw[part])
        loss[part], grad[part] = e - y[part] * raw[part], e - y[part]
        part = (raw > -37) & (raw <= -2)
        e, t = np.exp(raw[part]), y[part]
        loss[part], grad[part] = np.log1p(e) - t * raw[part], ((1 - t) * e - t) / (1 + e)
        for part, inner in (((raw > -2) & (raw <= 18), np.log1p), (raw > 18, lambda v: v)):
            e, t = np.exp(-raw[part]), y[part]
            loss[part] = inner(e) + (1 - t) * raw[part]
            grad[part] = ((1 - t) - t * e) / (1 + e)
        value = float(np.sum(self.sw * loss) / self.sw_sum) + self._penalty(coef)
        pointwise = self.sw * grad
        pointwise /= self.sw_sum
        return value, self._gradient(coef, pointwise)

    def _gradient(self, coef: np.ndarray, pointwise: np.ndarray) -> np.ndarray:
        found = np.empty_like(coef)
        found[:-1] = self.x.T @ pointwise + self.l2 * coef[:-1]
        found[-1] = np.sum(pointwise)
        return found

    def gradient_hessian(self, coef: np.ndarray, raw: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """The gradient and the Hessian (``None`` where scikit-learn would give up on Newton)."""
        y = self.y
        grad, hess = np.empty_like(raw), np.empty_like(raw)
        part = raw > -37
        e, t = np.exp(-raw[part]), y[part]
        grad[part] = ((1 - t) - t * e) / (1 + e)
        hess[part] = e / (1 + e) ** 2
        e = np.exp(raw[~part])
        grad[~part], hess[~part] = e - y[~part], e
        grad = self.sw * grad
        hess = self.sw * hess
        grad /= self.sw_sum
        hess /= self.sw_sum
        if np.average(hess <= 0, weights=self.sw) > 0.25:
            return None
        hess = np.abs(hess)
        gradient = self._gradient(coef, grad)
        n = self.features
        hessian = np.empty((n + 1, n + 1))
        hessian[:n, :n] = self.x.T @ (hess[:, None] * self.x)
        hessian.reshape(-1)[: n * (n + 1): n + 2] += self.l2
        across = self.x.T @ hess
        hessian[:-1, -1] = across
        hessian[-1, :-1] = across
        hessian[-1, -1] = hess.sum()
        return gradient, hessian

    def solve(self) -> np.ndarray | None:
        """The coefficients (weights, then intercept), or ``None`` when a step fails."""
        coef = np.zeros(self.features + 1)
        raw = self.raw(coef)
        loss = self.loss(coef, raw)
        for _ in range(MAX_STEPS):
            found = self.gradient_hessian(coef, raw)
            if found is None:
                return None
            gradient, hessian = found
            try:
                step = np.linalg.solve(hessian, -gradient)
            except np.linalg.LinAlgError:
                return None
            slope = float(gradient @ step)
            if not np.isfinite(slope) or slope > 0:
                return None
            searched = self._line_search(coef, raw, loss, gradient, step, slope)
            if searched is None:
                return None
            coef, raw, loss, gradient = searched
            if np.max(np.abs(gradient)) <= TOLERANCE and 0.5 * (step @ hessian @ step) <= TOLERANCE:
                return coef
        return coef

    def _line_search(self, coef: np.ndarray, raw: np.ndarray, loss: float, gradient: np.ndarray,
                     step: np.ndarray, slope: float,
                     ) -> tuple[np.ndarray, np.ndarray, float, np.ndarray] | None:
        beta, sigma = 0.5, 0.00048828125
        eps = 16 * np.finfo(np.float64).eps
        t = 1.0
        armijo = sigma * slope
        raw_step = self.x @ step[:-1] + step[-1]
        old_sum = -1.0
        for _ in range(21):
            moved = coef + t * step
            moved_raw = raw + t * raw_step
            value, moved_gradient = self.loss_gradient(moved, moved_raw)
            improvement = value - loss
            if improvement <= t * armijo:
                return moved, moved_raw, value, moved_gradient
            if np.abs(improvement) <= np.abs(loss * eps):
                if old_sum < 0:
                    old_sum = float(np.sum(np.abs(gradient)))
                if float(np.sum(np.abs(moved_gradient))) < old_sum:
                    return moved, moved_raw, value, moved_gradient
            t *= beta
        return None


def prior_taste(mean: np.ndarray, scale: np.ndarray, positives: int = 0) -> Taste:
    """The prior model (``PRIOR``) on the given standardization."""
    coefficients = np.array([PRIOR.get(name, 0.0) for name in FEATURES])
    return Taste(coefficients, 0.0, mean, scale, False, positives)
