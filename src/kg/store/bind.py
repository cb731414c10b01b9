"""Binding query parameters: a ``VALUES`` block of serialized RDF terms opening the WHERE group.

Both stores bind parameters this way, so a named query means the same on the embedded store and
on any SPARQL 1.1 endpoint. Each value is written by pyoxigraph's own term serializer
(``<iri>``, ``"text"`` with every quote and backslash escaped, ``"1"^^<datatype>``), so a value
is always exactly one RDF term and can never change the query's structure:
``x" } ; DROP ALL ; #`` becomes the literal ``"x\\" } ; DROP ALL ; #"``, which matches nothing.

A ``VALUES`` block at the start of the group is a join the query optimizer plans like any other
pattern. (pyoxigraph's ``substitutions`` argument, the alternative for the embedded store, was
much slower on large stores for some of the named queries: see BENCHMARKS.md.)
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from kg.errors import StoreError

BindableTerm = ox.NamedNode | ox.BlankNode | ox.Literal
"""What a caller may hand in; blank nodes are refused (they cannot be written into a query)."""


def with_values(sparql: str, bindings: Mapping[str, BindableTerm] | None) -> str:
    """``sparql`` with a ``VALUES`` block binding ``bindings`` opening its ``WHERE`` group.

    The block is written from serialized RDF terms (``<iri>``, ``"text"@lang``,
    ``"1"^^<datatype>``), so a value can never change the query's structure.
    """
    if not bindings:
        return sparql
    names = sorted(bindings)
    for name in names:
        if not name.isidentifier():
            raise StoreError(f"'{name}' is not a SPARQL variable name")
        if not isinstance(bindings[name], ox.NamedNode | ox.Literal):
            raise StoreError(f"parameter {name}: only IRIs and literals can be bound")
    header = " ".join(f"?{name}" for name in names)
    row = " ".join(str(bindings[name]) for name in names)
    at = where_group_start(sparql)
    return f"{sparql[:at]}\n  VALUES ({header}) {{ ({row}) }}\n{sparql[at:]}"


def where_group_start(sparql: str) -> int:
    """The position just after the ``{`` opening the WHERE group of a SELECT or ASK query.

    That is the first ``{`` outside comments, IRIs and string literals: the prologue and the
    SELECT clause of the named queries hold none.
    """
    i, n = 0, len(sparql)
    while i < n:
        char = sparql[i]
        if char == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end + 1
        elif char == "<" and _iri_end(sparql, i) > 0:
            i = _iri_end(sparql, i)
        elif char in "\"'":
            i = _string_end(sparql, i)
        elif char == "{":
            return i + 1
        else:
            i += 1
    raise StoreError("cannot bind parameters: the query has no WHERE group")


def _iri_end(text: str, start: int) -> int:
    for i in range(start + 1, len(text)):
        if text[i] == ">":
            return i + 1
        if text[i] in ' \t\n<"{}|^`\\':
            return -1
    return -1


def _string_end(text: str, start: int) -> int:
    quote = text[start] * 3 if text.startswith(text[start] * 3, start) else text[start]
    i = start + len(quote)
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(quote, i):
            return i + len(quote)
        else:
            i += 1
    return len(text)
