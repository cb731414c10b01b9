"""One page of the site for each person, institution, event, talk, paper and source, as HTML.

A page is lists first (what a reader came for: talks and papers by year, coauthors with their
joint papers, an event's programme in time order) and its graph panel below. Every entity a page
mentions is a link to that entity's page, relative to the page, so the site works from disk;
web addresses from the data become links only when they are http(s) or mailto
(``text.safe_url``). Text from the data reaches the HTML escaped by Jinja's autoescape.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

import jinja2

from kg.views.site.content import Affiliation, SiteContent
from kg.views.site.panels import (
    COMMUNITY_COLOURS,
    KIND_STYLES,
    MAX_LINKS,
    MAX_NODES,
    Panel,
    coauthor_counts,
    event_graph,
    hyper,
    organization_graph,
    panel_data,
    paper_graph,
    person_graph,
    readable,
    talk_graph,
)
from kg.views.site.paths import href, page_of
from kg.views.site.text import human_when, safe_url, sort_time, year_of

KIND_NAMES = {
    "SeminarSeries": "Seminar series", "Seminar": "Seminar", "Meeting": "Meeting",
    "Workshop": "Workshop", "School": "School", "Conference": "Conference",
    "TalkCollection": "Collection of talks", "Event": "Event", "University": "University",
    "Department": "Department", "Lab": "Lab", "Institute": "Institute", "Company": "Company",
    "Foundation": "Foundation", "Organization": "Organization",
}
AUTHORS_SHOWN = 8
"""A paper in a list names its first authors and counts the rest."""
PEOPLE_LISTED = 500
"""An institution's page lists at most this many people (the most often stated first)."""
HOLDINGS_LISTED = 300


@dataclass(frozen=True)
class Ref:
    """A name shown on a page, linked to the page of what it names when there is one."""

    text: str
    href: str | None = None


@dataclass(frozen=True)
class External:
    """A link out of the site: a paper's publisher page, a homepage, slides, a video."""

    text: str
    url: str


@dataclass(frozen=True)
class Limits:
    """How big a graph panel may be."""

    max_nodes: int = MAX_NODES
    max_links: int = MAX_LINKS


