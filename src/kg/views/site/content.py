"""Everything the site shows, read from the store once: a few whole-store queries → plain records.

Each ``site_*`` query returns one table for the whole store (people, papers, authorships,
affiliations...), so building tens of thousands of pages costs a dozen queries rather than a
dozen per page. The records here are plain data with the links between them resolved into
dictionaries keyed by IRI; the pages are made from them in ``kg.views.site.pages``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.sparql.catalog import find_query
from kg.store import GraphStore


@dataclass
class Person:
    """A person and everything their page lists, by IRI."""

    iri: str
    name: str
    other_names: list[str] = field(default_factory=list)
    homepages: list[str] = field(default_factory=list)
    wikidata: list[str] = field(default_factory=list)
    papers: list[str] = field(default_factory=list)
    talks: list[str] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    advisors: list[Advising] = field(default_factory=list)
    students: list[Advising] = field(default_factory=list)
    honours: list[Honour] = field(default_factory=list)
    organizes: list[str] = field(default_factory=list)


@dataclass
class Organization:
    """An institution: university, department, lab, institute, company or foundation."""

    iri: str
    name: str
    kind: str
    other_names: list[str] = field(default_factory=list)
    part_of: str | None = None
    parts: list[str] = field(default_factory=list)
    location: str | None = None
    homepages: list[str] = field(default_factory=list)
    wikidata: list[str] = field(default_factory=list)
    people: dict[str, list[Affiliation]] = field(default_factory=dict)
    hosts: list[str] = field(default_factory=list)


@dataclass
class Event:
    """A series, seminar, meeting, workshop, school, conference or talk collection."""

    iri: str
    name: str
    kind: str
    part_of: str | None = None
    parts: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    timezone: str | None = None
    schedule: str | None = None
    place: str | None = None
    address: str | None = None
    description: str | None = None
    sources: list[str] = field(default_factory=list)
    talks: list[str] = field(default_factory=list)
    roles: list[tuple[str, str, str | None]] = field(default_factory=list)
    """(role, IRI or address, detail): organizer, host, contact, group, link."""


@dataclass
class Talk:
    """A talk: title, speakers with the affiliation printed beside them, time, place, links."""

    iri: str
    title: str | None = None
    other_titles: list[str] = field(default_factory=list)
    event: str | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    abstract: str | None = None
    biography: str | None = None
    recording_offset: str | None = None
    sources: list[str] = field(default_factory=list)
    speakers: dict[str, list[str]] = field(default_factory=dict)
    """Speaker IRI → the affiliations printed beside the name."""
    collaborators: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


@dataclass
class Paper:
    """A paper: title, year, authors in order, venue, links and how it was presented."""

    iri: str
    title: str
    other_titles: list[str] = field(default_factory=list)
    year: int | None = None
    venues: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    presented_as: list[str] = field(default_factory=list)


@dataclass
class Source:
    """A source document: what kg's facts were taken from."""

    iri: str
    title: str
    kind: str | None = None
    url: str | None = None
    file: str | None = None
    retrieved: str | None = None


@dataclass
class Affiliation:
    """One statement that a person is or was at an organization."""

    person: str
    organization: str
    as_stated: str | None
    role: str | None
    current: bool | None
    start_year: int | None
    end_year: int | None
    context: str | None
    source: str | None


@dataclass
class Advising:
    """A PhD advisor or postdoc mentor and their student."""

    kind: str
    student: str
    advisor: str
    institution: str | None
    evidence: str | None
    source: str | None


@dataclass
class Honour:
    """A degree or an award stated about a person."""

    kind: str
    name: str
    institution: str | None
    field: str | None
    year: int | None
    source: str | None


@dataclass
class SiteContent:
    """The whole store as the site shows it."""

    people: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    talks: dict[str, Talk] = field(default_factory=dict)
    papers: dict[str, Paper] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)

    def name(self, iri: str) -> str:
        """The name or title of any entity, or its IRI's last segment when it has none."""
        for table in (self.people, self.organizations, self.events):
            if iri in table:
                return table[iri].name  # type: ignore[attr-defined, no-any-return]
        if iri in self.papers:
            return self.papers[iri].title
        if iri in self.talks:
            return self.talks[iri].title or "Untitled talk"
        if iri in self.sources:
            return self.sources[iri].title
        return iri.rstrip("/").rsplit("/", 1)[-1]


