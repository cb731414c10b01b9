"""bench/suggest_harness.py: a series cut at its middle, ranked, and replayed as `suggest` sees it."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from kg.network import suggest
from kg.network.index import derive_index

ROOT = Path(__file__).resolve().parents[1]
ADA = "https://w3id.org/kg/id/person/ada-lovelace"
ALAN = "https://w3id.org/kg/id/person/alan-turing"


@pytest.fixture(scope="module")
def harness():
    sys.path.insert(0, str(ROOT / "bench"))  # the harness reads the series lists of suggest_real
    import suggest_harness

    return suggest_harness


def test_the_mini_seminar_is_cut_after_its_first_talk_and_its_next_speaker_ranks_first(harness, mini_store):
    index = derive_index(mini_store)
    cut = harness.cut(index, "mini-series")
    assert (cut.cutoff, cut.past, cut.later) == (date(2024, 1, 8), {ADA}, {ALAN})
    assert cut.event == "https://w3id.org/kg/id/event/mini-series"
    assert harness.known_later(index, cut) == {ALAN}  # he had written papers by then
    where = harness.ranks(index, cut)
    assert where[ALAN] == 1 and ADA not in where  # past speakers are not suggested again
    assert harness.hits(where, cut.later, 1) == 1 and harness.recall(where, cut.later, 1) == 1.0
    assert harness.recall(where, set(), 1) == 0.0
    assert harness.cut(index, "mini-series", 1.0).later == set()  # cut after the last talk


def test_the_replay_is_the_ranking_of_suggest_with_its_features(harness, mini_store):
    index = derive_index(mini_store)
    replay = harness.replay(index, "mini-series")
    assert [index.people[p] for p in replay.order] == suggest.ranked_people(
        index, replay.cut.event, replay.cut.cutoff, len(index.people))
    ranks = harness.rank_column(replay.scores, replay.pool)
    assert ranks[index.person_index[ALAN]] == 1 and ranks[index.person_index[ADA]] == 0
    assert np.array_equal(np.sort(ranks[ranks > 0]), np.arange(1, len(replay.pool) + 1))
    assert replay.x.shape == (len(index.people), len(suggest.taste.FEATURES))
