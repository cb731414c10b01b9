"""The series' taste: its logistic regression is scikit-learn's, without importing scikit-learn."""

import numpy as np
from sklearn.linear_model import LogisticRegression

from kg.network import taste


def _speakers_and_others(seed, rows=2000, positives=40):
    """Standardized rows like a replayed past: a few speakers among many people drawn at random."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, len(taste.FEATURES)))
    y = np.zeros(rows)
    y[:positives] = 1.0
    x[:positives, :3] += 1.5  # the speakers stand out on a few signals
    return x, y


def _scikit_learn(x, y):
    model = LogisticRegression(C=taste.C, class_weight="balanced", solver="newton-cholesky",
                               max_iter=taste.MAX_STEPS)
    model.fit(x, y)
    return model.coef_[0], float(model.intercept_[0])


def test_the_fit_is_scikit_learns_newton_cholesky_fit():
    for seed in range(5):
        x, y = _speakers_and_others(seed)
        weights, intercept = taste.logistic_regression(x, y)
        expected, expected_intercept = _scikit_learn(x, y)
        assert np.allclose(weights, expected, rtol=0, atol=1e-10), seed
        assert abs(intercept - expected_intercept) < 1e-10


def test_speakers_who_are_set_apart_get_the_same_fit_as_scikit_learn():
    # Nearly separable rows: more Newton steps, with larger coefficients.
    x, y = _speakers_and_others(7, rows=400, positives=8)
    x[:8, 0] += 6.0
    weights, intercept = taste.logistic_regression(x, y)
    expected, expected_intercept = _scikit_learn(x, y)
    assert np.allclose(weights, expected, rtol=0, atol=1e-10)
    assert abs(intercept - expected_intercept) < 1e-10
    assert weights[0] > 1.0  # the signal that sets the speakers apart weighs most


def test_fit_shrinks_a_series_own_taste_towards_the_prior():
    x, y = _speakers_and_others(3, positives=20)
    fitted = taste.fit(x, y)
    own, _ = taste.logistic_regression((x - fitted.mean) / fitted.scale, y)
    prior = np.array([taste.PRIOR.get(name, 0.0) for name in taste.FEATURES])
    trust = 20 / (20 + taste.PRIOR_STRENGTH)
    assert fitted.fitted and np.allclose(fitted.coefficients, trust * own + (1 - trust) * prior)
    few = taste.fit(x[:500], np.concatenate([y[:3], np.zeros(497)]))
    assert not few.fitted and few.described()["closeness"] == taste.PRIOR["closeness"]