def read_content(store: GraphStore) -> SiteContent:
    """Read everything the site shows from ``store``, with a dozen whole-store queries."""
    content = SiteContent()
    _read_sources(store, content)
    _read_people(store, content)
    _read_organizations(store, content)
    _read_events(store, content)
    _read_talks(store, content)
    _read_papers(store, content)
    _read_affiliations(store, content)
    _read_advising(store, content)
    _read_other_names(store, content)
    _link_up(content)
    return content


def _rows(store: GraphStore, name: str) -> list[dict[str, str | None]]:
    return store.select(find_query(name).text).values()


def _add(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value[:4] if len(value) > 4 and value[4] == "-" else value)
    except ValueError:
        return None


def _read_sources(store: GraphStore, content: SiteContent) -> None:
    for row in _rows(store, "site_sources"):
        iri = row["source"] or ""
        if iri not in content.sources:
            content.sources[iri] = Source(iri, row["title"] or "", row["kind"], row["url"], row["file"],
                                          row["retrieved"])


def _read_people(store: GraphStore, content: SiteContent) -> None:
    for row in _rows(store, "site_people"):
        iri = row["person"] or ""
        person = content.people.get(iri)
        if person is None:
            person = content.people[iri] = Person(iri, row["name"] or "")
        _add(person.homepages, row["homepage"])
        _add(person.wikidata, row["wikidata"])


def _read_organizations(store: GraphStore, content: SiteContent) -> None:
    for row in _rows(store, "site_organizations"):
        iri = row["organization"] or ""
        org = content.organizations.get(iri)
        if org is None:
            org = content.organizations[iri] = Organization(iri, row["name"] or "", row["kind"] or "")
        elif row["kind"] != "Organization" and org.kind == "Organization":
            org.kind = row["kind"] or org.kind
        org.part_of = org.part_of or row["partOf"]
        org.location = org.location or row["location"]
        _add(org.homepages, row["homepage"])
        _add(org.wikidata, row["wikidata"])


def _read_events(store: GraphStore, content: SiteContent) -> None:
    for row in _rows(store, "site_events"):
        iri = row["event"] or ""
        event = content.events.get(iri)
        if event is None:
            event = content.events[iri] = Event(iri, row["name"] or "", row["kind"] or "Event")
        for attribute in ("start", "end", "timezone", "schedule", "place", "address", "description"):
            if getattr(event, attribute) is None:
                setattr(event, attribute, row[attribute])
        event.part_of = event.part_of or row["partOf"]
        _add(event.sources, row["source"])
    for row in _rows(store, "site_event_roles"):
        event = content.events.get(row["event"] or "")
        if event is not None:
            entry = (row["role"] or "", row["other"] or "", row["detail"])
            if entry not in event.roles:
                event.roles.append(entry)


def _read_talks(store: GraphStore, content: SiteContent) -> None:
    for row in _rows(store, "site_talks"):
        iri = row["talk"] or ""
        talk = content.talks.setdefault(iri, Talk(iri))
        for attribute, column in (("title", "title"), ("event", "event"), ("start", "start"),
                                  ("end", "end"), ("place", "place"), ("abstract", "abstract"),
                                  ("biography", "biography"), ("recording_offset", "recordingOffset")):
            if getattr(talk, attribute) is None:
                setattr(talk, attribute, row[column])
        _add(talk.sources, row["source"])
    for row in _rows(store, "site_talk_parts"):
        found = content.talks.get(row["talk"] or "")
        if found is None:
            continue
        talk = found
        role, other = row["role"], row["other"] or ""
        if role == "speaker":
            _add(talk.speakers.setdefault(other, []), row["detail"])
        elif role == "collaborator":
            _add(talk.collaborators, other)
        elif role == "keyword":
            _add(talk.keywords, other)
        elif role == "link":
            _add(talk.links, other)


