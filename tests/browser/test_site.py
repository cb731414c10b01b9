"""The site of ``kg site`` in a real headless Chromium with no network, on a laptop and a phone:
every kind of page loads cleanly from disk, links lead to pages that exist, search finds people by
another name and without accents, nodes open their pages, phones get lists first and a graph at
least 300 px wide, and markup in the data stays text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser.conftest import Visit

PAGES = {
    "home": "index.html",
    "search": "search.html",
    "coauthors": "coauthors.html",
    "person": "person/sanjeev-arora.html",
    "series": "event/alg-ml-seminar.html",
    "seminar": "event/alg-ml-seminar-2023-12-04.html",
    "meeting": "event/modl-annual-meeting-2024.html",
    "institution": "org/princeton-university.html",
    "paper": "paper/pmlr-v75-arora18a.html",
    "talk": "talk/alg-ml-2023-12-04-noam-razin.html",
    "source": "source/colt-2011-2024-bib.html",
}
"""One page of each kind in the site of the bundled data."""
SCREENS = ("desktop", "phone")


def only_inside(visit: Visit, site: Path) -> list[str]:
    """Requests for anything outside the site folder (the network, or other files)."""
    root = site.as_uri() + "/"
    return [url for url in visit.requests if not url.startswith(root)]


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("kind", PAGES)
def test_every_kind_of_page_loads_from_disk_with_no_error_and_no_request_outside(
        open_site_page, colt_site, kind, screen):
    visit = open_site_page((colt_site / PAGES[kind]).as_uri(), screen)
    visit.screenshot(f"site-{screen}-{kind}")
    assert visit.errors == []
    assert only_inside(visit, colt_site) == []
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= visit.page.viewport_size["width"]
    if visit.page.query_selector("#graph"):
        assert visit.page.evaluate("kgView.network.physics.options.enabled") is False, "the layout settled"
        assert visit.page.evaluate("kgView.nodes.length") > 1


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag in ("script", "link", "img") and (values.get("src") or values.get("href")):
            self.sources.append(values.get("src") or values.get("href") or "")


def test_every_link_between_pages_leads_to_a_page_of_the_site_and_links_out_are_web_addresses(colt_site):
    pages = sorted(colt_site.rglob("*.html"))
    assert len(pages) > 3000
    broken, outside, checked = [], [], 0
    for page in pages:
        reader = _Links()
        reader.feed(page.read_text(encoding="utf-8"))
        for link in reader.links + reader.sources:
            parts = urlsplit(link)
            if parts.scheme:
                if parts.scheme not in ("http", "https", "mailto") or link in reader.sources:
                    outside.append((page.name, link))
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            checked += 1
            if not target.is_file() or colt_site.resolve() not in target.parents:
                broken.append((str(page.relative_to(colt_site)), link))
    assert broken == [] and outside == []
    assert checked > 50_000


def test_a_person_page_links_to_what_it_mentions(open_site_page, colt_site):
    page = open_site_page((colt_site / PAGES["person"]).as_uri()).page
    hrefs = page.eval_on_selector_all("main a", "links => links.map(a => a.getAttribute('href'))")
    assert "../paper/pmlr-v75-arora18a.html" in hrefs
    assert "http://proceedings.mlr.press/v75/arora18a.html" in hrefs or \
        "https://proceedings.mlr.press/v75/arora18a.html" in hrefs
    assert "../org/princeton-university.html" in hrefs
    assert any(h.startswith("../source/") for h in hrefs)
    assert "../talk/sanjeev-arora-author-page-talk.html" in hrefs
    sections = page.eval_on_selector_all("main > section", "s => s.map(x => x.id || x.className)")
    assert sections.index("papers") < sections.index("coauthors") < sections.index("graph-panel")
    title = "Generalization and Equilibrium in Generative Adversarial Nets (GANs)"
    page.locator("#papers a", has_text=title).first.click()
    page.wait_for_selector("body[data-ready=true]", state="attached")
    assert page.url.endswith("/paper/2017-generalization-and-equilibrium-in-gans.html")
    assert page.inner_text("h1") == title
    razin = open_site_page((colt_site / "person/noam-razin.html").as_uri()).page
    talk = razin.inner_text("#talks li")
    assert talk.startswith("Two Theoretical Analyses of Modern Deep Learning")
    assert "at Princeton Alg-ML Seminar, December 4, 2023" in talk and "Monday 4 December 2023" in talk
    assert razin.get_attribute("#talks li a >> nth=1", "href") == "../event/alg-ml-seminar-2023-12-04.html"


def test_an_event_shows_its_programme_in_time_order_in_its_own_time_zone(open_site_page, colt_site):
    page = open_site_page((colt_site / PAGES["series"]).as_uri()).page
    first = page.inner_text("#programme li >> nth=0")
    assert first.startswith("Monday 4 December 2023, 12:30–13:30 EST")
    assert "Noam Razin" in first and "2023-12-04T" not in page.inner_text("main")
    meeting = open_site_page((colt_site / PAGES["meeting"]).as_uri()).page
    times = meeting.eval_on_selector_all("#programme .when", "w => w.map(x => x.textContent)")
    assert len(times) > 5 and all(t.startswith(("Thursday 26 September 2024", "Friday 27 September 2024"))
                                  for t in times)
    assert times == sorted(times, key=lambda t: (not t.startswith("Thursday"), t[-15:]))


@pytest.mark.parametrize("query, expected", [
    ("Misha", "Mikhail Belkin"),
    ("rene vidal", "René Vidal"),
    ("RENÉ VIDAL", "René Vidal"),
    ("kotlowski", "Wojciech Kotłowski"),
])
def test_search_finds_people_by_other_names_without_accents_or_case(open_site_page, colt_site, query,
                                                                    expected):
    visit = open_site_page(f"{(colt_site / 'search.html').as_uri()}?q={query}")
    first = visit.page.locator("#search-results li a").first
    assert first.inner_text() == expected
    assert visit.errors == [] and only_inside(visit, colt_site) == []
    first.click()
    visit.page.wait_for_selector("body[data-ready=true]", state="attached")
    assert visit.page.inner_text("h1") == expected


def test_someone_cut_from_the_coauthor_network_is_found_by_search(open_site_page, colt_site):
    overview = open_site_page((colt_site / "coauthors.html").as_uri()).page
    drawn = set(overview.evaluate("kgView.nodes.getIds()"))
    assert overview.is_visible("#cut-note")
    left_out = "https://w3id.org/kg/id/person/rene-vidal"
    assert left_out not in drawn
    search = open_site_page((colt_site / "search.html").as_uri()).page
    search.fill("#search", "vidal")
    assert "René Vidal" in search.inner_text("#search-results")


def test_typing_in_the_search_box_of_any_page_opens_the_search(open_site_page, colt_site):
    page = open_site_page((colt_site / PAGES["talk"]).as_uri()).page
    page.fill("header input[name=q]", "belkin")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("#search-results li", state="attached")
    assert "Mikhail Belkin" in page.inner_text("#search-results")


@pytest.mark.parametrize("screen", SCREENS)
def test_clicking_a_node_opens_its_page(open_site_page, colt_site, screen):
    visit = open_site_page((colt_site / PAGES["person"]).as_uri(), screen)
    page = visit.page
    page.locator("#graph").scroll_into_view_if_needed()
    target = "https://w3id.org/kg/id/person/rong-ge"
    point = visit.node_point(target)
    assert page.evaluate("(id) => kgView.network.getNodeAt(kgView.network.canvasToDOM("
                         "kgView.network.getPositions([id])[id]))", target) == target
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url("**/person/rong-ge.html")
    assert page.inner_text("h1") == "Rong Ge"


def test_a_link_lists_the_joint_papers_behind_it(open_site_page, colt_site):
    visit = open_site_page((colt_site / PAGES["person"]).as_uri())
    page = visit.page
    edge = page.evaluate("""() => kgView.edges.get().filter(e =>
        [e.from, e.to].includes('https://w3id.org/kg/id/person/rong-ge') &&
        [e.from, e.to].includes('https://w3id.org/kg/id/person/sanjeev-arora'))[0]""")
    assert edge["title"].endswith("joint papers") and edge["pages"]
    page.evaluate("(id) => kgView.network.emit('click', {nodes: [], edges: [id]})", edge["id"])
    links = page.eval_on_selector_all("#graph-details a", "a => a.map(x => x.getAttribute('href'))")
    assert links and all(link.startswith("../paper/") for link in links)


def test_important_nodes_are_labelled_at_first_view_and_reset_restores_the_view(open_site_page, colt_site):
    page = open_site_page((colt_site / "coauthors.html").as_uri()).page
    scale = page.evaluate("kgView.network.getScale()")
    sizes = page.evaluate("kgView.nodes.get().map(n => [n.labelled, n.font.size])")
    labelled = [size for flag, size in sizes if flag]
    assert 5 <= len(labelled) < len(sizes)
    assert all(size * scale >= 12.9 for size in labelled), "labels readable on screen at first view"
    assert all(size * scale < 9 for flag, size in sizes if not flag), "the rest wait for zoom"
    page.evaluate("kgView.network.moveTo({scale: 3, position: {x: 400, y: 300}})")
    page.click("#graph-reset")
    assert page.evaluate("kgView.network.getScale()") == pytest.approx(scale, rel=0.01)


def test_the_coauthor_network_caps_links_as_well_as_nodes(open_site_page, colt_site):
    page = open_site_page((colt_site / "coauthors.html").as_uri()).page
    counts = page.evaluate("({nodes: kgView.nodes.length, edges: kgView.edges.length})")
    assert counts["nodes"] <= 150 and counts["edges"] <= 450
    assert "of 4," in page.inner_text("#cut-note") and "links" in page.inner_text("#cut-note")


def test_on_a_phone_lists_come_first_and_the_graph_is_at_least_300_px_wide(open_site_page, colt_site):
    visit = open_site_page((colt_site / PAGES["person"]).as_uri(), "phone")
    page = visit.page
    graph = page.locator("#graph").bounding_box()
    papers = page.locator("#papers").bounding_box()
    assert graph["width"] >= 300 and graph["height"] >= 300
    assert papers["y"] < graph["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    table = page.locator("#coauthors table").bounding_box()
    assert table["width"] <= 390


XSS_PAGES = ["index.html", "search.html", "coauthors.html", "person/eve.html", "person/mallory.html",
             "person/trent.html", "event/xss-workshop.html", "talk/xss-talk.html", "paper/2024-xss.html",
             "org/bold-lab.html", "source/xss-page.html"]


@pytest.mark.parametrize("path", XSS_PAGES)
def test_markup_in_names_and_titles_stays_text_and_never_runs(open_site_page, xss_site, path):
    # Without the Content-Security-Policy: escaping alone has to keep the markup inert.
    visit = open_site_page((xss_site / path).as_uri(), "desktop", csp=False)
    page = visit.page
    visit.screenshot("site-xss-" + path.replace("/", "-").removesuffix(".html"))
    assert page.evaluate("window.kgXss") is None
    injected = "main img, main b, main svg, [onerror], [onload]"
    assert page.evaluate("(s) => document.querySelectorAll(s).length", injected) == 0
    assert page.evaluate("[...document.scripts].every(s => s.src || s.type === 'application/json')")
    if path not in ("index.html", "search.html", "coauthors.html"):
        assert "<" in page.inner_text("h1") or "&" in page.inner_text("h1") or "<" in page.inner_text("main")
    if path == "search.html":
        page.fill("#search", "eve")
        assert page.inner_text("#search-results li a") == "Eve <img src=x onerror=\"window.kgXss='name'\">"
    if page.query_selector("#graph"):
        for node in page.evaluate("kgView.nodes.getIds()"):
            point = visit.node_point(node)
            page.mouse.move(point["x"], point["y"])
        assert page.evaluate("document.querySelectorAll('#graph-details *:not(strong)').length") == 0
    assert page.evaluate("window.kgXss") is None
    assert visit.errors == [] and only_inside(visit, xss_site) == []
