"""What the graph index says about everyone on one day: walks, topics, career, venues, places.

A ``View`` is the index as known on a day (``as_of``): a membership counts only from the day it
became known, and weighs less the older it is (half-life ``HALF_LIFE_YEARS``). Every signal is
computed for all people at once with sparse matrices, so its cost follows the size of the field
and not the number of candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from kg.network import topics
from kg.network.index import ALWAYS, PAPER, PHD, POSTDOC, SERIES, TALK, GraphIndex

HALF_LIFE_YEARS = 4.0
"""A link (joint paper, shared talk) counts half as much in the walk after this many years."""
KIND_WEIGHT = {PAPER: 1.0, TALK: 1.0, PHD: 2.0, POSTDOC: 2.0, SERIES: 0.3}
"""How much each kind of link counts in the walk; series join everyone who spoke there."""
RESTART = 0.3
"""The probability that the walk jumps back to the series' speakers and organizers at each step."""
STEPS = 12
"""Steps of the walk (0.7 ** 12 ≈ 1 %: what is left of the last step)."""


@dataclass
class View:
    """The index as known on ``day`` (a day number), leaving out ``hidden`` works (the series' own)."""

    index: GraphIndex
    day: int
    known: np.ndarray
    """Per membership row: known on the day and not hidden."""
    walk_matrix: sp.csr_matrix
    """People × works, recency- and kind-weighted known memberships."""
    binary: sp.csr_matrix
    """People × works, 1 for each known membership."""

    @property
    def people(self) -> int:
        """How many people the index has."""
        return len(self.index.people)


def view(index: GraphIndex, day: int, hidden: np.ndarray | None = None) -> View:
    """The index as known on ``day``, without the works in ``hidden`` (an array of work ids)."""
    member_day = index.member_day
    known = member_day <= day
    if hidden is not None and len(hidden):
        hidden_work = np.zeros(len(index.works), dtype=bool)
        hidden_work[hidden] = True
        known &= ~hidden_work[index.member_work]
    age = np.where(member_day == ALWAYS, 0, np.maximum(day - member_day, 0)) / 365.25
    kinds = index.work_kind[index.member_work]
    kind_weight = np.zeros(len(kinds), dtype=np.float32)
    for kind, weight in KIND_WEIGHT.items():
        kind_weight[kinds == kind] = weight
    weights = np.where(known, kind_weight * np.power(0.5, age / HALF_LIFE_YEARS), 0.0).astype(np.float32)
    shape = (len(index.people), len(index.works))
    rows, cols = index.member_person, index.member_work
    walk_matrix = sp.csr_matrix((weights, (rows, cols)), shape=shape)
    binary = sp.csr_matrix((known.astype(np.float32), (rows, cols)), shape=shape)
    return View(index, day, known, walk_matrix, binary)


def walk(v: View, restarts: np.ndarray) -> np.ndarray:
    """Random walks with restart from each column of ``restarts`` (people × k), all at once.

    A step goes from a person to one of their links (joint paper, talk, advising, series),
    chosen by weight, then to one of the link's other people. Returns people × k visiting
    probabilities; mass reaching someone with no links goes back to the start.
    """
    m = v.walk_matrix
    person_degree = np.asarray(m.sum(axis=1)).ravel()
    work_degree = np.asarray(m.sum(axis=0)).ravel()
    to_person = np.divide(1.0, person_degree, out=np.zeros_like(person_degree), where=person_degree > 0)
    to_work = np.divide(1.0, work_degree, out=np.zeros_like(work_degree), where=work_degree > 0)
    start = restarts / np.maximum(restarts.sum(axis=0, keepdims=True), 1e-12)
    x = start.copy()
    mt = m.T.tocsr()
    for _ in range(STEPS):
        on_works = mt @ (x * to_person[:, None])
        moved = m @ (on_works * to_work[:, None])
        lost = 1.0 - moved.sum(axis=0, keepdims=True)
        x = RESTART * start + (1 - RESTART) * (moved + lost * start)
    return np.asarray(x)


