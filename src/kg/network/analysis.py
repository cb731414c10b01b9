"""Metrics of collaboration graphs, in networkx style: graphs in, plain rows out.

Nothing here reads the store or prints: ``graphs.py`` builds the graphs, ``cli/`` shows the
results. Every ranking is total: ties are broken by name, then by IRI, and the randomised
algorithms (sampled betweenness, Louvain) run with a fixed seed, so a graph always gives the
same answer.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

SEED = 42
"""Seed of the randomised algorithms: same graph, same answer."""
BETWEENNESS_EXACT_UP_TO = 1000
"""Above this many people, betweenness is estimated from ``BETWEENNESS_SAMPLES`` sources."""
BETWEENNESS_SAMPLES = 200


@dataclass(frozen=True)
class Step:
    """One step of a chain: ``person`` is linked to ``to`` by ``relation`` through ``via``.

    ``kind`` says what the link is as data (``paper``, ``talk``, ``phd``, ``postdoc``), and
    ``advisor`` which of the two advised the other on an advising step; ``relation`` is the
    same in words, for people.
    """

    person: str
    name: str
    to: str
    to_name: str
    relation: str
    via: str
    title: str | None
    year: int | None
    kind: str = ""
    advisor: str | None = None

    def describe(self) -> str:
        """The step in words, e.g. ``Ada —paper "Notes" (2020)→ Alan``."""
        what = self.relation
        if self.title:
            what += f' "{self.title}"'
        if self.year:
            what += f" ({self.year})"
        return f"{self.name} —{what}→ {self.to_name}"


@dataclass(frozen=True)
class Centrality:
    """How central one person is in the graph."""

    person: str
    name: str
    papers: int
    degree: int
    pagerank: float
    betweenness: float
    community: int


@dataclass(frozen=True)
class Community:
    """A community found by Louvain: its number (largest first), size and best-connected members."""

    number: int
    size: int
    members: tuple[str, ...]
    leaders: tuple[str, ...]


@dataclass(frozen=True)
class Bridge:
    """A person whose collaborators lie in several communities."""

    person: str
    name: str
    community: int
    communities_reached: int
    participation: float
    betweenness: float


@dataclass(frozen=True)
class Relative:
    """An academic ancestor (negative generation) or descendant (positive) of a person."""

    generation: int
    person: str
    name: str
    relation: str
    of: str
    of_name: str


def label(graph: nx.Graph, node: str) -> str:
    """A node's ``label``, or the node itself."""
    return graph.nodes[node].get("label") or node


def by_name(graph: nx.Graph) -> Callable[[str], tuple[str, str]]:
    """A sort key ordering nodes by label, then IRI."""
    return lambda node: (label(graph, node), node)


def summary(graph: nx.Graph) -> dict[str, Any]:
    """People, links, connected components, the largest component's share, average degree."""
    components = sorted((len(c) for c in nx.connected_components(graph)), reverse=True)
    people = graph.number_of_nodes()
    return {
        "people": people,
        "links": graph.number_of_edges(),
        "components": len(components),
        "largest component": components[0] if components else 0,
        "largest component share": round(components[0] / people, 4) if people else 0.0,
        "isolated people": sum(1 for size in components if size == 1),
        "average degree": round(2 * graph.number_of_edges() / people, 3) if people else 0.0,
    }


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Betweenness centrality: exact on small graphs, from a fixed sample of sources on large ones."""
    if graph.number_of_nodes() <= BETWEENNESS_EXACT_UP_TO:
        return nx.betweenness_centrality(graph)
    return nx.betweenness_centrality(graph, k=BETWEENNESS_SAMPLES, seed=SEED)


def communities(graph: nx.Graph) -> list[set[str]]:
    """Louvain communities (weighted, fixed seed), largest first, ties by their first member's name."""
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(_sorted_copy(graph), weight="weight", seed=SEED)
    key = by_name(graph)
    return sorted(found, key=lambda c: (-len(c), min(key(n) for n in c)))


def _sorted_copy(graph: nx.Graph) -> nx.Graph:
    """The same graph with nodes and edges inserted in sorted order, so seeded runs repeat."""
    copy = nx.Graph()
    copy.add_nodes_from(sorted(graph))
    copy.add_weighted_edges_from(
        sorted((min(a, b), max(a, b), d.get("weight", 1)) for a, b, d in graph.edges(data=True))
    )
    return copy


def membership(groups: list[set[str]]) -> dict[str, int]:
    """Community number (1-based) of every node."""
    return {node: number for number, group in enumerate(groups, start=1) for node in group}


def centrality(
    graph: nx.Graph, groups: list[set[str]], between: dict[str, float], top: int
) -> list[Centrality]:
    """The ``top`` people by PageRank (weighted by joint papers), with degree and betweenness."""
    if graph.number_of_nodes() == 0:
        return []
    rank = nx.pagerank(_sorted_copy(graph), weight="weight")
    where = membership(groups)
    key = by_name(graph)
    order = sorted(graph, key=lambda n: (-round(rank[n], 12), *key(n)))[:top]
    return [
        Centrality(n, label(graph, n), int(graph.nodes[n].get("papers", 0)), graph.degree(n),
                   round(rank[n], 6), round(between.get(n, 0.0), 6), where.get(n, 0))
        for n in order
    ]


