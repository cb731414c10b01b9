"""The site's pages made from the tiny store: what each lists, how it links, what it refuses."""

import json
import re

import pytest

from kg.views.site.build import plan_site, search_index
from kg.views.site.content import Paper, Person, SiteContent, read_content
from kg.views.site.pages import Pages

ID = "https://w3id.org/kg/id/"
ADA, ALAN, GRACE = ID + "person/ada-lovelace", ID + "person/alan-turing", ID + "person/grace-hopper"


@pytest.fixture(scope="module")
def content(mini_store):
    return read_content(mini_store)


def links(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]*)"', html)


def test_the_content_holds_every_entity_with_its_links_resolved(content):
    assert sorted(content.people) == sorted([ADA, ALAN, GRACE, ID + "person/kurt-godel"])
    assert content.people[ADA].other_names == ["A. Lovelace", "Lovelace, Ada"]
    assert sorted(content.events[ID + "event/mini-series"].parts) == [ID + "event/mini-2024-01-08"]
    assert content.talks[ID + "talk/engines-that-think"].speakers == {ADA: ["AU and Engine Lab"]}
    assert [a.advisor for a in content.people[ALAN].advisors] == [ID + "person/kurt-godel"]


def test_a_person_page_lists_talks_papers_coauthors_and_affiliations_with_links(content):
    html = Pages(content).person(ADA)
    assert "<h1>Ada Lovelace</h1>" in html and "Also written: A. Lovelace; Lovelace, Ada" in html
    assert "../talk/engines-that-think.html" in links(html)
    assert "../event/mini-2024-01-08.html" in links(html)
    assert "alan-turing.html" in links(html) and "../org/engine-lab.html" in links(html)
    assert "Monday 8 January 2024, 12:30–13:30 GMT" in html, "in the series' zone, Europe/London"
    assert html.index('id="talks"') < html.index('id="papers"') < html.index('id="coauthors"') \
        < html.index('id="kg-graph"')
    assert "../source/mini-seminar.html" in links(html)


def test_an_event_page_lists_its_programme_in_time_order(content):
    html = Pages(content).event(ID + "event/mini-series")
    programme = html[html.index('id="programme"'):]
    assert programme.index("Engines that think") < programme.index("On computable numbers")
    assert "Times are in the event&#39;s own time zone (Europe/London)." in html
    assert "../person/grace-hopper.html" in links(html) and "../org/analytical-university.html" in links(html)


def test_every_page_has_a_strict_content_security_policy_and_shares_its_assets(mini_store):
    site = plan_site(mini_store)
    paths = [path for path, _ in site.jobs]
    assert paths.count("assets/vis-network.min.js") == 1
    for path, make in site.jobs:
        if path.endswith(".html"):
            html = make().decode()
            assert "script-src 'self'; style-src 'self'" in html
            assert "<style" not in html and " style=" not in html
            assert not re.search(r"<script>(?!\s*$)", html), "no inline script"
            assert len(html) < 60_000, f"{path} is small: the graph library lives in assets/"


def test_unsafe_addresses_are_never_links_and_text_is_escaped():
    content = SiteContent()
    paper = ID + "paper/p"
    content.papers[paper] = Paper(paper, "<b>Bold</b> claims", year=2020, authors=[ADA],
                                  urls=["javascript:alert(1)", "https://example.org/p"])
    content.people[ADA] = Person(ADA, "Ada <i>L</i>", homepages=["javascript:alert(2)"], papers=[paper])
    person, page = Pages(content).person(ADA), Pages(content).paper(paper)
    for html in (person, page):
        assert "javascript:" not in html
        assert "<b>Bold" not in html and "&lt;b&gt;Bold&lt;/b&gt; claims" in html
    assert 'href="https://example.org/p"' in page and "Homepage" not in person
    assert "<i>L</i>" not in person and "Ada &lt;i&gt;L&lt;/i&gt;" in person


def test_the_search_index_holds_names_other_names_and_titles_as_plain_keys(content):
    text = search_index(content).decode()
    assert text.startswith("window.kgSearchIndex = ") and "<" not in text
    index = json.loads(text.removeprefix("window.kgSearchIndex = ").rstrip(";\n"))
    entries = {entry[1]: entry for entry in index["entries"]}
    ada = entries["Ada Lovelace"]
    assert ada[0] == "person/ada-lovelace.html" and index["kinds"][ada[2]] == "person"
    assert ada[4] == "ada lovelace" and "a lovelace" in ada[5]
    assert entries["Kurt Gödel"][4] == "kurt godel"
    assert entries["Engines that think"][0] == "talk/engines-that-think.html"


def test_the_same_store_gives_the_same_site_byte_for_byte(mini_store):
    first = {path: make() for path, make in plan_site(mini_store).jobs}
    second = {path: make() for path, make in plan_site(mini_store).jobs}
    assert first == second
