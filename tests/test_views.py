"""What each page shows, taken from the tiny store, and how big graphs are cut."""

import networkx as nx
import pytest

from kg.errors import QueryError
from kg.views.graph_pages import (
    coauthors_view,
    densest_top,
    event_view,
    importance,
    lineage_view,
    nearest_top,
    person_view,
    slug,
    suggest_view,
)

ID = "https://w3id.org/kg/id/"
ADA, ALAN, GRACE, KURT = (ID + "person/" + p for p in
                          ("ada-lovelace", "alan-turing", "grace-hopper", "kurt-godel"))
SERIES, SESSION = ID + "event/mini-series", ID + "event/mini-2024-01-08"


def kinds(graph: nx.Graph) -> dict[str, str]:
    return {node.removeprefix(ID): kind for node, kind in graph.nodes(data="kind")}


def test_a_person_page_shows_papers_coauthors_talks_events_and_institutions(mini_store):
    page = person_view(mini_store, "A. Lovelace")
    assert page.name == "person-ada-lovelace" and page.title == "Ada Lovelace"
    assert page.focus == ADA and page.cut is None
    assert kinds(page.graph) == {
        "person/ada-lovelace": "person", "person/alan-turing": "person",
        "person/grace-hopper": "person", "paper/2020-notes": "paper",
        "paper/2021-numbers": "paper", "talk/engines-that-think": "talk",
        "event/mini-2024-01-08": "event", "org/analytical-university": "organization",
        "org/engine-lab": "organization",
    }
    ada = page.graph.nodes[ADA]
    assert ada["facts"]["affiliation"] == ["Analytical University", "Engine Lab"]
    assert ada["facts"]["source"] == ["An author page", "The Mini Seminar page"]
    assert ada["importance"] == 1.0
    assert page.graph.edges[ID + "paper/2020-notes", GRACE]["kind"] == "author"


def test_an_event_page_shows_sessions_talks_speakers_organizers_and_hosts(mini_store):
    page = event_view(mini_store, "mini seminar")
    assert page.name == "event-mini-series" and page.focus == SERIES
    assert kinds(page.graph) == {
        "event/mini-series": "event", "event/mini-2024-01-08": "event",
        "talk/computable-numbers": "talk", "talk/engines-that-think": "talk",
        "person/alan-turing": "person", "person/ada-lovelace": "person",
        "person/grace-hopper": "person", "org/analytical-university": "organization",
    }
    assert page.graph.edges[SESSION, SERIES]["kind"] == "partOf"
    assert page.graph.edges[SERIES, GRACE]["kind"] == "organizer"
    talk = page.graph.nodes[ID + "talk/engines-that-think"]
    assert talk["facts"]["place"] == ["Room 1"] and talk["facts"]["date"] == ["2024-01-08T12:30:00Z"]


def test_a_lineage_page_is_drawn_top_down_from_advisor_to_student(mini_store):
    page = lineage_view(mini_store, "Alan Turing")
    assert page.hierarchical and page.title == "Lineage of Alan Turing"
    assert list(page.graph.edges(data="kind")) == [(KURT, ALAN, "phd")]
    assert page.graph.nodes[KURT]["generation"] == -1 and page.graph.nodes[ALAN]["generation"] == 0


def test_a_person_without_advisors_has_a_lineage_of_one(mini_store):
    page = lineage_view(mini_store, "Grace Hopper")
    assert list(page.graph) == [GRACE] and page.graph.nodes[GRACE]["label"] == "Grace Hopper"


def test_a_suggestion_page_joins_each_candidate_to_the_speakers_by_its_chain(mini_store):
    page = suggest_view(mini_store, "Mini Seminar")
    assert page.name == "suggest-mini-series" and page.focus == SERIES
    assert page.title == "Speakers to invite to Mini Seminar" and page.cut is None
    assert kinds(page.graph) == {
        "event/mini-series": "event", "person/ada-lovelace": "person",
        "person/alan-turing": "person", "person/grace-hopper": "person",
        "person/kurt-godel": "candidate",
    }
    assert sorted(page.graph.edges(data="kind")) == [
        (SERIES, GRACE, "organizer"), (ADA, SERIES, "spoke at"), (ALAN, SERIES, "spoke at"),
        (KURT, ALAN, "phd"),
    ]
    kurt = page.graph.nodes[KURT]
    assert kurt["label"] == "1. Kurt Gödel"
    assert kurt["facts"]["why"] == ["Kurt Gödel —PhD advisor of→ Alan Turing"]
    assert kurt["facts"]["rank"] == ["1"] and "(closeness 1.000, topic" in kurt["facts"]["score"][0]
    assert "2 past speakers and 1 organizer" in page.summary


