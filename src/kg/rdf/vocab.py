"""The ``kg:`` vocabulary, mirroring ``ontology/kg.ttl``, and the minting of resource IRIs.

Every class and property the graph uses is declared here once; a test checks that this list and
the ontology file declare exactly the same terms.
"""

from __future__ import annotations

import hashlib

ONTOLOGY = "https://w3id.org/kg/ontology#"
RESOURCE = "https://w3id.org/kg/id/"
REGISTRY_GRAPH = RESOURCE + "graph/registry"

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"

CLASSES = (
    "Person",
    "Organization",
    "University",
    "Department",
    "Lab",
    "Institute",
    "Company",
    "Foundation",
    "Event",
    "SeminarSeries",
    "Seminar",
    "Meeting",
    "Workshop",
    "School",
    "Conference",
    "TalkCollection",
    "Talk",
    "Paper",
    "Authorship",
    "PresentationKind",
    "Affiliation",
    "Education",
    "Advising",
    "DoctoralAdvising",
    "PostdocAdvising",
    "AwardReceipt",
    "ContactRole",
    "SourceDocument",
)

OBJECT_PROPERTIES = (
    "wikidataEntity",
    "homepage",
    "subOrganizationOf",
    "partOf",
    "host",
    "organizer",
    "contact",
    "contactPerson",
    "attendedByGroupOf",
    "link",
    "slides",
    "video",
    "paperLink",
    "talkPage",
    "speaker",
    "collaborator",
    "author",
    "organizationAuthor",
    "authorship",
    "person",
    "presentedAs",
    "url",
    "organization",
    "affiliatedWith",
    "context",
    "institution",
    "educatedAt",
    "student",
    "advisor",
    "doctoralAdvisor",
    "doctoralStudent",
    "postdocMentor",
    "source",
)

DATATYPE_PROPERTIES = (
    "name",
    "altName",
    "title",
    "altTitle",
    "location",
    "country",
    "authorListNote",
    "start",
    "end",
    "timezone",
    "schedule",
    "place",
    "address",
    "audience",
    "description",
    "roleName",
    "phone",
    "abstract",
    "biography",
    "keyword",
    "recordingOffset",
    "year",
    "position",
    "venue",
    "pages",
    "asStated",
    "role",
    "current",
    "startYear",
    "buildStamp",
    "endYear",
    "degree",
    "field",
    "evidence",
    "at",
    "documentKind",
    "file",
    "retrieved",
)

INDIVIDUALS = (
    "Poster",
    "Oral",
    "Spotlight",
    "Tutorial",
    "TalkPresentation",
    "WorkshopPresentation",
    "WorkshopTalk",
)

TERMS = CLASSES + OBJECT_PROPERTIES + DATATYPE_PROPERTIES + INDIVIDUALS

ORGANIZATION_CLASS = {
    "university": "University",
    "department": "Department",
    "lab": "Lab",
    "institute": "Institute",
    "company": "Company",
    "foundation": "Foundation",
    "other": "Organization",
}
EVENT_CLASS = {
    "seminar_series": "SeminarSeries",
    "seminar": "Seminar",
    "meeting": "Meeting",
    "workshop": "Workshop",
    "school": "School",
    "conference": "Conference",
    "talk_collection": "TalkCollection",
}
PRESENTATION_INDIVIDUAL = {
    "poster": "Poster",
    "oral": "Oral",
    "spotlight": "Spotlight",
    "tutorial": "Tutorial",
    "talk": "TalkPresentation",
    "workshop": "WorkshopPresentation",
    "workshop_talk": "WorkshopTalk",
}
ADVISING_CLASS = {"phd": "DoctoralAdvising", "postdoc": "PostdocAdvising"}


def term(local_name: str) -> str:
    """Return the IRI of a declared ``kg:`` term; unknown names are a programming error."""
    if local_name not in _TERM_SET:
        raise KeyError(f"kg:{local_name} is not declared in the ontology")
    return ONTOLOGY + local_name


_TERM_SET = frozenset(TERMS)


def resource(kind: str, identifier: str) -> str:
    """Return the IRI of a record: ``https://w3id.org/kg/id/<kind>/<id>``."""
    return f"{RESOURCE}{kind}/{identifier}"


def statement(kind: str, *key: object) -> str:
    """Return a stable IRI for a statement node (affiliation, advising...) from its key fields."""
    digest = hashlib.sha1("\x1f".join(str(k) for k in key).encode("utf-8")).hexdigest()[:16]
    return f"{RESOURCE}{kind}/{digest}"


def source_graph(source_id: str) -> str:
    """Return the named graph holding the facts of one source document (its own IRI)."""
    return resource("source", source_id)
