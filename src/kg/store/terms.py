"""RDF terms as the stores take and give them, for the modules that must not import Oxigraph.

Parameters are bound as these terms (never pasted into query text), and result tables hold them.
``plain`` turns one into the Python value a table or a JSON document shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import IO, Any

import pyoxigraph as ox

IRI = ox.NamedNode
"""An IRI term: ``IRI("https://w3id.org/kg/id/person/ada")``; a ``ValueError`` if it is not one."""
Literal = ox.Literal
"""A literal term: ``Literal("Ada")``, ``Literal("2024", datatype=IRI(XSD + "gYear"))``."""
BlankNode = ox.BlankNode
Triple = ox.Triple
Term = ox.NamedNode | ox.BlankNode | ox.Literal

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {XSD + "integer": int, XSD + "decimal": float, XSD + "double": float,
            XSD + "float": float, XSD + "positiveInteger": int, XSD + "long": int,
            XSD + "int": int, XSD + "nonNegativeInteger": int}

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
"""The RDF syntaxes a store can write, by the name the command line uses."""


def typed(value: str, datatype: str) -> Literal:
    """A literal of an XSD datatype given by its local name: ``typed("2024", "gYear")``."""
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


def is_literal(term: object) -> bool:
    """Whether ``term`` is an RDF literal."""
    return isinstance(term, ox.Literal)


def plain(term: Any) -> Any:
    """A JSON-ready Python value for an RDF term: numbers and booleans typed, the rest strings.

    Values that are not terms pass through unchanged.
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _NUMBERS:
            try:
                return _NUMBERS[datatype](term.value)
            except ValueError:
                return term.value
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term


def serialize(
    items: Iterable[ox.Quad] | Iterable[ox.Triple],
    output: IO[bytes],
    rdf_format: ox.RdfFormat,
    prefixes: Mapping[str, str] | None = None,
) -> None:
    """Write triples or quads as ``rdf_format``: Turtle and TriG with ``prefixes``, JSON-LD with
    them as its ``@context`` (IRIs written compact), the other formats as they are."""
    if rdf_format == ox.RdfFormat.JSON_LD and prefixes:
        expanded = json.loads(ox.serialize(items, None, rdf_format) or b"[]")
        document = {"@context": dict(sorted(prefixes.items())), "@graph": compact(expanded, prefixes)}
        output.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
        output.write(b"\n")
        return
    ox.serialize(items, output, rdf_format, prefixes=dict(prefixes) if prefixes else None)


def compact(node: Any, prefixes: Mapping[str, str]) -> Any:
    """Expanded JSON-LD with every IRI in keys, ``@id`` and ``@type`` written as ``prefix:name``."""
    # Longest namespace first, so that "https://w3id.org/kg/id/" wins over "https://w3id.org/kg/".
    spaces = sorted(((ns, name) for name, ns in prefixes.items()), key=lambda p: -len(p[0]))

    def short(iri: str) -> str:
        for ns, name in spaces:
            rest = iri[len(ns):]
            if iri.startswith(ns) and rest and "/" not in rest and "#" not in rest and ":" not in rest:
                return f"{name}:{rest}"
        return iri

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(v) for v in value]
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in ("@id", "@type") and isinstance(item, str):
                out[key] = short(item)
            elif key == "@type" and isinstance(item, list):
                out[key] = [short(v) for v in item]
            elif key.startswith("@"):
                out[key] = walk(item)
            else:
                out[short(key)] = walk(item)
        return out

    return walk(node)
