"""The ontology and its SHACL shapes as shipped inside the package, and the ontology as quads.

``ontology/kg.ttl`` and ``ontology/shapes.ttl`` live at the top of the repository, where people
look for them; the package reaches them through ``kg/rdf/ontology``, a link that the wheel
turns into a copy, so an installed ``kg`` finds them wherever it runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path

import rdflib
from rdflib.plugins.serializers.nt import _nt_row

ONTOLOGY_GRAPH = "https://w3id.org/kg/ontology"
"""The named graph the ontology's own triples go in."""
SKOLEM = "https://w3id.org/kg/.well-known/genid/"
"""Where the ontology's blank nodes get their IRIs in the store (RDF 1.1 skolemization)."""


def ontology_file() -> Path:
    """The ontology (``ontology/kg.ttl``)."""
    return _resource("kg.ttl")


def shapes_file() -> Path:
    """The SHACL shapes (``ontology/shapes.ttl``)."""
    return _resource("shapes.ttl")


def _resource(name: str) -> Path:
    with as_file(files("kg.rdf") / "ontology" / name) as path:
        return Path(path)


def ontology_graph() -> rdflib.Graph:
    """The ontology parsed by rdflib."""
    graph = rdflib.Graph()
    graph.parse(ontology_file(), format="turtle")
    return graph


def prefixes() -> dict[str, str]:
    """The prefixes ``ontology/kg.ttl`` declares (``kg:``, ``rdf:``, ``schema:``...): what exports
    write their IRIs with."""
    graph = rdflib.Graph(bind_namespaces="none")
    graph.parse(ontology_file(), format="turtle")
    return {name: str(space) for name, space in sorted(graph.namespaces()) if name}


def ontology_quads() -> Iterator[tuple[str, str, str, str]]:
    """The ontology's triples in ``ONTOLOGY_GRAPH``, as N-Quads terms, sorted.

    Blank nodes (the ``owl:unionOf`` domains and their lists) become skolem IRIs under ``SKOLEM``
    made from what they describe, so the same ontology always gives the same quads, a SPARQL
    server takes them in ``INSERT DATA`` (Virtuoso refuses blank nodes there), and exporting
    and building again adds nothing. ``ontology/kg.ttl`` keeps its blank nodes: OWL reads
    class expressions and lists from them.
    """
    graph = ontology_graph()
    labels = {node: rdflib.URIRef(SKOLEM + label) for node, label in _blank_labels(graph).items()}
    name = f"<{ONTOLOGY_GRAPH}>"
    rows = []
    for triple in graph:
        s, p, o = (labels.get(term, term) for term in triple)
        line = _nt_row((s, p, o)).rstrip("\n")
        subject, predicate, rest = line.split(" ", 2)
        rows.append((subject, predicate, rest.removesuffix(" ."), name))
    return iter(sorted(rows))


def _blank_labels(graph: rdflib.Graph) -> dict[rdflib.term.Node, str]:
    """A stable label for every blank node: a digest of where it hangs (the IRI above it and the
    properties leading down to it) and of what it describes, so two equal descriptions in two
    places stay two nodes."""
    labels: dict[rdflib.term.Node, str] = {}

    def describe(node: rdflib.term.Node) -> str:
        if not isinstance(node, rdflib.BNode):
            return node.n3()
        facts = sorted(f"{p.n3()} {describe(o)}" for p, o in graph.predicate_objects(node))
        return "[" + " ; ".join(facts) + "]"

    def label(node: rdflib.term.Node, path: str) -> None:
        if not isinstance(node, rdflib.BNode) or node in labels:
            return
        digest = hashlib.sha1(f"{path} {describe(node)}".encode()).hexdigest()[:16]
        labels[node] = "o" + digest
        for p, o in sorted(graph.predicate_objects(node)):
            label(o, f"{path} {p.n3()}")

    for s, p, o in sorted(graph):
        if not isinstance(s, rdflib.BNode):
            label(o, f"{s.n3()} {p.n3()}")
    for node in sorted(n for n in graph.subjects() if isinstance(n, rdflib.BNode) and n not in labels):
        label(node, "")  # a blank node nothing points at
    return labels
