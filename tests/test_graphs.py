"""Graphs built from the store through SPARQL."""

import pytest

from kg.network.graphs import (
    advising_graph,
    coauthor_graph,
    coauthor_neighbourhood,
    person_institution_graph,
    speaker_event_graph,
)

ID = "https://w3id.org/kg/id/"
ADA, ALAN, GRACE, KURT = (ID + "person/" + p for p in
                          ("ada-lovelace", "alan-turing", "grace-hopper", "kurt-godel"))


def test_coauthor_graph_weights_edges_by_joint_papers(mini_store):
    graph = coauthor_graph(mini_store)
    assert graph.edges[ADA, ALAN]["weight"] == 2
    assert graph.edges[ADA, ALAN]["years"] == [2020, 2021]
    assert graph.edges[ADA, GRACE]["papers"] == [ID + "paper/2020-notes"]
    assert graph.nodes[ADA]["label"] == "Ada Lovelace" and graph.nodes[ADA]["papers"] == 2
    assert KURT not in graph  # no papers


def test_neighbourhood_fetches_only_what_is_within_reach(mini_store):
    one_hop = coauthor_neighbourhood(mini_store, [GRACE], hops=1)
    assert set(one_hop) == {GRACE, ADA, ALAN}
    assert one_hop.nodes[GRACE]["hop"] == 0 and one_hop.nodes[ADA]["hop"] == 1
    assert one_hop.edges[GRACE, ADA]["weight"] == 1
    whole = coauthor_graph(mini_store)
    assert one_hop.edges[ADA, ALAN]["weight"] <= whole.edges[ADA, ALAN]["weight"]
    two_hops = coauthor_neighbourhood(mini_store, [GRACE], hops=2)
    assert two_hops.edges[ADA, ALAN]["weight"] == 2


def test_advising_graph_points_from_advisor_to_student(mini_store):
    graph = advising_graph(mini_store)
    assert list(graph.edges(data="kind")) == [(KURT, ALAN, "phd")]


def test_speaker_event_and_institution_graphs(mini_store):
    events = speaker_event_graph(mini_store)
    assert events.nodes[ID + "event/mini-series"]["kind"] == "event"
    assert events.has_edge(ALAN, ID + "event/mini-series")
    institutions = person_institution_graph(mini_store)
    assert set(institutions[ADA]) == {ID + "org/analytical-university", ID + "org/engine-lab"}


def test_one_resolver_takes_names_in_any_case_and_iris(mini_store):
    from kg.errors import QueryError
    from kg.sparql.resolver import entity

    assert entity(mini_store, "grace m. hopper", "person") == GRACE
    assert entity(mini_store, GRACE, "person") == GRACE
    with pytest.raises(QueryError, match="no person is named 'Nobody'; 'kg query people' lists them"):
        entity(mini_store, "Nobody", "person")


def test_ego_graph_follows_only_the_links_asked_for(mini_store):
    from kg.network.graphs import ego_graph

    paper = ID + "paper/2020-notes"
    graph = ego_graph(mini_store, GRACE, radius=2, follow={"paper": {("author", True)}})
    assert dict(graph.nodes[GRACE]) == {"kind": "person", "label": "Grace Hopper", "hop": 0}
    assert graph.edges[paper, ADA]["kind"] == "author"  # RDF direction: paper kg:author person
    assert graph.nodes[ADA]["hop"] == 2
    assert ID + "paper/2021-numbers" not in graph  # Ada's other paper is not followed
    nothing_beyond = ego_graph(mini_store, GRACE, radius=2, follow={})
    assert ADA not in nothing_beyond and paper in nothing_beyond
    capped = ego_graph(mini_store, GRACE, radius=2, follow={"paper": {("author", True)}}, limit=3)
    assert capped.number_of_nodes() == 3 and capped.graph["limit_reached"]


def test_node_facts_gather_what_a_reader_wants_to_know(mini_store):
    from kg.network.graphs import node_facts

    talk = node_facts(mini_store, ID + "talk/engines-that-think")
    assert talk["title"] == ["Engines that think"] and talk["kind"] == ["talk"]
    assert talk["part of"] == ["Mini Seminar, 8 January 2024"]
    assert talk["source"] == ["The Mini Seminar page"]
    assert node_facts(mini_store, GRACE)["affiliation"] == ["Department of Mathematics"]
    assert node_facts(mini_store, ID + "person/nobody") == {}


def test_lineage_graph_goes_from_advisor_to_student_by_generation(mini_store):
    from kg.network.graphs import lineage_graph

    graph = lineage_graph(mini_store, KURT)
    assert list(graph.edges(data="kind")) == [(KURT, ALAN, "phd")]
    assert dict(graph.nodes(data="generation")) == {KURT: 0, ALAN: 1}
