"""The words as known on a day: a talk given later changes neither how rare a word is nor the topic
space of an earlier day; for now, and any day after the latest work, the stored ones serve."""

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
import scipy.sparse as sp

from kg.network import known_words, signals, suggest
from kg.network.index import day_number, derive_index

# The mini field: papers of 2020 and 2021, the talk "Engines that think" on 8 January 2024 and
# "On computable numbers" on 15 January 2024 (the latest work).
BETWEEN_THE_TALKS = day_number(date(2024, 1, 10))


@pytest.fixture
def index(mini_store):
    return derive_index(mini_store)


def _with_words_added_to_later_works(index, day, words):
    """The same index, but every work known only after ``day`` also says ``words``."""
    later = np.flatnonzero(known_words.known_from(index) > day)
    changed = sp.lil_matrix(index.work_terms)
    for row in later:
        for word in words:
            changed[row, index.term_index[word]] = 1.0
    return replace(index, work_terms=sp.csc_matrix(changed))


def test_a_talk_given_after_the_day_changes_neither_how_rare_a_word_is_nor_the_space(index):
    before = known_words.derive(index, BETWEEN_THE_TALKS)
    # "computable" is said only in the later talk: unknown on the day, while the stored IDF
    # (over every work) rates it the rarest word of all.
    computable = index.term_index["computable"]
    assert before.term_idf[computable] == 0 < index.term_idf[computable]
    assert before.work_terms[:, computable].nnz == 0
    # Rewrite the later talk to say "engine" and "think" as well: the day's words do not move.
    rewritten = known_words.derive(
        _with_words_added_to_later_works(index, BETWEEN_THE_TALKS, ["engine", "think"]), BETWEEN_THE_TALKS)
    assert np.array_equal(rewritten.term_idf, before.term_idf)
    assert np.array_equal(rewritten.work_terms.toarray(), before.work_terms.toarray())
    assert before.term_space.shape[0] > 0
    assert np.array_equal(rewritten.term_space, before.term_space)


def test_a_word_only_later_works_use_is_left_out_of_a_query_on_the_day(index):
    then = signals.view(index, BETWEEN_THE_TALKS)
    terms, _ = signals.query_vector(then, ["computable numbers"])
    assert [index.terms[t] for t in terms] == ["number"]
    later = signals.view(index, index.last_day)
    terms, _ = signals.query_vector(later, ["computable numbers"])
    assert [index.terms[t] for t in terms] == ["computable", "number"]


def test_once_every_work_is_known_the_words_derived_are_the_stored_ones(index):
    everything = known_words.derive(index, index.last_day)
    assert np.allclose(everything.term_idf, index.term_idf)
    assert np.allclose(everything.work_terms.toarray(), index.work_terms.toarray())
    assert np.allclose(np.abs(everything.term_space), np.abs(index.term_space), atol=1e-5)


def test_for_now_and_days_after_the_latest_work_the_stored_words_serve_without_deriving(index, monkeypatch):
    series = index.events[index.event_names.index("Mini Seminar")]
    after = date(2024, 6, 1)
    expected = suggest.rank(index, series, as_of=after)

    def forbidden(*_):
        raise AssertionError("derived words for a day after the latest work")

    monkeypatch.setattr(known_words, "derive", forbidden)
    assert known_words.lexicon(index, day_number(after)).term_idf is index.term_idf
    assert known_words.lexicon(index, BETWEEN_THE_TALKS, undated=True).term_space is index.term_space
    assert suggest.rank(index, series, as_of=after) == expected
    suggest.rank(index, series)  # now: the stored words too


def test_a_past_day_is_derived_once_and_kept(index):
    first = known_words.lexicon(index, BETWEEN_THE_TALKS)
    assert first.day == BETWEEN_THE_TALKS and first.stored is None
    assert known_words.lexicon(index, BETWEEN_THE_TALKS) is first
    again = known_words.derive(index, BETWEEN_THE_TALKS)
    assert np.array_equal(again.term_space, first.term_space)
