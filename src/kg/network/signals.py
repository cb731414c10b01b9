"""What the graph index says about everyone on one day: walks, topics, career, venues, places.

A ``View`` is the index as known on a day (``as_of``): a membership counts only from the day it
became known, and weighs less the older it is (half-life ``HALF_LIFE_YEARS``). Every signal is
computed for all people at once with sparse matrices, so its cost follows the size of the field
and not the number of candidates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from kg.network import known_words, semantic, topics
from kg.network.index import ALWAYS, NEVER, PAPER, PHD, POSTDOC, SERIES, TALK, GraphIndex, day_of, expand

HALF_LIFE_YEARS = 4.0
"""A link (joint paper, shared talk) counts half as much in the walk after this many years."""
KIND_WEIGHT = {PAPER: 1.0, TALK: 1.0, PHD: 2.0, POSTDOC: 2.0, SERIES: 0.3}
"""How much each kind of link counts in the walk; series join everyone who spoke there."""
RESTART = 0.3
"""The probability that the walk jumps back to the series' speakers and organizers at each step."""
STEPS = 8
"""Steps of the walk (0.7 ** 8 ≈ 6 %: what is left of the last step)."""
BEST_WORK_SHARE = 0.5
"""The share of a person's topic fit that is their best-matching work's (``topic_scores``)."""


@dataclass
class View:
    """The index as known on ``day``, leaving out ``hidden`` works (the series' own)."""

    index: GraphIndex
    day: int
    known: np.ndarray
    """Per membership row: known on the day and not hidden."""
    walk_matrix: sp.csr_matrix
    """People × works, recency- and kind-weighted known memberships."""
    walk_transposed: sp.csr_matrix
    """Works × people, the same weights."""
    binary: sp.csr_matrix
    """People × works, 1 for each known membership."""
    linking: np.ndarray
    """Per membership row: known, and a paper, talk or advising (not a series)."""
    _venues: sp.csr_matrix | None = None
    _places: tuple[np.ndarray, np.ndarray] | None = None
    """(person, top organization) of the known affiliations (``suggest._local``)."""
    _counts: dict[int, Counts] = field(default_factory=dict)
    _pairs: dict[bytes, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=dict)
    undated: bool = False
    """The question is about now (talks without a date count): the stored words serve."""
    _lexicon: known_words.Lexicon | None = None
    _works_known: np.ndarray | None = None

    @property
    def works_known(self) -> np.ndarray:
        """Per person, how many known memberships the view has (kept: every signal asks for it)."""
        if self._works_known is None:
            self._works_known = np.asarray(self.binary.sum(axis=1)).ravel()
        return self._works_known

    @property
    def lexicon(self) -> known_words.Lexicon:
        """The words as known on the day: IDF and topic space from the works known then only."""
        if self._lexicon is not None:
            return self._lexicon
        found = known_words.lexicon(self.index, self.day, self.undated)
        if found.stored is None:  # the stored ones are read from the index each time (benches swap them)
            self._lexicon = found
        return found

    @property
    def people(self) -> int:
        """How many people the index has."""
        return len(self.index.people)


def view(index: GraphIndex, day: int, hidden: np.ndarray | None = None, undated: bool = False) -> View:
    """The index as known on ``day``, without the works in ``hidden`` (an array of work ids).

    With ``undated`` (the question is about now, not about a past day), talks without a date
    count too, as if given on the day.
    """
    member_day = index.member_day
    known = member_day <= day
    if undated:
        known |= member_day == NEVER
    if hidden is not None and len(hidden):
        hidden_work = np.zeros(len(index.works), dtype=bool)
        hidden_work[hidden] = True
        known &= ~hidden_work[index.member_work]
    kinds = index.member_kind
    weights = np.where(known, _day_weights(index, day, undated), 0.0).astype(np.float32)
    people, works = len(index.people), len(index.works)
    walk_matrix = sp.csr_matrix((weights, index.member_work, index.person_starts), shape=(people, works))
    walk_transposed = sp.csr_matrix((weights[index.by_work], index.person_by_work, index.work_starts),
                                    shape=(works, people))
    binary = sp.csr_matrix((known.astype(np.float32), index.member_work, index.person_starts),
                           shape=(people, works))
    return View(index, day, known, walk_matrix, walk_transposed, binary, known & (kinds != SERIES),
                undated=undated)


