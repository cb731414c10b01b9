"""How well ``suggest`` finds a series' next speakers, measured as recommender systems are.

A series is read as it is in the store: the talks of an event (ingested from pages or
calendars). At a cutoff day the talks up to it are what an organizer knew; the people who first
speak after it are the answer to find. Every method ranks the people of the field with nothing
dated after the cutoff (``as_of``), leaving out the past speakers and the hosts; recall@k is the
share of the later speakers among the first k, and MRR the mean over the later speakers of one
over their rank (0 when not ranked).

Baselines: most papers, most coauthors (distinct, as known on the cutoff day), personalized
PageRank from the past speakers (the same walk as ``suggest``, uniform restarts, no taste) and
topic only (the same TF-IDF fit, nothing else).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from kg.errors import KGError
from kg.network import signals
from kg.network.index import PAPER, GraphIndex, day_number, day_of
from kg.network.suggest import name_keys, ranked_people, series_of, talk_texts

METHODS = ("suggest", "most papers", "most coauthors", "personalized PageRank", "topic only")
DEFAULT_KS = (10, 50, 200)


@dataclass(frozen=True)
class Result:
    """How one method did on one series at one cutoff."""

    series: str
    name: str
    cutoff: date
    method: str
    past_speakers: int
    later_speakers: int
    known: int
    """Later speakers with a paper or talk elsewhere known on the cutoff day (the findable ones)."""
    recall: dict[int, float]
    mrr: float


def recall_at(ranked: Sequence[str], targets: Iterable[str], k: int) -> float:
    """The share of ``targets`` among the first ``k`` of ``ranked``; 0 when there are no targets."""
    wanted = set(targets)
    if not wanted:
        return 0.0
    return len(wanted.intersection(ranked[:k])) / len(wanted)


def mean_reciprocal_rank(ranked: Sequence[str], targets: Iterable[str]) -> float:
    """The mean over ``targets`` of 1 / their rank in ``ranked`` (0 for those not ranked)."""
    wanted = sorted(set(targets))
    if not wanted:
        return 0.0
    where = {person: rank for rank, person in enumerate(ranked, start=1)}
    return sum(1 / where[t] for t in wanted if t in where) / len(wanted)


def speaker_days(index: GraphIndex, event: str) -> list[tuple[date, str]]:
    """(day, speaker IRI) of every dated talk of the event's series, in time order."""
    found = index.event_index.get(event)
    if found is None:
        raise KGError(f"{event}: no such event in the store")
    series = series_of(index, found, day_number(date(9999, 12, 31)))
    return [(day_of(d) or date.min, index.people[p]) for d, p, _ in series.talks if day_of(d)]


def middle_cutoff(days: Sequence[tuple[date, str]], share: float = 0.5) -> date:
    """The day by which ``share`` of the series' talks had been given."""
    if not days:
        raise KGError("the series has no dated talks")
    ordered = sorted(d for d, _ in days)
    return ordered[min(len(ordered) - 1, max(0, int(len(ordered) * share) - 1))]


def split(days: Sequence[tuple[date, str]], cutoff: date) -> tuple[set[str], set[str]]:
    """The speakers up to ``cutoff`` and the people who first speak after it."""
    past = {p for d, p in days if d <= cutoff}
    later = {p for d, p in days if d > cutoff} - past
    return past, later


def evaluate(index: GraphIndex, event: str, cutoff: date, ks: Sequence[int] = DEFAULT_KS) -> list[Result]:
    """Recall@k and MRR of ``suggest`` and the four baselines on one series at one cutoff."""
    days = speaker_days(index, event)
    past, later = split(days, cutoff)
    if not past or not later:
        raise KGError(f"{index.event_names[index.event_index[event]]}: no speakers before or after "
                      f"{cutoff.isoformat()}; choose another cutoff")
    depth = max(ks)
    rankings = {"suggest": ranked_people(index, event, cutoff, depth)}
    rankings.update(baselines(index, event, cutoff, depth))
    day = day_number(cutoff)
    v = signals.view(index, day)
    active = np.asarray(v.binary.sum(axis=1)).ravel() > 0
    known = {p for p in later if p in index.person_index and active[index.person_index[p]]}
    name = index.event_names[index.event_index[event]]
    return [Result(event, name, cutoff, method, len(past), len(later), len(known),
                   {k: round(recall_at(rankings[method], later, k), 4) for k in ks},
                   round(mean_reciprocal_rank(rankings[method], later), 4))
            for method in METHODS]


def baselines(index: GraphIndex, event: str, cutoff: date, depth: int) -> dict[str, list[str]]:
    """The four baselines' first ``depth`` people for the series as of ``cutoff``."""
    found = index.event_index[event]
    day = day_number(cutoff)
    series = series_of(index, found, day)
    speakers = sorted({p for _, p, _ in series.talks})
    v = signals.view(index, day, series.hidden)
    active = np.asarray(v.binary.sum(axis=1)).ravel() > 0
    active[speakers + series.hosts] = False
    pool = np.flatnonzero(active)
    restart = np.zeros((v.people, 1))
    restart[speakers, 0] = 1.0
    papers = signals.counts_until(v, day).papers
    coauthors = _coauthor_counts(v)
    scores = {
        "most papers": papers,
        "most coauthors": coauthors,
        "personalized PageRank": signals.walk(v, restart)[:, 0] if speakers else np.zeros(v.people),
        "topic only": signals.topic_scores(
            v, [signals.query_vector(v, talk_texts(index, series.talks))])[:, 0],
    }
    names = name_keys(index, pool)
    ranked = {}
    for method, values in scores.items():
        chosen = pool[values[pool] > 0]
        keys = names[values[pool] > 0]
        order = np.lexsort((chosen, keys, -values[chosen]))[:depth]
        ranked[method] = [index.people[int(chosen[i])] for i in order]
    return ranked


def _coauthor_counts(v: signals.View) -> np.ndarray:
    """How many distinct coauthors each person has on known papers."""
    index = v.index
    papers = v.binary.multiply(
        (index.work_kind == PAPER).astype(np.float32)[None, :]).tocsr()
    together = (papers @ papers.T).tocsr()
    together.setdiag(0)
    together.eliminate_zeros()
    return np.diff(together.indptr).astype(np.float64)


def summary(results: Sequence[Result], ks: Sequence[int] = DEFAULT_KS) -> dict[str, dict[str, float]]:
    """Per method: recall@k and MRR averaged over the series (each series counts once)."""
    table: dict[str, dict[str, float]] = {}
    for method in METHODS:
        mine = [r for r in results if r.method == method]
        if not mine:
            continue
        row = {f"recall@{k}": round(float(np.mean([r.recall[k] for r in mine])), 4) for k in ks}
        row["MRR"] = round(float(np.mean([r.mrr for r in mine])), 4)
        table[method] = row
    return table


def seminar_series(index: GraphIndex, min_talks: int) -> list[str]:
    """IRIs of the seminar series (top events) with at least ``min_talks`` dated talks, by IRI."""
    found = []
    for number, event in enumerate(index.events):
        if index.event_parent[number] >= 0 or not index.event_series[number]:
            continue
        if len(speaker_days(index, event)) >= min_talks:
            found.append(event)
    return found