class Pages:
    """Renders the pages of one site from its content."""

    def __init__(self, content: SiteContent, limits: Limits | None = None) -> None:
        self.content = content
        self.limits = limits or Limits()
        self._mentions: dict[str, list[str]] | None = None

    # --- shared pieces ---

    def ref(self, here: str, iri: str | None, text: str | None = None) -> Ref:
        """The name of ``iri`` linked from the page ``here`` to its own page."""
        if iri is None:
            return Ref(text or "")
        page = page_of(iri) if self._has_page(iri) else None
        return Ref(text if text is not None else self.content.name(iri), href(here, page) if page else None)

    def _has_page(self, iri: str) -> bool:
        c = self.content
        tables = (c.people, c.organizations, c.events, c.talks, c.papers, c.sources)
        return any(iri in table for table in tables)

    def _sources(self, here: str, sources: Iterable[str | None]) -> list[Ref]:
        found = sorted({s for s in sources if s}, key=lambda s: (self.content.name(s), s))
        return [self.ref(here, s) for s in found]

    def _render(self, template: str, here: str, **context: Any) -> str:
        root = href(here, "index.html").removesuffix("index.html")
        for name in ("graph", "graph_about", "graph_note", "description"):
            context.setdefault(name, None)
        context.setdefault("legend", [])
        return _template(f"site/{template}").render(root=root, **context)

    def _panel(self, here: str, focus: str, panel: Panel, about: str, how_to_see: str) -> dict[str, Any]:
        note = f"{panel.note} {how_to_see}" if panel.note else None
        kinds = sorted({d["kind"] for _, d in panel.graph.nodes(data=True)},
                       key=lambda k: list(KIND_STYLES).index(k) if k in KIND_STYLES else 9)
        legend = [{"cls": f"kind-{k} shape-{KIND_STYLES[k][1]}", "name": KIND_STYLES[k][2]} for k in kinds
                  if k != "person" or not panel.communities]
        if panel.communities:
            legend.insert(0, {"cls": "community-0", "name": "people, coloured by group of coauthors"})
        return {"graph": panel_data(panel, self.content, here, focus), "graph_about": about,
                "graph_note": note, "legend": legend}

    # --- people ---

    def person(self, iri: str) -> str:
        """A person's page: affiliations, advisors and students, talks and papers by year, coauthors."""
        c, person = self.content, self.content.people[iri]
        here = page_of(iri) or ""
        papers = sorted(person.papers, key=lambda p: (-(c.papers[p].year or 0), c.papers[p].title, p))
        by_year: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for paper in papers:
            by_year[str(c.papers[paper].year or "Year not stated")].append(self._paper_item(here, paper))
        talks = sorted(person.talks, key=lambda t: (sort_time(c.talks[t].start), t), reverse=True)
        talks_by_year: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for talk in talks:
            year = year_of(c.talks[talk].start)
            talks_by_year[str(year) if year else "Date not stated"].append(self._talk_item(here, talk))
        counts = coauthor_counts(c, iri)
        coauthors = []
        for other in sorted(counts, key=lambda o: (-counts[o], c.name(o), o)):
            joint = sorted((p for p in person.papers if other in c.papers[p].authors and not hyper(c, p)),
                           key=lambda p: (-(c.papers[p].year or 0), c.papers[p].title))
            years = sorted({year for p in joint if (year := c.papers[p].year)})
            coauthors.append({"person": self.ref(here, other), "count": counts[other],
                              "papers": [self.ref(here, p) for p in joint], "years": _years(years)})
        hypers = [p for p in person.papers if hyper(c, p)]
        affiliations = self._affiliations(here, person.affiliations)
        advisors = [{"person": self.ref(here, a.advisor), "what": self._advising(here, a)}
                    for a in sorted(person.advisors, key=lambda a: (c.name(a.advisor), a.advisor))]
        students = [{"person": self.ref(here, a.student), "what": self._advising(here, a)}
                    for a in sorted(person.students, key=lambda a: (c.name(a.student), a.student))]
        honours = [{"text": " ".join(x for x in (h.name, f"in {h.field}" if h.field else "",
                                                  f"({h.year})" if h.year else "") if x),
                    "where": self.ref(here, h.institution) if h.institution else None}
                   for h in sorted(person.honours, key=lambda h: (h.year or 0, h.name))]
        sources = [a.source for a in person.affiliations]
        sources += [a.source for a in person.advisors + person.students] + [h.source for h in person.honours]
        sources += [s for t in person.talks for s in c.talks[t].sources]
        sources += [s for p in person.papers for s in c.papers[p].sources]
        external = [External("Homepage", u) for u in person.homepages if safe_url(u)]
        external += [External("Wikidata", u) for u in person.wikidata if safe_url(u)]
        toc = [(a, n) for a, n, present in (
            ("affiliations", "Affiliations", affiliations),
            ("advising", "Advisors and students", advisors or students),
            ("talks", "Talks", talks), ("papers", "Papers", papers), ("coauthors", "Coauthors", coauthors),
            ("graph-title", "Graph", True)) if present]
        graph = person_graph(c, iri)
        panel = readable(graph, iri, "people and papers", self.limits.max_nodes, self.limits.max_links)
        summary = _sentence([_count(len(papers), "paper"), _count(len(talks), "talk"),
                             _count(len(coauthors), "coauthor")])
        return self._render(
            "person.html", here, kind="person", kind_name="Person", title=person.name,
            description=f"{person.name}: {summary}", summary=summary,
            other_names=person.other_names, external=external, toc=toc, affiliations=affiliations,
            advisors=advisors, students=students, talks=list(talks_by_year.items()), talk_count=len(talks),
            papers=list(by_year.items()), paper_count=len(papers), coauthors=coauthors,
            coauthor_count=len(coauthors),
            hyper_note=(f"Not counted as coauthors: the authors of {_count(len(hypers), 'paper')} with more "
                        "than 25 authors (listed on the paper's page).") if hypers else None,
            organizes=[self.ref(here, e) for e in sorted(person.organizes, key=lambda e: (c.name(e), e))],
            honours=honours, source_refs=self._sources(here, sources),
            **self._panel(here, iri, panel,
                          f"{person.name} (thick border), their coauthors (thicker links for more joint "
                          "papers) and the coauthors' joint papers, advisors and students.",
                          "Every coauthor is listed above, and search finds anyone."),
        )

    def _advising(self, here: str, advising: Any) -> str:
        what = "PhD" if advising.kind == "phd" else "postdoc"
        if advising.institution:
            what += f", {self.content.name(advising.institution)}"
        return what

    def _affiliations(self, here: str, statements: list[Affiliation]) -> list[dict[str, Any]]:
        """Affiliations grouped by institution, the most recent first, with the years they span."""
        c = self.content
        grouped: dict[str, list[Affiliation]] = defaultdict(list)
        for statement in statements:
            grouped[statement.organization].append(statement)
        rows = []
        for org, group in grouped.items():
            years: set[int] = set()
            current = False
            for a in group:
                years.update(y for y in (a.start_year, a.end_year) if y)
                if a.context in c.papers and c.papers[a.context].year:
                    years.add(c.papers[a.context].year or 0)
                elif a.context in c.talks and year_of(c.talks[a.context].start):
                    years.add(year_of(c.talks[a.context].start) or 0)
                current = current or bool(a.current and a.context is None)
            stated = sorted({a.as_stated for a in group if a.as_stated})
            roles = sorted({a.role for a in group if a.role})
            when = _years(sorted(years))
            if current:
                when = f"{when}, current" if when else "current"
            papers = sum(1 for a in group if a.context in c.papers)
            if papers:
                when += f" ({_count(papers, 'paper')})" if when else _count(papers, "paper")
            rows.append(({"org": self.ref(here, org), "when": when,
                          "stated": "; ".join([*roles, *stated[:3]]) + (" …" if len(stated) > 3 else "")},
                         (-(max(years) if years else (9999 if current else 0)), c.name(org), org)))
        return [row for row, _ in sorted(rows, key=lambda pair: pair[1])]

    def _paper_item(self, here: str, paper: str) -> dict[str, Any]:
        entity = self.content.papers[paper]
        authors = [self.ref(here, a) for a in entity.authors[:AUTHORS_SHOWN]]
        return {"title": self.ref(here, paper), "authors": authors,
                "more": max(0, len(entity.authors) - AUTHORS_SHOWN), "venue": "; ".join(entity.venues),
                "kinds": ", ".join(entity.presented_as), "links": _externals(entity.urls),
                "year": entity.year}

    def _talk_item(self, here: str, talk: str) -> dict[str, Any]:
        entity = self.content.talks[talk]
        return {"title": self.ref(here, talk),
                "event": self.ref(here, entity.event) if entity.event else None,
                "when": human_when(entity.start, entity.end, self._zone_of(entity.event)),
                "links": _externals(entity.links)}

    def _zone_of(self, event: str | None) -> str | None:
        """The time zone an event states, or the one of the event it is part of."""
        seen = set()
        while event in self.content.events and event not in seen:
            seen.add(event)
            if self.content.events[event].timezone:
                return self.content.events[event].timezone
            event = self.content.events[event].part_of
        return None

    # --- events ---

    def event(self, iri: str) -> str:
        """An event's page: when and where, who organizes it, its sessions and its programme in time order."""
        c, event = self.content, self.content.events[iri]
        here = page_of(iri) or ""
        zone = self._zone_of(iri)
        facts: list[tuple[str, Any]] = []
        if event.part_of:
            facts.append(("Part of", self.ref(here, event.part_of)))
        when = human_when(event.start, event.end, zone)
        if when:
            facts.append(("When", when))
        for name, value in (("Schedule", event.schedule), ("Time zone", zone), ("Place", event.place),
                            ("Address", event.address)):
            if value:
                facts.append((name, value))
        roles: dict[str, list[Ref]] = defaultdict(list)
        external = []
        for role, other, detail in event.roles:
            if role == "link":
                external += _externals([other])
                continue
            name = {"organizer": "Organizers", "host": "Hosts", "contact": "Contacts",
                    "group": "Groups attending"}.get(role, role)
            text = c.name(other) + (f" ({detail})" if detail else "")
            roles[name].append(self.ref(here, other, text))
        parts = sorted(event.parts, key=lambda e: (sort_time(c.events[e].start), c.events[e].name, e))
        talks = [(t, iri) for t in event.talks] + [(t, p) for p in parts for t in c.events[p].talks]
        talks.sort(key=lambda pair: (sort_time(c.talks[pair[0]].start), c.talks[pair[0]].title or "",
                                     pair[0]))
        programme = []
        for talk, session in talks:
            entity = c.talks[talk]
            programme.append({
                "when": human_when(entity.start, entity.end, zone), "title": self.ref(here, talk),
                "speakers": [{"person": self.ref(here, s), "affiliation": "; ".join(a)}
                             for s, a in sorted(entity.speakers.items(), key=lambda i: (c.name(i[0]), i[0]))],
                "place": entity.place, "links": _externals(entity.links),
                "session": self.ref(here, session) if session != iri else None,
            })
        kind = KIND_NAMES.get(event.kind, event.kind)
        panel = readable(event_graph(c, iri), iri, "talks, people and events",
                         self.limits.max_nodes, self.limits.max_links)
        summary = _sentence([_count(len(parts), "session"), _count(len(talks), "talk")])
        return self._render(
            "event.html", here, kind="event", kind_name=kind, title=event.name,
            description=f"{event.name}: {summary}", facts=facts, external=external,
            description_text=event.description, roles=sorted(roles.items()),
            parts=[{"event": self.ref(here, p), "when": human_when(c.events[p].start, c.events[p].end, zone)}
                   for p in parts],
            parts_title="Sessions" if event.kind in ("SeminarSeries", "TalkCollection") else "Parts",
            programme=programme,
            zone_note=f"Times are in the event's own time zone ({zone})." if zone and programme else None,
            source_refs=self._sources(here, [*event.sources,
                                             *(s for t, _ in talks for s in c.talks[t].sources)]),
            **self._panel(here, iri, panel, f"{event.name} (thick border), its sessions, talks, speakers, "
                          "organizers and hosts.", "The whole programme is listed above."),
        )

    # --- institutions ---

    def organization(self, iri: str) -> str:
        """An institution's page: its people (most often stated first), their talks, events it hosts."""
        c, org = self.content, self.content.organizations[iri]
        here = page_of(iri) or ""
        facts: list[tuple[str, Any]] = [("Kind", KIND_NAMES.get(org.kind, org.kind))]
        if org.part_of:
            facts.append(("Part of", self.ref(here, org.part_of)))
        if org.location:
            facts.append(("Location", org.location))
        people = sorted(org.people, key=lambda p: (-len(org.people[p]), c.name(p), p))
        rows = []
        for person in people[:PEOPLE_LISTED]:
            row = self._affiliations(here, org.people[person])[0]
            rows.append({"person": self.ref(here, person), "when": row["when"], "stated": row["stated"]})
        talks = sorted({a.context for statements in org.people.values() for a in statements
                        if a.context and a.context in c.talks},
                       key=lambda t: (sort_time(c.talks[t].start), t))
        talk_items = [{"title": self.ref(here, t),
                       "speakers": [self.ref(here, s) for s in c.talks[t].speakers],
                       "event": self.ref(here, c.talks[t].event) if c.talks[t].event else None,
                       "when": human_when(c.talks[t].start, c.talks[t].end, self._zone_of(c.talks[t].event))}
                      for t in talks]
        external = [External("Homepage", u) for u in org.homepages if safe_url(u)]
        external += [External("Wikidata", u) for u in org.wikidata if safe_url(u)]
        panel = readable(organization_graph(c, iri), iri, "people and institutions",
                         self.limits.max_nodes, self.limits.max_links)
        return self._render(
            "org.html", here, kind="org", kind_name=KIND_NAMES.get(org.kind, org.kind), title=org.name,
            description=f"{org.name}: {_count(len(people), 'person', 'people')}",
            other_names=org.other_names, facts=facts, external=external,
            parts=[self.ref(here, p) for p in sorted(org.parts, key=lambda p: (c.name(p), p))],
            people=rows, people_count=len(people), people_more=max(0, len(people) - PEOPLE_LISTED),
            talks=talk_items, hosts=[self.ref(here, e) for e in sorted(org.hosts)],
            source_refs=self._sources(here, [a.source for s in org.people.values() for a in s]),
            **self._panel(here, iri, panel, f"{org.name} (thick border) and its people, joined by their "
                          "joint papers.", "Everyone is listed above (the first "
                          f"{PEOPLE_LISTED:,}), and search finds anyone."),
        )

    # --- papers and talks ---

    def paper(self, iri: str) -> str:
        """A paper's page: authors in order with the affiliation printed for each, venue, links."""
        c, paper = self.content, self.content.papers[iri]
        here = page_of(iri) or ""
        printed: dict[str, list[str]] = defaultdict(list)
        for author in paper.authors:
            for a in c.people[author].affiliations if author in c.people else []:
                if a.context == iri and a.as_stated and a.as_stated not in printed[author]:
                    printed[author].append(a.as_stated)
        facts = [(name, value) for name, value in (
            ("Year", str(paper.year) if paper.year else None), ("Venue", "; ".join(paper.venues)),
            ("Pages", "; ".join(paper.pages)), ("Presented as", ", ".join(paper.presented_as))) if value]
        panel = readable(paper_graph(c, iri), iri, "people", self.limits.max_nodes, self.limits.max_links)
        return self._render(
            "paper.html", here, kind="paper", kind_name="Paper", title=paper.title,
            description=f"{paper.title} ({paper.year})" if paper.year else paper.title,
            other_titles=paper.other_titles, facts=facts, external=_externals(paper.urls),
            authors=[{"person": self.ref(here, a), "affiliation": "; ".join(printed[a])}
                     for a in paper.authors],
            source_refs=self._sources(here, paper.sources),
            **self._panel(here, iri, panel, "The paper (thick border), its authors and the other papers "
                          "they wrote together (thicker links for more).", "Every author is listed above."),
        )

    def talk(self, iri: str) -> str:
        """A talk's page: speakers, event, time in the event's zone, place, abstract, slides or video."""
        c, talk = self.content, self.content.talks[iri]
        here = page_of(iri) or ""
        facts: list[tuple[str, Any]] = []
        if talk.event:
            facts.append(("Event", self.ref(here, talk.event)))
        when = human_when(talk.start, talk.end, self._zone_of(talk.event))
        for name, value in (("When", when), ("Place", talk.place), ("Recording from", talk.recording_offset)):
            if value:
                facts.append((name, value))
        title = talk.title or "Untitled talk"
        panel = readable(talk_graph(c, iri), iri, "nodes", self.limits.max_nodes, self.limits.max_links)
        return self._render(
            "talk.html", here, kind="talk", kind_name="Talk", title=title, description=title,
            other_titles=talk.other_titles, facts=facts,
            speakers=[{"person": self.ref(here, s), "affiliation": "; ".join(a)}
                      for s, a in sorted(talk.speakers.items(), key=lambda i: (c.name(i[0]), i[0]))],
            collaborators=[self.ref(here, p) for p in talk.collaborators], external=_externals(talk.links),
            abstract=talk.abstract, biography=talk.biography, keywords=talk.keywords,
            source_refs=self._sources(here, talk.sources),
            **self._panel(here, iri, panel, "The talk (thick border), its event, speakers and their "
                          "institutions as printed.", ""),
        )

    # --- sources ---

    def source(self, iri: str) -> str:
        """A source document's page: what it is, where it came from and what kg took from it."""
        c, source = self.content, self.content.sources[iri]
        here = page_of(iri) or ""
        held = self._holdings().get(iri, [])
        groups: dict[str, list[str]] = defaultdict(list)
        for entity in held:
            groups[entity.split("/")[-2]].append(entity)
        holds = []
        for kind, name in (("event", "Events"), ("talk", "Talks"), ("paper", "Papers"), ("person", "People")):
            items = sorted(groups.get(kind, []), key=lambda e: (c.name(e), e))
            holds.append((name, [self.ref(here, e) for e in items[:HOLDINGS_LISTED]],
                          max(0, len(items) - HOLDINGS_LISTED)))
        facts = [(n, v) for n, v in (("Kind", (source.kind or "").replace("_", " ")), ("File", source.file),
                                    ("Retrieved", source.retrieved)) if v]
        return self._render(
            "source.html", here, kind="source", kind_name="Source document", title=source.title,
            description=source.title, facts=facts,
            external=[External("The original", source.url)] if source.url and safe_url(source.url) else [],
            summary="Every fact kg took from this document names it as its source.",
            holds=[h for h in holds if h[1]],
        )

    def _holdings(self) -> dict[str, list[str]]:
        if self._mentions is None:
            c = self.content
            mentions: dict[str, set[str]] = defaultdict(set)
            for things in (c.events.values(), c.talks.values(), c.papers.values()):
                for thing in things:
                    for source in thing.sources:  # type: ignore[attr-defined]
                        mentions[source].add(thing.iri)  # type: ignore[attr-defined]
            for person in c.people.values():
                for statement in person.affiliations + person.advisors + person.honours:  # type: ignore[operator]
                    if statement.source:
                        mentions[statement.source].add(person.iri)
            self._mentions = {s: sorted(m) for s, m in mentions.items()}
        return self._mentions

    # --- home, search, overview ---

    def home(self, top: int = 40) -> str:
        """The home page: what the site holds, a search box and the entities people open first."""
        c, here = self.content, "index.html"
        series = [e for e in c.events.values() if e.part_of not in c.events]
        events = sorted(series, key=lambda e: (-len(e.talks) - sum(len(c.events[p].talks) for p in e.parts),
                                               e.name, e.iri))
        people = sorted(c.people.values(), key=lambda p: (-(len(p.papers) + len(p.talks)), p.name, p.iri))
        orgs = sorted(c.organizations.values(), key=lambda o: (-len(o.people), o.name, o.iri))
        papers = sorted(c.papers.values(), key=lambda p: (-(p.year or 0), p.title, p.iri))
        sections = [
            ("Events", "events", [{"ref": self.ref(here, e.iri), "meta": KIND_NAMES.get(e.kind, e.kind)}
                                  for e in events], 0),
            ("People with the most papers and talks", "people",
             [{"ref": self.ref(here, p.iri), "meta": _sentence([_count(len(p.papers), "paper"),
                                                                 _count(len(p.talks), "talk")])}
              for p in people[:top]], max(0, len(people) - top)),
            ("Institutions with the most people", "institutions",
             [{"ref": self.ref(here, o.iri), "meta": _count(len(o.people), "person", "people")}
              for o in orgs[:top] if o.people], max(0, len(orgs) - top)),
            ("Latest papers", "papers", [{"ref": self.ref(here, p.iri), "meta": str(p.year or "")}
                                         for p in papers[:top]], max(0, len(papers) - top)),
            ("Sources", "sources", [{"ref": self.ref(here, s), "meta": ""} for s in sorted(c.sources)], 0),
        ]
        people_count = _count(len(c.people), "person", "people")
        summary = (f"A knowledge graph of machine-learning theory: {people_count}, "
                   f"{_count(len(c.events), 'event')}, {_count(len(c.talks), 'talk')}, "
                   f"{_count(len(c.papers), 'paper')} and {_count(len(c.organizations), 'institution')}, "
                   f"taken from {_count(len(c.sources), 'source document')}. Every page links to what it "
                   "mentions, and the site works offline.")
        return self._render("home.html", here, kind="home", kind_name="kg",
                            title="Speakers, talks and papers",
                            description=summary, summary=summary, sections=[s for s in sections if s[2]])

    def search(self) -> str:
        """The search page: the form and its script; the index is ``search-index.js`` beside it."""
        return self._render("search.html", "search.html", kind="search", kind_name="Search",
                            title="Search", description="Search the site",
                            summary="Type a name, another name or a title.")

    def overview(self, panel: Panel, cut: str | None) -> str:
        """The coauthor network of the whole store, cut to its readable core, coloured by group."""
        here = "coauthors.html"
        graph = panel.graph
        groups: dict[str, list[str]] = defaultdict(list)
        for node, colour in graph.nodes(data="colour"):
            if colour:
                groups[colour].append(node)
        listed = []
        for number, colour in enumerate(COMMUNITY_COLOURS):
            members = sorted(groups.get(colour, []),
                             key=lambda n: (-graph.nodes[n].get("importance", 0), n))
            if members:
                listed.append({"cls": f"community-{number}",
                               "people": [self.ref(here, m) for m in members[:12]],
                               "more": max(0, len(members) - 12)})
        notes = " ".join(n for n in (cut, panel.note) if n) or None
        people = sum(1 for _, k in graph.nodes(data="kind") if k == "person")
        summary = (f"Who wrote papers with whom: {_count(people, 'person', 'people')} and "
                   f"{_count(graph.number_of_edges(), 'link')}, thicker for more joint papers; colours are "
                   "groups that write together (Louvain communities); size is importance (PageRank).")
        return self._render(
            "overview.html", here, kind="overview", kind_name="Graph", title="The coauthor network",
            description=summary, summary=summary, groups=listed,
            **self._panel(here, "", Panel(graph, notes, panel.communities), summary,
                          "Everyone has their own page with all their coauthors; search finds anyone."),
        )


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_asset),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )


