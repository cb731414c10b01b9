"""bench/suggest_prior_loso.py: a prior for the taste learned from other series, pooled per feature."""

from __future__ import annotations

import importlib.util
import sys

import numpy as np
import pytest

from kg.network import taste

from .conftest import ROOT


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        path = ROOT / "bench" / "suggest_prior_loso.py"
        spec = importlib.util.spec_from_file_location("suggest_prior_loso", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["suggest_prior_loso"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    yield module
    sys.modules.pop("suggest_prior_loso", None)


def series(bench, stem, column, sign, seed):
    """Training rows where feature ``column`` sets 20 speakers apart from 400 others (``sign``: in which
    direction) and every other feature is noise, except the last, which never varies."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(420, len(taste.FEATURES)))
    y = np.zeros(420)
    y[:20] = 1
    x[:20, column] += 2.0 * sign
    x[:, -1] = 0.0
    return bench.Case(stem, "2020-01-01", x, y, np.arange(3), np.zeros((3, len(taste.FEATURES))), [], [])


def test_each_feature_is_learned_only_from_the_series_where_it_varies(bench):
    walk, topic = taste.FEATURES.index("closeness"), taste.FEATURES.index("topic")
    a = series(bench, "a", walk, +1, 1)
    b = series(bench, "b", topic, -1, 2)
    b.x[:, walk] = 0.0  # the walk says nothing on series b: it must not pull a's value down
    coefficients, evidence = bench.learned([a, b], "per-feature")
    alone = bench.fit_one(a.standardized(), a.y)
    assert coefficients[walk] == pytest.approx(alone[walk])
    assert coefficients[walk] > 1.0 and coefficients[topic] < 0
    assert evidence[walk] == 20 and evidence[topic] == 40
    assert evidence[-1] == 0 and coefficients[-1] == 0  # varies nowhere: nothing learned


def test_a_feature_learned_from_few_speakers_stays_near_the_hand_set_prior(bench):
    learned = np.full(len(taste.FEATURES), 2.0)
    evidence = np.zeros(len(taste.FEATURES))
    evidence[0] = 1e9
    prior = bench.shrunk(learned, evidence, 100)
    assert prior["closeness"] == pytest.approx(2.0)
    assert prior["topic"] == pytest.approx(taste.PRIOR["topic"])
    halfway = bench.shrunk(learned, np.full(len(taste.FEATURES), 100.0), 100)
    assert halfway["topic"] == pytest.approx((2.0 + taste.PRIOR["topic"]) / 2)


def test_figures_count_later_speakers_in_the_first_k_and_their_reciprocal_ranks(bench):
    case = bench.Case("s", "2020-01-01", np.zeros((0, 1)), np.zeros(0), np.arange(300), np.zeros((300, 1)),
                      later=[5, 7, -1], known=[5, 7])
    ranking = list(range(200))  # person 5 is 6th, person 7 is 8th; -1 (not in the index) is never ranked
    found = bench.figures(case, ranking)
    assert (found["hits@10"], found["hits@50"]) == (2, 2)
    assert found["r@10"] == pytest.approx(2 / 3) and found["known@10"] == pytest.approx(1.0)
    assert found["mrr"] == pytest.approx((1 / 6 + 1 / 8) / 3)


def test_a_series_is_ranked_as_suggest_ranks_it_the_untied_moved_by_their_subject(bench):
    topic, papers = taste.FEATURES.index("topic"), taste.FEATURES.index("papers")
    links = taste.FEATURES.index("coauthored_speakers")
    # 30 people: twelve coauthors of past speakers, the walk ranking them first; eighteen untied,
    # the last of them squarely on the subject with few papers, the walk ranking it last.
    x_pool = np.zeros((30, len(taste.FEATURES)))
    x_pool[:, topic], x_pool[:, papers] = -9.0, np.log1p(20)
    x_pool[:12, links] = np.log1p(1)
    x_pool[:, 0] = -np.log10(np.arange(1, 31))  # the walk's log rank: person 0 first
    x_pool[29, topic], x_pool[29, papers] = -0.5, np.log1p(2)
    case = bench.Case("s", "2020-01-01", np.zeros((0, len(taste.FEATURES))), np.zeros(0), np.arange(100, 130),
                      x_pool, later=[129], known=[129])
    scores = bench.scored(case, {"closeness": 1.0})  # no rows to fit: the prior alone
    ranking = case.pool[np.argsort(-scores, kind="stable")].tolist()
    assert ranking[:10] == list(range(100, 110))  # the taste's first ten stay first
    assert ranking[10] == 129  # the untied person on the subject comes next, as `kg suggest` puts it
    assert scores[29] > scores[10] > scores[11]  # by the prior's walk alone it would have been last
