"""Pydantic records: the shape of everything kg knows, as people write it in ``data/``.

The registry files (``data/people.yaml``, ``data/organizations.yaml``) hold one record per real
person or organization. Each source document has one record file (``data/records/<source>.yaml``)
holding a ``SourceDocument``: the document's description and every fact taken from it. Facts
refer to people, organizations and events by id; ``load.py`` checks that the ids exist.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Literal, NamedTuple

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from kg.records.dates import implausible_date, implausible_year

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=120)]
"""A record id: lower-case letters, digits and hyphens. It becomes the last segment of an IRI."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
WikidataId = Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
"""An ISO 3166-1 alpha-2 country code (``US``, ``IL``)."""
IRI_TAIL = r"(?:[^\s<>\"{}|\\^`%]|%[0-9A-Fa-f]{2})+"
"""What may follow an IRI's scheme: no spaces nor <>"{}|\\^`, and every ``%`` starts an escape of two hex
digits (Oxigraph refuses a truncated ``...%2``)."""
Url = Annotated[str, StringConstraints(pattern=rf"^(https?|mailto):{IRI_TAIL}$")]
"""An absolute web address; it becomes an IRI, so it holds an ``IRI_TAIL`` after its scheme."""
WEB_ADDRESS = re.compile(rf"^https?://{IRI_TAIL}$")
"""An absolute http(s) address that is a valid IRI."""


def _plausible_year(year: int) -> int:
    problem = implausible_year(year)
    if problem:
        raise PydanticCustomError("implausible_year", problem)
    return year


def _plausible_date(value: date | datetime) -> date | datetime:
    problem = implausible_date(value)
    if problem:
        raise PydanticCustomError("implausible_date", problem)
    return value


Year = Annotated[int, AfterValidator(_plausible_year)]
"""A year from 1900 to ten years ahead (``kg.records.dates``)."""
Instant = Annotated[AwareDatetime, AfterValidator(_plausible_date)]
"""A date-time with its UTC offset, from 1900 to ten years ahead."""
Day = Annotated[date, AfterValidator(_plausible_date)]
"""A calendar day, from 1900 to ten years ahead."""

OrganizationKind = Literal[
    "university", "department", "lab", "institute", "company", "foundation", "other"
]
EventKind = Literal[
    "seminar_series", "seminar", "meeting", "workshop", "school", "conference", "talk_collection"
]
PresentationKind = Literal[
    "poster", "oral", "spotlight", "tutorial", "talk", "workshop", "workshop_talk"
]
AdvisingKind = Literal["phd", "postdoc"]
SourceKind = Literal[
    "seminar_page",
    "event_page",
    "talk_listing",
    "meeting_programme",
    "author_page",
    "bibliography",
    "authorship_table",
    "calendar",
    "other",
]


class Record(BaseModel):
    """Base of every record: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(Record):
    """A real person. ``alt_names`` keeps every other way a source writes the name."""

    id: Id
    name: Text
    alt_names: list[Text] = []
    homepage: Url | None = None
    wikidata: WikidataId | None = None


class Organization(Record):
    """A university, department, lab, institute, company or foundation."""

    id: Id
    name: Text
    kind: OrganizationKind
    alt_names: list[Text] = []
    part_of: Id | None = None
    location: Text | None = None
    country: CountryCode | None = None
    homepage: Url | None = None
    wikidata: WikidataId | None = None


class Source(Record):
    """The document a record file was taken from."""

    id: Id
    title: Text
    kind: SourceKind
    file: str | None = Field(None, description="path of the copy under data/sources/")
    url: Url | None = None
    retrieved: Day | None = None


class AltTitle(Record):
    """Another spelling of a title, with where in the source it was seen."""

    text: Text
    at: Text | None = None


class Contact(Record):
    """A person to contact about an event, with the role the source gives them."""

    person: Id
    role: Text | None = None
    phone: Text | None = None


class Event(Record):
    """A seminar series, one seminar, a meeting, workshop, school, conference or talk collection."""

    id: Id
    name: Text
    kind: EventKind
    part_of: Id | None = None
    start: Instant | Day | None = None
    end: Instant | Day | None = None
    timezone: Text | None = Field(None, description="IANA zone of the stated times")
    schedule: Text | None = None
    place: Text | None = None
    address: Text | None = None
    hosts: list[Id] = []
    organizers: list[Id] = []
    contacts: list[Contact] = []
    attended_by_groups_of: list[Id] = []
    audience: list[Text] = []
    description: Text | None = None
    links: list[Url] = []
    at: Text | None = None


class TalkSpeaker(Record):
    """One speaker of a talk and the affiliation the source prints beside the name."""

    person: Id
    affiliation: Text | None = None
    organizations: list[Id] = []
    role: Text | None = None


class Talk(Record):
    """A talk: speakers in order, title (possibly not yet known), abstract, time and place."""

    id: Id
    title: Text | None = None
    alt_titles: list[AltTitle] = []
    speakers: list[TalkSpeaker] = Field(min_length=1)
    event: Id | None = None
    start: Instant | None = None
    end: Instant | None = None
    place: Text | None = None
    abstract: Text | None = None
    biography: Text | None = None
    collaborators: list[Id] = []
    keywords: list[Text] = []
    links: list[Url] = []
    slides: Url | None = None
    video: Url | None = None
    paper_link: Url | None = None
    """The paper the talk presents (arXiv, DOI, PDF)."""
    page: Url | None = None
    """The talk's own web page."""
    recording_offset: Text | None = None
    at: Text | None = None


