"""What each page of ``kg viz`` shows: a graph from the store, cut to what a person can read.

A view picks the part of the graph a question needs (a person's neighbourhood, an event's
programme, an academic family, the coauthor network), ranks the nodes by importance, keeps the
most important ones when there are too many, and says in a sentence what it left out. It
returns a ``Page`` for ``kg.views.render`` to draw; it never writes files or HTML itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import networkx as nx

from kg.network.analysis import Step
from kg.network.graphs import add_facts, coauthor_graph, ego_graph, lineage_graph, node_facts
from kg.network.suggest import Candidate, Suggestions, suggest
from kg.sparql.catalog import find_query
from kg.sparql.resolver import entity
from kg.store import GraphStore
from kg.views.render import Page
from kg.views.site.panels import HYPER_AUTHORS

MAX_NODES = 150
"""How many nodes a page shows at most: beyond that a force layout is a hairball."""

PERSON_FOLLOW = {"paper": {("author", True)}, "talk": {("speaker", True), ("partOf", True)}}
EVENT_FIRST = {("partOf", False), ("organizer", True), ("host", True)}
EVENT_FOLLOW = {"event": {("partOf", False), ("organizer", True)}, "talk": {("speaker", True)}}


def coauthors_view(store: GraphStore, max_nodes: int = MAX_NODES) -> Page:
    """The coauthor network; when large, the most central people of its densest big core."""
    whole = without_hyper_cliques(coauthor_graph(store))
    for node, kind in whole.nodes(data="kind"):
        if kind == "paper":
            whole.nodes[node]["label"] = (node_facts(store, node).get("title") or [""])[0]
    shown, cut = densest_top(whole, max_nodes, "people", "coauthor links")
    _finish(store, shown)
    return Page(
        name="coauthors",
        title="Coauthors",
        summary=f"Who wrote papers with whom: {_count(shown, 'person', 'people')}, a link per "
        "pair of coauthors, thicker for more joint papers.",
        graph=shown,
        cut=cut,
    )


def person_view(store: GraphStore, name: str, max_nodes: int = MAX_NODES) -> Page:
    """A person's papers and coauthors, talks and their events, institutions and advisors."""
    person = entity(store, name, "person")
    graph = ego_graph(store, person, radius=2, follow=PERSON_FOLLOW)
    label = graph.nodes[person]["label"]
    shown, cut = nearest_top(graph, person, max_nodes)
    _finish(store, shown)
    return Page(
        name=f"person-{slug(person)}",
        title=label,
        summary=f"{label}: papers and their coauthors, talks and their events, institutions, "
        "advisors and students.",
        graph=shown,
        cut=_limit_note(graph, cut),
        focus=person,
    )


def event_view(store: GraphStore, name: str, max_nodes: int = MAX_NODES) -> Page:
    """An event with its sessions, talks, speakers, organizers and hosts."""
    event = entity(store, name, "event")
    graph = ego_graph(store, event, radius=3, follow=EVENT_FOLLOW, first=EVENT_FIRST)
    label = graph.nodes[event]["label"]
    shown, cut = nearest_top(graph, event, max_nodes)
    _finish(store, shown)
    return Page(
        name=f"event-{slug(event)}",
        title=label,
        summary=f"{label}: its sessions, talks and speakers, organizers and hosts.",
        graph=shown,
        cut=_limit_note(graph, cut),
        focus=event,
    )


def parent_events(store: GraphStore, events: Iterable[str]) -> list[str]:
    """The series, conferences or meetings that the given events are part of, sorted."""
    wanted = set(events)
    rows = store.select(find_query("events").text).values()
    return sorted({row["partOf"] for row in rows if row["event"] in wanted and row["partOf"]} - wanted)