def _template(name: str) -> jinja2.Template:
    return _environment().get_template(name)


def _asset(name: str) -> str:
    return (files("kg.views") / "assets" / name).read_text(encoding="utf-8")


def asset_text(name: str) -> str:
    """One of the site's shared files (``site/site.css``...), as text."""
    return _asset(name)


def _externals(urls: Iterable[str]) -> list[External]:
    """Web addresses as links named for what they are (PMLR, video, slides...); unsafe ones dropped."""
    found = []
    for url in urls:
        if safe_url(url):
            found.append(External(_link_name(url), url))
    return found


def _link_name(url: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.lower()
    if "proceedings.mlr.press" in host:
        return "PMLR"
    if any(h in host for h in ("youtube.", "youtu.be", "vimeo.", "panopto", "bilibili")):
        return "video"
    if path.endswith((".pdf", ".ppt", ".pptx", ".key")) or "slides" in path:
        return "slides" if "slides" in path or path.endswith((".ppt", ".pptx", ".key")) else "PDF"
    if "zoom.us" in host:
        return "Zoom"
    if "arxiv.org" in host:
        return "arXiv"
    if parts.scheme == "mailto":
        return "e-mail"
    return host or url


def _years(years: list[int]) -> str:
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def _sentence(parts: list[str]) -> str:
    kept = [p for p in parts if not p.startswith("0 ")]
    if not kept:
        return "nothing listed yet"
    return ", ".join(kept[:-1]) + (" and " if len(kept) > 1 else "") + kept[-1]