def describe_communities(graph: nx.Graph, groups: list[set[str]], top: int) -> list[Community]:
    """Each community with its size and its ``top`` members by degree inside it."""
    key = by_name(graph)
    found = []
    for number, group in enumerate(groups, start=1):
        inside = graph.subgraph(group)
        leaders = sorted(group, key=lambda n: (-inside.degree(n), *key(n)))[:top]
        found.append(Community(number, len(group), tuple(sorted(group)),
                               tuple(label(graph, n) for n in leaders)))
    return found


def bridges(
    graph: nx.Graph, groups: list[set[str]], between: dict[str, float], top: int
) -> list[Bridge]:
    """People whose collaborators span most communities (participation coefficient), then betweenness.

    The participation coefficient of a person with ``k`` links, ``k_c`` of them into community
    ``c``, is ``1 - Σ (k_c / k)²``: 0 when all collaborators are in one community.
    """
    where = membership(groups)
    key = by_name(graph)
    found = []
    for node in graph:
        reached: dict[int, int] = {}
        for neighbour in graph[node]:
            reached[where[neighbour]] = reached.get(where[neighbour], 0) + 1
        others = len(set(reached) - {where[node]})
        if others == 0:
            continue
        degree = sum(reached.values())
        participation = 1 - sum((k / degree) ** 2 for k in reached.values())
        found.append(Bridge(node, label(graph, node), where[node], others + 1,
                            round(participation, 4), round(between.get(node, 0.0), 6)))
    found.sort(key=lambda b: (-b.communities_reached, -b.betweenness, -b.participation,
                              *key(b.person)))
    return found[:top]


def shortest_chain(graph: nx.Graph, start: str, targets: Iterable[str]) -> list[Step]:
    """The shortest chain of links from ``start`` to the nearest of ``targets``.

    Breadth-first, neighbours taken in name order, so among equally short chains the one
    through the alphabetically first people wins. Each step names the most recent paper,
    talk or advising behind its edge (edges as ``graphs.add_links`` makes
    them). Empty if no target can be reached or ``start`` is one.
    """
    goal = set(targets)
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    found = None
    key = by_name(graph)
    while queue and found is None and start not in goal:
        node = queue.popleft()
        for neighbour in sorted(graph[node], key=key):
            if neighbour in previous:
                continue
            previous[neighbour] = node
            if neighbour in goal:
                found = neighbour
                break
            queue.append(neighbour)
    if found is None:
        return []
    chain = [found]
    while (before := previous[chain[-1]]) is not None:
        chain.append(before)
    chain.reverse()
    return [link_step(graph, a, b) for a, b in zip(chain, chain[1:], strict=False)]


def link_step(graph: nx.Graph, a: str, b: str) -> Step:
    """The step from ``a`` to ``b``, named after the most recent link behind their edge."""
    links = graph.edges[a, b]["links"]
    link = max(links, key=lambda e: (e.get("year") or 0, e["via"]))
    kind = relation = link["relation"]
    advisor = None
    if kind in ("phd", "postdoc"):
        advisor = a if link.get("advisor") == a else b
        words = "PhD" if kind == "phd" else "postdoc"
        relation = f"{words} advisor of" if advisor == a else f"{words} student of"
    return Step(a, label(graph, a), b, label(graph, b), relation, link["via"],
                link.get("title"), link.get("year"), kind, advisor)


def lineage(genealogy: nx.DiGraph, person: str) -> list[Relative]:
    """Academic ancestors (generation -1, -2, ...) and descendants (1, 2, ...) of ``person``.

    ``genealogy`` has an edge from advisor to student with ``kind`` phd or postdoc. Each
    relative is listed once, at the generation of the shortest line, through the advisor or
    student that comes first by name.
    """
    found: list[Relative] = []
    for direction, sign in ((genealogy.predecessors, -1), (genealogy.successors, 1)):
        seen = {person}
        frontier = [person]
        generation = 0
        while frontier:
            generation += 1
            reached: dict[str, str] = {}
            for node in sorted(frontier, key=by_name(genealogy)):
                for relative in sorted(direction(node), key=by_name(genealogy)):
                    if relative not in seen and relative not in reached:
                        reached[relative] = node
            for relative, via in reached.items():
                edge = genealogy.edges[(relative, via) if sign < 0 else (via, relative)]
                kind = "PhD" if edge.get("kind") == "phd" else "postdoc"
                role = f"{kind} advisor of" if sign < 0 else f"{kind} student of"
                found.append(Relative(sign * generation, relative, label(genealogy, relative),
                                      role, via, label(genealogy, via)))
            seen |= set(reached)
            frontier = sorted(reached)
    key = by_name(genealogy)
    return sorted(found, key=lambda r: (r.generation, *key(r.person)))
