"""bench/suggest_signals.py: the candidate signals read the field as known on a stage's day."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from kg.network import suggest
from kg.network.index import derive_index

ROOT = Path(__file__).resolve().parents[1]
PERSON = "https://w3id.org/kg/id/person/"


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "bench"))  # the harness reads the series lists of suggest_real
    import suggest_signals

    return suggest_signals


def _stage(bench, index, day_shift: int = 0):
    """The mini seminar on its cutoff day (after Ada Lovelace's talk), moved by ``day_shift`` days."""
    cut = bench.harness.cut(index, "mini-series")
    series, speakers, v = bench.harness.seen(index, cut)
    return v, suggest.Stage(cut.day + day_shift, speakers, list(series.talks))


def test_a_place_the_whole_field_shares_lifts_nobody(bench, mini_store):
    index = derive_index(mini_store)
    v, stage = _stage(bench, index)
    column = bench.places_drawn_on()(v, stage, index, None, None)
    # Ada Lovelace spoke from the university where Grace Hopper, the only other person with a
    # known affiliation, works: the series draws on it no more than the field does
    assert column.shape == (len(index.people),) and not column.any()
    assert bench.places_drawn_on()(v, suggest.Stage(stage.day, [], []), index, None, None).sum() == 0


def test_recent_links_count_nobody_without_a_paper_after_the_talk(bench, mini_store):
    index = derive_index(mini_store)
    v, stage = _stage(bench, index)
    column = bench.recent_links()(v, stage, index, None, None)
    assert column.shape == (len(index.people),) and np.all(column >= 0)
    assert column[index.person_index[PERSON + "grace-hopper"]] == 0
