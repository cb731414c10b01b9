"""The graph panel of a page: a small NetworkX graph around the page's entity, cut to stay readable.

Each builder takes the site's content and an entity and returns a ``nx.Graph`` whose nodes carry
``kind``, ``label`` and ``rank`` (a sort key: lower is more important to this page) and whose
edges carry ``kind``, ``weight`` and ``papers`` (the works behind a link). ``readable`` then cuts
it to at most ``max_nodes`` nodes and ``max_links`` links, ranks the nodes (PageRank), colours
people by community (Louvain) and says in a sentence what was left out.

A paper with more than ``HYPER_AUTHORS`` authors is drawn as one paper node joined to the
authors shown, never as a link between every pair of its authors: it counts as one link per
author for the layout and the cut, so a 200-author paper cannot fill a page with one hairball.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from kg.views.site.content import SiteContent
from kg.views.site.paths import href, page_of

HYPER_AUTHORS = 25
"""Papers with more authors than this are one node, not a clique of coauthor links."""
MAX_NODES = 60
MAX_LINKS = 180
LABELLED = 15
"""How many nodes, the most important first, are labelled at first view (the rest on zoom)."""
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#76b7b2",
                     "#edc948", "#9c755f", "#ff9da7")
OTHER_COMMUNITY = "#9aa5b1"
KIND_STYLES = {
    "person": ("#4e79a7", "dot", "person"),
    "org": ("#59a14f", "square", "institution"),
    "event": ("#9c6ade", "star", "event"),
    "talk": ("#f28e2b", "triangle", "talk"),
    "paper": ("#e15759", "diamond", "paper"),
}
LINK_NAMES = {
    "coauthor": "joint papers", "author": "author of", "advisor": "advisor of",
    "speaker": "speaker of", "part": "part of", "organizer": "organizer of", "host": "host of",
    "affiliated": "affiliated with", "collaborator": "collaborator on",
}


@dataclass
class Panel:
    """What a page's graph panel draws and says."""

    graph: nx.Graph
    note: str | None = None
    communities: int = 0
    totals: dict[str, int] = field(default_factory=dict)


def hyper(content: SiteContent, paper: str) -> bool:
    """Whether a paper has so many authors that it is drawn as one node."""
    return len(content.papers[paper].authors) > HYPER_AUTHORS


def coauthor_counts(content: SiteContent, person: str) -> Counter[str]:
    """Each coauthor of ``person`` on papers that are not hyper-authored → joint papers."""
    counts: Counter[str] = Counter()
    for paper in content.people[person].papers:
        if not hyper(content, paper):
            counts.update(a for a in content.papers[paper].authors if a != person)
    return counts


def person_graph(content: SiteContent, person: str) -> nx.Graph:
    """A person, their coauthors (most joint papers first), advisors and students, hyper-authored papers."""
    graph = nx.Graph()
    _person(graph, content, person, 0)
    counts = coauthor_counts(content, person)
    for advising in content.people[person].advisors + content.people[person].students:
        other = advising.advisor if advising.student == person else advising.student
        _person(graph, content, other, 1)
        graph.add_edge(advising.advisor, advising.student, kind="advisor", weight=2, papers=[],
                       detail=f"{'PhD advisor' if advising.kind == 'phd' else 'postdoc mentor'}",
                       source=advising.advisor)
    ranked = sorted(counts, key=lambda c: (-counts[c], -len(content.people[c].papers), content.name(c), c))
    for order, other in enumerate(ranked):
        _person(graph, content, other, 2 + order / (len(ranked) + 1))
        graph.add_edge(person, other, kind="coauthor", weight=counts[other],
                       papers=_joint(content, person, other))
    _coauthor_links(graph, content, [n for n in graph if n != person])
    for paper in content.people[person].papers:
        if hyper(content, paper):
            _hyper_paper(graph, content, paper, 1.5)
    return graph


def organization_graph(content: SiteContent, org: str) -> nx.Graph:
    """An institution, the institutions it belongs to or holds, and its people with their joint papers."""
    graph = nx.Graph()
    entity = content.organizations[org]
    graph.add_node(org, kind="org", label=entity.name, rank=0)
    for other in [entity.part_of, *entity.parts]:
        if other in content.organizations:
            graph.add_node(other, kind="org", label=content.name(other), rank=1)
            graph.add_edge(other, org, kind="part", weight=1, papers=[],
                           source=other if other != entity.part_of else org)
    people = sorted(entity.people, key=lambda p: (-len(entity.people[p]), -len(content.people[p].papers),
                                                  content.name(p), p))
    for order, person in enumerate(people):
        _person(graph, content, person, 2 + order / (len(people) + 1))
        graph.add_edge(person, org, kind="affiliated", weight=1, papers=[], source=person)
    _coauthor_links(graph, content, people)
    return graph


