"""Rows from the store → NetworkX graphs, read through SPARQL so any store will do.

Nodes are IRIs. Every node carries ``kind`` (person, paper, talk, event, organization) and
``label``; edges carry what links them. Builders take a ``GraphStore`` and return a new graph;
they never print, write files or know how graphs are drawn.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from functools import cache
from itertools import combinations
from typing import Any

import networkx as nx

from kg.sparql.catalog import find_query
from kg.store import GraphStore, Table, Term
from kg.store.terms import IRI


def _rows(store: GraphStore, query_name: str, **bindings: Term) -> list[dict[str, str | None]]:
    table: Table = store.select(query_text(query_name), bindings or None)
    return table.values()


@cache
def query_text(name: str) -> str:
    """The SPARQL text of a named query, read from ``queries/`` once per process."""
    return find_query(name).text


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


def _iri(value: str) -> IRI:
    return IRI(value)


# --- Collaboration links: joint papers, shared talks and advising, fetched a person at a time ---

ADVISING_RELATIONS = {"phd advisor": "phd", "postdoc mentor": "postdoc",
                      "phd student": "phd", "postdoc": "postdoc"}
"""How ``graph_links_of`` names an advising link, seen from the person asked about → its kind."""


def person_links(store: GraphStore, person: str, as_of: date | None = None) -> list[dict[str, Any]]:
    """Every link of one person (IRI): the paper, talk or advising behind it and who is at the other end.

    Each link is a dictionary with ``other``, ``otherName``, ``relation`` (``paper``, ``talk``,
    ``phd`` or ``postdoc``), ``via`` (the paper, talk or advising IRI), ``title``, ``year`` and,
    for advising, ``advisor`` (the IRI of the advisor). A person's own papers and talks come back
    with ``other`` equal to the person. With ``as_of``, papers and talks not yet known on that
    day are left out: a paper counts from the last day of its year, a talk from its start, an
    undated talk never; advising has no date and always counts.
    """
    links = []
    for row in _rows(store, "graph_links_of", person=_iri(person)):
        relation = row["relation"] or ""
        link: dict[str, Any] = {
            "other": row["other"] or "",
            "otherName": row["otherName"] or "",
            "relation": ADVISING_RELATIONS.get(relation, relation),
            "via": row["via"] or "",
            "title": row["title"],
            "year": _year(row["year"], row["date"]),
            "date": (row["date"] or "")[:10] or None,
        }
        if relation in ADVISING_RELATIONS:
            advised_by_other = relation in ("phd advisor", "postdoc mentor")
            link["advisor"] = link["other"] if advised_by_other else person
        if as_of is None or known_on(link, as_of):
            links.append(link)
    return links


def known_on(link: dict[str, Any], day: date) -> bool:
    """Whether a link was known on ``day``: papers from the end of their year, talks from their start."""
    if link["relation"] == "paper":
        return link["year"] is not None and date(link["year"], 12, 31) <= day
    if link["relation"] == "talk":
        return link["date"] is not None and link["date"] <= day.isoformat()
    return True


def add_links(graph: nx.Graph, person: str, links: list[dict[str, Any]]) -> None:
    """Add one person's links (from ``person_links``) to ``graph`` and mark the person expanded."""
    if person not in graph:
        graph.add_node(person, kind="person", expanded=False, works=[])
    node = graph.nodes[person]
    node["expanded"] = True
    own = set(node.get("works", []))
    works = graph.graph.setdefault("works", {})
    their_works: dict[str, set[str]] = defaultdict(set)
    for link in links:
        other, via = link["other"], link["via"]
        if link["relation"] in ("paper", "talk"):
            works.setdefault(via, {"relation": link["relation"], "title": link["title"],
                                   "year": link["year"]})
        if other == person:
            node["label"] = link["otherName"]
            if link["relation"] in ("paper", "talk"):
                own.add(via)
            continue
        if other not in graph:
            graph.add_node(other, kind="person", expanded=False, works=[])
        graph.nodes[other]["label"] = link["otherName"]
        if link["relation"] in ("paper", "talk"):
            their_works[other].add(via)
        _add_link_edge(graph, person, other, link)
    for other, added in their_works.items():
        graph.nodes[other]["works"] = sorted(added.union(graph.nodes[other]["works"]))
    node["works"] = sorted(own)


