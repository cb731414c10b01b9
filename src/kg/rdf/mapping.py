"""Records → RDF quads, one small function per record kind.

Quads are produced as N-Quads text lines: that is what Oxigraph's bulk loader reads fastest, and
formatting text costs far less than building term objects one by one (see BENCHMARKS.md). The
registry (people, organizations) goes in its own named graph; every fact taken from a source
document goes in the graph named by that document's IRI and carries ``kg:source``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from kg.rdf import vocab
from kg.records.models import (
    REGISTRY,
    Advising,
    Affiliation,
    Award,
    Dataset,
    Education,
    Event,
    Organization,
    Paper,
    PaperDetails,
    Person,
    Placed,
    Record,
    Source,
    SourceDocument,
    Talk,
    source_graph,
)

Quad = tuple[str, str, str, str]
"""Subject, predicate, object and graph, each already written as an N-Quads term."""

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_TYPE = f"<{vocab.RDF_TYPE}>"


def iri(value: str) -> str:
    """Write an IRI as an N-Quads term."""
    return f"<{value}>"


def literal(value: object) -> str:
    """Write a Python value as a typed N-Quads literal (str, bool, int, date, aware datetime)."""
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^<{vocab.XSD}boolean>'
    if isinstance(value, int):
        return f'"{value}"^^<{vocab.XSD}integer>'
    if isinstance(value, datetime):
        return f'"{value.isoformat()}"^^<{vocab.XSD}dateTime>'
    if isinstance(value, date):
        return f'"{value.isoformat()}"^^<{vocab.XSD}date>'
    return '"' + str(value).translate(_ESCAPES) + '"'


def typed(value: object, datatype: str) -> str:
    """Write a literal with an explicit XSD datatype (``typed(2019, "gYear")``)."""
    return '"' + str(value).translate(_ESCAPES) + f'"^^<{vocab.XSD}{datatype}>'


def kg(local_name: str) -> str:
    """Write a declared ``kg:`` term as an N-Quads IRI."""
    written = _KG_TERMS.get(local_name)
    if written is None:
        written = _KG_TERMS[local_name] = iri(vocab.term(local_name))
    return written


_KG_TERMS: dict[str, str] = {}
"""``kg()`` answers, remembered: the same few dozen terms are written for every record."""


def person_iri(person_id: str) -> str:
    return iri(vocab.resource("person", person_id))


def organization_iri(org_id: str) -> str:
    return iri(vocab.resource("org", org_id))


def event_iri(event_id: str) -> str:
    return iri(vocab.resource("event", event_id))


def talk_iri(talk_id: str) -> str:
    return iri(vocab.resource("talk", talk_id))


def paper_iri(paper_id: str) -> str:
    return iri(vocab.resource("paper", paper_id))


def graph_iri(graph: str) -> str:
    """Write a graph name of ``kg.records`` (``REGISTRY``, ``source_graph(id)``) as an N-Quads IRI."""
    return iri(vocab.RESOURCE + graph)


def dataset_quads(dataset: Dataset) -> Iterator[Quad]:
    """Yield every quad of the dataset, in a deterministic order."""
    return placed_quads(dataset_records(dataset))


def dataset_records(dataset: Dataset) -> Iterator[Placed]:
    """The dataset as a stream of placed records: registries first, then each document in turn."""
    for person in dataset.people:
        yield Placed(person, REGISTRY)
    for org in dataset.organizations:
        yield Placed(org, REGISTRY)
    for document in dataset.documents:
        yield Placed(document, source_graph(document.source.id))


def placed_quads(records: Iterable[Placed]) -> Iterator[Quad]:
    """The quads of a stream of placed records: the one road from records to triples."""
    graphs: dict[str, str] = {}
    for record, graph in records:
        written = graphs.get(graph)
        if written is None:
            written = graphs[graph] = graph_iri(graph)
        yield from record_quads(record, written)


def record_quads(record: Record, graph: str) -> Iterator[Quad]:
    """The quads of one record of any kind, in ``graph`` (an N-Quads IRI)."""
    mapper = _MAPPERS.get(type(record))
    if mapper is None:
        raise TypeError(f"no RDF mapping for {type(record).__name__}")
    return mapper(record, graph)


def person_quads(person: Person, graph: str) -> Iterator[Quad]:
    """A person: name, alternative names, homepage and Wikidata entity."""
    s = person_iri(person.id)
    yield s, _TYPE, kg("Person"), graph
    yield s, kg("name"), literal(person.name), graph
    for alt in person.alt_names:
        yield s, kg("altName"), literal(alt), graph
    if person.homepage:
        yield s, kg("homepage"), iri(person.homepage), graph
    if person.wikidata:
        yield s, kg("wikidataEntity"), iri(f"http://www.wikidata.org/entity/{person.wikidata}"), graph


def organization_quads(org: Organization, graph: str) -> Iterator[Quad]:
    """An organization typed by its kind, with names, parent, location and country."""
    s = organization_iri(org.id)
    yield s, _TYPE, kg(vocab.ORGANIZATION_CLASS[org.kind]), graph
    yield s, kg("name"), literal(org.name), graph
    for alt in org.alt_names:
        yield s, kg("altName"), literal(alt), graph
    if org.part_of:
        yield s, kg("subOrganizationOf"), organization_iri(org.part_of), graph
    if org.location:
        yield s, kg("location"), literal(org.location), graph
    if org.country:
        yield s, kg("country"), literal(org.country), graph
    if org.homepage:
        yield s, kg("homepage"), iri(org.homepage), graph
    if org.wikidata:
        yield s, kg("wikidataEntity"), iri(f"http://www.wikidata.org/entity/{org.wikidata}"), graph


def document_quads(document: SourceDocument, graph: str | None = None) -> Iterator[Quad]:
    """Every fact of one source document, in the document's own named graph."""
    source = document.source
    graph = graph or graph_iri(source_graph(source.id))
    yield from source_quads(source, graph)
    for event in document.events:
        yield from event_quads(event, graph)
    for talk in document.talks:
        yield from talk_quads(talk, graph)
    for paper in document.papers:
        yield from paper_quads(paper, graph)
    for affiliation in document.affiliations:
        yield from affiliation_quads(affiliation, graph)
    for education in document.education:
        yield from education_quads(education, graph)
    for advising in document.advising:
        yield from advising_quads(advising, graph)
    for award in document.awards:
        yield from award_quads(award, graph)