def event_graph(content: SiteContent, event: str) -> nx.Graph:
    """An event, the event it is part of, its sessions, talks, speakers, organizers and hosts."""
    graph = nx.Graph()
    entity = content.events[event]
    graph.add_node(event, kind="event", label=entity.name, rank=0)
    if entity.part_of in content.events:
        graph.add_node(entity.part_of, kind="event", label=content.name(entity.part_of), rank=1)
        graph.add_edge(event, entity.part_of, kind="part", weight=1, papers=[], source=event)
    for role, other, _ in entity.roles:
        if role in ("organizer", "host") and (other in content.people or other in content.organizations):
            kind = "person" if other in content.people else "org"
            graph.add_node(other, kind=kind, label=content.name(other), rank=1)
            graph.add_edge(other, event, kind=role, weight=1, papers=[], source=other)
    for order, part in enumerate(sorted(entity.parts, key=lambda e: (content.events[e].start or "", e))):
        graph.add_node(part, kind="event", label=content.name(part), rank=2 + order / 1000)
        graph.add_edge(part, event, kind="part", weight=1, papers=[], source=part)
    talks = [(t, event) for t in entity.talks]
    talks += [(t, part) for part in entity.parts for t in content.events[part].talks]
    for order, (talk, at) in enumerate(sorted(talks, key=lambda pair: (content.talks[pair[0]].start or "",
                                                                       pair[0]))):
        _talk(graph, content, talk, at, 3 + order / (len(talks) + 1))
    return graph


def talk_graph(content: SiteContent, talk: str) -> nx.Graph:
    """A talk, its event, its speakers and collaborators and their institutions as printed."""
    graph = nx.Graph()
    entity = content.talks[talk]
    _talk(graph, content, talk, entity.event if entity.event in content.events else None, 0)
    for person in entity.collaborators:
        if person in content.people:
            _person(graph, content, person, 1)
            graph.add_edge(person, talk, kind="collaborator", weight=1, papers=[], source=person)
    for person in entity.speakers:
        for affiliation in content.people[person].affiliations if person in content.people else []:
            if affiliation.context == talk and affiliation.organization in content.organizations:
                org = affiliation.organization
                graph.add_node(org, kind="org", label=content.name(org), rank=2)
                graph.add_edge(person, org, kind="affiliated", weight=1, papers=[], source=person)
    return graph


def paper_graph(content: SiteContent, paper: str) -> nx.Graph:
    """A paper, its authors in order, and the other papers its authors wrote together (as links)."""
    graph = nx.Graph()
    entity = content.papers[paper]
    graph.add_node(paper, kind="paper", label=entity.title, rank=0)
    for position, author in enumerate(entity.authors):
        if author in content.people:
            _person(graph, content, author, 1 + position / (len(entity.authors) + 1))
            graph.add_edge(author, paper, kind="author", weight=1, papers=[], source=author)
    _coauthor_links(graph, content, [a for a in entity.authors if a in content.people], leave_out={paper})
    return graph


def coauthor_overview(content: SiteContent) -> nx.Graph:
    """The whole coauthor network: joint papers as weighted links, hyper-authored papers as nodes."""
    graph = nx.Graph()
    for iri in sorted(content.people):
        if content.people[iri].papers:
            graph.add_node(iri, kind="person", label=content.people[iri].name, rank=0)
    for paper in sorted(content.papers):
        authors = [a for a in content.papers[paper].authors if a in graph]
        if len(authors) > HYPER_AUTHORS:
            _hyper_paper(graph, content, paper, 0)
            continue
        for a, b in combinations(sorted(authors), 2):
            if graph.has_edge(a, b):
                graph.edges[a, b]["weight"] += 1
                graph.edges[a, b]["papers"].append(paper)
            else:
                graph.add_edge(a, b, kind="coauthor", weight=1, papers=[paper])
    return graph


