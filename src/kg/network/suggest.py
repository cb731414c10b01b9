"""Ranked, explained candidate speakers for an event.

``suggest`` reads the event's talks and organizers, fetches the collaboration neighbourhood of
its speakers and organizers (joint papers, shared talks, advising; see
``graphs.collaboration_neighbourhood``), and ranks the people reached who have not spoken there
by three signals, each in [0, 1]:

- closeness: ``c / (1 + c)`` with ``c = Σ 0.5 ** (d - 1)`` over the speakers and organizers at
  distance ``d`` (within the hops fetched), then divided by the best value among the shortlist;
- topic: TF-IDF cosine of their paper and talk titles against the event's talk titles and
  abstracts, divided by the best value among the shortlist;
- recency: ``0.5 ** (years since their latest paper or talk / 3)``.

The score is their weighted sum. Every candidate comes with the shortest chain to a speaker or
organizer (the paper, talk or advising behind each step), the coauthors they share with them,
the topic words they match, and conflict-of-interest flags with the organizers. Ties are broken
by name, then IRI, so the same store gives the same ranking.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from kg.errors import KGError
from kg.network import topics
from kg.network.analysis import Step, shortest_chain
from kg.network.graphs import add_works, collaboration_neighbourhood, person_works, query_text
from kg.store import GraphStore
from kg.store.terms import IRI

RECENT_COAUTHOR_YEARS = 3
"""A joint paper with an organizer this many years before the reference year (or later) is a conflict."""
RECENCY_HALF_LIFE = 3.0
LINK_BUDGET = 1000
"""Stop following links after reading this many (about 0.4 s of CPU on a store of 10M triples); the
most recent speakers are expanded first, then the people most tied to them."""
EXPAND_LIMIT = 40
"""At most this many people are expanded at each hop after the first, the most tied first."""
SHORTLIST = 30
"""At least this many of the best first-round candidates get their full work lists and a second look."""


@dataclass(frozen=True)
class Weights:
    """How much each signal counts in the score."""

    closeness: float = 0.5
    topic: float = 0.3
    recency: float = 0.2


@dataclass(frozen=True)
class Candidate:
    """A suggested speaker with the score, its parts and the reasons behind it."""

    person: str
    name: str
    score: float
    closeness: float
    topic: float
    recency: float
    last_year: int | None
    path: tuple[Step, ...]
    shared_coauthors: tuple[str, ...]
    topic_words: tuple[str, ...]
    conflicts: tuple[str, ...]


@dataclass
class Suggestions:
    """The answer of ``suggest``: the event, who it starts from, and the ranked candidates."""

    event: str
    event_name: str
    as_of: date | None
    speaker_names: dict[str, str]
    """Past speakers of the event and its series: IRI → name."""
    organizer_names: dict[str, str]
    """Organizers: IRI → name."""
    considered: int
    candidates: list[Candidate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

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
    hops: int = 2,
    since: date | None = None,
    as_of: date | None = None,
    exclude: Sequence[str] = (),
    weights: Weights = Weights(),
    max_seeds: int | None = None,
    max_expand: int | None = EXPAND_LIMIT,
    link_budget: int | None = LINK_BUDGET,
) -> Suggestions:
    """Rank people who have not spoken at ``event`` (an IRI) or its series as its next speakers.

    Only a bounded neighbourhood is read from the store, so the answer comes about as fast on a
    store of millions of papers as on a small one: the links of the organizers and of the most
    recent speakers, then of the people most tied to them, until ``link_budget`` links have
    been read; each person through at most 25 of their papers and 30 talks and advising links;
    then the papers and talks of a shortlist.

    Parameters
    ----------
    top : how many candidates to return.
    hops : how many links away from the speakers and organizers to look.
    since : only talks from this day on count as "already spoke"; default: every talk.
    as_of : use only talks, papers and advising known on this day.
    exclude : IRIs of people never to suggest.
    max_seeds : expand at most this many speakers, the most recent first; ``None``: all.
    max_expand : expand at most this many people per hop after the first; ``None``: all.
    link_budget : stop expanding after reading this many links; ``None``: no limit.
    """
    name, talks = _event_talks(store, event, as_of)
    organizers = _organizers(store, event)
    speakers = {t["speaker"]: t["speakerName"] for t in talks}
    if not speakers and not organizers:
        raise KGError(f"{name}: no speakers or organizers known{_as_of_text(as_of)}; nothing to start from")
    seeds = sorted({*speakers, *organizers})
    expanded = [*sorted(organizers), *(s for s in _recent_speakers(talks, max_seeds)
                                       if s not in organizers)]
    graph = collaboration_neighbourhood(store, expanded, hops, as_of=as_of, max_expand=max_expand,
                                        bounded=True, link_budget=link_budget)
    spoke = {t["speaker"] for t in talks if since is None or not t["date"] or t["date"] >= since.isoformat()}
    excluded = spoke | set(organizers) | set(exclude)
    pool = sorted(p for p in graph if p not in excluded)
    result = Suggestions(event, name, as_of, dict(sorted(speakers.items())), dict(sorted(organizers.items())),
                         len(pool))
    followed = sum(1 for s in seeds if s in graph and graph.nodes[s].get("expanded"))
    if followed < len(seeds):
        result.notes.append(f"links were followed from {followed} of the {len(seeds)} speakers and "
                            "organizers (organizers and the most recent speakers first)")
    if graph.graph.get("capped"):
        result.notes.append(f"the neighbourhood was cut at {link_budget} links read and "
                            f"{max_expand} people expanded per hop")
    if not pool:
        result.notes.append("nobody who may be suggested is linked to its speakers or organizers"
                            + _as_of_text(as_of))
        return result
    reference = as_of.year if as_of else _latest_year(graph)
    event_words = [w for t in talks for w in topics.words(_talk_text(t))]
    graph.graph["skip_works"] = {t["talk"] for t in talks}
    ranked = _rank(graph, pool, seeds, event_words, reference, weights, top, hops, store, as_of)
    conflicts = _conflicts(store, graph, [c for c, _ in ranked], sorted(organizers), reference)
    result.candidates = [
        Candidate(
            person=p,
            name=graph.nodes[p].get("label", p),
            score=round(s["score"], 4),
            closeness=round(s["closeness"], 4),
            topic=round(s["topic"], 4),
            recency=round(s["recency"], 4),
            last_year=s["last_year"],
            path=tuple(shortest_chain(graph, p, set(seeds))),
            shared_coauthors=tuple(_shared_coauthors(graph, p, set(seeds))),
            topic_words=tuple(s["words"]),
            conflicts=tuple(conflicts.get(p, [])),
        )
        for p, s in ranked
    ]
    return result


def _recent_speakers(talks: list[dict[str, Any]], limit: int | None) -> list[str]:
    """The speakers of the latest talks, most recent first (undated talks last), at most ``limit``."""
    ordered = sorted(talks, key=lambda t: (t["date"] or "", t["talk"]), reverse=True)
    chosen: list[str] = []
    for talk in ordered:
        if limit is not None and len(chosen) >= limit:
            break
        if talk["speaker"] not in chosen:
            chosen.append(talk["speaker"])
    return chosen


def _event_talks(
    store: GraphStore, event: str, as_of: date | None
) -> tuple[str, list[dict[str, Any]]]:
    info = store.select(query_text("event_info"), {"event": IRI(event)}).values()
    if not info:
        raise KGError(f"{event}: no such event in the store")
    rows = store.select(query_text("suggest_event_talks"), {"event": IRI(event)}).values()
    talks = []
    for row in rows:
        talk: dict[str, Any] = dict(row)
        talk["date"] = (row["start"] or "")[:10] or None
        if as_of is None or (talk["date"] is not None and talk["date"] <= as_of.isoformat()):
            talks.append(talk)
    return info[0]["name"] or event, talks


def _organizers(store: GraphStore, event: str) -> dict[str, str]:
    rows = store.select(query_text("suggest_event_organizers"), {"event": IRI(event)})
    return {r["organizer"] or "": r["organizerName"] or "" for r in rows.values()}


def _as_of_text(as_of: date | None) -> str:
    return f" as of {as_of.isoformat()}" if as_of else ""


def _talk_text(talk: dict[str, Any]) -> str:
    return " ".join(t for t in (talk.get("title"), talk.get("abstract")) if t)


def _latest_year(graph: nx.Graph) -> int:
    years = [w["year"] for w in graph.graph["works"].values() if w["year"]]
    return max(years) if years else date.min.year


def closeness_counts(graph: nx.Graph, seeds: Iterable[str], hops: int) -> dict[str, float]:
    """``Σ 0.5 ** (d - 1)`` over the seeds at distance ``d ≤ hops`` of every node (seeds skip themselves)."""
    totals: dict[str, float] = {}
    for seed in sorted(seeds):
        if seed not in graph:
            continue
        for node, distance in nx.single_source_shortest_path_length(graph, seed, cutoff=hops).items():
            if distance:
                totals[node] = totals.get(node, 0.0) + 0.5 ** (distance - 1)
    return totals


def _rank(
    graph: nx.Graph,
    pool: list[str],
    seeds: list[str],
    event_words: list[str],
    reference: int,
    weights: Weights,
    top: int,
    hops: int,
    store: GraphStore,
    as_of: date | None,
) -> list[tuple[str, dict[str, Any]]]:
    """Rank the pool in two rounds; the best ``top`` first.

    Round one is cheap and covers everyone reached: closeness and the recency of the work the
    neighbourhood shows. Round two takes the best of them, fetches their papers and talks, and
    adds topical similarity, so topic vectors are only built for a shortlist.
    """
    counts = closeness_counts(graph, seeds, hops)
    best_count = max((counts.get(p, 0.0) for p in pool), default=0.0)
    best_closeness = best_count / (1 + best_count) or 1.0

    def closeness(person: str) -> float:
        c = counts.get(person, 0.0)
        return c / (1 + c) / best_closeness

    def recency(person: str) -> tuple[float, int | None]:
        works = graph.graph["works"]
        years = [works[w]["year"] for w in graph.nodes[person]["works"] if works[w]["year"]]
        last = max(years) if years else None
        return (0.0 if last is None else 0.5 ** (max(0, reference - last) / RECENCY_HALF_LIFE)), last

    def label(person: str) -> str:
        return str(graph.nodes[person].get("label", person))

    first = {p: weights.closeness * closeness(p) + weights.recency * recency(p)[0] for p in pool}
    shortlist = sorted(pool, key=lambda p: (-first[p], label(p), p))[: max(3 * top, SHORTLIST)]
    for person in shortlist:
        if not graph.nodes[person].get("expanded"):
            add_works(graph, person, person_works(store, person, as_of))
    documents = {p: _person_words(graph, p) for p in shortlist}
    idf = topics.inverse_document_frequency([event_words, *documents.values()])
    unseen = max(idf.values(), default=1.0)
    event_vector = topics.tfidf(event_words, idf, unseen)
    vectors = {p: topics.tfidf(documents[p], idf, unseen) for p in shortlist}
    similarity = {p: topics.cosine(vectors[p], event_vector) for p in shortlist}
    best_topic = max(similarity.values(), default=0.0) or 1.0
    scored: dict[str, dict[str, Any]] = {}
    for p in shortlist:
        fresh, last = recency(p)
        scored[p] = {
            "closeness": closeness(p),
            "topic": similarity[p] / best_topic,
            "recency": fresh,
            "last_year": last,
            "words": topics.shared_words(vectors[p], event_vector),
        }
        scored[p]["score"] = (weights.closeness * scored[p]["closeness"]
                              + weights.topic * scored[p]["topic"]
                              + weights.recency * fresh)
    ranked = sorted(shortlist, key=lambda p: (-scored[p]["score"], label(p), p))
    return [(p, scored[p]) for p in ranked[:top]]


def _person_words(graph: nx.Graph, person: str) -> list[str]:
    """The words of a person's paper and talk titles, leaving out the event's own talks."""
    works, skip = graph.graph["works"], graph.graph.get("skip_works", set())
    cache = graph.graph.setdefault("title_words", {})
    found = []
    for work in graph.nodes[person]["works"]:
        if work in skip:
            continue
        if work not in cache:
            cache[work] = topics.words(works[work]["title"] or "")
        found.extend(cache[work])
    return found


def _shared_coauthors(graph: nx.Graph, person: str, seeds: set[str], limit: int = 5) -> list[str]:
    """Names of the person's coauthors who also wrote a paper with a speaker or organizer."""
    shared = []
    for neighbour in graph[person]:
        if neighbour in seeds or not _wrote_together(graph, person, neighbour):
            continue
        linked = sum(1 for n in graph[neighbour]
                     if n in seeds and n != person and _wrote_together(graph, neighbour, n))
        if linked:
            shared.append((-linked, graph.nodes[neighbour].get("label", neighbour), neighbour))
    return [name for _, name, _ in sorted(shared)[:limit]]