def source_quads(source: Source, graph: str) -> Iterator[Quad]:
    """The source document itself (PROV-O entity)."""
    s = graph
    yield s, _TYPE, kg("SourceDocument"), graph
    yield s, kg("title"), literal(source.title), graph
    yield s, kg("documentKind"), literal(source.kind), graph
    if source.file:
        yield s, kg("file"), literal(source.file), graph
    if source.url:
        yield s, kg("url"), iri(source.url), graph
    if source.retrieved:
        yield s, kg("retrieved"), literal(source.retrieved), graph


def _provenance(s: str, at: str | None, graph: str) -> Iterator[Quad]:
    yield s, kg("source"), graph, graph
    if at:
        yield s, kg("at"), literal(at), graph


def event_quads(event: Event, graph: str) -> Iterator[Quad]:
    """An event typed by its kind, with time, place, hosts, organizers and contacts."""
    s = event_iri(event.id)
    yield s, _TYPE, kg(vocab.EVENT_CLASS[event.kind]), graph
    yield s, kg("name"), literal(event.name), graph
    if event.part_of:
        yield s, kg("partOf"), event_iri(event.part_of), graph
    for prop in ("start", "end", "timezone", "schedule", "place", "address", "description"):
        value = getattr(event, prop)
        if value is not None:
            yield s, kg(prop), literal(value), graph
    for host in event.hosts:
        yield s, kg("host"), organization_iri(host), graph
    for organizer in event.organizers:
        yield s, kg("organizer"), person_iri(organizer), graph
    for contact in event.contacts:
        c = iri(vocab.statement("contact", event.id, contact.person, contact.role))
        yield s, kg("contact"), c, graph
        yield c, _TYPE, kg("ContactRole"), graph
        yield c, kg("contactPerson"), person_iri(contact.person), graph
        if contact.role:
            yield c, kg("roleName"), literal(contact.role), graph
        if contact.phone:
            yield c, kg("phone"), literal(contact.phone), graph
    for person in event.attended_by_groups_of:
        yield s, kg("attendedByGroupOf"), person_iri(person), graph
    for audience in event.audience:
        yield s, kg("audience"), literal(audience), graph
    for link in event.links:
        yield s, kg("link"), iri(link), graph
    yield from _provenance(s, event.at, graph)


