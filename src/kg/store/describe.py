"""How ``kg serve`` describes itself: a SPARQL 1.1 service description and a VoID dataset.

Both are a few triples made here from the server's address and the triples each named graph
holds, written in whichever RDF syntax the client asks for (Turtle by default).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS = "http://purl.org/dc/terms/"
FORMATS = "http://www.w3.org/ns/formats/"
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
DESCRIPTION_PREFIXES = {"sd": SD, "void": VOID, "dcterms": DCTERMS, "formats": FORMATS}


@dataclass(frozen=True)
class DatasetInfo:
    """What the served dataset is, for its descriptions and for resolving entity IRIs."""

    title: str = "kg"
    uri_space: str = "https://w3id.org/kg/id/"
    """Entity IRIs start with this; ``/id/<rest>`` on the server is the IRI ``uri_space + rest``."""
    vocabulary: str = "https://w3id.org/kg/ontology#"
    graphs: str = "https://w3id.org/kg/"
    """kg's named graphs start with this."""
    prefixes: dict[str, str] = field(default_factory=dict)


def _iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def service_description(info: DatasetInfo, base: str, read_write: bool,
                        counts: dict[str, int]) -> list[ox.Triple]:
    """The SPARQL 1.1 service description of the endpoint at ``base + "/sparql"``."""
    service = _iri(base + "/sparql")
    dataset = ox.BlankNode("dataset")
    default = ox.BlankNode("defaultGraph")
    triples = [
        ox.Triple(service, RDF_TYPE, _iri(SD + "Service")),
        ox.Triple(service, _iri(SD + "endpoint"), service),
        ox.Triple(service, _iri(SD + "supportedLanguage"), _iri(SD + "SPARQL11Query")),
        ox.Triple(service, _iri(SD + "feature"), _iri(SD + "UnionDefaultGraph")),
        ox.Triple(service, _iri(SD + "feature"), _iri(SD + "BasicFederatedQuery")),
        ox.Triple(service, _iri(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _iri(SD + "Dataset")),
        ox.Triple(dataset, _iri(SD + "defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, _iri(SD + "Graph")),
        ox.Triple(default, _iri(VOID + "triples"), _count(sum(counts.values()))),
        ox.Triple(service, _iri(DCTERMS + "description"), _iri(base + "/void")),
    ]
    if read_write:
        triples.append(ox.Triple(service, _iri(SD + "supportedLanguage"), _iri(SD + "SPARQL11Update")))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                 "Turtle", "N-Triples", "RDF_XML", "JSON-LD"):
        triples.append(ox.Triple(service, _iri(SD + "resultFormat"), _iri(FORMATS + name)))
    for number, (graph, size) in enumerate(sorted(counts.items())):
        named = ox.BlankNode(f"named{number}")
        description = ox.BlankNode(f"graph{number}")
        triples += [
            ox.Triple(dataset, _iri(SD + "namedGraph"), named),
            ox.Triple(named, _iri(SD + "name"), _iri(graph)),
            ox.Triple(named, _iri(SD + "graph"), description),
            ox.Triple(description, RDF_TYPE, _iri(SD + "Graph")),
            ox.Triple(description, _iri(VOID + "triples"), _count(size)),
        ]
    return triples


def void_description(info: DatasetInfo, base: str, counts: dict[str, int]) -> list[ox.Triple]:
    """The VoID description of the dataset, its SPARQL endpoint and each of its named graphs."""
    dataset = _iri(base + "/void")
    triples = [
        ox.Triple(dataset, RDF_TYPE, _iri(VOID + "Dataset")),
        ox.Triple(dataset, _iri(DCTERMS + "title"), ox.Literal(info.title)),
        ox.Triple(dataset, _iri(VOID + "sparqlEndpoint"), _iri(base + "/sparql")),
        ox.Triple(dataset, _iri(VOID + "uriSpace"), ox.Literal(info.uri_space)),
        ox.Triple(dataset, _iri(VOID + "uriLookupEndpoint"), ox.Literal(base + "/id/")),
        ox.Triple(dataset, _iri(VOID + "vocabulary"), _iri(info.vocabulary)),
        ox.Triple(dataset, _iri(VOID + "triples"), _count(sum(counts.values()))),
    ]
    for graph, size in sorted(counts.items()):
        subset = _iri(graph)
        triples += [
            ox.Triple(dataset, _iri(VOID + "subset"), subset),
            ox.Triple(subset, RDF_TYPE, _iri(VOID + "Dataset")),
            ox.Triple(subset, _iri(VOID + "triples"), _count(size)),
        ]
    return triples


def _count(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


_OFFERED = (
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
)


def accepted_media(accept: str) -> list[tuple[str, float]]:
    """The media types of an HTTP ``Accept`` header with their weights (``q``; 1 when not given, 0
    when unreadable), in the header's order, media types in lower case."""
    found: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        found.append((media.strip().lower(), weight))
    return found


def rdf_format_for(accept: str) -> tuple[ox.RdfFormat, str]:
    """The RDF syntax (and its media type) an ``Accept`` header prefers; Turtle by default."""
    best: tuple[float, int] = (0.0, 0)
    for media, weight in accepted_media(accept):
        for index, (offered, _) in enumerate(_OFFERED):
            if media == offered and weight > best[0]:
                best = (weight, index)
    media, rdf_format = _OFFERED[best[1]]
    return rdf_format, media