def readable(graph: nx.Graph, focus: str | None, nouns: str, max_nodes: int = MAX_NODES,
             max_links: int = MAX_LINKS, order: Iterable[str] | None = None) -> Panel:
    """Cut ``graph`` to ``max_nodes`` nodes (by ``rank``, or ``order``) and ``max_links`` links.

    The links kept are, in turn: the focus's own, a maximum spanning forest (each node keeps its
    strongest link, so no one is left floating), then the heaviest others. Nodes get
    ``importance`` (largest 1: PageRank for a whole network, weighted degree around a
    ``focus``), ``labelled`` (shown at first view) and ``colour``
    (people: their Louvain community; others: their kind).
    """
    ranked = list(order) if order is not None else sorted(
        graph, key=lambda n: (graph.nodes[n].get("rank", 9), graph.nodes[n].get("label") or "", n))
    kept = sorted(ranked[:max_nodes])
    shown = nx.Graph()
    shown.add_nodes_from((n, dict(graph.nodes[n])) for n in kept)
    inside = graph.subgraph(kept)
    links = _links_to_keep(inside, focus, max_links)
    shown.add_edges_from((a, b, dict(graph.edges[a, b])) for a, b in links)
    notes = []
    if graph.number_of_nodes() > shown.number_of_nodes():
        notes.append(f"{shown.number_of_nodes():,} of {graph.number_of_nodes():,} {nouns}")
    if graph.number_of_edges() > shown.number_of_edges():
        notes.append(f"{shown.number_of_edges():,} of {graph.number_of_edges():,} links")
    panel = Panel(shown, None, totals={"nodes": graph.number_of_nodes(), "links": graph.number_of_edges()})
    if notes:
        panel.note = "The graph shows " + " and ".join(notes) + "."
    _importance(shown, pagerank=focus is None)
    panel.communities = _colour(shown, focus)
    return panel


def panel_data(panel: Panel, content: SiteContent, here: str, focus: str | None) -> dict[str, Any]:
    """What the page's script draws: nodes and links with labels, colours, sizes and page links.

    ``here`` is the path of the page the panel is on: every link is relative to it.
    """
    graph = panel.graph
    links = {node: href(here, page) for node in graph if (page := page_of(node)) is not None}
    nodes = []
    for node in sorted(graph):
        data = graph.nodes[node]
        colour, shape, kind_name = KIND_STYLES.get(data["kind"], KIND_STYLES["person"])
        entry: dict[str, Any] = {
            "id": node, "label": _short(data.get("label") or kind_name), "kind": kind_name,
            "shape": shape, "color": data.get("colour", colour),
            "value": round(float(data.get("importance", 0.1)), 4),
            "title": f"{data.get('label') or kind_name} ({kind_name})",
        }
        if node in links:
            entry["href"] = links[node]
        if data.get("labelled"):
            entry["labelled"] = True
        if node == focus:
            entry["focus"] = True
        nodes.append(entry)
    edges = []
    for number, (a, b) in enumerate(sorted(tuple(sorted(e)) for e in graph.edges())):
        data = graph.edges[a, b]
        kind = data.get("kind", "")
        source = data.get("source", a)
        start, end = (a, b) if source == a else (b, a)
        name = LINK_NAMES.get(kind, kind)
        weight = int(data.get("weight", 1))
        if kind == "coauthor":
            words = f"{weight} joint paper{'s' if weight != 1 else ''}"
        else:
            words = str(data.get("detail") or name)
        edge: dict[str, Any] = {"id": f"e{number}", "from": start, "to": end, "title": words, "kind": kind,
                                "width": min(1 + weight, 8) if kind == "coauthor" else 1.5}
        if kind in ("advisor", "part", "organizer", "host"):
            edge["arrows"] = "to"
        pages = [[href(here, page), _short(content.name(p), 70)] for p in data.get("papers", [])[:12]
                 if (page := page_of(p)) is not None]
        if pages:
            edge["pages"] = pages
        edges.append(edge)
    return {"nodes": nodes, "edges": edges, "focus": focus}


def _short(text: str, length: int = 36) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _person(graph: nx.Graph, content: SiteContent, person: str, rank: float) -> None:
    if person in graph:
        graph.nodes[person]["rank"] = min(graph.nodes[person]["rank"], rank)
    else:
        graph.add_node(person, kind="person", label=content.name(person), rank=rank)


def _joint(content: SiteContent, a: str, b: str) -> list[str]:
    mine = set(content.people[a].papers)
    return sorted(p for p in content.people[b].papers if p in mine and not hyper(content, p))


