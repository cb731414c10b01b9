"""Ranked, explained candidate speakers for an event, from the whole field.

``suggest`` works on the store's graph index (``kg.network.index``), as known on the day of
``as_of`` (nothing dated later is used: talks, papers, affiliations, and the words' IDF and
topic space, derived from the works known that day: ``kg.network.known_words``):

1. **Who the series is.** Its talks (the event's and, for a session, its series'), speakers,
   organizers and the leads of the groups it is for (the hosts).
2. **Signals for everyone in the field** (``kg.network.signals``): random walks with restart from
   the speakers (weighted by how recently they spoke) and organizers over papers, talks,
   advising and series; TF-IDF fit of their papers and talks to the series' talk titles and
   abstracts, and the same fit in the topic space learned from the field's own titles and
   abstracts (``kg.network.semantic``: "regret" meets "bandit"); career (years since the first
   paper, papers, recent papers); venues like the speakers'; talks given elsewhere; local (an
   organization in common with the hosts, the organizers or several speakers) or visiting;
   links to speakers and to organizers; the organizers' circle (links at distance two from
   them). The walk, both topic fits and the circle enter as the log of the rank they give, so
   the model multiplies ranks (a rank fusion).
3. **The series' taste** (``kg.network.taste``): a logistic regression fitted on its own past,
   which weighs those signals; the score is its probability. Below its first ten, people with no
   work in common with the series' people are moved by their topic fit and their fit to the
   series' recent talks (up) and papers (down): without a tie the walk says little and the
   subject more, what the series talks about now most (``unlinked_adjusted``, ``recent_fit``).

Hosts (organizers and group leads) are never candidates; past speakers neither, unless their
talks all came before ``since``. Every candidate carries the chain to the nearest speaker or
organizer, the contributions of the signals in words, and its relations to the organizers:
advisor/student or a joint paper in the last three years are conflicts
(``exclude_conflicts`` drops them); older joint papers and a common institution are shown as
information. Ties are broken by name, then IRI, so the same store gives the same ranking.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

import numpy as np

from kg.errors import KGError
from kg.network import signals, taste
from kg.network.analysis import Step
from kg.network.index import (
    ADVISOR,
    ALWAYS,
    NEVER,
    PAPER,
    PHD,
    SERIES,
    SPEAKER,
    TALK,
    GraphIndex,
    day_number,
    day_of,
    index_for,
)
from kg.store import GraphStore

RECENT_COAUTHOR_YEARS = 3
"""A joint paper with an organizer in the three years before the day is a conflict of interest."""
SPEAKER_HALF_LIFE_YEARS = 2.0
"""A speaker who spoke this long ago starts half as many walks as one who just spoke."""
RECENCY_HALF_LIFE = 3.0
EARLY_CAREER_YEARS = 6
SENIOR_YEARS = 15
UNLINKED_TOPIC = 0.25
"""For people with no work in common with a past speaker or host, the score is moved by this many
standard deviations of the pool's scores per standard deviation of their topic fit above the
pool's mean: without a direct tie the walk says little, and the subject says more (BENCHMARKS,
"Suggestions", round seventeen)."""
UNLINKED_RECENT = 0.25
"""The same for their fit, in the topic space learned from the field, to the series' recent talks
(``RECENT_SHARE``): among the untied, what the series talks about now sets its later speakers apart
better than all its talks (round eighteen). Without that fit, its weight goes to the topic fit."""
RECENT_SHARE = 3
"""The recent talks are the last third of the series' talks (at least one)."""
UNLINKED_PAPERS = -0.25
"""The same for their papers (fewer is better): the later speakers without a tie to the series are
less prolific than the people without a tie who outrank them."""
UNLINKED_BELOW = 10
"""The taste's own first ten stay first: the moved fill the list below them (moving them past the
first ten lost a later speaker at 10 and lowered MRR on the development series)."""


@dataclass(frozen=True)
class Candidate:
    """A suggested speaker with the score, the signals behind it and the reasons in words."""

    person: str
    name: str
    score: float
    closeness: float
    """The best candidate's rank by the walk divided by this one's (1 for the best)."""
    topic: float
    """The best candidate's rank by topic fit divided by this one's (0 when no words are shared)."""
    recency: float
    """``0.5 ** (years since their latest known paper or talk / 3)``."""
    last_year: int | None
    path: tuple[Step, ...]
    shared_coauthors: tuple[str, ...]
    """Past speakers and organizers they wrote a paper or gave a talk with."""
    topic_words: tuple[str, ...]
    conflicts: tuple[str, ...]
    reasons: tuple[str, ...] = ()
    """The signals that raised the score most, in the series' own terms."""
    relations: tuple[str, ...] = ()
    """Relations to the organizers that are not conflicts (older joint papers, same institution)."""
    features: dict[str, float] = field(default_factory=dict, compare=False)


