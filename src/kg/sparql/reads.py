"""Whole-store reads that several commands share, through named queries."""

from __future__ import annotations

import rdflib

from kg.sparql.catalog import find_query
from kg.store import GraphStore
from kg.store.base import rdflib_graph


def data_graph(store: GraphStore) -> rdflib.Graph:
    """The store's data (every named graph but the ontology's) as one rdflib graph."""
    return rdflib_graph(store.construct(find_query("data_triples").text))
