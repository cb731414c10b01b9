"""SHACL validation of a built graph against ``ontology/shapes.ttl``, with the ontology's classes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyshacl import validate as shacl_validate

from kg.errors import ShapeViolation
from kg.rdf.ontology import ontology_file, shapes_file

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


def validate_graph(data: rdflib.Graph, ontology: rdflib.Graph | None = None) -> ValidationReport:
    """Validate an rdflib graph; the ontology supplies subclass axioms for ``sh:class``."""
    ontology = ontology if ontology is not None else _parse(ontology_file())
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