def lineage_view(store: GraphStore, name: str, max_nodes: int = MAX_NODES) -> Page:
    """A person's academic family tree: advisors above, students below, drawn top-down."""
    person = entity(store, name, "person")
    graph = lineage_graph(store, person)
    label = graph.nodes[person].get("label") or node_facts(store, person).get("name", [""])[0]
    shown, cut = nearest_top(graph, person, max_nodes)
    _finish(store, shown)
    return Page(
        name=f"lineage-{slug(person)}",
        title=f"Lineage of {label}",
        summary=f"The academic family of {label}: doctoral advisors and postdoc mentors above, "
        "students below, and the other students of each advisor.",
        graph=shown,
        cut=cut,
        hierarchical=True,
        focus=person,
    )


def suggest_view(store: GraphStore, name: str, top: int = 10, max_nodes: int = MAX_NODES) -> Page:
    """An event, its past speakers and organizers, and the people suggested to speak next.

    Each candidate (``kind`` candidate, labelled with its rank) is joined to the speakers and
    organizers by the chain of joint papers, shared talks and advising that explains the
    suggestion; its details hold the score, its parts and the reasons. When the page would be
    too big, the speakers and organizers on no candidate's chain are the ones left out.
    """
    event = entity(store, name, "event")
    result = suggest(store, event, top=top)
    graph = suggestion_graph(result)
    shown, cut = _without_loose_seeds(graph, max_nodes)
    _finish(store, shown)
    for candidate_rank, candidate in enumerate(result.candidates, start=1):
        facts = shown.nodes[candidate.person]["facts"]
        facts.update(candidate_facts(candidate_rank, candidate))
    notes = [cut] if cut else []
    notes += [f"The suggestion itself: {message}." for message in result.notes]
    return Page(
        name=f"suggest-{slug(event)}",
        title=f"Speakers to invite to {result.event_name}",
        summary=f"{result.event_name}: {_counted(len(result.speakers), 'past speaker')} and "
        f"{_counted(len(result.organizers), 'organizer')}, and the "
        f"{_counted(len(result.candidates), 'person', 'people')} 'kg suggest' ranks first of "
        f"the {result.considered:,} it considered, each joined to them by the papers, talks and "
        "advising that explain the suggestion.",
        graph=shown,
        cut=" ".join(notes) or None,
        focus=event,
    )


def suggestion_graph(result: Suggestions) -> nx.DiGraph:
    """The event, its speakers and organizers and the candidates with their chains.

    Speakers point to the event (``spoke at``), the event to its organizers (``organizer``);
    each step of a chain is an edge between two people, of kind ``joint paper`` or
    ``shared talk`` (from the first person to the second, ``detail`` naming the paper or
    talk) or ``phd`` / ``postdoc`` (from advisor to student).
    """
    graph = nx.DiGraph()
    graph.add_node(result.event, kind="event", label=result.event_name)
    for person, label in sorted(result.speaker_names.items()):
        graph.add_node(person, kind="person", label=label, role="speaker")
        graph.add_edge(person, result.event, kind="spoke at")
    for person, label in sorted(result.organizer_names.items()):
        graph.add_node(person, kind="person", label=label, role="organizer")
        graph.add_edge(result.event, person, kind="organizer")
    for candidate_rank, candidate in enumerate(result.candidates, start=1):
        graph.add_node(candidate.person, kind="candidate", label=f"{candidate_rank}. {candidate.name}")
    for candidate in result.candidates:
        for step in candidate.path:
            for person, label in ((step.person, step.name), (step.to, step.to_name)):
                if person not in graph:
                    graph.add_node(person, kind="person", label=label)
            _add_step(graph, step)
    return graph


def candidate_facts(rank: int, candidate: Candidate) -> dict[str, list[str]]:
    """What the details panel says about a candidate: rank, score, its parts and the reasons."""
    facts = {
        "rank": [str(rank)],
        "score": [f"{candidate.score:.3f} (closeness {candidate.closeness:.3f}, topic "
                  f"{candidate.topic:.3f}, recency {candidate.recency:.3f})"],
        "why": [" then ".join(step.describe() for step in candidate.path) or "no chain found"],
        "reasons": list(candidate.reasons),
        "relations to organizers": list(candidate.relations),
        "shared coauthors": [", ".join(candidate.shared_coauthors)],
        "topic words": [", ".join(candidate.topic_words)],
        "conflicts": list(candidate.conflicts),
        "last active": [str(candidate.last_year)] if candidate.last_year else [],
    }
    return {field: values for field, values in facts.items() if any(values)}


