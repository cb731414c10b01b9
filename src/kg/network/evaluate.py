"""How well ``suggest`` finds an event series' next speakers, measured as recommender systems are.

An event history is a list of dated talks of one series. For a cutoff day, the speakers up to
the cutoff are what an organizer knew; the people who first speak after it are the answer to
find. ``suggest`` runs with ``as_of`` the cutoff (so it sees no later paper, talk or speaker) and
recall@k is the share of those later speakers among its first k candidates. Two baselines rank
everyone known on the cutoff day (who has not spoken yet) by their number of papers and by
their number of distinct coauthors.

Histories come from a venue in the store (every paper of, say, COLT, presented by its first
author: ``venue_history``) or from a small YAML file (``read_history``). They are added as a
made-up series to an in-memory copy of the store, so the store itself is never changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import yaml

from kg.errors import KGError
from kg.network.suggest import suggest
from kg.rdf import vocab
from kg.rdf.mapping import placed_quads, to_nquads
from kg.records.models import Event, Placed, Talk, TalkSpeaker
from kg.sparql.catalog import find_query
from kg.sparql.resolver import entity
from kg.store import GraphStore, LocalStore, in_memory_copy
from kg.store.terms import Literal

EVALUATION_GRAPH = "graph/evaluation"
"""The named graph the made-up series goes in (only ever in an in-memory copy)."""
PRESENTATION_DAY = (7, 1)
"""Month and day a venue's papers are taken to be presented in their year."""
METHODS = ("suggest", "suggest, whole neighbourhood", "most papers", "most coauthors")
"""``suggest`` as the command runs it (bounded for speed), then with every speaker and every
person reached expanded, then the two popularity baselines."""


@dataclass(frozen=True)
class HistoryTalk:
    """One talk of a history: when, who (a person IRI) and its title."""

    day: date
    speaker: str
    title: str


@dataclass(frozen=True)
class History:
    """The dated talks of one series."""

    id: str
    name: str
    talks: tuple[HistoryTalk, ...]

    @property
    def series(self) -> str:
        """The IRI the series gets in the evaluation store."""
        return vocab.resource("event", f"evaluation-{self.id}")


@dataclass(frozen=True)
class Result:
    """Recall of one method on one history at one cutoff.

    ``recall`` counts every later speaker; ``recall_known`` only those with a paper known on the
    cutoff day (nobody can find a newcomer the store has never seen).
    """

    history: str
    cutoff: date
    method: str
    past_speakers: int
    targets: int
    known_targets: int
    recall: dict[int, float]
    recall_known: dict[int, float]
    found: dict[int, tuple[str, ...]]


def recall_at(ranked: Sequence[str], targets: Iterable[str], k: int) -> float:
    """The share of ``targets`` among the first ``k`` of ``ranked``; 0 when there are no targets."""
    wanted = set(targets)
    if not wanted:
        return 0.0
    return len(wanted.intersection(ranked[:k])) / len(wanted)


def split_history(history: History, cutoff: date) -> tuple[set[str], set[str]]:
    """The speakers up to ``cutoff`` and the people who first speak after it."""
    past = {t.speaker for t in history.talks if t.day <= cutoff}
    later = {t.speaker for t in history.talks if t.day > cutoff} - past
    return past, later


def venue_history(store: GraphStore, venue: str, keyword: str | None = None) -> History:
    """A venue's papers as a series of talks given by their first authors on 1 July of their year.

    With ``keyword``, only papers whose title contains it (any letter case): a topical series,
    such as a workshop on bandits, drawn from the same venue.
    """
    rows = store.select(find_query("evaluation_venue_presenters").text, {"venue": Literal(venue)})
    talks = []
    for row in rows.values():
        title = row["title"] or ""
        if keyword and keyword.lower() not in title.lower():
            continue
        year = int((row["year"] or "0")[:4])
        talks.append(HistoryTalk(date(year, *PRESENTATION_DAY), row["person"] or "", title))
    slug = "-".join(w for w in "".join(c if c.isalnum() else " " for c in
                                       f"{venue} {keyword or ''}".lower()).split())
    name = f"{venue} presenters" + (f" ({keyword})" if keyword else "")
    return History(slug or "venue", name, tuple(sorted(talks, key=_talk_order)))