@dataclass
class Suggestions:
    """The answer of ``suggest``: the event, who it starts from, and the ranked candidates."""

    event: str
    event_name: str
    as_of: date | None
    speaker_names: dict[str, str]
    """Past speakers of the event and its series: IRI → name."""
    organizer_names: dict[str, str]
    """Organizers and group leads (the hosts): IRI → name."""
    considered: int
    candidates: list[Candidate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    taste: dict[str, float] = field(default_factory=dict)
    """The series' model: feature → coefficient (standardized), largest first."""
    fitted: bool = False
    """Whether ``taste`` was fitted on the series' past (else the prior was used)."""

    @property
    def speakers(self) -> list[str]:
        """The past speakers' names, sorted."""
        return sorted(self.speaker_names.values())

    @property
    def organizers(self) -> list[str]:
        """The organizers' names, sorted."""
        return sorted(self.organizer_names.values())


def suggest(
    store: GraphStore,
    event: str,
    *,
    top: int = 10,
    since: date | None = None,
    as_of: date | None = None,
    exclude: Sequence[str] = (),
    exclude_conflicts: bool = False,
    index: GraphIndex | None = None,
) -> Suggestions:
    """Rank everyone in the field who may speak at ``event`` (an IRI) next, each with reasons.

    Parameters
    ----------
    top : how many candidates to return.
    since : only talks from this day on count as "already spoke"; default: every talk.
    as_of : use only talks, papers and affiliations known on this day.
    exclude : IRIs of people never to suggest.
    exclude_conflicts : leave out advisors, students and recent coauthors of the organizers.
    index : the store's graph index, when the caller has it already.
    """
    return rank(index or index_for(store), event, top=top, since=since, as_of=as_of, exclude=exclude,
                exclude_conflicts=exclude_conflicts)


@dataclass
class Series:
    """An event seen from the index on a day: its talks, speakers and hosts."""

    event: int
    hidden: np.ndarray
    """Work ids of its talks and series (left out of every signal)."""
    talks: list[tuple[int, int, int]]
    """(day, person, talk work id) of each speaker of a known talk, in time order."""
    hosts: list[int]
    host_organizations: list[int]


def rank(
    index: GraphIndex,
    event: str,
    *,
    top: int = 10,
    since: date | None = None,
    as_of: date | None = None,
    exclude: Sequence[str] = (),
    exclude_conflicts: bool = False,
) -> Suggestions:
    """``suggest`` on a graph index already loaded."""
    found = index.event_index.get(event)
    if found is None:
        raise KGError(f"{event}: no such event in the store")
    day = day_number(as_of) if as_of else _latest_day(index)
    series = series_of(index, found, day, undated=as_of is None)
    speakers = sorted({p for _, p, _ in series.talks})
    name = index.event_names[found]
    if not speakers and not series.hosts:
        raise KGError(f"{name}: no speakers or organizers known{_as_of_text(as_of)}; nothing to start from")
    result = Suggestions(event, name, as_of, {index.people[p]: index.names[p] for p in speakers},
                         dict(sorted((index.people[p], index.names[p]) for p in series.hosts)), 0)
    v = signals.view(index, day, series.hidden, undated=as_of is None)
    model, x, query = _fit_taste(index, series, event, v, speakers)
    result.taste, result.fitted = model.described(), model.fitted
    since_day = day_number(since) if since else None
    spoke = {p for d, p, _ in series.talks if since_day is None or d >= since_day}
    excluded = spoke | set(series.hosts) | {index.person_index[p] for p in exclude if p in index.person_index}
    active = _reachable(v, x)
    active[list(excluded)] = False
    pool = np.flatnonzero(active)
    result.considered = len(pool)
    if not len(pool):
        result.notes.append("nobody who may be suggested is known" + _as_of_text(as_of))
        return result
    recent, recent_query = recent_fit(index, v, series, pool)
    scores = unlinked_adjusted(x, pool, model.score(x)[pool], recent)  # row by row: every row, then the pool
    chosen: list[Candidate] = []
    explainer = _Explainer(index, v, series, speakers, x, model, query, pool, scores, recent_query)
    for position in _ranking(index, pool, scores, top + 50):
        person = int(pool[position])
        candidate = explainer.candidate(person, float(scores[position]))
        if exclude_conflicts and candidate.conflicts:
            continue
        chosen.append(candidate)
        if len(chosen) >= top:
            break
    result.candidates = chosen
    return result


def ranked_people(index: GraphIndex, event: str, as_of: date | None, limit: int) -> list[str]:
    """The IRIs of the first ``limit`` people ``suggest`` ranks for ``event``, without explanations."""
    found = index.event_index[event]
    day = day_number(as_of) if as_of else _latest_day(index)
    series = series_of(index, found, day, undated=as_of is None)
    speakers = sorted({p for _, p, _ in series.talks})
    v = signals.view(index, day, series.hidden, undated=as_of is None)
    model, x, _ = _fit_taste(index, series, event, v, speakers)
    active = _reachable(v, x)
    active[speakers + series.hosts] = False
    pool = np.flatnonzero(active)
    recent, _ = recent_fit(index, v, series, pool)
    scores = unlinked_adjusted(x, pool, model.score(x)[pool], recent)  # row by row: every row, then the pool
    return [index.people[int(pool[i])] for i in islice(_ranking(index, pool, scores, limit), limit)]


def recent_talks(talks: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The last ``RECENT_SHARE``-th of the series' talks (``Series.talks``, in time order), at least one."""
    return list(talks[len(talks) - max(1, len(talks) // RECENT_SHARE):]) if talks else []


def recent_fit(index: GraphIndex, v: signals.View, series: Series, pool: np.ndarray,
               ) -> tuple[np.ndarray | None, tuple[np.ndarray, np.ndarray]]:
    """The pool's fit, in the topic space learned from the field, to the series' recent talks (the
    log of its rank among everyone, as the other topic fits), and that query; ``None`` without talks."""
    query = signals.query_vector(v, talk_texts(index, recent_talks(series.talks)))
    if not len(query[0]):
        return None, query
    return _log_rank(signals.semantic_scores(v, [query])[:, 0], pool), query


def unlinked_adjusted(x: np.ndarray, pool: np.ndarray, scores: np.ndarray,
                      recent: np.ndarray | None = None) -> np.ndarray:
    """``scores`` of the people ``pool`` (rows of the features ``x``), those with no work in common
    with a past speaker or host moved by their topic fit, their fit to the series' recent talks
    (``recent``, per pool member, from ``recent_fit``; without it, the topic fit counts for both)
    and their papers (``UNLINKED_TOPIC``, ``UNLINKED_RECENT``, ``UNLINKED_PAPERS``), each
    standardized over the pool and scaled by the spread of the pool's scores; the taste's first
    ``UNLINKED_BELOW`` stay first."""
    if len(scores) < 2:
        return scores  # nobody to move, or one alone: no spread to move by (and none of an empty pool)
    unlinked = ~_tied(x, pool)
    spread = float(scores.std())
    if not unlinked.any() or spread == 0.0:
        return scores
    topic = x[pool, taste.FEATURES.index("topic")]
    if recent is None:
        moves = [(topic, UNLINKED_TOPIC + UNLINKED_RECENT)]
    else:
        moves = [(topic, UNLINKED_TOPIC), (recent, UNLINKED_RECENT)]
    moves.append((x[pool, taste.FEATURES.index("papers")], UNLINKED_PAPERS))
    moved = np.zeros(len(scores))
    for column, weight in moves:
        scale = float(column.std())
        if scale > 0:
            moved += weight * (column - column.mean()) / scale
    found = np.where(unlinked, scores + spread * moved, scores)
    if len(scores) <= UNLINKED_BELOW:
        return found
    tenth = float(np.partition(scores, len(scores) - UNLINKED_BELOW)[len(scores) - UNLINKED_BELOW])
    kept = scores >= tenth
    if kept.all():
        return scores
    # everyone else lowered alike, in their order, under the tenth by a margin ``_ranking``'s rounding keeps
    lowered = max(0.0, float(found[~kept].max()) - tenth + 1e-6)
    return np.where(kept, scores, found - lowered)


def _tied(x: np.ndarray, rows: np.ndarray | slice = slice(None)) -> np.ndarray:
    """Per row of features (``rows`` of ``x``): a work in common with a past speaker or a host."""
    speakers, hosts = (taste.FEATURES.index(name) for name in ("coauthored_speakers", "organizer_links"))
    return np.asarray((x[rows, speakers] > 0) | (x[rows, hosts] > 0))


def _ranking(index: GraphIndex, pool: np.ndarray, scores: np.ndarray, first: int) -> Iterator[int]:
    """Positions in ``pool``, best first: by score (to 9 decimals), then name, then IRI. Only the
    people who may be among the ``first`` are sorted before the first are given; the rest after."""
    key = -np.round(scores, 9)
    ahead = np.ones(len(pool), dtype=bool)
    if first < len(pool):
        ahead = key <= np.partition(key, first - 1)[first - 1]
    yield from _sorted_part(index, pool, key, np.flatnonzero(ahead))
    yield from _sorted_part(index, pool, key, np.flatnonzero(~ahead))


def _sorted_part(index: GraphIndex, pool: np.ndarray, key: np.ndarray, part: np.ndarray) -> Iterator[int]:
    people = pool[part]
    for position in part[np.lexsort((people, name_keys(index, people), key[part]))]:
        yield int(position)


def _reachable(v: signals.View, x: np.ndarray) -> np.ndarray:
    """People the field knows who are linked to the series (the walk reaches them) or share its
    topics: anyone else would be a guess, not a suggestion."""
    known = v.works_known > 0
    unreached = unranked(v.people)
    return known & ((x[:, 0] > unreached) | (x[:, 1] > unreached))


def series_of(index: GraphIndex, event: int, day: int, undated: bool = False) -> Series:
    """The event's scope (itself and, when part of a series, the whole series) as known on ``day``;
    with ``undated``, talks without a date count as given on the day."""
    top = event
    seen = {event}
    while index.event_parent[top] >= 0 and int(index.event_parent[top]) not in seen:
        top = int(index.event_parent[top])
        seen.add(top)
    root = top if index.event_series[top] or top == event else event
    scope = _descendants(index, root)
    in_scope = np.zeros(len(index.events), dtype=bool)
    in_scope[scope] = True
    talk_works = np.flatnonzero((index.talk_event >= 0) & in_scope[index.talk_event]
                                & (index.work_kind == TALK))
    series_works = [w for w in (_work_id(index, index.events[e]) for e in scope) if w is not None
                    and index.work_kind[w] == SERIES]
    hidden = np.unique(np.concatenate([talk_works, np.array(series_works, dtype=np.int64)]))
    is_talk = np.zeros(len(index.works), dtype=bool)
    is_talk[talk_works] = True
    dated = index.member_day <= day
    if undated:
        dated |= index.member_day == NEVER
    rows = np.flatnonzero(is_talk[index.member_work] & (index.member_role == SPEAKER) & dated)
    talks = sorted((min(int(index.member_day[r]), day), int(index.member_person[r]),
                    int(index.member_work[r])) for r in rows)
    hosts = sorted({int(p) for p in index.role_person[in_scope[index.role_event]]})
    host_orgs = sorted({int(index.organization_top[o])
                        for o in index.host_organization[np.isin(index.host_event, scope)]})
    return Series(event, hidden, talks, hosts, host_orgs)


def _descendants(index: GraphIndex, root: int) -> np.ndarray:
    parents = index.event_parent
    found = np.zeros(len(parents), dtype=bool)
    found[root] = True
    frontier = np.array([root], dtype=np.int64)
    while len(frontier):
        children = np.flatnonzero(np.isin(parents, frontier) & ~found)
        found[children] = True
        frontier = children
    return np.flatnonzero(found).astype(np.int64)


def _work_id(index: GraphIndex, iri: str) -> int | None:
    position = bisect_left(index.works, iri)
    return position if position < len(index.works) and index.works[position] == iri else None


def _latest_day(index: GraphIndex) -> int:
    return index.last_day if index.last_day is not None else day_number(date(2000, 1, 1))


def _as_of_text(as_of: date | None) -> str:
    return f" as of {as_of.isoformat()}" if as_of else ""


def talk_texts(index: GraphIndex, talks: Sequence[tuple[int, int, int]]) -> list[str]:
    seen: dict[int, str] = {}
    for _, _, work in talks:
        seen.setdefault(work, index.work_title[work])
    return [seen[w] for w in sorted(seen)]


@dataclass(frozen=True)
class Stage:
    """A moment of the series: its day, the speakers so far and the talks so far."""

    day: int
    speakers: list[int]
    talks: list[tuple[int, int, int]]


def features(v: signals.View, series: Series, stages: Sequence[Stage], index: GraphIndex,
             rows: Sequence[np.ndarray | None] | None = None,
             ) -> list[tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]]:
    """Every person's features (people × ``taste.FEATURES``) at each stage, and its topic query.

    All stages share the view ``v`` (one sparse matrix, one walk with a column per stage): the
    walk, topic, links and venues use what ``v`` knows; papers, recent papers, career and talks
    elsewhere are counted up to each stage's day. ``rows`` may name, per stage, the only people
    whose features are wanted (``None``: everyone); that stage's matrix then has their rows, in
    that order, with the same values (ranks and scales are still taken over the whole field).
    """
    restart = np.zeros((v.people, len(stages)))
    for column, stage in enumerate(stages):
        last_talk: dict[int, int] = {}
        for talk_day, person, _ in stage.talks:
            last_talk[person] = max(talk_day, last_talk.get(person, talk_day))
        for person in stage.speakers:
            age = max(0, stage.day - last_talk.get(person, stage.day)) / 365.25
            restart[person, column] += 0.5 ** (age / SPEAKER_HALF_LIFE_YEARS)
        for person in series.hosts:
            restart[person, column] += 1.0
    reached = signals.walk(v, restart) if restart.any() else np.zeros((v.people, len(stages)))
    signals.count_days(v, [stage.day for stage in stages])
    seen: dict[str, list[int]] = {}  # each talk's words, read once for all stages
    queries = [signals.query_vector(v, talk_texts(index, stage.talks), seen) for stage in stages]
    topic = signals.topic_scores(v, queries)
    near = signals.semantic_scores(v, queries)
    everyone = sorted({p for stage in stages for p in stage.speakers} | set(series.hosts))
    pairs = signals.linked_pairs(v, everyone)
    hosts = np.log1p(signals.linked(v, list(series.hosts), pairs))
    circle = _log_rank(signals.circle(v, series.hosts))
    found = []
    for column, stage in enumerate(stages):
        counts = signals.counts_until(v, stage.day)
        wanted = rows[column] if rows is not None else None
        chosen: slice | np.ndarray = slice(None) if wanted is None else wanted
        x = np.empty((v.people if wanted is None else len(wanted), len(taste.FEATURES)))
        for number, feature in enumerate((
            _log_rank(reached[:, column].astype(np.float32), wanted),  # float32 values: sorted faster
            _log_rank(topic[:, column], wanted),  # as the walk: the model then multiplies the two ranks
            np.log1p(signals.linked(v, stage.speakers, pairs)[chosen]),
            hosts[chosen],
            np.log1p(counts.papers[chosen]),
            np.log1p(counts.recent_papers[chosen]),
            counts.career_years[chosen],
            signals.venue_fit(v, stage.speakers, wanted),
            np.log1p(counts.talks[chosen]),
            _local(v, series, stage.speakers)[chosen],
            circle[chosen],
            _log_rank(near[:, column], wanted),  # the topic fit in the space learned from the field
            career_fit(counts, stage.speakers, wanted),
        )):
            x[:, number] = feature
        found.append((x, queries[column]))
    return found


def career_fit(counts: signals.Counts, speakers: Sequence[int],
               among: np.ndarray | None = None) -> np.ndarray:
    """How like the past speakers' each person's career is, as counted on the day: minus the mean,
    over years since the first paper, papers per year and papers of the last three years, of the
    distance between the person's percentile among the people with a paper and the past speakers'
    median percentile (0: the speakers' typical profile; -1: the farthest; people without a paper
    count at the bottom). 0 for everyone when no past speaker has a paper. With ``among``, only
    those people's values are given, in that order (the percentiles are still among everyone)."""
    known = counts.papers > 0
    size = len(known) if among is None else len(among)
    mine = np.array([s for s in speakers if known[s]], dtype=np.int64)
    if not len(mine):
        return np.zeros(size)
    years = counts.career_years
    distance = np.zeros(size)
    for values in (years, counts.papers / np.maximum(years, 1.0), counts.recent_papers):
        if among is None:
            percentile = _field_percentiles(values, known)
            typical, wanted = np.median(percentile[mine]), percentile
        else:  # the speakers' and the wanted people's percentiles only
            found = percentiles(values, known, np.concatenate([mine, among]))
            found[len(mine):][~known[among]] = 0.0
            typical, wanted = np.median(found[:len(mine)]), found[len(mine):]
        distance += np.abs(wanted - typical)
    return -distance / 3


def percentiles(values: np.ndarray, among: np.ndarray, at: np.ndarray | None = None) -> np.ndarray:
    """Each value's percentile (0 to 1) among ``values[among]`` (a mask or indices); ties share the
    middle of their span. With ``at`` (indices), only those values' percentiles, in that order."""
    field = np.sort(values[among])
    wanted = values if at is None else values[at]
    below = np.searchsorted(field, wanted, side="left")
    return (below + np.searchsorted(field, wanted, side="right")) / (2.0 * len(field))


_PERCENTILES: dict[bytes, np.ndarray] = {}
"""The last few ``_field_percentiles``, by a digest of what they were computed from."""


def _field_percentiles(values: np.ndarray, among: np.ndarray) -> np.ndarray:
    """``_percentiles_of(values, among)``, kept for the next answer: the careers of the present
    stage are counted from papers alone, which no event hides, so every event asked about on the
    same day has the same values, and its percentiles need no new sort. Kept by a digest of the
    values and the mask themselves, so a different field or day is never given the wrong ones."""
    key = hashlib.blake2b(str(values.dtype).encode(), digest_size=16)
    key.update(values.tobytes())
    key.update(np.packbits(among).tobytes())
    digest = key.digest()
    found = _PERCENTILES.get(digest)
    if found is None:
        found = _percentiles_of(values, among)
        found.setflags(write=False)
        while len(_PERCENTILES) >= 6:  # three values a day, two days
            del _PERCENTILES[next(iter(_PERCENTILES))]
        _PERCENTILES[digest] = found
    return found


def _percentiles_of(values: np.ndarray, among: np.ndarray) -> np.ndarray:
    """``percentiles(values, among)`` for the values ``among`` (a mask), 0 for the others: the same
    figures from one sort, each tie's span read off the sorted values (no search per value)."""
    rows = np.flatnonzero(among)
    mine = values[rows]
    order = np.argsort(mine, kind="stable")
    ordered = mine[order]
    size = len(ordered)
    found = np.zeros(len(values))
    if not size:
        return found
    starts = np.ones(size, dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    ends = np.append(starts[1:], True)
    first = np.maximum.accumulate(np.where(starts, np.arange(size), 0))  # where a tie's span starts
    after = np.minimum.accumulate(np.where(ends, np.arange(1, size + 1), size)[::-1])[::-1]  # and ends
    found[rows[order]] = (first + after) / (2.0 * size)
    return found


def unranked(people: int) -> float:
    """Just above what ``_log_rank`` gives a zero among ``people``: a log rank above it is a rank."""
    return -np.log10(people + 1.0) + 1e-12


def _log_rank(values: np.ndarray, among: np.ndarray | None = None) -> np.ndarray:
    """``-log10`` of each value's rank among everyone's (0 for the first; ties share the best
    rank; a zero value ranks after everyone). The walk's raw probabilities span orders of
    magnitude and only the first few thousand matter: the log of the rank weighs the top of
    the ranking as a person reading it would. Only the values above zero are sorted, and not
    stably: ties share a rank, so their order among themselves does not matter. With ``among``,
    only those people's ranks are given, in that order (each is 1 + how many values are higher)."""
    if among is not None:
        ordered = np.sort(values[values > 0])
        mine = values[among]
        ranks = np.full(len(among), -np.log10(len(values) + 1.0))
        above = mine > 0
        ranks[above] = -np.log10(len(ordered) - np.searchsorted(ordered, mine[above], side="right") + 1)
        return ranks
    ranks = np.full(len(values), -np.log10(len(values) + 1.0))
    positive = np.flatnonzero(values > 0)
    if not len(positive):
        return ranks
    order = positive[np.argsort(-values[positive])]
    ordered = values[order]
    starts = np.ones(len(order), dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    first = np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0)) + 1
    ranks[order] = -np.log10(first)
    return ranks


def _local(v: signals.View, series: Series, speakers: Sequence[int]) -> np.ndarray:
    """1 for people with a top organization of the hosts, the organizers or a fifth of the speakers."""
    index = v.index
    person, org = _known_places(v)
    organizations = len(index.organizations)
    home = set(series.host_organizations)
    is_host = np.zeros(v.people, dtype=bool)
    is_host[series.hosts] = True
    home.update(int(o) for o in org[is_host[person]])
    if len(speakers):
        is_speaker = np.zeros(v.people, dtype=bool)
        is_speaker[list(speakers)] = True
        mine = is_speaker[person]  # each speaker counts once per organization
        pairs = np.unique(person[mine].astype(np.int64) * organizations + org[mine])
        counts = np.bincount(pairs % organizations, minlength=organizations)
        home.update(int(o) for o in np.flatnonzero(counts >= max(2, 0.2 * len(speakers))))
    is_home = np.zeros(organizations + 1, dtype=bool)
    is_home[sorted(home)] = True
    return (np.bincount(person[is_home[org]], minlength=v.people) > 0).astype(np.float64)


def _known_places(v: signals.View) -> tuple[np.ndarray, np.ndarray]:
    """(person, top organization) of every affiliation known on the view's day (kept on the view)."""
    if v._places is None:
        index = v.index
        known = index.affiliation_day <= v.day
        v._places = (index.affiliation_person[known],
                     index.organization_top[index.affiliation_organization[known]])
    return v._places


def _fit_taste(index: GraphIndex, series: Series, seed: str, v: signals.View,
               speakers: list[int]) -> tuple[taste.Taste, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """The series' model fitted on its replayed past (see ``kg.network.taste``), with the features
    of everyone now and the topic query now."""
    x, y, x_now, query = replayed(index, series, seed, v, speakers)
    return taste.fit(x, y), x_now, query


def replayed(index: GraphIndex, series: Series, seed: str, v: signals.View, speakers: list[int],
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """The series' replayed past as training rows (features, 1 for a speaker who first spoke in a
    block and 0 for a sampled non-speaker), with the features of everyone now and the query now."""
    firsts: dict[int, int] = {}
    for talk_day, person, _ in series.talks:
        firsts.setdefault(person, talk_day)
    parts = taste.blocks([(d, p) for p, d in firsts.items()])
    stages = [Stage(parts[n][0][0] - 1, sorted({p for block in parts[:n] for _, p in block}),
                    [t for t in series.talks if t[0] < parts[n][0][0]]) for n in range(1, len(parts))]
    stages.append(Stage(v.day, speakers, list(series.talks)))
    signals.count_days(v, [stage.day for stage in stages])
    active = v.works_known > 0
    training = []
    for number, stage in enumerate(stages[:-1], start=1):
        # Only speakers the field knew by then can teach anything: one with no paper or talk
        # known looks like nobody, and would teach the model to prefer nobodies.
        known = signals.counts_until(v, stage.day).works > 0
        positives = sorted({p for _, p in parts[number] if known[p]})
        pool = active & known
        pool[stage.speakers + positives + series.hosts] = False
        negatives = taste.sample_negatives(np.flatnonzero(pool),
                                           taste.NEGATIVES_PER_POSITIVE * len(positives), f"{seed}#{number}")
        training.append((len(positives), np.concatenate([np.array(positives, dtype=np.int64),
                                                         np.asarray(negatives, dtype=np.int64)])))
    # The past stages' features are wanted only for their positives and negatives.
    computed = features(v, series, stages, index, [people for _, people in training] + [None])
    rows, labels = [], []
    for (count, _), (x, _) in zip(training, computed[:-1], strict=True):
        rows += [x[:count], x[count:]]
        labels += [np.ones(count), np.zeros(len(x) - count)]
    x_now, query = computed[-1]
    if not rows:
        return np.zeros((0, len(taste.FEATURES))), np.zeros(0), x_now, query
    return np.vstack(rows), np.concatenate(labels), x_now, query


def name_keys(index: GraphIndex, people: np.ndarray) -> np.ndarray:
    """Ranks of the people's names, for breaking ties by name."""
    return signals.name_ranks(index)[people]


class _Explainer:
    """Turns a ranked person into a ``Candidate``: chain, reasons and relations to the organizers."""

    def __init__(self, index: GraphIndex, v: signals.View, series: Series, speakers: Sequence[int],
                 x: np.ndarray, model: taste.Taste, query: tuple[np.ndarray, np.ndarray],
                 pool: np.ndarray, scores: np.ndarray, recent_query: tuple[np.ndarray, np.ndarray]) -> None:
        self.index, self.v, self.series, self.model, self.query = index, v, series, model, query
        self.recent_query = recent_query
        self.x = x
        self.seeds = set(speakers) | set(series.hosts)
        self.speakers = set(speakers)
        self.hosts = set(series.hosts)
        self.pairs = signals.linked_pairs(v, sorted(self.seeds))
        """(person, speaker or organizer, shared work), sorted by person."""
        self.best_closeness = float(np.max(x[pool, 0])) if len(pool) else 0.0
        self.best_topic = float(np.max(x[pool, 1])) if len(pool) else 0.0
        self.unranked = unranked(v.people)
        self.past_stages = [_stage(x[p, 6], x[p, 4]) for p in speakers]
        self.day = v.day

    def _recent_first(self, works: Sequence[int] | np.ndarray) -> list[int]:
        if len(works) < 64:  # a few works: sorted in Python (numpy's overhead is larger than the work)
            days = self.index.work_day
            return sorted({int(w) for w in works}, key=lambda w: (-int(days[w]), w))
        unique = np.unique(np.asarray(works, dtype=np.int64))
        return [int(w) for w in unique[np.lexsort((unique, -self.index.work_day[unique].astype(np.int64)))]]

    def near(self, person: int) -> dict[int, list[int]]:
        """The speakers and organizers the person shares works with → those works, most recent first."""
        people, seeds, works = self.pairs
        start, end = np.searchsorted(people, [person, person + 1])
        found: dict[int, list[int]] = {}
        for seed, work in zip(seeds[start:end], works[start:end], strict=True):
            found.setdefault(int(seed), []).append(int(work))
        return {seed: self._recent_first(shared) for seed, shared in found.items()}

    def works_of(self, person: int) -> list[int]:
        """The person's known papers, talks and advising, most recent first."""
        index = self.index
        rows = np.arange(index.person_starts[person], index.person_starts[person + 1])
        return self._recent_first(index.member_work[rows[self.v.linking[rows]]])

    def members_of(self, work: int) -> list[int]:
        """The people of a work, as known."""
        index = self.index
        rows = index.by_work[index.work_starts[work]:index.work_starts[work + 1]]
        return [int(p) for p in index.member_person[rows[self.v.linking[rows]]]]

    def candidate(self, person: int, score: float) -> Candidate:
        """The explained candidate."""
        index, x = self.index, self.x[person]
        works = self.works_of(person)
        linked = self.near(person)
        path = self._path(person, works, linked)
        conflicts, relations = self._organizer_relations(person, linked)
        words = signals.topic_words(self.v, person, self.query)
        days = index.work_day[np.asarray(works, dtype=np.int64)]
        days = days[(days != ALWAYS) & (days != NEVER)]
        last = day_of(int(days.max())).year if len(days) else None  # type: ignore[union-attr]
        recency = 0.0 if last is None else 0.5 ** (max(0, (day_of(self.day) or date.min).year - last)
                                                    / RECENCY_HALF_LIFE)
        shared = sorted({index.names[p] for p in linked if p in self.speakers})
        return Candidate(
            person=index.people[person],
            name=index.names[person],
            score=round(1 / (1 + float(np.exp(-score))), 4),
            closeness=round(10 ** (x[0] - self.best_closeness), 4),
            topic=round(10 ** (x[1] - self.best_topic), 4) if x[1] > self.unranked else 0.0,
            recency=round(recency, 4),
            last_year=last,
            path=tuple(path),
            shared_coauthors=tuple(shared[:5]),
            topic_words=tuple(words),
            conflicts=tuple(conflicts),
            reasons=tuple(self._reasons(person, x, shared, words)),
            relations=tuple(relations),
            features={name: round(float(value), 4) for name, value in zip(taste.FEATURES, x, strict=True)},
        )

    def _path(self, person: int, works: list[int], linked: dict[int, list[int]]) -> list[Step]:
        index = self.index
        if linked:
            other = min(linked, key=lambda p: (index.names[p], p))
            return [self._step(person, other, linked[other][0])]
        for work in works[:200]:
            for middle in sorted(self.members_of(work), key=lambda p: (index.names[p], p)):
                reached = self.near(middle) if middle != person else {}
                if not reached:
                    continue
                end = min(reached, key=lambda p: (index.names[p], p))
                second = reached[end][0]
                return [self._step(person, middle, work), self._step(middle, end, second)]
        return []

    def _step(self, a: int, b: int, work: int) -> Step:
        index = self.index
        kind = int(index.work_kind[work])
        year_day = int(index.work_day[work])
        year = day_of(year_day).year if year_day not in (ALWAYS, NEVER) else None  # type: ignore[union-attr]
        title = index.work_title[work] or None
        if kind in (PAPER, TALK):
            word = "paper" if kind == PAPER else "talk"
            return Step(index.people[a], index.names[a], index.people[b], index.names[b], word,
                        index.works[work], title, year, word)
        advisor = self._advisor(work)
        words = "PhD" if kind == PHD else "postdoc"
        relation = f"{words} advisor of" if advisor == a else f"{words} student of"
        return Step(index.people[a], index.names[a], index.people[b], index.names[b], relation,
                    index.works[work], None, None, "phd" if kind == PHD else "postdoc",
                    index.people[advisor] if advisor is not None else None)

    def _advisor(self, work: int) -> int | None:
        index = self.index
        rows = index.by_work[index.work_starts[work]:index.work_starts[work + 1]]  # in row order
        rows = rows[index.member_role[rows] == ADVISOR]
        return int(index.member_person[rows[0]]) if len(rows) else None

    def _organizer_relations(self, person: int, linked: dict[int, list[int]]) -> tuple[list[str], list[str]]:
        index = self.index
        conflicts: list[str] = []
        relations: list[str] = []
        reference = (day_of(self.day) or date.min).year
        for host in sorted(self.hosts, key=lambda p: (index.names[p], p)):
            who = index.names[host]
            seen: set[int] = set()
            for work in linked.get(host, []):  # most recent first: one line per kind of link
                kind = int(index.work_kind[work])
                if kind in seen:
                    continue
                seen.add(kind)
                step = self._step(person, host, work)
                if kind == PAPER:
                    recent = step.year is not None and step.year >= reference - RECENT_COAUTHOR_YEARS
                    text = f"coauthor of organizer {who} ({step.year})"
                    (conflicts if recent else relations).append(text)
                elif kind == TALK:
                    relations.append(f"shared a talk with organizer {who} ({step.year})")
                else:
                    conflicts.append(f"{step.relation} organizer {who}")
        mine = self._organizations(person)
        for host in sorted(self.hosts, key=lambda p: (index.names[p], p)):
            for org in sorted(mine & self._organizations(host)):
                relations.append(f"same institution as organizer {index.names[host]} "
                                 f"({index.organization_names[org]})")
        return sorted(set(conflicts)), sorted(set(relations))

    def _organizations(self, person: int) -> set[int]:
        index = self.index
        people = index.affiliation_person  # sorted by person; searched with its own type, not copied
        start, end = np.searchsorted(people, np.array([person, person + 1], dtype=people.dtype))
        rows = start + np.flatnonzero(index.affiliation_day[start:end] <= self.day)
        return {int(index.organization_top[index.affiliation_organization[r]]) for r in rows}

    def _reasons(self, person: int, x: np.ndarray, shared: list[str], words: list[str]) -> list[str]:
        parts = self.model.contributions(x[None, :])[0]
        order = sorted(range(len(parts)), key=lambda i: (-parts[i], i))
        reasons: list[str] = []
        for i in order:
            if parts[i] <= 0.1 or len(reasons) >= 4:
                break
            if self.model.coefficients[i] <= 0:  # a low value of a feature the series dislikes
                continue
            text = self._reason(taste.FEATURES[i], x, shared, words, person)
            if text and text not in reasons:
                reasons.append(text)
        if not _tied(x[None, :])[0]:  # ranked on the subject too (``unlinked_adjusted``): say so
            text = (self._reason("topic", x, shared, words, person)
                    or self._reason("semantic", x, shared, words, person))
            if text and text not in reasons:
                reasons.append(text)
            now = signals.related_words(self.v, person, self.recent_query)
            if now:
                reasons.append(f"on the subject of the series' recent talks: {', '.join(now)}")
        return reasons

    def _reason(self, feature: str, x: np.ndarray, shared: list[str], words: list[str],
                person: int) -> str | None:
        if feature == "closeness":
            return "close to the series' speakers and organizers in the collaboration graph"
        if feature == "topic":
            return f"topic: {', '.join(words)}" if words else None
        if feature == "coauthored_speakers" and shared:
            names = ", ".join(shared[:3]) + (" ..." if len(shared) > 3 else "")
            return f"worked with {len(shared)} past speaker{'s' if len(shared) > 1 else ''} ({names})"
        if feature == "organizer_links":
            return "has worked with the organizers"
        if feature in ("papers", "recent_papers", "career_years", "career_fit"):
            stage = _stage(x[6], x[4])
            alike = sum(1 for s in self.past_stages if s == stage)
            return (f"{stage} ({int(np.expm1(x[4]))} papers, {int(np.expm1(x[5]))} in the last three "
                    f"years), like {alike} of the {len(self.past_stages)} past speakers")
        if feature == "venues":
            return "publishes at the venues the past speakers publish at"
        if feature == "talks_elsewhere":
            return self._talks_elsewhere(person, int(round(np.expm1(x[8]))))
        if feature == "organizers_circle":
            hosts = sorted(self.index.names[p] for p in self.hosts)
            names = ", ".join(hosts[:3]) + (" ..." if len(hosts) > 3 else "")
            return (f"in the organizers' circle ({names}): coauthor of them or of their coauthors, "
                    "recent work first")
        if feature == "local":
            return "local: an institution of the hosts or of several past speakers"
        if feature == "semantic":
            related = signals.related_words(self.v, person, self.query)
            return f"topic, in related words: {', '.join(related)}" if related else None
        return None

    def _talks_elsewhere(self, person: int, talks: int) -> str:
        spoken = signals.series_spoken(self.v, person)
        if not spoken:
            return f"has given {talks} talks elsewhere"
        named = "; ".join(f"{_the(name)} in {year}" for year, name in spoken[:2])
        more = f" and {len(spoken) - 2} more series" if len(spoken) > 2 else ""
        return f"spoke at {named}{more}"


def _the(name: str) -> str:
    """A series' name as it follows "spoke at": with "the" unless the name has its own article."""
    return name if name.lower().startswith(("the ", "a ", "an ")) else f"the {name}"


def _stage(career_years: float, log_papers: float) -> str:
    if log_papers <= 0:
        return "no papers known"
    if career_years < EARLY_CAREER_YEARS:
        return "early career"
    return "senior" if career_years >= SENIOR_YEARS else "mid career"