def without_hyper_cliques(graph: nx.Graph, max_authors: int = HYPER_AUTHORS) -> nx.Graph:
    """The coauthor graph with each paper of more than ``max_authors`` authors as one node.

    Such a paper would join every pair of its authors (19,900 links for 200 authors) and fill
    the densest core with its authors alone; as one ``paper`` node linked to each author
    (``kind`` author) it counts as one link per author for the layout and the cut. Links left
    with no other joint paper disappear; the others keep their other papers (``weight``).
    """
    authors: dict[str, set[str]] = {}
    for a, b, papers in graph.edges(data="papers", default=[]):
        for paper in papers:
            authors.setdefault(paper, set()).update((a, b))
    hyper = {paper for paper, people in authors.items() if len(people) > max_authors}
    if not hyper:
        return graph
    result = nx.Graph()
    result.add_nodes_from(graph.nodes(data=True))
    for a, b, data in graph.edges(data=True):
        kept = [paper for paper in data.get("papers", []) if paper not in hyper]
        if kept:
            result.add_edge(a, b, **{**data, "papers": kept, "weight": len(kept)})
    for paper in sorted(hyper):
        result.add_node(paper, kind="paper", label="")
        for person in sorted(authors[paper]):
            result.add_edge(person, paper, kind="author")
    return result


def densest_top(graph: nx.Graph, max_nodes: int, nouns: str, links: str) -> tuple[nx.Graph, str | None]:
    """At most ``max_nodes`` nodes: the highest PageRank within the densest k-core that is big enough.

    Returns the subgraph and a sentence saying what was cut (``None`` when nothing was).
    The k-core is the largest k whose core still has ``max_nodes`` nodes, so the people kept
    are those who collaborate with many others who do so too; PageRank ranks within it, ties
    broken by label and then IRI.
    """
    if graph.number_of_nodes() <= max_nodes:
        return graph.copy(), None
    cores = nx.core_number(graph)
    k = max((c for c in set(cores.values()) if sum(v >= c for v in cores.values()) >= max_nodes),
            default=0)
    core = graph.subgraph(sorted(n for n, c in cores.items() if c >= k))
    ranked = _ranked(core, lambda node: 0)
    shown = nx.Graph(graph.subgraph(sorted(ranked[:max_nodes])))
    note = (
        f"Cut to {shown.number_of_nodes():,} of {graph.number_of_nodes():,} {nouns} and "
        f"{shown.number_of_edges():,} of {graph.number_of_edges():,} {links}: the highest "
        f"PageRank among the {core.number_of_nodes():,} in the {k}-core "
        f"(everyone with at least {k} links inside it)."
    )
    return shown, note


def nearest_top(graph: nx.Graph, focus: str, max_nodes: int) -> tuple[nx.Graph, str | None]:
    """At most ``max_nodes`` nodes around ``focus``: nearer first, then by PageRank, then by label.

    Distance is counted in links either way, so every ring around the focus is kept whole
    before the next one starts: each node kept is linked to a nearer one that is kept too, and
    the page stays one connected picture.
    """
    if graph.number_of_nodes() <= max_nodes:
        return graph.copy(), None
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    steps = nx.single_source_shortest_path_length(undirected, focus)
    far = len(graph)
    ranked = _ranked(graph, lambda node: steps.get(node, far))
    shown = graph.subgraph(sorted(ranked[:max_nodes])).copy()
    left = graph.number_of_nodes() - shown.number_of_nodes()
    radius = max(steps.get(n, far) for n in shown)
    note = (
        f"Cut to the {shown.number_of_nodes():,} nodes nearest to the focus "
        f"(up to {radius} links away, the most central first): {left:,} of "
        f"{graph.number_of_nodes():,} nodes and "
        f"{graph.number_of_edges() - shown.number_of_edges():,} links are not shown."
    )
    return shown, note


