"""The fast paths of suggesting give exactly what their plain definitions give."""

import numpy as np

from kg.network import signals
from kg.network.index import NEVER, PAPER, SERIES, TALK, index_for
from kg.network.suggest import _log_rank, _ranking, name_keys


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
