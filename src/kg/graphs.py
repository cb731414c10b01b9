"""Rows from the store → NetworkX graphs, read through SPARQL so any store will do.

Nodes are IRIs. Every node carries ``kind`` (person, paper, talk, event, organization) and
``label``; edges carry what links them. Builders take a ``GraphStore`` and return a new graph;
they never print, write files or know how graphs are drawn.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
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


Step = tuple[str, bool]
"""A link to follow: the ``kg:`` property's local name and whether it leaves the node."""


def ego_graph(
    store: GraphStore,
    seed: str,
    radius: int,
    follow: Mapping[str, Collection[Step]],
    first: Collection[Step] | None = None,
    limit: int = 2000,
) -> nx.DiGraph:
    """The people, institutions, talks, papers and events within ``radius`` links of ``seed``.

    The seed follows the links in ``first`` (every link when ``None``); a node reached on the way
    follows only the links ``follow`` lists for its kind, so a person's page can go from a paper
    to its authors without going on from each author to all their papers. Edges point from the
    subject of the RDF link to its object and carry ``kind``, the property's local name. Nodes
    carry ``kind``, ``label`` and ``hop``. The walk stops taking new nodes at ``limit`` and then
    sets ``graph.graph["limit_reached"]``; the walk is breadth-first in IRI order, so the same
    store gives the same graph.
    """
    graph = nx.DiGraph(limit_reached=False)
    facts = node_facts(store, seed)
    graph.add_node(seed, kind=_first(facts, "kind") or "other", hop=0,
                   label=_first(facts, "name") or _first(facts, "title") or "")
    frontier = [seed]
    for hop in range(1, radius + 1):
        reached: list[str] = []
        for node in frontier:
            steps = first if hop == 1 else follow.get(graph.nodes[node]["kind"], ())
            if steps is not None and not steps:
                continue
            for row in _rows(store, "graph_links_of", node=_iri(node)):
                step = (row["link"] or "", row["outgoing"] == "true")
                if steps is not None and step not in steps:
                    continue
                other = row["other"] or ""
                if other not in graph:
                    if graph.number_of_nodes() >= limit:
                        graph.graph["limit_reached"] = True
                        continue
                    graph.add_node(other, kind=row["otherKind"], label=row["otherName"], hop=hop)
                    reached.append(other)
                subject, obj = (node, other) if step[1] else (other, node)
                graph.add_edge(subject, obj, kind=step[0])
        frontier = sorted(reached)
    return graph


def node_facts(store: GraphStore, node: str) -> dict[str, list[str]]:
    """What the store says about one node for a reader: field → sorted distinct values.

    Fields: ``kind``, ``name``, ``title``, ``date``, ``year``, ``place``, ``venue``,
    ``affiliation``, ``part of`` and ``source`` (titles of the source documents that mention it).
    """
    facts: dict[str, list[str]] = defaultdict(list)
    for row in _rows(store, "node_details", node=_iri(node)):
        facts[row["field"] or ""].append(row["value"] or "")
    return {field: sorted(set(values)) for field, values in sorted(facts.items())}


def add_facts(store: GraphStore, graph: nx.Graph) -> None:
    """Give every node of ``graph`` a ``facts`` attribute (see ``node_facts``), in place."""
    for node in sorted(graph):
        graph.nodes[node]["facts"] = node_facts(store, node)


def lineage_graph(store: GraphStore, person: str) -> nx.DiGraph:
    """A person's academic family: advisors up the line, students down it, and the advisors' other students.

    Edges point from advisor to student (``kind`` phd or postdoc); each node's ``generation`` is
    its level relative to the person (advisors negative, students positive).
    """
    advising = advising_graph(store)
    if person not in advising:
        graph = nx.DiGraph()
        facts = node_facts(store, person)
        graph.add_node(person, kind="person", label=_first(facts, "name") or "", generation=0)
        return graph
    ancestors = nx.ancestors(advising, person)
    members = {person} | ancestors | nx.descendants(advising, person)
    for ancestor in ancestors:
        members |= set(advising.successors(ancestor))
    graph = nx.DiGraph(advising.subgraph(sorted(members)))
    for node, generation in _generations(graph, person).items():
        graph.nodes[node]["generation"] = generation
    return graph


def _generations(graph: nx.DiGraph, person: str) -> dict[str, int]:
    """Levels relative to ``person`` along advising edges, walking both ways breadth-first."""
    levels = {person: 0}
    frontier = [person]
    while frontier:
        reached = []
        for node in frontier:
            for student in sorted(graph.successors(node)):
                if student not in levels:
                    levels[student] = levels[node] + 1
                    reached.append(student)
            for advisor in sorted(graph.predecessors(node)):
                if advisor not in levels:
                    levels[advisor] = levels[node] - 1
                    reached.append(advisor)
        frontier = reached
    return levels


def _first(facts: Mapping[str, list[str]], field: str) -> str | None:
    values = facts.get(field)
    return values[0] if values else None
