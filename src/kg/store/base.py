"""What every store hands back, wherever it lives: RDF terms, tables of results, the store protocol."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Protocol

import pyoxigraph as ox

if TYPE_CHECKING:
    import rdflib

Term = ox.NamedNode | ox.BlankNode | ox.Literal
"""An RDF term as pyoxigraph represents it; every store returns these."""


@dataclass(frozen=True)
class Table:
    """The result of a SELECT query: column names and rows of terms (``None`` where unbound)."""

    columns: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)

    def values(self) -> list[dict[str, str | None]]:
        """Rows as dictionaries of plain strings: IRIs and literal values, ``None`` where unbound."""
        return [
            {c: (None if t is None else t.value) for c, t in zip(self.columns, row, strict=True)}
            for row in self.rows
        ]


class GraphStore(Protocol):
    """What analyses and commands need from a store, wherever it lives."""

    location: str

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Table:
        """Run a SELECT query with variables bound to RDF terms."""
        ...

    def stream(self, sparql: str, bindings: Mapping[str, Term] | None = None,
               limit: int | None = None, offset: int = 0,
               ) -> tuple[list[str], Iterator[tuple[Term | None, ...]]]:
        """The columns of a SELECT query and its rows, ``limit`` of them from ``offset`` on, as
        they come."""
        ...

    def select_text(self, sparql: str) -> Iterator[list[str]]:
        """Run a SELECT query for many rows: the header, then each row as plain strings ('' unbound)."""
        ...

    def construct(self, sparql: str) -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE query."""
        ...

    def ask(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK query."""
        ...

    def dump(self, output: IO[bytes], rdf_format: ox.RdfFormat,
             prefixes: Mapping[str, str] | None = None) -> None:
        """Write every quad (or triple, for triple formats) to ``output``, with ``prefixes`` where
        the format has them."""
        ...

    def close(self) -> None:
        """Release the store."""
        ...




def rdflib_graph(triples: Iterable[ox.Triple]) -> rdflib.Graph:
    """Triples a store returned (a CONSTRUCT result), as one rdflib graph for rdflib-based tools."""
    import rdflib  # only here: most commands never need it, and it takes a while to import

    graph = rdflib.Graph()
    for triple in triples:
        graph.add((_rdflib_term(triple.subject), _rdflib_term(triple.predicate), _rdflib_term(triple.object)))
    return graph


def _rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> rdflib.term.Node:
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"RDF-star triples are not supported: {term}")
