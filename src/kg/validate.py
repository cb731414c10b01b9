"""SHACL validation of a built graph against ``ontology/shapes.ttl``, with the ontology's classes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate

from kg.build import project_root
from kg.errors import ShapeViolation
from kg.queries import find_query
from kg.store import GraphStore

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: the node, the property path and the message."""

    focus: str
    path: str
    severity: str
    message: str


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, and every violation found."""

    conforms: bool
    violations: list[Violation]


def shapes_file() -> Path:
    """The SHACL shapes shipped with the project."""
    return project_root() / "ontology" / "shapes.ttl"


def validate_graph(data: rdflib.Graph, ontology: rdflib.Graph | None = None) -> ValidationReport:
    """Validate an rdflib graph; the ontology supplies subclass axioms for ``sh:class``."""
    ontology = ontology if ontology is not None else _parse(project_root() / "ontology" / "kg.ttl")
    shapes = _parse(shapes_file())
    conforms, results, _ = shacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs", allow_warnings=True
    )
    violations = sorted(
        Violation(
            focus=str(results.value(r, SH.focusNode)),
            path=str(results.value(r, SH.resultPath) or ""),
            severity=str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            message=str(results.value(r, SH.resultMessage) or ""),
        )
        for r in results.subjects(rdflib.RDF.type, SH.ValidationResult)
    )
    return ValidationReport(bool(conforms), violations)


def _parse(path: Path) -> rdflib.Graph:
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except FileNotFoundError:
        raise ShapeViolation(f"{path}: file not found") from None
    except SyntaxError as exc:
        raise ShapeViolation(f"{path}: invalid Turtle: {exc}") from None


def store_graph(store: GraphStore) -> rdflib.Graph:
    """The store's data (every named graph but the ontology's) as one rdflib graph."""
    graph = rdflib.Graph()
    for triple in store.construct(find_query("data_triples").text):
        graph.add((_term(triple.subject), _term(triple.predicate), _term(triple.object)))
    return graph


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"RDF-star triples are not supported: {term}")
