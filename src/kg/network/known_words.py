"""The words as known on a day: IDF weights and the learned topic space from the works known then.

The index stores how rare each word is (``term_idf``), the works × words matrix weighted by it
(``work_terms``) and the topic space learned from that matrix (``term_space``), all over every work
it holds. Asked about a past day (``kg suggest --as-of``, the cutoffs of ``kg evaluate-suggest``),
how rare a word is and which words go together must come from the works known on that day only,
or later papers leak into the topic fit. ``lexicon`` gives the stored ones for now and for a day
on or after the index's latest dated work, and otherwise derives them from the works known on the
day: a work is known from the first day one of its memberships is (a paper known by its year from
the end of that year, a talk from its day, a series from its first talk, advising always; an
undated talk or paper never). The last few days' are kept in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse as sp

from kg.network import semantic
from kg.network.index import NEVER, GraphIndex, weighted_terms

KEPT_DAYS = 4
"""How many past days' words are kept in memory (``evaluate-suggest`` asks each cutoff twice in a row)."""


@dataclass
class Lexicon:
    """How rare each word is, the weighted works × words matrix, and the topic space, as of ``day``
    (``None``: the index's stored ones, over every work)."""

    day: int | None
    term_idf: np.ndarray
    """Per word: its smoothed IDF over the known works; 0 for a word no known work has."""
    work_terms: sp.csc_matrix
    """Works × words: binary TF × IDF, unit rows; empty rows for works not known on the day."""
    term_space: np.ndarray
    """Dimensions × words: learned from ``work_terms`` (``semantic.learn_space``)."""
    stored: GraphIndex | None = None

    @cached_property
    def work_space(self) -> np.ndarray:
        """Works × dimensions: each work's unit vector in ``term_space`` (the index's own when stored)."""
        if self.stored is not None:
            return self.stored.work_space
        return semantic.work_vectors(self.work_terms, self.term_space)


_KEPT: dict[tuple[int, int], tuple[GraphIndex, Lexicon]] = {}


def lexicon(index: GraphIndex, day: int, undated: bool = False) -> Lexicon:
    """The words as known on ``day``: the stored ones when ``undated`` (a question about now) or
    when every dated work is known by then, else derived from the works known on the day."""
    latest = index.last_day
    if undated or latest is None or day >= latest:
        return Lexicon(None, index.term_idf, index.work_terms, index.term_space, stored=index)
    key = (id(index), day)
    found = _KEPT.get(key)
    if found is not None and found[0] is index:
        return found[1]
    derived = derive(index, day)
    while len(_KEPT) >= KEPT_DAYS:
        del _KEPT[next(iter(_KEPT))]
    _KEPT[key] = (index, derived)
    return derived


def derive(index: GraphIndex, day: int) -> Lexicon:
    """IDF, weighted matrix and topic space computed from the works known on ``day`` only
    (deterministic: the space's sample is drawn evenly among the known works with words)."""
    known = known_from(index) <= day
    presence = sp.csr_matrix(index.work_terms, dtype=np.float32, copy=True)
    presence.data[:] = 1.0
    presence = sp.csr_matrix(sp.diags(known.astype(np.float32)) @ presence)
    presence.eliminate_zeros()
    idf, matrix = weighted_terms(presence, documents=int(known.sum()))
    return Lexicon(day, idf, matrix, semantic.learn_space(matrix))


def known_from(index: GraphIndex) -> np.ndarray:
    """Per work, the first day it is known: the earliest of its memberships' days (``NEVER`` for an
    undated work; a work without members keeps its own day)."""
    first = np.array(index.work_day, dtype=np.int64)
    has = np.zeros(len(index.works), dtype=bool)
    has[index.member_work] = True
    first[has] = NEVER
    np.minimum.at(first, index.member_work, index.member_day.astype(np.int64))
    return first
