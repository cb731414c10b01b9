"""The only user of Oxigraph and of SPARQL endpoints: open a store, load it, query it.

``open_store`` opens a store directory (embedded Oxigraph) or a SPARQL endpoint URL; both answer
through the ``GraphStore`` protocol with ``Table`` results of RDF terms.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

import pyoxigraph as ox

from kg.store.base import GraphStore, Table, Term
from kg.store.bulk import bulk_load_nquads
from kg.store.local import LocalStore, StoreBuilder
from kg.store.remote import RemoteStore, is_remote

__all__ = ["GraphStore", "LocalStore", "RemoteStore", "StoreBuilder", "Table", "Term", "in_memory_copy",
           "is_remote", "open_store"]


def open_store(location: str) -> GraphStore:
    """Open the store at ``location`` for reading: a store directory or a SPARQL endpoint URL."""
    if is_remote(location):
        return RemoteStore(location)
    return LocalStore.open_read_only(location)


def in_memory_copy(store: GraphStore, extra: Iterable[str] = ()) -> LocalStore:
    """A new in-memory store with every quad of ``store`` plus the N-Quads lines ``extra``.

    For what-if questions (an evaluation adding a made-up event history) that must leave the
    store itself untouched; ``store`` may be embedded or remote.
    """
    dumped = io.BytesIO()
    store.dump(dumped, ox.RdfFormat.N_QUADS)
    copy = LocalStore.in_memory()
    copy.raw.bulk_load(input=dumped.getvalue(), format=ox.RdfFormat.N_QUADS)
    bulk_load_nquads(copy.raw, extra)
    return copy


