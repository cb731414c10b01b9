"""Rows from the store → NetworkX graphs, read through SPARQL so any store will do.

Nodes are IRIs. Every node carries ``kind`` (person, paper, talk, event, organization) and
``label``; edges carry what links them. Builders take a ``GraphStore`` and return a new graph;
they never print, write files or know how graphs are drawn.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

import networkx as nx
import pyoxigraph as ox

from kg.lookup import resolve_entity
from kg.queries import find_query
from kg.store import GraphStore, Table, Term


def _rows(store: GraphStore, query_name: str, **bindings: Term) -> list[dict[str, str | None]]:
    table: Table = store.select(find_query(query_name).text, bindings or None)
    return table.values()


def coauthor_graph(store: GraphStore) -> nx.Graph:
    """The whole coauthor graph: people joined by an edge weighted by their joint papers.

    Edge attributes: ``weight`` (number of joint papers), ``papers`` (sorted paper IRIs),
    ``years`` (sorted distinct years). Node attributes: ``kind="person"``, ``label``,
    ``papers`` (how many papers the person has in the store).
    """
    by_paper: dict[str, list[str]] = defaultdict(list)
    years: dict[str, int] = {}
    graph = nx.Graph()
    for row in _rows(store, "graph_authorships"):
        paper, person = row["paper"] or "", row["person"] or ""
        by_paper[paper].append(person)
        years[paper] = int(row["year"] or 0)
        if person not in graph:
            graph.add_node(person, kind="person", label=row["name"], papers=0)
        graph.nodes[person]["papers"] += 1
    _add_coauthor_edges(graph, by_paper, years)
    return graph


def coauthor_neighbourhood(store: GraphStore, seeds: Iterable[str], hops: int = 1) -> nx.Graph:
    """The part of the coauthor graph within ``hops`` collaborations of the ``seeds`` (IRIs).

    Only the people reached are fetched, one query per person, so the cost follows the size of
    the neighbourhood, not of the store. Edges among the people reached are complete up to the
    last hop; the outermost people have only the edges that reached them. Each node's
    ``hop`` attribute says how far it is from the nearest seed.
    """
    graph = nx.Graph()
    by_paper: dict[str, set[str]] = defaultdict(set)
    years: dict[str, int] = {}
    frontier = sorted(set(seeds))
    for seed in frontier:
        graph.add_node(seed, kind="person", hop=0)
    seen = set(frontier)
    for hop in range(1, hops + 1):
        reached: set[str] = set()
        for person in frontier:
            for row in _rows(store, "graph_coauthorships_of", person=_iri(person)):
                paper, author = row["paper"] or "", row["author"] or ""
                by_paper[paper].add(author)
                years[paper] = int(row["year"] or 0)
                if author not in graph:
                    graph.add_node(author, kind="person", hop=hop)
                graph.nodes[author]["label"] = row["name"]
                if author not in seen:
                    reached.add(author)
        seen |= reached
        frontier = sorted(reached)
    _add_coauthor_edges(graph, {p: sorted(a) for p, a in by_paper.items()}, years)
    return graph


def _add_coauthor_edges(
    graph: nx.Graph, by_paper: dict[str, list[str]], years: dict[str, int]
) -> None:
    for paper in sorted(by_paper):
        authors = sorted(set(by_paper[paper]))
        for a, b in combinations(authors, 2):
            if graph.has_edge(a, b):
                data = graph.edges[a, b]
                data["weight"] += 1
                data["papers"].append(paper)
                if years[paper] not in data["years"]:
                    data["years"] = sorted([*data["years"], years[paper]])
            else:
                graph.add_edge(a, b, kind="coauthor", weight=1, papers=[paper],
                               years=[years[paper]])


def advising_graph(store: GraphStore) -> nx.DiGraph:
    """The academic genealogy: an edge from advisor to student, ``kind`` phd or postdoc."""
    graph = nx.DiGraph()
    for row in _rows(store, "graph_advising"):
        advisor, student = row["advisor"] or "", row["student"] or ""
        graph.add_node(advisor, kind="person", label=row["advisorName"])
        graph.add_node(student, kind="person", label=row["studentName"])
        sources = graph.edges[advisor, student]["sources"] if graph.has_edge(advisor, student) \
            else []
        graph.add_edge(advisor, student, kind=row["kind"],
                       sources=sorted({*sources, row["source"] or ""}))
    return graph


def speaker_event_graph(store: GraphStore) -> nx.Graph:
    """Speakers joined to the events they spoke at; edge ``talks`` lists the talk IRIs."""
    graph = nx.Graph()
    for row in _rows(store, "graph_speakers_events"):
        speaker, event = row["speaker"] or "", row["event"] or ""
        graph.add_node(speaker, kind="person", label=row["speakerName"])
        graph.add_node(event, kind="event", label=row["eventName"])
        talks = graph.edges[speaker, event]["talks"] if graph.has_edge(speaker, event) else []
        graph.add_edge(speaker, event, kind="spoke at", talks=sorted({*talks, row["talk"] or ""}))
    return graph


def person_institution_graph(store: GraphStore) -> nx.Graph:
    """People joined to the organizations any source says they are or were affiliated with."""
    graph = nx.Graph()
    for row in _rows(store, "graph_affiliations"):
        person, org = row["person"] or "", row["organization"] or ""
        graph.add_node(person, kind="person", label=row["personName"])
        graph.add_node(org, kind="organization", label=row["organizationName"])
        graph.add_edge(person, org, kind="affiliated with")
    return graph


def person_iri(store: GraphStore, name_or_iri: str) -> str | None:
    """The IRI of a person given by IRI or by name; ``None`` if nobody is called that."""
    if name_or_iri.startswith(("http://", "https://")):
        return name_or_iri
    found = resolve_entity(store, name_or_iri, "person")
    return None if found is None else found.value


def _iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)