_DAY_WEIGHTS: dict[tuple[int, int, bool], tuple[GraphIndex, np.ndarray]] = {}
"""The last few days' ``_day_weights`` (each answer as of the same day, for any event, reuses them)."""


def _day_weights(index: GraphIndex, day: int, undated: bool) -> np.ndarray:
    """Per membership row, its weight in the walk on ``day`` if known: its kind's weight, halved
    every ``HALF_LIFE_YEARS`` of age (advising does not age; with ``undated``, an undated talk is
    as old as the day)."""
    key = (id(index), day, undated)
    found = _DAY_WEIGHTS.get(key)
    if found is not None and found[0] is index:
        return found[1]
    member_day = index.member_day
    if undated:
        member_day = np.where(member_day == NEVER, day, member_day)
    age = np.where(member_day == ALWAYS, 0, np.maximum(day - member_day, 0)) / 365.25
    kind_weight = np.zeros(len(KIND_WEIGHT) + 1, dtype=np.float32)
    for kind, weight in KIND_WEIGHT.items():
        kind_weight[kind] = weight
    weights = kind_weight[index.member_kind] * np.power(0.5, age / HALF_LIFE_YEARS)
    while len(_DAY_WEIGHTS) >= 4:
        del _DAY_WEIGHTS[next(iter(_DAY_WEIGHTS))]
    _DAY_WEIGHTS[key] = (index, weights)
    return weights


def walk(v: View, restarts: np.ndarray) -> np.ndarray:
    """Random walks with restart from each column of ``restarts`` (people × k), all at once.

    A step goes from a person to one of their links (joint paper, talk, advising, series),
    chosen by weight, then to one of the link's other people. Returns people × k visiting
    probabilities; mass reaching someone with no links goes back to the start.
    """
    m, mt = v.walk_matrix, v.walk_transposed
    person_degree = np.asarray(m.sum(axis=1), dtype=np.float32).ravel()
    work_degree = np.asarray(mt.sum(axis=1), dtype=np.float32).ravel()
    to_person = np.divide(1.0, person_degree, out=np.zeros_like(person_degree), where=person_degree > 0)
    to_work = np.divide(1.0, work_degree, out=np.zeros_like(work_degree), where=work_degree > 0)
    start = (restarts / np.maximum(restarts.sum(axis=0, keepdims=True), 1e-12)).astype(np.float32)
    restarted = RESTART * start  # the same at every step
    x, leaving, staying = start.copy(), np.empty_like(start), np.empty_like(start)
    for _ in range(STEPS):  # in place, with the same arithmetic as x = r s + (1 - r) (moved + lost s)
        on_works = mt @ np.multiply(x, to_person[:, None], out=leaving)
        moved = m @ np.multiply(on_works, to_work[:, None], out=on_works)
        lost = 1.0 - moved.sum(axis=0, keepdims=True)
        np.multiply(lost, start, out=staying)
        staying += moved
        staying *= 1 - RESTART
        x = np.add(restarted, staying, out=x)
    return np.asarray(x, dtype=np.float64)


def series_spoken(v: View, person: int) -> list[tuple[int, str]]:
    """The series the person spoke at, as ``v`` knows them (it hides the asking series' own): the
    year of their latest talk there and the series' name, most recent first. Undated talks are
    never known as of a day, so they are not here either."""
    index = v.index
    rows = np.arange(index.person_starts[person], index.person_starts[person + 1])
    rows = rows[v.known[rows] & (index.member_kind[rows] == SERIES)]
    latest: dict[int, int] = {}
    for work, talk_day in zip(index.member_work[rows], index.member_day[rows], strict=True):
        latest[int(work)] = max(int(talk_day), latest.get(int(work), int(talk_day)))
    found = []
    for work, talk_day in latest.items():
        event = index.event_index.get(index.works[work])
        when = day_of(talk_day)
        if event is not None and when is not None:
            found.append((when.year, index.event_names[event]))
    return sorted(found, key=lambda pair: (-pair[0], pair[1]))


def circle(v: View, people: Sequence[int]) -> np.ndarray:
    """How strongly each person is linked to ``people`` at distance two (a coauthor of a coauthor,
    or closer), each link weighed by kind and recency as in the walk; 0 for everyone when
    ``people`` is empty. Two sparse products each way, one column: a fraction of the walk's cost."""
    if not len(people):
        return np.zeros(v.people)
    seeds = np.zeros(v.people, dtype=np.float32)
    seeds[np.asarray(people, dtype=np.int64)] = 1.0
    m, mt = v.walk_matrix, v.walk_transposed
    near = m @ (mt @ seeds)
    return np.asarray(m @ (mt @ near), dtype=np.float64).ravel()