def test_a_suggestion_page_too_big_leaves_out_speakers_on_no_chain(mini_store):
    page = suggest_view(mini_store, "Mini Seminar", max_nodes=3)
    assert set(page.graph) == {SERIES, ALAN, KURT}  # Alan is on Kurt's chain
    assert page.cut.startswith("Cut to 3 of 5 nodes: 2 of the 2 past speakers and organizers")


def test_the_coauthor_page_is_cut_when_asked_for_fewer_nodes(mini_store):
    whole = coauthors_view(mini_store)
    assert set(whole.graph) == {ADA, ALAN, GRACE} and whole.cut is None
    cut = coauthors_view(mini_store, max_nodes=2)
    assert set(cut.graph) == {ADA, ALAN}  # most joint papers; Grace's single paper is cut
    assert cut.cut.startswith("Cut to 2 of 3 people and 1 of 3 coauthor links")


def test_unknown_names_are_a_clear_error(mini_store):
    with pytest.raises(QueryError, match="no person is named 'Nobody'"):
        person_view(mini_store, "Nobody")
    with pytest.raises(QueryError, match="no event is named 'No Such Event'.*kg query events"):
        event_view(mini_store, "No Such Event")


def big_graph() -> nx.Graph:
    graph = nx.barabasi_albert_graph(600, 2, seed=11)
    return nx.relabel_nodes(graph, {n: f"n{n:03d}" for n in graph})


def test_densest_top_keeps_the_most_central_of_a_dense_core():
    graph = big_graph()
    shown, note = densest_top(graph, 50, "people", "links")
    assert shown.number_of_nodes() == 50
    ranks = importance(graph)
    assert max(ranks, key=ranks.get) in shown  # the hub survives
    assert note.startswith(f"Cut to 50 of 600 people and {shown.number_of_edges()} of 1,196 links")
    assert "-core" in note
    again, _ = densest_top(big_graph(), 50, "people", "links")
    assert sorted(again.edges()) == sorted(shown.edges())


def test_nearest_top_keeps_the_focus_and_one_connected_picture():
    graph = big_graph()
    focus = "n300"
    shown, note = nearest_top(graph, focus, 40)
    assert focus in shown and shown.number_of_nodes() == 40
    assert nx.is_connected(shown)
    assert "560 of 600 nodes" in note
    assert nearest_top(graph, focus, 1000)[1] is None


def test_slugs_are_safe_file_names():
    assert slug(ADA) == "ada-lovelace"
    assert slug("http://example.org/People/Jürgen%20Schmidhuber/") == "j-rgen-20schmidhuber"


def test_parent_events_are_the_series_a_session_belongs_to(seed_store):
    from kg.views.graph_pages import parent_events

    session = "https://w3id.org/kg/id/event/alg-ml-seminar-2023-12-04"
    series = "https://w3id.org/kg/id/event/alg-ml-seminar"
    assert parent_events(seed_store, [session]) == [series]
    assert parent_events(seed_store, [session, series]) == []


def test_a_hyper_authored_paper_is_one_node_of_the_coauthor_page_not_a_clique():
    from kg.views.graph_pages import without_hyper_cliques

    people = [f"urn:p:{n:03d}" for n in range(200)]
    graph = nx.Graph()
    for a, b in nx.complete_graph(people).edges():
        graph.add_edge(a, b, kind="coauthor", weight=1, papers=["urn:paper:big"], years=[2020])
    graph.add_edge(people[0], "urn:p:other", kind="coauthor", weight=1, papers=["urn:paper:small"],
                   years=[2021])
    graph.edges[people[0], people[1]].update(weight=2, papers=["urn:paper:big", "urn:paper:two"])
    collapsed = without_hyper_cliques(graph)
    assert collapsed.nodes["urn:paper:big"]["kind"] == "paper"
    assert collapsed.degree("urn:paper:big") == 200
    assert collapsed.number_of_edges() == 200 + 2, "one link per author, and the two other joint papers"
    assert collapsed.edges[people[0], people[1]]["weight"] == 1
    shown, cut = densest_top(collapsed, 20, "people", "links")
    assert shown.number_of_nodes() == 20 and shown.number_of_edges() < 40
    assert without_hyper_cliques(nx.path_graph(3)).number_of_edges() == 2
