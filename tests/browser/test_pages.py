"""The pages of ``kg viz`` in a real headless Chromium with no network: they load cleanly, draw the
graph they were made from, show details on hover and click, filter, settle, and never run markup."""

from __future__ import annotations

import pytest

from kg.views.graph_pages import coauthors_view, event_view, lineage_view, person_view, suggest_view
from kg.views.render import Page
from tests.browser.conftest import SEED_VIEWS, Visit

ID = "https://w3id.org/kg/id/"
ARORA, JASON_LEE = ID + "person/sanjeev-arora", ID + "person/jason-lee"


def expected_page(store, name: str) -> Page:
    """The graph a page should draw, made by the views directly, with the CLI's arguments."""
    makers = {
        "coauthors": lambda: coauthors_view(store, max_nodes=30),
        "person-sanjeev-arora": lambda: person_view(store, "Sanjeev Arora"),
        "event-recorded-talks-machine-learning":
            lambda: event_view(store, "Recorded Talks: Machine Learning"),
        "lineage-jason-lee": lambda: lineage_view(store, "Jason Lee"),
        "suggest-alg-ml-seminar": lambda: suggest_view(store, "Princeton Alg-ML Seminar", top=8),
    }
    return makers[name]()


def drawn(visit: Visit) -> dict:
    """What vis-network holds and draws: node ids, kinds, edge ends, and the counts it drew."""
    return visit.page.evaluate("""() => ({
        nodes: kgView.nodes.getIds().sort(),
        kinds: Object.fromEntries(kgView.nodes.get().map(n => [n.id, n.kind])),
        edges: kgView.edges.get().map(e => [e.from, e.to]),
        drawn: kgView.drawn(),
    })""")


@pytest.mark.parametrize("name", SEED_VIEWS)
def test_each_page_loads_offline_and_draws_the_graph_of_its_view(open_page, seed_pages, seed_store, name):
    path = seed_pages / f"{name}.html"
    visit = open_page(path)
    visit.screenshot(f"seed-{name}")
    assert visit.errors == []
    assert visit.requests == [path.as_uri()]
    graph = expected_page(seed_store, name).graph
    seen = drawn(visit)
    assert seen["nodes"] == sorted(graph)
    assert seen["kinds"] == {node: kind for node, kind in graph.nodes(data="kind")}
    assert seen["drawn"] == {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    undirected = {frozenset(edge) for edge in graph.edges()}
    assert len(seen["edges"]) == len(undirected) and {frozenset(e) for e in seen["edges"]} == undirected
    assert visit.page.inner_text("#count-nodes") == str(graph.number_of_nodes())


def test_the_index_loads_offline_and_links_every_page(open_page, seed_pages):
    path = seed_pages / "index.html"
    visit = open_page(path, wait_for=None)
    visit.screenshot("seed-index")
    assert visit.errors == [] and visit.requests == [path.as_uri()]
    assert sorted(p.name for p in seed_pages.iterdir()) == sorted(f"{n}.html" for n in [*SEED_VIEWS, "index"])
    links = visit.page.eval_on_selector_all("#views a", "links => links.map(a => a.getAttribute('href'))")
    assert sorted(links) == sorted(f"{name}.html" for name in SEED_VIEWS)
    visit.page.click("text=Speakers to invite to Princeton Alg-ML Seminar")
    visit.page.wait_for_selector("body[data-ready=true]", state="attached")
    assert visit.page.url == (seed_pages / "suggest-alg-ml-seminar.html").as_uri()
    assert visit.errors == [] and visit.outside_requests() == []


def test_pointing_at_a_node_shows_its_details_and_clicking_keeps_them(open_page, seed_pages):
    visit = open_page(seed_pages / "person-sanjeev-arora.html")
    page = visit.page
    assert page.is_visible("#details-hint")
    point = visit.node_point(ARORA)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert page.inner_text("div.vis-tooltip").startswith("Sanjeev Arora\nperson\n")
    details = visit.details()
    assert details.startswith("Sanjeev Arora\n")
    assert "Princeton University" in details and "IRI\n" + ARORA in details
    page.mouse.click(point["x"], point["y"])
    page.mouse.move(5, 5)  # leaving the node keeps the clicked details
    assert visit.details().startswith("Sanjeev Arora\n") and not page.is_visible("#details-hint")
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)  # empty canvas clears them
    assert visit.details() == "" and page.is_visible("#details-hint")
    assert visit.errors == []


def test_search_by_name_and_filter_by_kind(open_page, seed_pages):
    visit = open_page(seed_pages / "person-sanjeev-arora.html")
    page = visit.page
    page.fill("#search", "saunshi")
    visible = page.evaluate("kgView.nodes.get({filter: n => !n.hidden}).map(n => n.fullLabel)")
    assert visible == ["Nikunj Saunshi"]
    assert page.inner_text("#count-visible") == " (1 nodes and 0 links match)"
    page.fill("#search", "")
    page.uncheck("input.kind-filter[value=paper]")
    kinds = page.evaluate("[...new Set(kgView.nodes.get({filter: n => !n.hidden}).map(n => n.kind))].sort()")
    assert "paper" not in kinds and "person" in kinds
    hidden_edges = page.evaluate("kgView.edges.get({filter: e => e.hidden}).length")
    assert hidden_edges > 0
    page.check("input.kind-filter[value=paper]")
    assert page.evaluate("kgView.visible()") == page.evaluate("kgView.drawn()")
    assert visit.errors == []


