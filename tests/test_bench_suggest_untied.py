"""bench/suggest_untied.py: the untied people's lift replayed from cached columns, as `suggest` moves them."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from kg.network import suggest, taste

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def untied():
    sys.path.insert(0, str(ROOT / "bench"))
    import suggest_untied

    return suggest_untied


def pool_of(untied):
    """Twelve tied people scored 12 down to 1 and two untied scored 0, alike but for the recent fit."""
    names = list(taste.FEATURES) + ["semantic_recent_third"]
    values = np.zeros((14, len(names)))
    values[:, names.index("topic")], values[12:, names.index("topic")] = -3.0, -1.0
    values[:, names.index("papers")] = np.log1p(20)
    values[:12, names.index("coauthored_speakers")] = np.log1p(1)
    values[:, -1] = -3.0
    values[12, -1], values[13, -1] = -0.5, -2.5
    tied = np.arange(14) < 12
    raw = np.concatenate([np.arange(12, 0, -1.0), np.zeros(2)])
    invited = np.zeros(14, dtype=bool)
    invited[12] = True
    return untied.Series("s", raw, names, values, tied, invited, 2, np.zeros((0, len(taste.FEATURES))),
                         np.zeros(0)), values


def test_the_kept_lift_replays_suggest_exactly(untied):
    series, values = pool_of(untied)
    x = values[:, :len(taste.FEATURES)]
    expected = suggest.unlinked_adjusted(x, np.arange(14), series.raw, values[:, -1])
    assert np.allclose(untied.lifted(series, untied.KEPT), expected)
    # the invited untied person comes eleventh (after the taste's first ten), the other later speaker unranked
    assert untied.figures(series, untied.lifted(series, untied.KEPT)) == [0, 1, 1, 1]
    assert untied.figures(series, series.raw)[1] == 1  # 14 people: everyone is in the first 50


def test_the_recent_talks_are_the_last_two_years_or_the_last_third(untied):
    talks = [(day * 365, day, day) for day in range(9)]
    assert untied.recent_talks(talks, 8 * 365, "third") == talks[6:] == suggest.recent_talks(talks)
    assert untied.recent_talks(talks, 8 * 365, "years") == talks[6:]
    assert untied.recent_talks(talks, 20 * 365, "years") == talks  # none that recent: all of them