def importance(graph: nx.Graph) -> dict[str, float]:
    """PageRank of each node on the undirected graph, scaled so the largest is 1, rounded."""
    if graph.number_of_nodes() == 0:
        return {}
    undirected = graph.to_undirected() if graph.is_directed() else graph
    weight = "weight" if all("weight" in d for *_, d in undirected.edges(data=True)) else None
    ranks = nx.pagerank(undirected, weight=weight) if undirected.number_of_edges() else \
        {n: 1.0 for n in undirected}
    top = max(ranks.values())
    return {node: round(rank / top, 4) for node, rank in sorted(ranks.items())}


def slug(iri: str) -> str:
    """A file-name-safe stem for an entity: the last segment of its IRI, lower case."""
    last = iri.rstrip("/").rsplit("/", 1)[-1].lower()
    return re.sub(r"[^a-z0-9]+", "-", last).strip("-") or "entity"


def _ranked(graph: nx.Graph, distance: Callable[[str], int]) -> list[str]:
    ranks = importance(graph)
    return sorted(graph, key=lambda n: (distance(n), -ranks[n], graph.nodes[n].get("label") or "", n))


def _finish(store: GraphStore, graph: nx.Graph) -> None:
    add_facts(store, graph)
    for node, rank in importance(graph).items():
        graph.nodes[node]["importance"] = rank


STEP_KINDS = {"paper": "joint paper", "talk": "shared talk"}


def _add_step(graph: nx.DiGraph, step: Step) -> None:
    """One step of a chain as an edge (advising from advisor to student)."""
    if step.advisor is not None:
        student = step.to if step.advisor == step.person else step.person
        if not graph.has_edge(student, step.advisor):
            graph.add_edge(step.advisor, student, kind=step.kind)
        return
    detail = " ".join(part for part in (f'"{step.title}"' if step.title else "",
                                        f"({step.year})" if step.year else "") if part)
    if not graph.has_edge(step.to, step.person):
        graph.add_edge(step.person, step.to, kind=STEP_KINDS.get(step.kind, step.relation), detail=detail)


def _without_loose_seeds(graph: nx.DiGraph, max_nodes: int) -> tuple[nx.DiGraph, str | None]:
    """At most ``max_nodes`` nodes, leaving out speakers and organizers on no candidate's chain."""
    if graph.number_of_nodes() <= max_nodes:
        return graph.copy(), None
    loose = sorted((n for n, d in graph.nodes(data=True)
                    if d.get("role") and graph.degree(n) == 1),
                   key=lambda n: (graph.nodes[n]["role"] != "organizer", graph.nodes[n]["label"], n))
    keep = max(0, max_nodes - (graph.number_of_nodes() - len(loose)))
    dropped = loose[keep:]
    shown = graph.subgraph(sorted(set(graph) - set(dropped))).copy()
    note = (f"Cut to {shown.number_of_nodes():,} of {graph.number_of_nodes():,} nodes: "
            f"{len(dropped):,} of the {len(loose):,} past speakers and organizers on no "
            "candidate's chain are not shown (organizers kept first, then by name).")
    return shown, note


def _counted(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def _count(graph: nx.Graph, kind: str, plural: str) -> str:
    total = sum(1 for _, k in graph.nodes(data="kind") if k == kind)
    return f"{total:,} {plural}"


def _limit_note(graph: nx.Graph, cut: str | None) -> str | None:
    if not graph.graph.get("limit_reached"):
        return cut
    walk = "The walk through the graph stopped at its node limit before reaching everything."
    return walk if cut is None else f"{cut} {walk}"
