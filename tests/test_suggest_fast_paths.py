"""The fast paths of suggesting give exactly what their plain definitions give."""

import numpy as np

from kg.network import signals
from kg.network.index import NEVER, PAPER, SERIES, TALK, index_for
from kg.network.suggest import (
    _field_percentiles,
    _log_rank,
    _percentiles_of,
    _ranking,
    career_fit,
    name_keys,
    percentiles,
)


def plain_counts(v: signals.View, day: int) -> dict[str, np.ndarray]:
    """What each person had done by ``day``, counted row by row."""
    index = v.index
    kinds, member_day = index.member_kind, index.member_day
    known = v.known & (member_day <= day)

    def per_person(mask: np.ndarray) -> np.ndarray:
        return np.bincount(index.member_person[mask], minlength=v.people).astype(np.float64)

    papers = known & (kinds == PAPER)
    return {"papers": per_person(papers), "recent_papers": per_person(papers & (member_day >= day - 3 * 365)),
            "talks": per_person(known & (kinds == TALK)), "works": per_person(known & (kinds != SERIES))}


def test_counts_of_several_days_at_once_match_counting_each_day(seed_store):
    index = index_for(seed_store)
    dated = index.member_day[(index.member_day != NEVER) & (index.member_day > 0)]
    days = sorted({int(dated.min()), int(np.median(dated)), int(dated.max()), int(dated.max()) + 2000})
    v = signals.view(index, days[-1], undated=True)
    signals.count_days(v, days)
    for day in days:
        counts = signals.counts_until(v, day)
        for name, expected in plain_counts(v, day).items():
            assert np.array_equal(getattr(counts, name), expected), (name, day)
    assert signals.counts_until(v, days[1]).papers.sum() < signals.counts_until(v, days[2]).papers.sum()


def test_ranks_read_for_some_people_are_their_ranks_among_everyone():
    values = np.random.default_rng(7).integers(0, 40, size=5000).astype(np.float64) / 7  # many ties, zeros
    everyone = _log_rank(values)
    higher = np.array([(values > value).sum() for value in values])
    expected = np.where(values > 0, -np.log10(higher + 1), -np.log10(len(values) + 1.0))
    assert np.array_equal(everyone, expected)
    some = np.array([4999, 3, 3, 1200, 0])
    assert np.array_equal(_log_rank(values, some), everyone[some])


def test_sorting_only_the_head_gives_the_full_order(seed_store):
    index = index_for(seed_store)
    pool = np.arange(len(index.people))
    scores = np.random.default_rng(3).integers(0, 5, size=len(pool)).astype(np.float64)  # ties by score
    full = np.lexsort((pool, name_keys(index, pool), -np.round(scores, 9)))
    for first in (1, 5, len(pool) // 2, len(pool) + 3):
        assert list(_ranking(index, pool, scores, first)) == [int(p) for p in full]


def test_percentiles_read_off_one_sort_are_the_searched_ones():
    rng = np.random.default_rng(11)
    values = rng.integers(0, 30, size=4000).astype(np.float64) / 3  # many ties
    known = rng.random(4000) < 0.6
    expected = percentiles(values, known)
    expected[~known] = 0.0
    assert np.array_equal(_percentiles_of(values, known), expected)
    some = np.array([3999, 5, 5, 17])
    assert np.array_equal(percentiles(values, known, some), percentiles(values, known)[some])


def test_the_fields_percentiles_are_kept_for_the_same_values_only():
    rng = np.random.default_rng(12)
    values = rng.integers(0, 30, size=4000).astype(np.float64)
    known = rng.random(4000) < 0.6
    first = _field_percentiles(values, known)
    assert np.array_equal(first, _percentiles_of(values, known))
    assert _field_percentiles(values.copy(), known.copy()) is first  # the next answer's: no new sort
    changed = values.copy()
    changed[0] += 100  # another day's careers
    assert np.array_equal(_field_percentiles(changed, known), _percentiles_of(changed, known))
    fewer = known.copy()
    fewer[:100] = False
    assert np.array_equal(_field_percentiles(values, fewer), _percentiles_of(values, fewer))


def test_a_career_fit_read_for_some_people_is_their_fit_among_everyone():
    rng = np.random.default_rng(5)
    papers = rng.integers(0, 12, size=3000).astype(np.float64)  # a third without a paper
    counts = signals.Counts(papers=papers, recent_papers=np.minimum(papers, rng.integers(0, 5, size=3000)),
                            career_years=np.where(papers > 0, rng.integers(1, 30, size=3000), 0.0),
                            talks=np.zeros(3000), works=papers)
    speakers = [int(p) for p in rng.choice(3000, size=40, replace=False)]
    everyone = career_fit(counts, speakers)
    some = np.array([2999, 0, 0, *speakers[:5]])
    assert np.array_equal(career_fit(counts, speakers, some), everyone[some])
    assert everyone.min() < -0.2 and np.isclose(everyone.max(), 0.0, atol=0.1)


def plain_walk(v: signals.View, restarts: np.ndarray) -> np.ndarray:
    """The walk as first written: a new array at every step."""
    m, mt = v.walk_matrix, v.walk_transposed
    person_degree = np.asarray(m.sum(axis=1), dtype=np.float32).ravel()
    work_degree = np.asarray(mt.sum(axis=1), dtype=np.float32).ravel()
    to_person = np.divide(1.0, person_degree, out=np.zeros_like(person_degree), where=person_degree > 0)
    to_work = np.divide(1.0, work_degree, out=np.zeros_like(work_degree), where=work_degree > 0)
    start = (restarts / np.maximum(restarts.sum(axis=0, keepdims=True), 1e-12)).astype(np.float32)
    x = start.copy()
    for _ in range(signals.STEPS):
        moved = m @ ((mt @ (x * to_person[:, None])) * to_work[:, None])
        lost = 1.0 - moved.sum(axis=0, keepdims=True)
        x = signals.RESTART * start + (1 - signals.RESTART) * (moved + lost * start)
    return np.asarray(x, dtype=np.float64)


def test_the_walk_in_place_and_the_topic_fits_of_all_queries_at_once_are_the_plain_ones(seed_store):
    index = index_for(seed_store)
    dated = index.member_day[(index.member_day != NEVER) & (index.member_day > 0)]
    v = signals.view(index, int(dated.max()), undated=True)
    restarts = np.zeros((v.people, 3))
    restarts[[0, 5, 9], [0, 1, 2]] = 1.0
    restarts[7, 2] = 0.5
    assert np.array_equal(signals.walk(v, restarts), plain_walk(v, restarts))
    queries = [signals.query_vector(v, [text]) for text in ("learning theory", "", "bandits and regret")]
    together = signals.topic_scores(v, queries)
    for column, query in enumerate(queries):
        assert np.array_equal(together[:, column], signals.topic_scores(v, [query])[:, 0])
    assert together[:, 0].max() == 1.0 and not together[:, 1].any()