def _add_link_edge(graph: nx.Graph, a: str, b: str, link: dict[str, Any]) -> None:
    entry = {k: link.get(k) for k in ("relation", "via", "title", "year", "advisor")
             if link.get(k) is not None}
    if not graph.has_edge(a, b):
        graph.add_edge(a, b, kind="collaboration", links=[entry], weight=1,
                       years=[] if link["year"] is None else [link["year"]])
        return
    data = graph.edges[a, b]
    if any(e["via"] == entry["via"] for e in data["links"]):
        return
    data["links"] = sorted([*data["links"], entry], key=lambda e: (e.get("year") or 0, e["via"]))
    data["weight"] = len(data["links"])
    if link["year"] is not None:
        data["years"] = sorted({*data["years"], link["year"]})


def _label_seeds(store: GraphStore, graph: nx.Graph) -> None:
    for node, data in graph.nodes(data=True):
        if "label" not in data:
            data["label"] = person_name(store, node)


def person_name(store: GraphStore, person: str) -> str:
    """The name of a person (IRI); the IRI itself when the store has no name for it."""
    rows = _rows(store, "person_name", person=_iri(person))
    return (rows[0]["name"] or person) if rows else person


def _year(year: str | None, start: str | None) -> int | None:
    if year:
        return int(year)
    if start and start[:4].isdigit():
        return int(start[:4])
    return None


def path_graph(store: GraphStore, a: str, b: str, max_hops: int = 6) -> nx.Graph:
    """Enough of the collaboration graph to hold a shortest chain between people ``a`` and ``b``.

    Grows the neighbourhoods of both ends a whole layer at a time, always the smaller frontier
    first, until they meet or ``max_hops`` links have been explored; then every shortest chain
    of the full graph is also in this one. The meeting is marked ``graph.graph["met"]``.
    """
    graph = nx.Graph(works={}, met=a == b)
    graph.add_node(a, kind="person", expanded=False, works=[])
    graph.add_node(b, kind="person", expanded=False, works=[])
    sides = {a: {a}, b: {b}}
    frontiers = {a: [a], b: [b]}
    explored = 0
    while not graph.graph["met"] and explored < max_hops and frontiers[a] and frontiers[b]:
        end = a if len(frontiers[a]) <= len(frontiers[b]) else b
        other = b if end == a else a
        reached: set[str] = set()
        for person in frontiers[end]:
            add_links(graph, person, person_links(store, person))
            reached |= {n for n in graph[person] if n not in sides[end]}
        sides[end] |= reached
        frontiers[end] = sorted(reached)
        explored += 1
        graph.graph["met"] = bool(sides[end] & sides[other])
    _label_seeds(store, graph)
    return graph


def genealogy_around(store: GraphStore, person: str, depth: int = 10) -> nx.DiGraph:
    """The academic genealogy around ``person``: advisors' advisors up, students' students down.

    An edge goes from advisor to student with ``kind`` (phd or postdoc) and ``via`` (the
    advising IRIs); at most ``depth`` generations each way, one query per person reached.
    """
    graph = nx.DiGraph()
    graph.add_node(person, kind="person")
    for upward in (True, False):
        frontier, seen = [person], {person}
        for _ in range(depth):
            reached: set[str] = set()
            for node in frontier:
                for link in person_links(store, node):
                    if link["other"] == node and "label" not in graph.nodes[node]:
                        graph.nodes[node]["label"] = link["otherName"]
                    if link["relation"] not in ("phd", "postdoc"):
                        continue
                    other = link["other"]
                    if (link["advisor"] == other) != upward:
                        continue
                    graph.add_node(other, kind="person", label=link["otherName"])
                    advisor, student = (other, node) if upward else (node, other)
                    via = graph.edges[advisor, student]["via"] if graph.has_edge(advisor, student) else []
                    graph.add_edge(advisor, student, kind=link["relation"],
                                   via=sorted({*via, link["via"]}))
                    if other not in seen:
                        reached.add(other)
            seen |= reached
            frontier = sorted(reached)
            if not frontier:
                break
    if "label" not in graph.nodes[person]:
        graph.nodes[person]["label"] = person_name(store, person)
    return graph
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
            for row in _rows(store, "graph_node_links", node=_iri(node)):
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
