"""The topic space learned from the field: words the field uses together meet, exact words or not."""

import numpy as np
import scipy.sparse as sp

from kg.network import semantic


def _field(texts):
    """A works × words matrix as the index keeps it: each word once, rows of unit length."""
    vocabulary = sorted({w for text in texts for w in text.split()})
    column = {w: i for i, w in enumerate(vocabulary)}
    rows = [(r, column[w]) for r, text in enumerate(texts) for w in set(text.split())]
    matrix = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), tuple(np.array(rows).T)),
                           shape=(len(texts), len(vocabulary)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return vocabulary, sp.csr_matrix(sp.diags(1 / norms) @ matrix)


TEXTS = [
    "bandit regret bound", "adversarial bandit regret", "contextual bandit regret exploration",
    "regret minimization online", "bandit exploration online", "regret lower bound",
    "differential privacy mechanism", "private query release privacy", "differential privacy learning",
    "privacy mechanism composition", "private learning sample", "privacy amplification sampling",
    "kernel gaussian process", "gaussian process regression kernel", "kernel ridge regression",
]


def test_a_series_on_bandits_meets_a_paper_on_regret_that_never_says_bandit():
    vocabulary, matrix = _field(TEXTS)
    space = semantic.learn_space(matrix, dimensions=3)
    works = semantic.work_vectors(matrix, space)
    bandit = np.array([vocabulary.index("bandit")])
    query = semantic.query_vector(space, bandit, np.ones(1))
    near = works @ query
    regret_only = TEXTS.index("regret minimization online")
    privacy = TEXTS.index("differential privacy mechanism")
    # No word in common with the query, yet close in the space the field's own texts define.
    assert matrix[regret_only, bandit[0]] == 0
    assert near[regret_only] > 0.5
    assert near[regret_only] > near[privacy] + 0.4


def test_the_space_is_the_same_each_time_and_bounded_by_its_sample():
    _, matrix = _field(TEXTS)
    first = semantic.learn_space(matrix, dimensions=3)
    again = semantic.learn_space(matrix, dimensions=3)
    assert first.shape == (3, matrix.shape[1]) and first.dtype == np.float32
    assert np.array_equal(first, again)
    # Learned from 4 works only, the space has at most 3 dimensions; all works still get a vector.
    small = semantic.learn_space(matrix, dimensions=10, sample=4)
    assert small.shape[0] == 3
    assert semantic.work_vectors(matrix, small).shape == (len(TEXTS), 3)


def test_too_small_a_field_has_no_space_and_nothing_breaks():
    _, matrix = _field(["bandit regret"])
    space = semantic.learn_space(matrix)
    assert space.shape == (0, matrix.shape[1])
    assert semantic.work_vectors(matrix, space).shape == (1, 0)
    assert not semantic.query_vector(space, np.array([0]), np.ones(1)).any()


def test_the_words_that_explain_a_match_are_the_persons_own_nearest_the_series():
    vocabulary, matrix = _field(TEXTS)
    space = semantic.learn_space(matrix, dimensions=3)
    query = semantic.query_vector(space, np.array([vocabulary.index("bandit")]), np.ones(1))
    own = np.array([vocabulary.index(w) for w in ("kernel", "regret", "privacy", "online")])
    words = [vocabulary[t] for t in semantic.nearest_words(space, query, own, limit=2)]
    # The bandit literature's own words, not those of kernels or privacy.
    assert sorted(words) == ["online", "regret"]