def _read_papers(store: GraphStore, content: SiteContent) -> None:
    for row in _rows(store, "site_papers"):
        iri = row["paper"] or ""
        paper = content.papers.get(iri)
        if paper is None:
            paper = content.papers[iri] = Paper(iri, row["title"] or "", year=_int(row["year"]))
        elif row["title"] and row["title"] != paper.title:
            _add(paper.other_titles, row["title"])
        if paper.year is None:
            paper.year = _int(row["year"])
        _add(paper.venues, row["venue"])
        _add(paper.urls, row["url"])
        _add(paper.pages, row["pages"])
        _add(paper.sources, row["source"])
    for row in _rows(store, "site_authorships"):
        paper = content.papers.get(row["paper"] or "")
        if paper is not None:
            _add(paper.authors, row["person"])
    for row in _rows(store, "site_presentations"):
        paper = content.papers.get(row["paper"] or "")
        if paper is not None:
            _add(paper.presented_as, row["kind"])


def _read_affiliations(store: GraphStore, content: SiteContent) -> None:
    seen: set[tuple[str | None, ...]] = set()
    for row in _rows(store, "site_affiliations"):
        key = (row["affiliation"], row["organization"])
        if key in seen:
            continue
        seen.add(key)
        current = row["current"]
        affiliation = Affiliation(
            person=row["person"] or "", organization=row["organization"] or "",
            as_stated=row["asStated"], role=row["role"],
            current=None if current is None else current.lower() in ("true", "1"),
            start_year=_int(row["startYear"]), end_year=_int(row["endYear"]),
            context=row["context"], source=row["source"],
        )
        person = content.people.get(affiliation.person)
        org = content.organizations.get(affiliation.organization)
        if person is not None and org is not None:
            person.affiliations.append(affiliation)
            org.people.setdefault(person.iri, []).append(affiliation)


def _read_advising(store: GraphStore, content: SiteContent) -> None:
    seen: set[str] = set()
    for row in _rows(store, "site_advising"):
        if row["advising"] in seen:
            continue
        seen.add(row["advising"] or "")
        advising = Advising(row["kind"] or "phd", row["student"] or "", row["advisor"] or "",
                            row["institution"], row["evidence"], row["source"])
        if advising.student in content.people and advising.advisor in content.people:
            content.people[advising.student].advisors.append(advising)
            content.people[advising.advisor].students.append(advising)
    seen.clear()
    for row in _rows(store, "site_honours"):
        person = content.people.get(row["person"] or "")
        if person is None or row["statement"] in seen:
            continue
        seen.add(row["statement"] or "")
        person.honours.append(Honour(row["kind"] or "", row["name"] or "", row["institution"],
                                     row["field"], _int(row["year"]), row["source"]))


def _read_other_names(store: GraphStore, content: SiteContent) -> None:
    for row in _rows(store, "site_other_names"):
        iri, name = row["entity"] or "", row["name"]
        if iri in content.people:
            named: Person | Organization | Talk | Paper = content.people[iri]
        elif iri in content.organizations:
            named = content.organizations[iri]
        elif iri in content.talks:
            named = content.talks[iri]
        elif iri in content.papers:
            named = content.papers[iri]
        else:
            continue
        if isinstance(named, Person | Organization):
            if name != named.name:
                _add(named.other_names, name)
        elif name != named.title:
            _add(named.other_titles, name)


def _link_up(content: SiteContent) -> None:
    """Fill the lists that point back: a person's papers and talks, an event's parts and talks."""
    for paper in content.papers.values():
        for author in paper.authors:
            if author in content.people:
                _add(content.people[author].papers, paper.iri)
    for talk in content.talks.values():
        for speaker in talk.speakers:
            if speaker in content.people:
                _add(content.people[speaker].talks, talk.iri)
        if talk.event in content.events:
            content.events[talk.event].talks.append(talk.iri)
    for event in content.events.values():
        if event.part_of in content.events:
            content.events[event.part_of].parts.append(event.iri)
        for role, other, _ in event.roles:
            if role == "organizer" and other in content.people:
                _add(content.people[other].organizes, event.iri)
            elif role == "host" and other in content.organizations:
                _add(content.organizations[other].hosts, event.iri)
    for org in content.organizations.values():
        if org.part_of in content.organizations:
            content.organizations[org.part_of].parts.append(org.iri)