def _wrote_together(graph: nx.Graph, a: str, b: str) -> bool:
    """Whether the link between two people includes a joint paper (not only talks or advising)."""
    return any(link.get("relation") == "paper" for link in graph.edges[a, b].get("links", ()))


def _conflicts(
    store: GraphStore, graph: nx.Graph, candidates: list[str], organizers: list[str], reference: int
) -> dict[str, list[str]]:
    """Conflict-of-interest flags of each candidate with the organizers."""
    if not organizers:
        return {}
    institutions = {p: _institutions(store, p) for p in [*organizers, *candidates]}
    flags: dict[str, list[str]] = {}
    for candidate in candidates:
        found = []
        for organizer in organizers:
            who = graph.nodes[organizer].get("label", organizer) if organizer in graph else organizer
            links = graph.edges[candidate, organizer]["links"] if graph.has_edge(candidate, organizer) else []
            for link in links:
                if link["relation"] in ("phd", "postdoc"):
                    role = "advisor" if link.get("advisor") == candidate else "student"
                    found.append(f"{role} of organizer {who}")
            recent = sorted({link["year"] for link in links if link["relation"] == "paper"
                             and link.get("year") and link["year"] >= reference - RECENT_COAUTHOR_YEARS})
            if recent:
                found.append(f"coauthor of organizer {who} ({recent[-1]})")
            same = sorted(set(institutions[candidate]) & set(institutions[organizer]))
            for org in same:
                found.append(f"same institution as organizer {who} ({institutions[organizer][org]})")
        flags[candidate] = sorted(set(found))
    return flags


def _institutions(store: GraphStore, person: str) -> dict[str, str]:
    rows = store.select(query_text("person_organizations"), {"person": IRI(person)})
    return {r["top"] or "": r["topName"] or "" for r in rows.values()}