class Paper(Record):
    """A paper with its authors in order and every way it was presented."""

    id: Id
    title: Text
    alt_titles: list[AltTitle] = []
    year: Year
    authors: list[Id] = Field(min_length=1)
    kinds: list[PresentationKind] = []
    venue: Text | None = None
    url: Url | None = None
    pages: Text | None = None
    organization_authors: list[Id] = []
    """Authors that are organizations (a consortium, a company), after the people."""
    author_list_note: Text | None = None
    """What the source prints after the names when it does not list them all ("and others")."""
    abstract: Text | None = None
    at: Text | None = None


class Affiliation(Record):
    """A source's statement that a person is (or was) at one or more organizations.

    ``paper`` names the paper whose byline states it, when a bibliography gives affiliations.
    """

    person: Id
    organizations: list[Id] = Field(min_length=1)
    as_stated: Text
    paper: Id | None = None
    role: Text | None = None
    current: bool = True
    start_year: Year | None = None
    end_year: Year | None = None
    evidence: Text | None = None
    at: Text | None = None


class PaperDetails(Record):
    """What one source adds about a paper another source lists: venue, pages, a link."""

    paper: Id
    venue: Text | None = None
    pages: Text | None = None
    url: Url | None = None


class Education(Record):
    """A degree a person earned, as a source states it."""

    person: Id
    institution: Id
    degree: Text
    field: Text | None = None
    year: Year | None = None
    evidence: Text | None = None
    at: Text | None = None


class Advising(Record):
    """An advisor relation: PhD advisor or postdoctoral mentor."""

    student: Id
    advisor: Id
    kind: AdvisingKind
    institution: Id | None = None
    evidence: Text | None = None
    at: Text | None = None


class Award(Record):
    """An honour a source says a person received."""

    person: Id
    name: Text
    year: Year | None = None
    evidence: Text | None = None
    at: Text | None = None


class SourceDocument(Record):
    """Everything taken from one source document: the content of one ``data/records/*.yaml``."""

    source: Source
    events: list[Event] = []
    talks: list[Talk] = []
    papers: list[Paper] = []
    affiliations: list[Affiliation] = []
    education: list[Education] = []
    advising: list[Advising] = []
    awards: list[Award] = []


class Dataset(Record):
    """The whole of ``data/``: the registries and every source document."""

    people: list[Person]
    organizations: list[Organization]
    documents: list[SourceDocument]


REGISTRY = "graph/registry"
"""The graph of ``data/people.yaml`` and ``data/organizations.yaml``."""
IMPORTED_REGISTRY = "graph/imported-registry"
"""The graph of the people and organizations that bulk imports introduce."""


def source_graph(source_id: str) -> str:
    """The graph holding the facts of one source document."""
    return f"source/{source_id}"


class Placed(NamedTuple):
    """A record and the graph it belongs in: ``REGISTRY``, ``IMPORTED_REGISTRY``, a source's graph.

    Streams of placed records are how bulk imports, synthetic data and evaluation histories hand
    their records to ``kg.rdf`` without holding a whole ``SourceDocument`` in memory.
    """

    record: Record
    graph: str
