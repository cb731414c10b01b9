"""Whole-store reads that several commands share, through named queries."""

from __future__ import annotations

import rdflib

from kg.sparql.catalog import find_query
from kg.store import GraphStore
from kg.store.base import rdflib_graph
from kg.store.terms import Triple


def data_graph(store: GraphStore) -> rdflib.Graph:
    """The store's data (every kg graph but the ontology's) as one rdflib graph."""
    rows = store.select(find_query("data_triples").text).rows
    return rdflib_graph(Triple(s, p, o) for s, p, o in rows)  # type: ignore[arg-type]
