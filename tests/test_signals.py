"""Signals of the graph index for everyone at once: here, topic fit."""

import numpy as np

from kg.network import signals
from kg.network.index import derive_index


def _fit(index, monkeypatch, share):
    monkeypatch.setattr(signals, "BEST_WORK_SHARE", share)
    v = signals.view(index, int(index.member_day[index.member_day < 10**6].max()))
    fit = signals.topic_scores(v, [signals.query_vector(v, ["How engines think"])])[:, 0]
    return {index.names[p]: float(fit[p]) for p in range(len(index.people))}


def test_topic_fit_is_part_breadth_part_the_best_work(mini_store, monkeypatch):
    index = derive_index(mini_store)
    share = signals.BEST_WORK_SHARE
    best = _fit(index, monkeypatch, 1.0)
    breadth = _fit(index, monkeypatch, 0.0)
    both = _fit(index, monkeypatch, share)
    # Ada Lovelace and Alan Turing gave the same talk, "Engines that think": the same best work,
    # so only breadth (Alan Turing has more works that are not about engines) tells them apart.
    assert best["Ada Lovelace"] == best["Alan Turing"] == 1.0
    assert breadth["Ada Lovelace"] > breadth["Alan Turing"]
    assert best["Kurt Gödel"] == breadth["Kurt Gödel"] == 0.0  # nothing of his is about engines
    for name in both:
        assert np.isclose(both[name], share * best[name] + (1 - share) * breadth[name]), name
    assert max(both.values()) <= 1.0