def talk_quads(talk: Talk, graph: str) -> Iterator[Quad]:
    """A talk with its speakers; each printed speaker affiliation becomes an Affiliation node."""
    s = talk_iri(talk.id)
    yield s, _TYPE, kg("Talk"), graph
    if talk.title:
        yield s, kg("title"), literal(talk.title), graph
    for alt in talk.alt_titles:
        yield s, kg("altTitle"), literal(alt.text), graph
    for speaker in talk.speakers:
        yield s, kg("speaker"), person_iri(speaker.person), graph
        if speaker.affiliation and speaker.organizations:
            yield from affiliation_quads(
                Affiliation(
                    person=speaker.person,
                    organizations=speaker.organizations,
                    as_stated=speaker.affiliation,
                    role=speaker.role,
                    at=talk.at,
                ),
                graph,
                context=s,
            )
    if talk.event:
        yield s, kg("partOf"), event_iri(talk.event), graph
    for prop in ("start", "end", "place", "abstract", "biography"):
        value = getattr(talk, prop)
        if value is not None:
            yield s, kg(prop), literal(value), graph
    if talk.recording_offset:
        yield s, kg("recordingOffset"), literal(talk.recording_offset), graph
    for person in talk.collaborators:
        yield s, kg("collaborator"), person_iri(person), graph
    for keyword in talk.keywords:
        yield s, kg("keyword"), literal(keyword), graph
    for link in talk.links:
        yield s, kg("link"), iri(link), graph
    for prop, media in (("slides", talk.slides), ("video", talk.video), ("paperLink", talk.paper_link),
                        ("talkPage", talk.page)):
        if media:
            yield s, kg(prop), iri(media), graph
    yield from _provenance(s, talk.at, graph)


def paper_quads(paper: Paper, graph: str) -> Iterator[Quad]:
    """A paper; author order is kept by one Authorship node per author with its position."""
    s = paper_iri(paper.id)
    yield s, _TYPE, kg("Paper"), graph
    yield s, kg("title"), literal(paper.title), graph
    for alt in paper.alt_titles:
        yield s, kg("altTitle"), literal(alt.text), graph
    yield s, kg("year"), typed(paper.year, "gYear"), graph
    for position, author in enumerate(paper.authors, start=1):
        a = iri(f"{vocab.resource('paper', paper.id)}/author/{position}")
        yield s, kg("author"), person_iri(author), graph
        yield s, kg("authorship"), a, graph
        yield a, _TYPE, kg("Authorship"), graph
        yield a, kg("person"), person_iri(author), graph
        # xsd:integer, which Oxigraph stores xsd:positiveInteger as: every engine then holds the same.
        yield a, kg("position"), typed(position, "integer"), graph
    for org in paper.organization_authors:
        yield s, kg("organizationAuthor"), organization_iri(org), graph
    if paper.author_list_note:
        yield s, kg("authorListNote"), literal(paper.author_list_note), graph
    for kind in paper.kinds:
        yield s, kg("presentedAs"), kg(vocab.PRESENTATION_INDIVIDUAL[kind]), graph
    if paper.venue:
        yield s, kg("venue"), literal(paper.venue), graph
    if paper.url:
        yield s, kg("url"), iri(paper.url), graph
    if paper.pages:
        yield s, kg("pages"), literal(paper.pages), graph
    if paper.abstract:
        yield s, kg("abstract"), literal(paper.abstract), graph
    yield from _provenance(s, paper.at, graph)


