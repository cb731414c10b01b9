"""The graph panels of the site's pages: what each draws, how it is cut, and hyper-authored papers."""

import networkx as nx

from kg.views.site.content import Paper, Person, SiteContent
from kg.views.site.panels import (
    HYPER_AUTHORS,
    coauthor_overview,
    panel_data,
    person_graph,
    readable,
)

ID = "https://w3id.org/kg/id/"


def field(authors_of_big_paper: int = 200) -> SiteContent:
    """Ada writes two papers with Alan and Grace and one paper with 199 others."""
    content = SiteContent()
    people = ["ada", "alan", "grace"] + [f"p{n:03d}" for n in range(authors_of_big_paper - 1)]
    for name in people:
        content.people[ID + "person/" + name] = Person(ID + "person/" + name, name.title())
    papers = {"small-1": ["ada", "alan"], "small-2": ["ada", "alan", "grace"],
              "big": ["ada", *people[3:]]}
    for paper, authors in papers.items():
        iri = ID + "paper/" + paper
        content.papers[iri] = Paper(iri, paper, year=2020, authors=[ID + "person/" + a for a in authors])
        for author in authors:
            content.people[ID + "person/" + author].papers.append(iri)
    return content


def test_a_hyper_authored_paper_is_one_node_not_a_clique():
    content = field()
    ada = ID + "person/ada"
    graph = person_graph(content, ada)
    assert sorted(n.removeprefix(ID) for n in graph) == ["paper/big", "person/ada", "person/alan",
                                                          "person/grace"]
    assert graph.edges[ada, ID + "person/alan"]["weight"] == 2
    assert graph.edges[ada, ID + "paper/big"]["kind"] == "author"
    overview = coauthor_overview(content)
    big = ID + "paper/big"
    assert overview.nodes[big]["kind"] == "paper" and overview.degree(big) == 200
    assert overview.number_of_edges() == 3 + 200, "a star of 200 links, not 19,900"


def test_a_paper_with_few_authors_is_still_a_link_between_each_pair():
    content = field(authors_of_big_paper=HYPER_AUTHORS)
    graph = person_graph(content, ID + "person/ada")
    assert ID + "paper/big" not in graph and graph.number_of_nodes() == 2 + HYPER_AUTHORS


def test_a_big_graph_is_cut_on_nodes_and_links_and_says_so():
    graph = nx.complete_graph([f"{ID}person/p{n:02d}" for n in range(30)])
    for number, node in enumerate(sorted(graph)):
        graph.nodes[node].update(kind="person", label=node[-3:], rank=number)
    for a, b in graph.edges():
        graph.edges[a, b].update(kind="coauthor", weight=1, papers=[])
    focus = f"{ID}person/p00"
    panel = readable(graph, focus, "people", max_nodes=20, max_links=40)
    assert panel.graph.number_of_nodes() == 20 and panel.graph.number_of_edges() == 40
    assert all(panel.graph.has_edge(focus, n) for n in panel.graph if n != focus), "the focus keeps its links"
    assert panel.note == "The graph shows 20 of 30 people and 40 of 435 links."
    assert nx.is_connected(panel.graph)
    assert all(d.get("labelled") for _, d in panel.graph.nodes(data=True)), "25 nodes or fewer: all labelled"
    big = readable(graph, focus, "people", max_nodes=30, max_links=100)
    assert sum(1 for _, d in big.graph.nodes(data=True) if d.get("labelled")) == 15


def test_the_panel_data_links_every_node_to_its_page_relative_to_the_page():
    content = field(authors_of_big_paper=5)
    ada = ID + "person/ada"
    panel = readable(person_graph(content, ada), ada, "people")
    data = panel_data(panel, content, "person/ada.html", ada)
    assert {n["id"]: n["href"] for n in data["nodes"]}[ID + "person/alan"] == "alan.html"
    edge = next(e for e in data["edges"] if {e["from"], e["to"]} == {ada, ID + "person/alan"})
    assert edge["title"] == "2 joint papers"
    assert edge["pages"] == [["../paper/small-1.html", "small-1"], ["../paper/small-2.html", "small-2"]]
    assert [n["id"] for n in data["nodes"] if n.get("focus")] == [ada]