def test_a_big_graph_settles_stops_its_physics_and_says_what_was_cut(open_page, seed_pages):
    page = open_page(seed_pages / "coauthors.html").page
    assert page.evaluate("kgView.network.physics.options.enabled") is False
    before = page.evaluate("JSON.stringify(kgView.network.getPositions())")
    page.wait_for_timeout(300)
    assert page.evaluate("JSON.stringify(kgView.network.getPositions())") == before
    assert page.is_visible("#cut-note")
    assert page.inner_text("#cut-note").startswith("Not everything is shown. Cut to 30 of ")
    assert page.evaluate("kgView.drawn().nodes") == 30


def test_a_lineage_is_drawn_top_down_from_advisors_to_students(open_page, seed_pages, seed_store):
    visit = open_page(seed_pages / "lineage-jason-lee.html")
    graph = lineage_view(seed_store, "Jason Lee").graph
    assert visit.page.evaluate("kgView.network.layoutEngine.options.hierarchical.enabled") is True
    heights = {node: visit.node_point(node)["y"] for node in graph}
    for advisor, student in graph.edges():
        assert heights[advisor] < heights[student]
    assert all(heights[a] < heights[JASON_LEE] for a in graph.predecessors(JASON_LEE))


def test_the_suggestion_page_shows_each_candidate_with_its_reasons(open_page, seed_pages):
    visit = open_page(seed_pages / "suggest-alg-ml-seminar.html")
    page = visit.page
    candidates = page.evaluate("kgView.nodes.get({filter: n => n.kind === 'candidate'}).map(n => n.id)")
    assert len(candidates) == 8
    first = page.evaluate("kgView.nodes.get({filter: n => n.fullLabel.startsWith('1. ')})[0].id")
    point = visit.node_point(first)
    page.mouse.click(point["x"], point["y"])
    details = visit.details()
    assert details.startswith("1. ") and "suggested speaker" in details
    assert "Why\n" in details and "→" in details and "Score\n" in details
    on_chain = page.evaluate("(id) => kgView.network.getConnectedNodes(id)", first)
    assert on_chain, "each candidate is joined to the speakers by its chain"
    assert page.is_visible("#legend-nodes >> text=suggested speaker")


def xss_page_names() -> list[str]:
    return ["coauthors", "event-xss-workshop", "suggest-xss-workshop", "lineage-eve", "person-eve",
            "person-mallory", "person-trent", "index"]


@pytest.mark.parametrize("name", xss_page_names())
def test_markup_in_names_and_titles_is_shown_as_text_and_never_runs(open_page, xss_pages, name):
    assert sorted(p.stem for p in xss_pages.glob("*.html")) == sorted(xss_page_names())
    path = xss_pages / f"{name}.html"
    # No Content-Security-Policy here: escaping alone has to keep the markup inert.
    visit = open_page(path, csp=False, wait_for=None if name == "index" else "body[data-ready=true]")
    page = visit.page
    if name != "index":
        labels = page.evaluate("Object.fromEntries(kgView.nodes.get().map(n => [n.id, n.fullLabel]))")
        for node in sorted(labels):
            point = visit.node_point(node)
            under = page.evaluate("(p) => kgView.network.getNodeAt(kgView.domPosition(p))", node)
            page.mouse.move(point["x"], point["y"])
            page.wait_for_selector("div.vis-tooltip", state="visible")
            tooltip = page.eval_on_selector("div.vis-tooltip", "t => [...t.children].map(c => c.tagName)")
            assert set(tooltip) <= {"BR"}, "the tooltip is text, its lines broken by the browser"
            page.mouse.click(point["x"], point["y"])
            assert visit.details().startswith(labels[under] + "\n")
        visit.screenshot(f"xss-{name}")
    text = page.inner_text("body")
    assert "<img src=x onerror=" in text or "<script>" in text
    assert page.evaluate("window.kgXss") is None
    assert page.evaluate("document.querySelectorAll('img, b, [onerror], [onload]').length") == 0
    assert page.evaluate("document.scripts.length") == (0 if name == "index" else 3)
    assert visit.errors == [] and visit.requests == [path.as_uri()]


def test_titles_keep_their_markup_as_text(open_page, xss_pages):
    page = open_page(xss_pages / "event-xss-workshop.html", csp=False).page
    assert page.title() == 'Workshop <img src=x onerror="window.kgXss=\'event\'">'
    assert page.inner_text("h1") == page.title()
    assert page.evaluate("window.kgXss") is None
