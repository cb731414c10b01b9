"""SPARQL results from a server, read into RDF terms by datatype, whatever the engine's habits.

Servers agree on the SPARQL 1.1 JSON results format but not on every lexical form: Virtuoso
gives ``xsd:boolean`` values as ``1``/``0`` and names blank nodes ``nodeID://b10006``, which is
not a blank node label. Values are read here by their datatype and written in their canonical
form (``true``/``false``), and blank node labels are made into labels RDF accepts, so a query
answers the same through any engine.
"""

from __future__ import annotations

import http.client
import json
import re
from collections.abc import Iterator
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.base import Term

XSD = "http://www.w3.org/2001/XMLSchema#"
_BOOLEANS = {"1": "true", "0": "false", "true": "true", "false": "false"}
_LABEL_NOISE = re.compile(r"[^A-Za-z0-9]")


def read_json_results(location: str, stream: IO[bytes]) -> tuple[list[str], list[tuple[Term | None, ...]]]:
    """Columns and rows of a SPARQL JSON result of a SELECT query."""
    document = _load(location, stream)
    try:
        columns = [str(name) for name in document["head"]["vars"]]
        bindings = document["results"]["bindings"]
    except (KeyError, TypeError):
        raise StoreError(f"{location}: expected solutions to a SELECT query") from None
    rows = [tuple(_term(location, row.get(c)) for c in columns) for row in bindings]
    return columns, rows


def read_json_boolean(location: str, stream: IO[bytes]) -> bool:
    """The answer of an ASK query in the SPARQL JSON results format."""
    document = _load(location, stream)
    if not isinstance(document, dict) or not isinstance(document.get("boolean"), bool):
        raise StoreError(f"{location}: expected the answer to an ASK query")
    return bool(document["boolean"])


def _load(location: str, stream: IO[bytes]) -> Any:
    try:
        return json.load(stream)
    except json.JSONDecodeError as exc:
        near = exc.doc[max(0, exc.pos - 40):exc.pos + 20]
        raise StoreError(f"{location}: the endpoint's answer is not valid SPARQL results: {exc.msg} "
                         f"at character {exc.pos}, near {near!r}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise StoreError(f"{location}: the endpoint's answer is not valid SPARQL results: {exc}") from None
    except (http.client.HTTPException, OSError) as exc:
        raise StoreError(f"{location}: the answer broke off: {exc or type(exc).__name__}") from None


def _term(location: str, value: dict[str, str] | None) -> Term | None:
    if value is None:
        return None
    kind, text = value.get("type"), value.get("value", "")
    try:
        if kind == "uri":
            return ox.NamedNode(text)
        if kind == "bnode":
            return blank_node(text)
        if kind in ("literal", "typed-literal"):
            return literal(text, value.get("datatype"), value.get("xml:lang"))
    except ValueError as exc:
        raise StoreError(f"{location}: an RDF term the server sent is not valid: {exc}") from None
    raise StoreError(f"{location}: unknown RDF term type {kind!r} in SPARQL JSON results")


def literal(text: str, datatype: str | None, language: str | None = None) -> ox.Literal:
    """A literal read by its datatype: booleans in their canonical form ``true``/``false``."""
    if language:
        return ox.Literal(text, language=language)
    if datatype is None or datatype == XSD + "string":
        return ox.Literal(text)
    if datatype == XSD + "boolean":
        text = _BOOLEANS.get(text.strip().lower(), text)
    return ox.Literal(text, datatype=ox.NamedNode(datatype))


def blank_node(label: str) -> ox.BlankNode:
    """A blank node for a server's label (``nodeID://b10006`` becomes ``nodeIDb10006``)."""
    return ox.BlankNode(_LABEL_NOISE.sub("", label) or "blank")


def canonical_triples(triples: Iterator[ox.Triple]) -> Iterator[ox.Triple]:
    """Triples of a CONSTRUCT answer with their literals read by datatype (see ``literal``)."""
    for triple in triples:
        obj = triple.object
        if isinstance(obj, ox.Literal) and obj.datatype.value == XSD + "boolean":
            obj = literal(obj.value, obj.datatype.value)
        yield ox.Triple(triple.subject, triple.predicate, obj)
