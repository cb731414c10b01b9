"""Drawing graphs as self-contained HTML pages (the browser tests in tests/browser/ run them)."""

import json
import re

import networkx as nx
import pytest

from kg.views.render import IndexEntry, Page, read_entry, render_index, render_page

ADA, ALAN, KURT = "urn:p:ada", "urn:p:alan", "urn:p:kurt"
PAPER, TALK = "urn:paper:1", "urn:talk:1"


def page_data(html: str) -> dict:
    """The graph a page hands to its script, as the script reads it."""
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert block, "the page carries its data in one JSON block"
    data = json.loads(block.group(1))
    data["options"] = json.loads(data["options"])
    return data


def ego() -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_node(ADA, kind="person", label="Ada Lovelace", importance=1.0,
                   facts={"name": ["Ada Lovelace"], "affiliation": ["Engine Lab"]})
    graph.add_node(ALAN, kind="person", label="Alan Turing", importance=0.5)
    graph.add_node(PAPER, kind="paper", label="Notes on the engine", importance=0.7,
                   facts={"year": ["2020"], "source": ["An author page"]})
    graph.add_node(TALK, kind="talk", label="", importance=0.2)
    graph.add_edge(PAPER, ADA, kind="author")
    graph.add_edge(PAPER, ALAN, kind="author")
    graph.add_edge(TALK, ADA, kind="speaker")
    return graph


def test_a_page_is_one_file_that_asks_for_nothing_outside_itself():
    html = render_page(Page("person-ada", "Ada Lovelace", "Her papers.", ego(), focus=ADA))
    assert "vis.Network" in html and "Content-Security-Policy" in html
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", html)
    assert not re.search(r"<link[^>]*href=", html)
    assert "sourceMappingURL" not in html and "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:|//)", html)


def test_nodes_carry_kind_style_size_and_details():
    data = page_data(render_page(Page("p", "Ada", "s", ego(), focus=ADA)))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert [n["id"] for n in data["nodes"]] == sorted(nodes)
    assert nodes[ADA]["shape"] == "dot" and nodes[PAPER]["shape"] == "diamond"
    assert nodes[TALK]["shape"] == "triangle" and nodes[TALK]["fullLabel"] == "untitled talk"
    assert nodes[ADA]["size"] > nodes[ALAN]["size"] > nodes[TALK]["size"]
    assert ["affiliation", "Engine Lab"] in nodes[ADA]["facts"]
    assert nodes[PAPER]["title"] == "Notes on the engine\npaper\nsource: An author page\nyear: 2020"
    assert nodes[ADA]["borderWidth"] == 5 and "borderWidth" not in nodes[ALAN]


def test_links_read_the_way_the_legend_says():
    html = render_page(Page("p", "Ada", "s", ego()))
    edges = page_data(html)["edges"]
    assert {(e["from"], e["to"], e["label"]) for e in edges} == {
        (ADA, PAPER, "author of"), (ALAN, PAPER, "author of"), (ADA, TALK, "speaker of")}
    assert len({e["id"] for e in edges}) == 3
    assert "author of" in html and "speaker of" in html  # the links legend
    assert 'value="paper" checked' in html and 'value="organization"' not in html


def test_coauthor_links_are_as_thick_as_their_joint_papers():
    graph = nx.Graph()
    graph.add_edge(ALAN, ADA, kind="coauthor", weight=3, years=[2020, 2021])
    graph.add_edge(ADA, KURT, kind="coauthor", weight=1, years=[2019])
    edges = page_data(render_page(Page("c", "Coauthors", "s", graph)))["edges"]
    assert [(e["from"], e["to"]) for e in edges] == [(ADA, ALAN), (ADA, KURT)]
    assert edges[0]["width"] > edges[1]["width"]
    assert edges[0]["title"] == "coauthors: 3 joint papers (2020, 2021)"
    assert "label" not in edges[0]


def test_same_graph_same_bytes_whatever_order_it_was_built_in():
    first = ego()
    second = nx.DiGraph()
    second.add_nodes_from(sorted(first.nodes(data=True), reverse=True))
    second.add_edges_from(sorted(first.edges(data=True), reverse=True))
    page = Page("p", "Ada", "s", first)
    assert render_page(page) == render_page(Page("p", "Ada", "s", second))


@pytest.mark.parametrize("text", [
    "<script>window.kgXss=1</script>",
    '<img src=x onerror="window.kgXss=2">',
    "</script><script>window.kgXss=3</script>",
])
def test_markup_in_the_data_reaches_the_page_only_as_escaped_text(text):
    graph = ego()
    graph.nodes[ADA]["label"] = text
    graph.nodes[PAPER]["facts"] = {"title": [text]}
    html = render_page(Page("p", text, text, graph, cut=text))
    assert "window.kgXss" in html
    assert "<script>window.kgXss" not in html and "<img src=x" not in html
    assert page_data(html)["nodes"][0]["fullLabel"] == text
    assert "&lt;" in html.split("<main>")[0]  # title, summary and cut note escaped as HTML


def test_the_page_says_what_was_cut():
    html = render_page(Page("p", "Ada", "s", ego(), cut="Cut to 4 of 900 people."))
    assert 'id="cut-note"' in html and "Cut to 4 of 900 people." in html
    assert 'id="cut-note"' not in render_page(Page("p", "Ada", "s", ego()))


def test_physics_lays_out_then_stops_and_lineages_go_top_down():
    options = page_data(render_page(Page("p", "Ada", "s", ego())))["options"]
    assert options["physics"]["stabilization"]["enabled"] is True
    assert options["layout"]["randomSeed"] == 7
    assert options["layout"]["improvedLayout"] is True
    big = nx.path_graph([f"urn:p:{n:03d}" for n in range(150)])
    quick = page_data(render_page(Page("b", "Big", "s", big)))["options"]
    assert quick["layout"]["improvedLayout"] is False
    assert quick["physics"]["stabilization"]["iterations"] < options["physics"]["stabilization"]["iterations"]
    lineage = nx.DiGraph()
    lineage.add_node(KURT, kind="person", label="Kurt", generation=-1)
    lineage.add_node(ALAN, kind="person", label="Alan", generation=0)
    lineage.add_edge(KURT, ALAN, kind="phd")
    data = page_data(render_page(Page("l", "Lineage", "s", lineage, hierarchical=True)))
    assert data["options"]["layout"]["hierarchical"]["direction"] == "UD"
    assert data["options"]["physics"] == {"enabled": False}
    assert {n["id"]: n["level"] for n in data["nodes"]} == {KURT: 0, ALAN: 1}
    assert data["edges"][0]["arrows"] == "to" and data["edges"][0]["from"] == KURT


def test_the_index_links_every_page_and_reads_them_back(tmp_path):
    page = tmp_path / "person-ada.html"
    page.write_text(render_page(Page("person-ada", "Ada <Lovelace>", "Her papers.", ego())))
    (tmp_path / "notes.html").write_text("<html><title>mine</title></html>")
    entry = read_entry(page)
    assert entry == IndexEntry("person-ada.html", "Ada <Lovelace>", "Her papers.", 4, 3)
    assert read_entry(tmp_path / "notes.html") is None
    index = render_index([entry])
    assert '<a href="person-ada.html">Ada &lt;Lovelace&gt;</a>' in index
    assert "<script" not in index
    assert "kg viz all" in render_index([])
