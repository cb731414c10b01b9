"""Metrics of collaboration graphs, chains between people and academic lineage."""

import json

import networkx as nx
from click.testing import CliRunner

from kg.cli import main
from kg.network import analysis
from kg.network.graphs import genealogy_around, path_graph

ID = "https://w3id.org/kg/id/"
ADA, ALAN, GRACE, KURT = (ID + "person/" + p for p in
                          ("ada-lovelace", "alan-turing", "grace-hopper", "kurt-godel"))


def two_cliques_and_a_bridge() -> nx.Graph:
    """Two groups of four coauthors joined only through ``m``."""
    graph = nx.Graph()
    for group in (["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]):
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                graph.add_edge(x, y, weight=3)
    graph.add_edge("a1", "m", weight=1)
    graph.add_edge("m", "b1", weight=1)
    graph.add_node("loner")
    for node in graph:
        graph.nodes[node]["label"] = node.upper()
    return graph


def test_summary_counts_components():
    facts = analysis.summary(two_cliques_and_a_bridge())
    assert facts["people"] == 10 and facts["links"] == 14
    assert facts["components"] == 2 and facts["largest component"] == 9
    assert facts["isolated people"] == 1


def test_communities_and_bridges_find_the_go_between():
    graph = two_cliques_and_a_bridge()
    groups = analysis.communities(graph)
    assert {"a2", "a3", "a4"} <= groups[0] or {"a2", "a3", "a4"} <= groups[1]
    assert groups[-1] == {"loner"}
    between = analysis.betweenness(graph)
    found = analysis.bridges(graph, groups, between, top=3)
    assert found[0].person in {"m", "a1", "b1"}
    assert max(between, key=between.get) == "m"
    assert analysis.communities(graph) == groups  # fixed seed: same answer


def test_centrality_ranks_by_pagerank_with_names_breaking_ties():
    graph = nx.star_graph(4)
    graph = nx.relabel_nodes(graph, {0: "hub", 1: "d", 2: "c", 3: "b", 4: "a"})
    for node in graph:
        graph.nodes[node]["label"] = node
    groups = analysis.communities(graph)
    ranked = analysis.centrality(graph, groups, analysis.betweenness(graph), top=3)
    assert [c.person for c in ranked] == ["hub", "a", "b"]
    assert ranked[0].degree == 4 and ranked[0].betweenness == 1.0


def test_lineage_lists_generations_up_and_down():
    genealogy = nx.DiGraph()
    genealogy.add_edge("grand", "advisor", kind="phd")
    genealogy.add_edge("advisor", "me", kind="phd")
    genealogy.add_edge("mentor", "me", kind="postdoc")
    genealogy.add_edge("me", "student", kind="phd")
    genealogy.add_edge("student", "grandstudent", kind="phd")
    found = [(r.generation, r.person, r.relation, r.of) for r in analysis.lineage(genealogy, "me")]
    assert found == [
        (-2, "grand", "PhD advisor of", "advisor"),
        (-1, "advisor", "PhD advisor of", "me"),
        (-1, "mentor", "postdoc advisor of", "me"),
        (1, "student", "PhD student of", "me"),
        (2, "grandstudent", "PhD student of", "student"),
    ]


def test_path_names_the_paper_talk_or_advising_behind_each_step(mini_store):
    graph = path_graph(mini_store, KURT, GRACE)
    steps = analysis.shortest_chain(graph, KURT, [GRACE])
    assert [s.describe() for s in steps] == [
        "Kurt Gödel —PhD advisor of→ Alan Turing",
        'Alan Turing —paper "Notes on the engine" (2020)→ Grace Hopper',
    ]


def test_genealogy_around_a_person_follows_advising_only(mini_store):
    genealogy = genealogy_around(mini_store, ALAN)
    assert list(genealogy.edges(data="kind")) == [(KURT, ALAN, "phd")]
    assert [r.name for r in analysis.lineage(genealogy, KURT)] == ["Alan Turing"]


def run(store, *args):
    return CliRunner().invoke(main, ["--store", str(store), *args])


def test_cli_analyze_path_and_lineage(mini_store_path):
    result = run(mini_store_path, "analyze", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["summary"][0] == {"measure": "people", "value": 3}
    assert [c["name"] for c in payload["central"]] == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert run(mini_store_path, "analyze", "--format", "csv").exit_code == 2
    csv_out = run(mini_store_path, "analyze", "--report", "central", "--format", "csv").stdout
    assert csv_out.splitlines()[0] == "rank,name,papers,degree,pagerank,betweenness,community,person"

    path = run(mini_store_path, "path", "Kurt Godel", "Grace Hopper", "--format", "csv")
    assert path.exit_code == 0, path.output
    assert [line.split(",")[2] for line in path.stdout.splitlines()[1:]] == ["PhD advisor of", "paper"]

    lineage = run(mini_store_path, "lineage", "Alan Turing", "--format", "tsv")
    assert lineage.stdout.splitlines()[1].split("\t")[:4] == ["-1", "Kurt Gödel", "PhD advisor of",
                                                               "Alan Turing"]
    alone = run(mini_store_path, "lineage", "Grace Hopper")
    assert alone.exit_code == 0 and "No advisors or students" in alone.stderr


def test_cli_path_reports_people_who_are_not_connected(seed_store_path):
    result = run(seed_store_path, "path", "Noam Razin", "Murat Kocaoglu", "--max-hops", "3")
    assert result.exit_code == 1
    assert "no chain of at most 3 links joins Noam Razin and Murat Kocaoglu" in result.stderr
