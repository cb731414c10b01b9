"""A store → the files of the site: every page, the search index and the shared assets.

``site_files`` yields ``SiteFile``s (a path under the site root and its bytes) one at a time, so
the command line can write them wherever it chooses as they come and memory does not grow with
the number of pages. One copy of vis-network, the style sheet and the scripts serves every page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyvis

from kg.store import GraphStore
from kg.views.graph_pages import densest_top
from kg.views.site.content import SiteContent, read_content
from kg.views.site.pages import Limits, Pages, asset_text
from kg.views.site.panels import coauthor_overview, readable
from kg.views.site.paths import page_of
from kg.views.site.text import human_when, search_key

OVERVIEW_NODES = 150
OVERVIEW_LINKS = 450
ASSETS = ("site.css", "graph.js", "search.js")
SEARCH_KINDS = ("person", "event", "institution", "paper", "talk", "source")


@dataclass(frozen=True)
class SiteFile:
    """One file of the site: its path under the root (``person/ada.html``) and its content."""

    path: str
    data: bytes


@dataclass
class Site:
    """A site about to be written: its content and the jobs that make each file."""

    content: SiteContent
    jobs: list[tuple[str, Callable[[], bytes]]]

    def files(self) -> Iterator[SiteFile]:
        """Make the files one by one, in a fixed order."""
        for path, make in self.jobs:
            yield SiteFile(path, make())


def plan_site(store: GraphStore, limits: Limits | None = None) -> Site:
    """Read the store and list every file of the site with the function that makes it."""
    content = read_content(store)
    pages = Pages(content, limits)
    jobs: list[tuple[str, Callable[[], bytes]]] = [
        ("assets/vis-network.min.js", lambda: _vis_asset("vis-network.min.js")),
        ("assets/vis-network.css", lambda: _vis_asset("vis-network.css")),
    ]
    for name in ASSETS:
        jobs.append((f"assets/{name}", lambda name=name: asset_text(f"site/{name}").encode()))  # type: ignore[misc]
    jobs.append(("index.html", lambda: pages.home().encode()))
    jobs.append(("search.html", lambda: pages.search().encode()))
    jobs.append(("search-index.js", lambda: search_index(content)))
    jobs.append(("coauthors.html", lambda: _overview(content, pages)))
    for table, render in ((content.people, pages.person), (content.events, pages.event),
                          (content.organizations, pages.organization), (content.papers, pages.paper),
                          (content.talks, pages.talk), (content.sources, pages.source)):
        for iri in sorted(table):
            path = page_of(iri)
            if path is not None:
                jobs.append((path, lambda iri=iri, render=render: render(iri).encode()))  # type: ignore[misc]
    return Site(content, jobs)


def search_index(content: SiteContent) -> bytes:
    """The search index as a script that sets ``window.kgSearchIndex`` (a page from disk cannot fetch JSON).

    Each entry: link from the site root, name, kind (index into ``kinds``), a line of detail, the
    search key of the name, the search key of other names and titles, and a rank of the kind.
    """
    entries: list[list[object]] = []

    def add(iri: str, name: str, kind: int, detail: str, other: list[str]) -> None:
        path = page_of(iri)
        if path is not None:
            entries.append([path, name, kind, detail, search_key(name), search_key(" ".join(other)), kind])

    for person in content.people.values():
        latest = sorted(person.affiliations, key=lambda a: (a.end_year or a.start_year or 0), reverse=True)
        detail = content.name(latest[0].organization) if latest else ""
        add(person.iri, person.name, 0, detail, person.other_names)
    for event in content.events.values():
        add(event.iri, event.name, 1, human_when(event.start, event.end) or "", [])
    for org in content.organizations.values():
        add(org.iri, org.name, 2, org.location or "", org.other_names)
    for paper in content.papers.values():
        authors = ", ".join(content.name(a) for a in paper.authors[:3])
        authors += " et al." if len(paper.authors) > 3 else ""
        detail = f"{paper.year or ''} · {authors}".strip(" ·")
        add(paper.iri, paper.title, 3, detail, paper.other_titles)
    for talk in content.talks.values():
        speakers = ", ".join(content.name(s) for s in talk.speakers)
        add(talk.iri, talk.title or "Untitled talk", 4, speakers, talk.other_titles)
    for source in content.sources.values():
        add(source.iri, source.title, 5, "", [])
    entries.sort(key=lambda e: (str(e[4]), str(e[0])))
    index = {"kinds": SEARCH_KINDS, "entries": entries}
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"window.kgSearchIndex = {text};\n".encode()


def _overview(content: SiteContent, pages: Pages) -> bytes:
    whole = coauthor_overview(content)
    shown, cut = densest_top(whole, OVERVIEW_NODES, "people", "links")
    ranked = sorted(shown, key=lambda n: (-shown.degree(n, weight="weight"), n))
    panel = readable(shown, None, "people", OVERVIEW_NODES, OVERVIEW_LINKS, order=ranked)
    if cut:
        cut = cut.replace("Cut to", "The graph is cut to", 1)
    return pages.overview(panel, cut).encode()


def _vis_asset(name: str) -> bytes:
    """vis-network as pyvis ships it, less the source-map comment a browser could try to fetch."""
    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name
    text = path.read_text(encoding="utf-8")
    return re.sub(r"/[/*]# sourceMappingURL=\S*", "", text).encode()