def _coauthor_links(graph: nx.Graph, content: SiteContent, people: list[str],
                    leave_out: set[str] | None = None) -> None:
    """Join the ``people`` already in ``graph`` who wrote papers together (hyper-authored ones aside)."""
    inside = set(people)
    for person in people:
        for paper in content.people[person].papers:
            if (leave_out and paper in leave_out) or hyper(content, paper):
                continue
            for other in content.papers[paper].authors:
                if other > person and other in inside:
                    if graph.has_edge(person, other):
                        data = graph.edges[person, other]
                        if data["kind"] != "coauthor":
                            continue
                        if paper not in data["papers"]:
                            data["papers"].append(paper)
                            data["weight"] = len(data["papers"])
                    else:
                        graph.add_edge(person, other, kind="coauthor", weight=1, papers=[paper])


def _hyper_paper(graph: nx.Graph, content: SiteContent, paper: str, rank: float) -> None:
    graph.add_node(paper, kind="paper", label=content.papers[paper].title, rank=rank)
    for author in content.papers[paper].authors:
        if author in graph and graph.nodes[author]["kind"] == "person":
            graph.add_edge(author, paper, kind="author", weight=1, papers=[], source=author)


def _talk(graph: nx.Graph, content: SiteContent, talk: str, event: str | None, rank: float) -> None:
    entity = content.talks[talk]
    graph.add_node(talk, kind="talk", label=entity.title or "Untitled talk", rank=rank)
    if event is not None:
        if event not in graph:
            graph.add_node(event, kind="event", label=content.name(event), rank=rank + 1)
        graph.add_edge(talk, event, kind="part", weight=1, papers=[], source=talk)
    for speaker in entity.speakers:
        if speaker in content.people:
            _person(graph, content, speaker, rank + 0.5)
            graph.add_edge(speaker, talk, kind="speaker", weight=1, papers=[], source=speaker)


def _links_to_keep(graph: nx.Graph, focus: str | None, max_links: int) -> list[tuple[str, str]]:
    def key(edge: tuple[str, str]) -> tuple[float, str, str]:
        a, b = sorted(edge)
        return (-float(graph.edges[a, b].get("weight", 1)), a, b)

    edges = sorted((tuple(sorted(e)) for e in graph.edges()), key=key)
    if len(edges) <= max_links:
        return edges  # type: ignore[return-value]
    own = [e for e in edges if focus in e]
    spine = sorted((tuple(sorted(e[:2])) for e in nx.maximum_spanning_edges(graph, data=False)), key=key)
    chosen: dict[tuple[str, str], None] = {}
    for edge in [*own, *spine, *edges]:
        if len(chosen) >= max_links:
            break
        chosen.setdefault(edge, None)  # type: ignore[arg-type]
    return list(chosen)


def _importance(graph: nx.Graph, pagerank: bool) -> None:
    """Each node's importance on the panel, largest 1: PageRank, or (around one entity) weighted degree."""
    if graph.number_of_edges() == 0:
        ranks = {n: 1.0 for n in graph}
    elif pagerank:
        ranks = nx.pagerank(graph, weight="weight")
    else:
        ranks = {n: 1.0 + float(d) for n, d in graph.degree(weight="weight")}
    top = max(ranks.values(), default=1.0)
    for node, rank in ranks.items():
        graph.nodes[node]["importance"] = rank / top
    labelled = sorted(graph, key=lambda n: (-ranks[n], graph.nodes[n].get("label") or "", n))
    count = len(graph) if len(graph) <= 25 else LABELLED
    for node in labelled[:count]:
        graph.nodes[node]["labelled"] = True


def _colour(graph: nx.Graph, focus: str | None) -> int:
    """Colour people by their Louvain community among the people shown; return how many got a colour."""
    people = sorted(n for n, kind in graph.nodes(data="kind") if kind == "person" and n != focus)
    among = nx.Graph()
    among.add_nodes_from(people)
    among.add_weighted_edges_from(sorted((a, b, d["weight"]) for a, b, d in graph.edges(data=True)
                                         if a in among and b in among and d["kind"] == "coauthor"))
    if among.number_of_edges() == 0:
        return 0
    groups = nx.community.louvain_communities(among, weight="weight", seed=7)
    groups = sorted((sorted(g) for g in groups if len(g) > 1), key=lambda g: (-len(g), g[0]))
    for number, group in enumerate(groups):
        colour = COMMUNITY_COLOURS[number] if number < len(COMMUNITY_COLOURS) else OTHER_COMMUNITY
        for node in group:
            graph.nodes[node]["colour"] = colour
    for node in people:
        graph.nodes[node].setdefault("colour", OTHER_COMMUNITY)
    return min(len(groups), len(COMMUNITY_COLOURS))