def read_history(store: GraphStore, path: Path) -> History:
    """A history from a YAML file with ``id``, ``name`` and ``talks`` (``date``, ``speaker``, ``title``).

    A speaker is a person's IRI or one of their names in the store.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError) as exc:  # ValueError: a date YAML cannot read
        raise KGError(f"{path}: cannot read the history: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("talks"), list):
        raise KGError(f"{path}: a history needs 'id', 'name' and a list of 'talks'")
    talks = [_history_talk(store, path, number, entry)
             for number, entry in enumerate(data["talks"], start=1)]
    return History(str(data.get("id") or path.stem), str(data.get("name") or path.stem),
                   tuple(sorted(talks, key=_talk_order)))


def _history_talk(store: GraphStore, path: Path, number: int, entry: Any) -> HistoryTalk:
    where = f"{path}: talk #{number}"
    if not isinstance(entry, dict):
        raise KGError(f"{where}: expected date, speaker and title")
    day = entry.get("date")
    if isinstance(day, str):
        try:
            day = datetime.strptime(day, "%Y-%m-%d").date()
        except ValueError:
            raise KGError(f"{where}: date: {day!r} is not YYYY-MM-DD") from None
    if not isinstance(day, date):
        raise KGError(f"{where}: date: missing (YYYY-MM-DD)")
    speaker = entry.get("speaker")
    if not isinstance(speaker, str) or not speaker:
        raise KGError(f"{where}: speaker: missing")
    try:
        iri = entity(store, speaker, "person")
    except KGError as exc:
        raise KGError(f"{where}: speaker: {exc}") from None
    return HistoryTalk(day, iri, str(entry.get("title") or ""))


def _talk_order(talk: HistoryTalk) -> tuple[date, str, str]:
    return talk.day, talk.speaker, talk.title


def history_records(history: History) -> Iterator[Placed]:
    """The history as records: a seminar series and one talk per entry, in ``EVALUATION_GRAPH``."""
    series_id = history.series.rsplit("/", 1)[-1]
    series = Event(id=series_id, name=history.name, kind="seminar_series", timezone=None)
    yield Placed(series, EVALUATION_GRAPH)
    for number, talk in enumerate(history.talks, start=1):
        start = datetime.combine(talk.day, time(12, 0), tzinfo=UTC)
        speaker = TalkSpeaker(person=talk.speaker.rsplit("/", 1)[-1])
        yield Placed(Talk(id=f"evaluation-{history.id}-{number:05d}", title=talk.title or None,
                          speakers=[speaker], event=series_id, start=start), EVALUATION_GRAPH)


def evaluation_store(store: GraphStore, history: History) -> LocalStore:
    """An in-memory copy of ``store`` with the history added as a series (see ``History.series``)."""
    return in_memory_copy(store, to_nquads(placed_quads(history_records(history))))


@dataclass(frozen=True)
class Authorships:
    """Who wrote which paper in which year, for the popularity baselines."""

    names: dict[str, str]
    papers: dict[str, tuple[int, tuple[str, ...]]]

    def counts(self, cutoff: date) -> tuple[dict[str, int], dict[str, int]]:
        """Papers and distinct coauthors of every person, counting papers known on ``cutoff``."""
        papers: dict[str, int] = defaultdict(int)
        coauthors: dict[str, set[str]] = defaultdict(set)
        for year, authors in self.papers.values():
            if date(year, 12, 31) > cutoff:
                continue
            for author in authors:
                papers[author] += 1
                coauthors[author].update(a for a in authors if a != author)
        return dict(papers), {p: len(c) for p, c in coauthors.items()}


def read_authorships(store: GraphStore) -> Authorships:
    """Every authorship in the store (one scan of ``graph_authorships``)."""
    names: dict[str, str] = {}
    years: dict[str, int] = {}
    authors: dict[str, set[str]] = defaultdict(set)
    for row in store.select(find_query("graph_authorships").text).values():
        paper, person = row["paper"] or "", row["person"] or ""
        names[person] = row["name"] or person
        years[paper] = int((row["year"] or "0")[:4])
        authors[paper].add(person)
    return Authorships(names, {p: (years[p], tuple(sorted(a))) for p, a in authors.items()})


def popularity_ranking(counts: dict[str, int], names: dict[str, str], excluded: set[str]) -> list[str]:
    """People with a positive count, most first, ties by name then IRI, leaving out ``excluded``."""
    return sorted((p for p, c in counts.items() if c > 0 and p not in excluded),
                  key=lambda p: (-counts[p], names.get(p, p), p))


def evaluate(
    store: GraphStore,
    history: History,
    cutoffs: Sequence[date],
    ks: Sequence[int] = (10, 50),
    hops: int = 2,
) -> list[Result]:
    """Recall@k of ``suggest`` and of the two baselines on ``history`` at every cutoff.

    ``store`` must already hold the history as a series (``evaluation_store``). A cutoff with
    no past speakers or no later ones is skipped: there is nothing to start from or to find.
    """
    authorships = read_authorships(store)
    results = []
    for cutoff in sorted(cutoffs):
        past, targets = split_history(history, cutoff)
        if not past or not targets:
            continue
        papers, coauthors = authorships.counts(cutoff)
        known = {p for p in targets if papers.get(p)}
        found = suggest(store, history.series, top=max(ks), hops=hops, as_of=cutoff)
        whole = suggest(store, history.series, top=max(ks), hops=hops, as_of=cutoff,
                        max_expand=None, link_budget=None)
        excluded = past | set(found.organizer_names)
        rankings = {
            "suggest": [c.person for c in found.candidates],
            "suggest, whole neighbourhood": [c.person for c in whole.candidates],
            "most papers": popularity_ranking(papers, authorships.names, excluded),
            "most coauthors": popularity_ranking(coauthors, authorships.names, excluded),
        }
        for method in METHODS:
            ranked = rankings[method]
            results.append(Result(
                history.name, cutoff, method, len(past), len(targets), len(known),
                {k: round(recall_at(ranked, targets, k), 4) for k in ks},
                {k: round(recall_at(ranked, known, k), 4) for k in ks},
                {k: tuple(sorted(targets.intersection(ranked[:k]))) for k in ks},
            ))
    return results
