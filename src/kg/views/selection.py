"""Which pages ``kg viz all`` draws: the coauthor overview, each event with talks (and the series it
belongs to) with its suggested speakers, one lineage per academic family, the busiest people."""

from __future__ import annotations

import functools
from collections.abc import Callable

import networkx as nx

from kg.errors import KGError
from kg.network.graphs import advising_graph, coauthor_graph, speaker_event_graph
from kg.store import GraphStore
from kg.views.graph_pages import (
    coauthors_view,
    event_view,
    lineage_view,
    parent_events,
    person_view,
    suggest_view,
)
from kg.views.render import Page


def page_makers(store: GraphStore, people: int, max_nodes: int) -> list[Callable[[], Page | None]]:
    """What ``kg viz all`` draws, as functions that each make one page (``None``: nothing to draw)."""
    makers: list[Callable[[], Page | None]] = [lambda: coauthors_view(store, max_nodes)]
    graph = speaker_event_graph(store)
    with_talks = [n for n, kind in graph.nodes(data="kind") if kind == "event"]
    for event in sorted([*with_talks, *parent_events(store, with_talks)]):
        makers.append(functools.partial(event_view, store, event, max_nodes))
        makers.append(functools.partial(suggestions_if_any, store, event, max_nodes))
    for person in family_heads(advising_graph(store)):
        makers.append(functools.partial(lineage_view, store, person, max_nodes))
    for person in busiest_people(store, people):
        makers.append(functools.partial(person_view, store, person, max_nodes))
    return makers


def suggestions_if_any(store: GraphStore, event: str, max_nodes: int) -> Page | None:
    """The suggestion page of an event, or ``None`` when there is no one to suggest."""
    try:
        page = suggest_view(store, event, max_nodes=max_nodes)
    except KGError:
        return None
    has_candidates = any(kind == "candidate" for _, kind in page.graph.nodes(data="kind"))
    return page if has_candidates else None


def family_heads(advising: nx.DiGraph) -> list[str]:
    """One person per academic family: the one with most advisors and students up and down."""
    heads = []
    for family in nx.weakly_connected_components(advising):
        def reach(person: str) -> tuple[int, str]:
            line = len(nx.ancestors(advising, person)) + len(nx.descendants(advising, person))
            return (-line, advising.nodes[person].get("label") or person)
        heads.append(min(sorted(family), key=reach))
    return sorted(heads)


def busiest_people(store: GraphStore, count: int) -> list[str]:
    """The ``count`` people with the most papers and talks together, ties by name."""
    activity: dict[str, int] = {}
    names: dict[str, str] = {}
    for person, papers in coauthor_graph(store).nodes(data="papers"):
        activity[person] = activity.get(person, 0) + int(papers or 0)
    talks = speaker_event_graph(store)
    for person, kind in talks.nodes(data="kind"):
        if kind == "person":
            names[person] = talks.nodes[person].get("label") or ""
            activity[person] = activity.get(person, 0) + sum(
                len(data.get("talks", [])) for *_, data in talks.edges(person, data=True))
    ranked = sorted(activity, key=lambda p: (-activity[p], names.get(p, ""), p))
    return sorted(ranked[:count])
