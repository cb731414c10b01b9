"""SHACL validation of a built graph against ``ontology/shapes.ttl``, with the ontology's classes."""

from __future__ import annotations

from collections.abc import Callable
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


Progress = Callable[[str, int, int], None]
"""Told the step under way (``INFERRING`` or ``CHECKING``) and how many of its parts are done, of how many."""
INFERRING = "RDFS inference"
CHECKING = "Checking shapes"


def validate_graph(data: rdflib.Graph, ontology: rdflib.Graph | None = None,
                   progress: Progress | None = None) -> ValidationReport:
    """Validate an rdflib graph; the ontology supplies subclass axioms for ``sh:class``.

    The RDFS inference (pySHACL's, on a copy of ``data`` with the ontology mixed in) runs once;
    the shapes are then checked one at a time on the inferred graph, so ``progress`` can tell
    how far the validation got. The result is the one a single pySHACL run gives.
    """
    ontology = ontology if ontology is not None else _parse(ontology_file())
    shapes = _parse(shapes_file())
    told = progress or (lambda step, done, total: None)
    told(INFERRING, 0, 1)
    inferred = rdflib.Graph()
    inferred += data
    shacl_validate(inferred, shacl_graph=rdflib.Graph(), ont_graph=ontology, inference="rdfs", inplace=True)
    told(INFERRING, 1, 1)
    groups = shape_groups(shapes)
    conforms, violations = True, []
    for done, group in enumerate(groups):
        told(CHECKING, done, len(groups))
        group_conforms, results, _ = shacl_validate(
            inferred, shacl_graph=shapes, inference="none", inplace=True, use_shapes=group,
            allow_warnings=True)
        conforms = conforms and bool(group_conforms)
        violations.extend(_violations(results))
    told(CHECKING, len(groups), len(groups))
    return ValidationReport(conforms, sorted(violations))


def shape_groups(shapes: rdflib.Graph) -> list[list[str]]:
    """The named node shapes, in groups closed under ``sh:node`` references, to be checked a group at a time.

    pySHACL checks a shape given in ``use_shapes`` without the shapes it names in ``sh:node``
    unless they are given too; a shape and the shapes it refers to, directly or through a blank
    property shape, are therefore checked together.
    """
    names = sorted(str(shape) for shape in shapes.subjects(rdflib.RDF.type, SH.NodeShape)
                   if isinstance(shape, rdflib.URIRef))
    group_of = {name: name for name in names}

    def root(name: str) -> str:
        while group_of[name] != name:
            name = group_of[name]
        return name

    for name in names:
        for referred in _referred_shapes(shapes, rdflib.URIRef(name)):
            if referred in group_of:
                group_of[root(referred)] = root(name)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(root(name), []).append(name)
    return sorted(groups.values())


def _referred_shapes(shapes: rdflib.Graph, shape: rdflib.term.Node) -> set[str]:
    """Named shapes that ``shape`` refers to through sh:node, sh:property, sh:and, sh:or, sh:xone, sh:not."""
    found: set[str] = set()
    seen: set[rdflib.term.Node] = set()
    todo = [shape]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for _, _, target in shapes.triples((node, None, None)):
            if isinstance(target, rdflib.URIRef) and (target, rdflib.RDF.type, SH.NodeShape) in shapes:
                found.add(str(target))
            elif isinstance(target, rdflib.BNode):
                todo.append(target)
    return found


def _violations(results: rdflib.Graph) -> list[Violation]:
    return [
        Violation(
            focus=str(results.value(r, SH.focusNode)),
            path=str(results.value(r, SH.resultPath) or ""),
            severity=str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            message=str(results.value(r, SH.resultMessage) or ""),
        )
        for r in results.subjects(rdflib.RDF.type, SH.ValidationResult)
    ]


def _parse(path: Path) -> rdflib.Graph:
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except FileNotFoundError:
        raise ShapeViolation(f"{path}: file not found") from None
    except SyntaxError as exc:
        raise ShapeViolation(f"{path}: invalid Turtle: {exc}") from None
