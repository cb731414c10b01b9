"""A topic space learned from the field itself: latent semantic analysis of its titles and abstracts.

The TF-IDF topic fit compares exact words, so a series on "bandits" never meets a paper on
"regret", nor "privacy" one on "differential" mechanisms. A truncated SVD of the index's works ×
words matrix (LSA) puts words that the field uses together near each other: every work gets a
dense vector, and a series' words, projected into the same space, can be compared with any work
whatever its exact words. Nothing is downloaded: the space is learned when the index is built,
from the field the index holds (at most ``SAMPLE`` works, so its cost does not grow with the
field), and kept in the index as ``term_space`` (dimensions × words).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

DIMENSIONS = 150
"""Dimensions of the space (LSA's usual 100-300; 80 and 300 did no better on the real histories)."""
SAMPLE = 20_000
"""At most this many works (those with words, drawn evenly) are used to learn the space; the rest
are projected into it. Keeps the build's cost bounded: a few seconds of CPU at any size."""
ITERATIONS = 4
"""Power iterations of the randomized SVD."""


def learn_space(work_terms: sp.spmatrix, dimensions: int = DIMENSIONS, sample: int = SAMPLE) -> np.ndarray:
    """The LSA components (dimensions × words, float32) of a works × words TF-IDF matrix; an empty
    (0 × words) array when there are too few works or words to learn from. Deterministic."""
    matrix = sp.csr_matrix(work_terms, dtype=np.float32)
    rows = np.flatnonzero(np.diff(matrix.indptr) > 0)
    if len(rows) > sample:
        rows = rows[np.linspace(0, len(rows) - 1, sample).astype(np.int64)]
    k = min(dimensions, len(rows) - 1, matrix.shape[1] - 1)
    if k < 2:
        return np.zeros((0, matrix.shape[1]), dtype=np.float32)
    from sklearn.utils.extmath import randomized_svd

    _, _, components = randomized_svd(matrix[rows], k, n_iter=ITERATIONS, random_state=0)
    # The sign of a singular vector is arbitrary: fix it so the largest entry is positive.
    signs = np.sign(components[np.arange(k), np.abs(components).argmax(axis=1)])
    return (components * signs[:, None]).astype(np.float32)


def work_vectors(work_terms: sp.spmatrix, space: np.ndarray) -> np.ndarray:
    """Each work's unit vector in the space (works × dimensions; zeros for a work without words)."""
    if not space.shape[0]:
        return np.zeros((work_terms.shape[0], 0), dtype=np.float32)
    vectors = np.asarray(sp.csr_matrix(work_terms) @ space.T, dtype=np.float32)
    return _unit_rows(vectors)


def query_vector(space: np.ndarray, terms: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """A weighted bag of words (term ids, weights) projected into the space, unit length (or zeros)."""
    if not space.shape[0] or not len(terms):
        return np.zeros(space.shape[0], dtype=np.float32)
    projected = space[:, terms] @ np.asarray(weights, dtype=np.float32)
    norm = float(np.linalg.norm(projected))
    return (projected / norm).astype(np.float32) if norm > 0 else projected.astype(np.float32)


def nearest_words(space: np.ndarray, query: np.ndarray, candidates: np.ndarray, limit: int = 4) -> np.ndarray:
    """The ``candidates`` (term ids) whose own vectors lie nearest ``query``, nearest first (ties by id);
    only those at a positive cosine."""
    if not space.shape[0] or not len(candidates) or not np.any(query):
        return np.zeros(0, dtype=np.int64)
    columns = space[:, candidates]
    norms = np.linalg.norm(columns, axis=0)
    cosines = np.divide(query @ columns, norms, out=np.zeros(len(candidates), dtype=np.float32),
                        where=norms > 0)
    order = np.lexsort((candidates, -cosines))
    return candidates[order[cosines[order] > 0][:limit]]


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