def query_vector(v: View, texts: Sequence[str],
                 seen: dict[str, list[int]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """TF-IDF of the words of ``texts`` against the index's vocabulary: (term ids, unit weights);
    a word's count is taken sublinearly (``1 + ln count``), so one recurring word does not drown the rest.
    ``seen`` keeps each text's known terms for the next call on the same view (texts recur)."""
    counts: dict[int, float] = {}
    found: dict[str, list[int]] = {} if seen is None else seen
    vocabulary, idf = _vocabulary(v.index), v.lexicon.term_idf
    for text in texts:
        if text not in found:
            ids = (vocabulary.get(word) for word in topics.words(text))
            # a word no work known on the day has is unknown
            found[text] = [term for term in ids if term is not None and idf[term] > 0]
        for term in found[text]:
            counts[term] = counts.get(term, 0.0) + 1.0
    if not counts:
        return np.array([], dtype=np.int64), np.array([], dtype=np.float64)
    terms = np.array(sorted(counts), dtype=np.int64)
    # sublinear: a word said often counts less
    weights = (1.0 + np.log([counts[t] for t in terms])) * idf[terms]
    return terms, weights / np.linalg.norm(weights)


def topic_scores(v: View, queries: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """How well each person's known papers and talks match each query (people × queries).

    A work scores the cosine of its TF-IDF words with the query (BM25-like saturation: a word
    counts once per title), weighed by how recent it is (the walk's weights: half as much after
    ``HALF_LIFE_YEARS``). A person's fit
    is half their breadth, the sum over their works divided by the square root of their number of
    works (so breadth helps, but sheer output less than linearly), and half their best work, each
    scaled to its highest over the field (``BEST_WORK_SHARE``). What someone works on now says
    more about the talk they would give than what they wrote ten years ago, and one recent paper
    squarely on the series' subject says as much as many near it.
    """
    works = v.lexicon.work_terms
    return _person_fits(v, [np.asarray(works[:, terms] @ weights).ravel() if len(terms) else None
                            for terms, weights in queries])


def semantic_scores(v: View, queries: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """The topic fit of ``topic_scores`` in the topic space learned from the field (``semantic``):
    a work scores the cosine of its vector with the query's words projected there (a negative
    cosine counts 0), so a paper on "regret" fits a series on "bandits" without the word. People
    × queries; zeros when the index has no space (too small a field)."""
    space, works = v.lexicon.term_space, v.lexicon
    if not space.shape[0]:
        return np.zeros((v.people, len(queries)))
    return _person_fits(v, [np.maximum(works.work_space @ semantic.query_vector(space, terms, weights), 0.0)
                            if len(terms) else None for terms, weights in queries])


def _person_fits(v: View, per_work: Sequence[np.ndarray | None]) -> np.ndarray:
    """People × queries from each query's fit per work (``None``: no words): half breadth, half best."""
    found = np.zeros((v.people, len(per_work)))
    given = [(k, fits) for k, fits in enumerate(per_work) if fits is not None]
    if not given:
        return found
    spread = np.sqrt(np.maximum(v.works_known, 1.0))  # the same for every query
    stacked = np.column_stack([fits for _, fits in given])  # every query in one pass over the matrix
    breadth = np.asarray(v.walk_matrix @ stacked) / spread[:, None]
    for column, (k, fits) in enumerate(given):
        best = _row_max(v.walk_matrix, fits)
        found[:, k] = (1 - BEST_WORK_SHARE) * _scaled(breadth[:, column]) + BEST_WORK_SHARE * _scaled(best)
    return found


def _row_max(matrix: sp.csr_matrix, per_column: np.ndarray) -> np.ndarray:
    """Per row of ``matrix``, the highest of its entries times ``per_column`` (0 for an empty row)."""
    found = np.zeros(matrix.shape[0])
    if not matrix.nnz:
        return found
    values = matrix.data * per_column[matrix.indices]
    starts = matrix.indptr[:-1]
    filled = matrix.indptr[1:] > starts
    found[filled] = np.maximum.reduceat(values, starts[filled])
    return found


def _scaled(values: np.ndarray) -> np.ndarray:
    """``values`` divided by their highest (unchanged when none is above zero)."""
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else values


def topic_words(v: View, person: int, query: tuple[np.ndarray, np.ndarray], limit: int = 4) -> list[str]:
    """The query words that most of the person's known works share, strongest first."""
    terms, weights = query
    if len(terms) == 0:
        return []
    index = v.index
    rows = np.arange(index.person_starts[person], index.person_starts[person + 1])
    works = index.member_work[rows[v.known[rows]]]
    mine = np.asarray(_query_columns(v.lexicon.work_terms, terms)[works].sum(axis=0)).ravel() * weights
    order = sorted((i for i in range(len(terms)) if mine[i] > 0), key=lambda i: (-mine[i], int(terms[i])))
    return [v.index.terms[int(terms[i])] for i in order[:limit]]


def related_words(v: View, person: int, query: tuple[np.ndarray, np.ndarray], limit: int = 4) -> list[str]:
    """The person's own words (of their known works) nearest the query in the learned topic space,
    nearest first: what explains a fit in ``semantic_scores`` when the exact words differ."""
    terms, weights = query
    index = v.index
    rows = np.arange(index.person_starts[person], index.person_starts[person + 1])
    works = index.member_work[rows[v.known[rows]]]
    if len(terms) == 0 or not len(works):
        return []
    words = v.lexicon
    own = np.unique(sp.csr_matrix(words.work_terms[works]).indices).astype(np.int64)
    target = semantic.query_vector(words.term_space, terms, weights)
    return [index.terms[int(t)] for t in semantic.nearest_words(words.term_space, target, own, limit)]


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
    if day not in v._counts:
        count_days(v, [day])
    return v._counts[day]


def count_days(v: View, days: Sequence[int]) -> None:
    """``counts_until`` for several days at once, kept on the view: one pass over the memberships
    for all of them (each row is bucketed by the first threshold day it falls under, and the
    per-person counts of each bucket are summed up to each day)."""
    wanted = sorted(set(days) - set(v._counts))
    if not wanted:
        return
    index = v.index
    member_day = index.member_day
    kinds = index.member_kind
    starts = index.person_starts
    empty = starts[1:] == starts[:-1]
    heads = np.minimum(starts[:-1], max(len(member_day) - 1, 0))
    # A paper is recent on ``day`` from ``day - 3 * 365`` on: rows up to the day before that count out.
    thresholds = np.unique(np.array(wanted + [d - 3 * 365 - 1 for d in wanted], dtype=np.int64))
    column = {int(t): i for i, t in enumerate(thresholds)}
    bucket = np.searchsorted(thresholds, member_day, side="left")  # rows counted from this threshold on
    key = bucket * v.people + index.member_person  # rows after the last threshold land in a row never read
    size = v.people * (len(thresholds) + 1)

    def running(mask: np.ndarray) -> np.ndarray:
        """Per threshold and person, how many of the rows in ``mask`` fall on or before the threshold."""
        found = np.bincount(key[mask], minlength=size).reshape(len(thresholds) + 1, v.people)
        return np.cumsum(found, axis=0, out=found)

    paper_counts = running(v.known & (kinds == PAPER))
    talk_counts = running(v.known & (kinds == TALK))
    work_counts = running(v.known & (kinds != SERIES))
    first = np.zeros(v.people, dtype=np.int64)
    if len(member_day):  # the first known paper of each person (of any day the view knows)
        everything = v.known & (kinds == PAPER)
        first = np.minimum.reduceat(np.where(everything, member_day, np.iinfo(np.int32).max), heads)
    for day in wanted:
        at, before = column[day], column[day - 3 * 365 - 1]
        career = np.zeros(v.people)
        if len(member_day):
            found = (~empty) & (first <= day)
            career[found] = np.clip((day - first[found]) / 365.25, 0, 50)
        papers_now = paper_counts[at].astype(np.float64)
        v._counts[day] = Counts(papers_now, papers_now - paper_counts[before], career,
                                talk_counts[at].astype(np.float64), work_counts[at].astype(np.float64))


def linked(v: View, people: Sequence[int],
           pairs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """How many of ``people`` each person shares a known paper, talk or advising with.

    Series are not links here (having spoken in the same series is not working together).
    ``pairs`` (from ``linked_pairs`` of a set of people including ``people``) saves reading
    the links again.
    """
    found = np.zeros(v.people)
    person, other, _ = pairs if pairs is not None else linked_pairs(v, people)
    if pairs is not None:
        chosen = np.zeros(v.people, dtype=bool)
        chosen[np.asarray(people, dtype=np.int64)] = True
        person, other = person[chosen[other]], other[chosen[other]]
    if len(person):  # sorted by person, then other: count where either changes
        new = np.ones(len(person), dtype=bool)
        new[1:] = (person[1:] != person[:-1]) | (other[1:] != other[:-1])
        found += np.bincount(person[new], minlength=v.people)
    return found


def linked_pairs(v: View, people: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(person, one of ``people``, the work they share) for every known paper, talk or advising
    that links someone to one of ``people``, sorted by person."""
    chosen = np.asarray(sorted(set(people)), dtype=np.int64)
    key = chosen.tobytes()
    if key not in v._pairs:
        v._pairs[key] = _linked_pairs(v, chosen)
    return v._pairs[key]


def _linked_pairs(v: View, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    index = v.index
    rows, _ = expand(index.person_starts, chosen)
    rows = rows[v.linking[rows]]
    empty = np.zeros(0, dtype=np.int64)
    if not len(rows):
        return empty, empty, empty
    works = index.member_work[rows].astype(np.int64)
    seeds = index.member_person[rows].astype(np.int64)
    positions, which = expand(index.work_starts, works)
    members = index.by_work[positions]
    keep = v.linking[members]
    person = index.member_person[members[keep]].astype(np.int64)
    seed, work = seeds[which[keep]], works[which[keep]]
    different = person != seed
    person, seed, work = person[different], seed[different], work[different]
    order = np.lexsort((work, seed, person))
    return person[order], seed[order], work[order]


def venue_fit(v: View, people: Sequence[int], among: np.ndarray | None = None) -> np.ndarray:
    """Cosine of each person's venues (by their known papers) with the venues of ``people``
    (only for the people ``among``, in that order, when given)."""
    index = v.index
    size = v.people if among is None else len(among)
    if not index.venues or not len(people):
        return np.zeros(size)
    if v._venues is None:
        v._venues = _venue_profiles(v)
    unit = v._venues
    series = np.asarray(unit[np.asarray(people)].sum(axis=0)).ravel()
    if not series.any():
        return np.zeros(size)
    rows = unit if among is None else unit[among]
    return np.asarray(rows @ (series / np.linalg.norm(series))).ravel().astype(np.float64)


_PROFILES: dict[tuple[int, bytes], tuple[GraphIndex, sp.csr_matrix]] = {}
"""The last few views' venue profiles, by the rows they count (views of the same day share them
unless a hidden work has a venue)."""


def _venue_profiles(v: View) -> sp.csr_matrix:
    """People × venues: how many of their known papers appeared at each, rows of unit length."""
    index = v.index
    has = (index.member_venue >= 0) & v.known
    key = (id(index), hashlib.blake2b(np.packbits(has).tobytes(), digest_size=16).digest())
    found = _PROFILES.get(key)
    if found is not None and found[0] is index:
        return found[1]
    profile = sp.csr_matrix((np.ones(int(has.sum()), dtype=np.float32),
                             (index.member_person[has], index.member_venue[has])),
                            shape=(v.people, len(index.venues)))
    norms = np.sqrt(np.asarray(profile.multiply(profile).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    unit = sp.csr_matrix(sp.diags(scale) @ profile)
    while len(_PROFILES) >= 4:
        del _PROFILES[next(iter(_PROFILES))]
    _PROFILES[key] = (index, unit)
    return unit


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


_COLUMNS: dict[tuple[int, bytes], tuple[sp.csc_matrix, sp.csr_matrix]] = {}


def _query_columns(work_terms: sp.csc_matrix, terms: np.ndarray) -> sp.csr_matrix:
    """Works × the query's words, by row (kept for the last query, for explaining many people)."""
    key = (id(work_terms), terms.tobytes())
    found = _COLUMNS.get(key)
    if found is None or found[0] is not work_terms:
        _COLUMNS.clear()
        found = _COLUMNS[key] = (work_terms, sp.csr_matrix(work_terms[:, terms]))
    return found[1]
