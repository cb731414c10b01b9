"""bench/suggest_near.py: the band of the first candidates, its properties, AUC and a re-ranking."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from kg.network import taste
from kg.network.index import derive_index

ROOT = Path(__file__).resolve().parents[1]
ALAN = "https://w3id.org/kg/id/person/alan-turing"


@pytest.fixture(scope="module")
def near():
    sys.path.insert(0, str(ROOT / "bench"))
    import suggest_near

    return suggest_near


def test_the_mini_seminar_band_holds_its_next_speaker_first(near, mini_store):
    index = derive_index(mini_store)
    band = near.band_of(index, "mini-series")
    assert band.names[:len(taste.FEATURES)] == list(taste.FEATURES)
    assert band.values.shape == (len(band.pool), len(band.names))
    first = near.order(band.scores, band.pool)
    assert index.people[int(band.pool[first[0]])] == ALAN and band.invited[first[0]]
    assert band.later == 1 and near.hits(band, first, 1) == 1
    assert np.array_equal(near.reranked(band, 500, {}), first)  # no weights: the ranking as it is


def test_auc_counts_ties_as_half(near):
    assert near.auc(np.array([2.0, 1.0, 1.0]), np.array([True, False, False])) == 1.0
    assert near.auc(np.array([1.0, 1.0]), np.array([True, False])) == 0.5
    assert near.auc(np.array([1.0]), np.array([True])) != near.auc(np.array([1.0]), np.array([True]))


def test_the_places_are_added_once(near, mini_store):
    index = derive_index(mini_store)
    band = near.extended(index, near.band_of(index, "mini-series"))
    assert "speaker_org" in band.names and band.values.shape == (len(band.pool), len(band.names))
    assert near.extended(index, band) is band


def test_a_second_coauthor_of_the_same_paper_is_pushed_below_a_coauthor_of_another(near):
    band = near.Band("s", np.array([0, 1, 2]), np.array([3.0, 2.9, 1.0]), ["x"], np.zeros((3, 1)), 2,
                     np.array([False, False, True]), [frozenset({10}), frozenset({10}), frozenset({11})])
    assert near.diversified(band, 3, 0.0).tolist() == [0, 1, 2]
    assert near.diversified(band, 3, 3.0).tolist() == [0, 2, 1]  # 2.9 - 3 × 0.92 < 1.0
    assert near.ceiling(band, 3).tolist() == [2, 0, 1] and near.hits(band, near.ceiling(band, 3), 1) == 1
    assert near.row("r", [band], lambda b: near.ceiling(b, 3)) == "| r | 0.500 | 0.500 | 1/1 |"