def affiliation_quads(
    affiliation: Affiliation, graph: str, context: str | None = None
) -> Iterator[Quad]:
    """A stated affiliation, plus the ``kg:affiliatedWith`` shortcut from person to organization.

    ``context`` is the talk or paper that states it (a paper's also comes as ``affiliation.paper``).
    """
    context = context or (paper_iri(affiliation.paper) if affiliation.paper else None)
    key = (graph, context, affiliation.person, affiliation.organizations, affiliation.as_stated,
           affiliation.role, affiliation.start_year)
    s = iri(vocab.statement("affiliation", *key))
    person = person_iri(affiliation.person)
    yield s, _TYPE, kg("Affiliation"), graph
    yield s, kg("person"), person, graph
    for org in affiliation.organizations:
        yield s, kg("organization"), organization_iri(org), graph
        yield person, kg("affiliatedWith"), organization_iri(org), graph
    yield s, kg("asStated"), literal(affiliation.as_stated), graph
    if affiliation.role:
        yield s, kg("role"), literal(affiliation.role), graph
    yield s, kg("current"), literal(affiliation.current), graph
    if affiliation.start_year is not None:
        yield s, kg("startYear"), typed(affiliation.start_year, "gYear"), graph
    if affiliation.end_year is not None:
        yield s, kg("endYear"), typed(affiliation.end_year, "gYear"), graph
    if context:
        yield s, kg("context"), context, graph
    if affiliation.evidence:
        yield s, kg("evidence"), literal(affiliation.evidence), graph
    yield from _provenance(s, affiliation.at, graph)


def paper_details_quads(details: PaperDetails, graph: str) -> Iterator[Quad]:
    """Venue, pages or link that one source adds to a paper another source lists, with the source."""
    s = paper_iri(details.paper)
    for name in ("pages", "url", "venue"):
        value = getattr(details, name)
        if value is not None:
            yield s, kg(name), iri(value) if name == "url" else literal(value), graph
    yield s, kg("source"), graph, graph


def education_quads(education: Education, graph: str) -> Iterator[Quad]:
    """A degree, plus the ``kg:educatedAt`` shortcut."""
    key = (graph, education.person, education.institution, education.degree)
    s = iri(vocab.statement("education", *key))
    person = person_iri(education.person)
    institution = organization_iri(education.institution)
    yield s, _TYPE, kg("Education"), graph
    yield s, kg("person"), person, graph
    yield s, kg("institution"), institution, graph
    yield s, kg("degree"), literal(education.degree), graph
    if education.field:
        yield s, kg("field"), literal(education.field), graph
    if education.year is not None:
        yield s, kg("year"), typed(education.year, "gYear"), graph
    if education.evidence:
        yield s, kg("evidence"), literal(education.evidence), graph
    yield person, kg("educatedAt"), institution, graph
    yield from _provenance(s, education.at, graph)


def advising_quads(advising: Advising, graph: str) -> Iterator[Quad]:
    """An advising relation as a node, plus direct advisor/student shortcuts."""
    key = (graph, advising.student, advising.advisor, advising.kind)
    s = iri(vocab.statement("advising", *key))
    student, advisor = person_iri(advising.student), person_iri(advising.advisor)
    yield s, _TYPE, kg(vocab.ADVISING_CLASS[advising.kind]), graph
    yield s, kg("student"), student, graph
    yield s, kg("advisor"), advisor, graph
    if advising.institution:
        yield s, kg("institution"), organization_iri(advising.institution), graph
    if advising.evidence:
        yield s, kg("evidence"), literal(advising.evidence), graph
    if advising.kind == "phd":
        yield student, kg("doctoralAdvisor"), advisor, graph
        yield advisor, kg("doctoralStudent"), student, graph
    else:
        yield student, kg("postdocMentor"), advisor, graph
    yield from _provenance(s, advising.at, graph)


def award_quads(award: Award, graph: str) -> Iterator[Quad]:
    """An award a person received."""
    s = iri(vocab.statement("award", graph, award.person, award.name, award.year))
    yield s, _TYPE, kg("AwardReceipt"), graph
    yield s, kg("person"), person_iri(award.person), graph
    yield s, kg("name"), literal(award.name), graph
    if award.year is not None:
        yield s, kg("year"), typed(award.year, "gYear"), graph
    if award.evidence:
        yield s, kg("evidence"), literal(award.evidence), graph
    yield from _provenance(s, award.at, graph)


_MAPPERS: dict[type, Callable[[Any, str], Iterator[Quad]]] = {
    Person: person_quads, Organization: organization_quads, SourceDocument: document_quads,
    Source: source_quads, Event: event_quads, Talk: talk_quads, Paper: paper_quads,
    PaperDetails: paper_details_quads, Affiliation: affiliation_quads, Education: education_quads,
    Advising: advising_quads, Award: award_quads,
}


def to_nquads(quads: Iterator[Quad]) -> Iterator[str]:
    """Write quads as N-Quads lines (each ending in a newline)."""
    for s, p, o, g in quads:
        yield f"{s} {p} {o} {g} .\n"