def query_vector(v: View, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """TF-IDF of the words of ``texts`` against the index's vocabulary: (term ids, weights)."""
    counts: dict[int, float] = {}
    vocabulary = _vocabulary(v.index)
    for text in texts:
        for word in topics.words(text):
            term = vocabulary.get(word)
            if term is not None:
                counts[term] = counts.get(term, 0.0) + 1.0
    if not counts:
        return np.array([], dtype=np.int64), np.array([], dtype=np.float64)
    terms = np.array(sorted(counts), dtype=np.int64)
    idf = _idf(v.index)[terms]
    weights = np.array([counts[t] for t in terms]) * idf
    return terms, weights / np.linalg.norm(weights)


def topic_scores(v: View, queries: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """How well each person's known papers and talks match each query (people × queries).

    A work scores the cosine of its TF-IDF words with the query (BM25-like saturation: a word
    counts once per title); a person scores the sum over their works divided by the square
    root of their number of works (so breadth helps, but sheer output less than linearly).
    """
    works = _normalized_works(v.index)
    columns = []
    for terms, weights in queries:
        if len(terms) == 0:
            columns.append(np.zeros(v.people))
            continue
        per_work = works[:, terms] @ weights
        columns.append(np.asarray(v.binary @ per_work).ravel())
    totals = np.column_stack(columns) if columns else np.zeros((v.people, 0))
    count = np.asarray(v.binary.sum(axis=1)).ravel()
    return totals / np.sqrt(np.maximum(count, 1.0))[:, None]


def topic_words(v: View, person: int, query: tuple[np.ndarray, np.ndarray], limit: int = 4) -> list[str]:
    """The query words that most of the person's known works share, strongest first."""
    terms, weights = query
    if len(terms) == 0:
        return []
    row = v.binary.getrow(person)
    mine = np.asarray((row @ _normalized_works(v.index)[:, terms]).todense()).ravel() * weights
    order = sorted((i for i in range(len(terms)) if mine[i] > 0), key=lambda i: (-mine[i], int(terms[i])))
    return [v.index.terms[int(terms[i])] for i in order[:limit]]


@dataclass(frozen=True)
class Counts:
    """Per person, counted up to a day: papers, papers of the last three years, years since the
    first paper (0 for none), talks, and works of any kind."""

    papers: np.ndarray
    recent_papers: np.ndarray
    career_years: np.ndarray
    talks: np.ndarray
    works: np.ndarray


def counts_until(v: View, day: int) -> Counts:
    """What each person had done by ``day`` (within what ``v`` knows)."""
    index = v.index
    member_day = index.member_day
    known = v.known & (member_day <= day)
    kinds = index.work_kind[index.member_work]
    people = index.member_person
    n = v.people

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(people[mask], minlength=n).astype(np.float64)

    papers = known & (kinds == PAPER)
    first = np.full(n, np.inf)
    np.minimum.at(first, people[papers], member_day[papers].astype(np.float64))
    career = np.where(np.isinf(first), 0.0, np.clip((day - np.where(np.isinf(first), day, first)) / 365.25,
                                                    0, 50))
    return Counts(count(papers), count(papers & (member_day >= day - 3 * 365)), career,
                  count(known & (kinds == TALK)), count(known & (kinds != SERIES)))


def linked(v: View, people: Sequence[int]) -> sp.csr_matrix:
    """People × ``people``: how many known papers, talks or advising each person shares with each.

    Series are not links here (having spoken in the same series is not working together).
    """
    if not len(people):
        return sp.csr_matrix((v.people, 0))
    index = v.index
    direct = v.binary.multiply(sp.csr_matrix(
        (index.work_kind != SERIES).astype(np.float32)[None, :])).tocsr()
    chosen = direct[np.asarray(people)]
    shared = (direct @ chosen.T).tocsr()
    shared.eliminate_zeros()
    return shared


def venue_fit(v: View, people: Sequence[int]) -> np.ndarray:
    """Cosine of each person's venues (by their known papers) with the venues of ``people``."""
    index = v.index
    if not index.venues or not len(people):
        return np.zeros(v.people)
    venue = index.work_venue
    has = venue >= 0
    work_to_venue = sp.csr_matrix((np.ones(int(has.sum()), dtype=np.float32),
                                   (np.flatnonzero(has), venue[has])),
                                  shape=(len(index.works), len(index.venues)))
    profile = (v.binary @ work_to_venue).tocsr()
    norms = np.sqrt(np.asarray(profile.multiply(profile).sum(axis=1)).ravel())
    series = np.asarray(profile[np.asarray(people)].sum(axis=0)).ravel()
    if not series.any():
        return np.zeros(v.people)
    series = series / np.linalg.norm(series)
    dots = np.asarray(profile @ series).ravel()
    return np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)


def organizations_known(v: View) -> list[set[int]]:
    """Each person's top organizations known on the day."""
    index = v.index
    found: list[set[int]] = [set() for _ in range(v.people)]
    chosen = index.affiliation_day <= v.day
    for person, org in zip(index.affiliation_person[chosen], index.affiliation_organization[chosen],
                           strict=True):
        found[int(person)].add(int(index.organization_top[org]))
    return found


def name_ranks(index: GraphIndex) -> np.ndarray:
    """Each person's place in the order of names (then IRIs), for breaking ties by name."""
    return index.name_rank


def _vocabulary(index: GraphIndex) -> dict[str, int]:
    return index.term_index


def _idf(index: GraphIndex) -> np.ndarray:
    return index.term_idf


def _normalized_works(index: GraphIndex) -> sp.csc_matrix:
    return index.work_terms
