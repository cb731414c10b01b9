"""Signals of the graph index for everyone at once: topic fit, the circle of the organizers."""

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


def test_the_circle_of_some_people_is_who_is_linked_to_them_within_two_steps(mini_store):
    index = derive_index(mini_store)
    v = signals.view(index, int(index.member_day[index.member_day < 10**6].max()))
    person = {name: number for number, name in enumerate(index.names)}
    circle = signals.circle(v, [person["Kurt Gödel"]])
    # Alan Turing is Kurt Gödel's PhD student (advising weighs twice a paper); Ada Lovelace is
    # reached only through Alan Turing, her coauthor.
    assert circle[person["Alan Turing"]] > circle[person["Ada Lovelace"]] > 0
    # A series that names no organizers has no circle: the feature is the same for everyone.
    assert not signals.circle(v, []).any()


def test_the_fit_in_the_learned_space_meets_works_on_the_subject_in_other_words(mini_store):
    index = derive_index(mini_store)
    v = signals.view(index, int(index.member_day[index.member_day < 10**6].max()))
    person = {name: number for number, name in enumerate(index.names)}
    query = signals.query_vector(v, ["Can it think?"])
    # A space in which the field uses "engine" and "think" together (as LSA finds words that
    # share their papers), and "computable" and "number" apart.
    space = np.zeros((2, len(index.terms)), dtype=np.float32)
    space[0, [index.term_index["engine"], index.term_index["think"]]] = 1.0
    space[1, [index.term_index["number"], index.term_index["computable"]]] = 1.0
    index.term_space = space
    exact = signals.topic_scores(v, [query])[:, 0]
    near = signals.semantic_scores(v, [query])[:, 0]
    # Grace Hopper never wrote "think", but her engines are near it.
    assert exact[person["Grace Hopper"]] == 0.0 < near[person["Grace Hopper"]]
    assert signals.topic_words(v, person["Grace Hopper"], query) == []
    assert signals.related_words(v, person["Grace Hopper"], query) == ["engine"]
    assert near[person["Kurt Gödel"]] == 0.0  # nothing of his has words at all
    # Too small a field to learn a space: the fit is 0 for everyone, and nothing breaks.
    index.term_space = np.zeros((0, len(index.terms)), dtype=np.float32)
    index.__dict__.pop("work_space", None)
    assert not signals.semantic_scores(v, [query]).any()
