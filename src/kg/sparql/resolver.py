"""The one name-or-IRI resolver, and parameter values → bound RDF terms.

Every command that takes a person, an event or an organization goes through ``entity``: an IRI
is taken as it is; a name is looked up among every name and other name in the graph, in any
letter case; none or several matches are a one-line error saying what to do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.errors import QueryError
from kg.sparql.catalog import (
    ENTITY_CLASSES,
    NamedQuery,
    entity_class_iri,
    find_query,
    looks_like_iri,
    to_term,
)
from kg.store import GraphStore, Term
from kg.store.terms import IRI, Literal

NOTHING = IRI("urn:kg:nothing")
"""Bound where a name matches no entity: an IRI no graph contains, so the query finds nothing."""


@dataclass
class Bindings:
    """Terms to bind, and notes for the user about names that matched nothing."""

    terms: dict[str, Term] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def find_entities(store: GraphStore, name: str, kind: str) -> list[tuple[str, str]]:
    """(IRI, name) of every entity of ``kind`` (person, event, organization) called ``name``.

    A name written exactly as in the data is found through the store's index
    (``find_entity_exact``); only otherwise are all names compared in any letter case
    (``find_entity``), which reads every name in the graph.
    """
    bindings: dict[str, Term] = {"needle": Literal(name), "class": entity_class_iri(kind)}
    for query in ("find_entity_exact", "find_entity"):
        table = store.select(find_query(query).text, bindings)
        found = {(row["entity"] or "", row["name"] or "") for row in table.values()}
        if found:
            return sorted(found)
    return []


def resolve_entity(store: GraphStore, name: str, kind: str) -> IRI | None:
    """The single entity of ``kind`` named ``name``; ``None`` if none; an error if ambiguous."""
    matches = find_entities(store, name, kind)
    if not matches:
        return None
    iris = sorted({iri for iri, _ in matches})
    if len(iris) > 1:
        raise QueryError(
            f"'{name}' names {len(iris)} {kind}s: {', '.join(iris)}; give the IRI instead"
        )
    return IRI(iris[0])


LISTINGS = {"person": "people", "event": "events", "organization": "affiliations"}
"""The named query that lists the entities of each kind, for error messages."""


def entity(store: GraphStore, name_or_iri: str, kind: str) -> str:
    """The IRI of the ``kind`` (person, event, organization) given by IRI or by one of its names.

    A ``QueryError`` when nothing or several things of that kind have the name.
    """
    if looks_like_iri(name_or_iri):
        return name_or_iri
    found = resolve_entity(store, name_or_iri, kind)
    if found is None:
        raise QueryError(f"no {kind} is named {name_or_iri!r}; 'kg query {LISTINGS[kind]}' lists them")
    return found.value


def entities(store: GraphStore, names: Iterable[str], kind: str) -> list[str]:
    """The IRIs of several entities of one kind (see ``entity``), in the order given."""
    return [entity(store, name, kind) for name in names]


def bind_parameters(
    store: GraphStore, query: NamedQuery, values: Iterable[tuple[str, str]]
) -> Bindings:
    """Check ``values`` against the query's parameters and turn them into RDF terms."""
    bindings = Bindings()
    for name, value in values:
        param = query.param(name)
        if name in bindings.terms:
            raise QueryError(f"parameter {name} is given twice")
        term = to_term(param, value)
        if param.kind in ENTITY_CLASSES and isinstance(term, Literal):
            entity = resolve_entity(store, value, param.kind)
            if entity is None:
                bindings.notes.append(f"no {param.kind} is named {value!r}")
                entity = NOTHING
            term = entity
        bindings.terms[name] = term
    missing = [p.name for p in query.params if p.name not in bindings.terms]
    if missing:
        raise QueryError(
            f"query '{query.name}' needs parameter(s) {', '.join(missing)} (-p NAME VALUE)"
        )
    return bindings
