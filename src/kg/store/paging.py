"""Reading a query's answer page by page: ``LIMIT``/``OFFSET`` over its own total ``ORDER BY``.

A server may cap how many rows it returns (Virtuoso's ``ResultSetMaxRows``, announced in the
``X-SPARQL-MaxRows`` header). A query whose last clause is a total ``ORDER BY`` can then be read
in pages. Each page wraps the query as a subquery, ``SELECT * WHERE { { QUERY } } LIMIT n
OFFSET k``: Virtuoso refuses ``OFFSET`` beyond 10,000 rows on a sorted query at the top
level (its ``MaxSortedTopRows``), not on a sorted subquery, and every engine tried keeps the
subquery's order.
"""

from __future__ import annotations

import re

from kg.store.bind import _iri_end, _string_end

_KEYWORD = re.compile(r"[A-Za-z_]+")


def words_outside_groups(sparql: str) -> list[tuple[int, str]]:
    """(position, upper-cased word) of each keyword at the top level of ``sparql``: outside
    braces, comments, IRIs and strings."""
    found: list[tuple[int, str]] = []
    depth, i, n = 0, 0, len(sparql)
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
            depth, i = depth + 1, i + 1
        elif char == "}":
            depth, i = depth - 1, i + 1
        elif char == "?" or char == "$":
            match = _KEYWORD.match(sparql, i + 1)
            i = match.end() if match else i + 1
        elif depth == 0 and (match := _KEYWORD.match(sparql, i)):
            found.append((i, match.group().upper()))
            i = match.end()
        else:
            i += 1
    return found


def is_pageable(sparql: str) -> bool:
    """True for a SELECT query ending in ``ORDER BY`` with no ``LIMIT`` or ``OFFSET`` of its own."""
    words = [w for _, w in words_outside_groups(sparql)]
    if "SELECT" not in words or "LIMIT" in words or "OFFSET" in words:
        return False
    return "ORDER" in words[words.index("SELECT"):]


def is_unordered(sparql: str) -> bool:
    """True for a SELECT query with no ``ORDER BY``, ``LIMIT`` or ``OFFSET`` of its own."""
    words = [w for _, w in words_outside_groups(sparql)]
    return "SELECT" in words and not {"ORDER", "LIMIT", "OFFSET"} & set(words[words.index("SELECT"):])


def ordered_by(sparql: str, columns: list[str]) -> str:
    """``sparql`` (an unordered SELECT query) as a subquery ordered by every column: a total
    order to read it in pages."""
    at = next(pos for pos, word in words_outside_groups(sparql) if word == "SELECT")
    keys = " ".join(f"?{c}" for c in columns)
    return f"{sparql[:at]}SELECT * WHERE {{\n{{\n{sparql[at:]}\n}}\n}}\nORDER BY {keys}\n"


def page_of(sparql: str, offset: int, limit: int) -> str:
    """``sparql`` (a pageable query) reduced to ``limit`` rows from ``offset`` on, in its order."""
    at = next(pos for pos, word in words_outside_groups(sparql) if word == "SELECT")
    return f"{sparql[:at]}SELECT * WHERE {{\n{{\n{sparql[at:]}\n}}\n}}\nLIMIT {limit} OFFSET {offset}\n"


def page_of_answer(sparql: str, limit: int | None, offset: int = 0) -> str:
    """``sparql`` answering at most ``limit`` rows from ``offset`` on, in its own order (for
    ``kg query --limit --offset``): the clauses are appended to a query ending in ``ORDER BY``
    (or in nothing), and the query is made a subquery otherwise."""
    if limit is None and offset == 0:
        return sparql
    clause = (f"LIMIT {limit} " if limit is not None else "") + (f"OFFSET {offset}" if offset else "")
    words = [w for _, w in words_outside_groups(sparql)]
    if "LIMIT" not in words and "OFFSET" not in words:
        return f"{sparql.rstrip()}\n{clause}\n"
    at = next((pos for pos, word in words_outside_groups(sparql) if word == "SELECT"), 0)
    return f"{sparql[:at]}SELECT * WHERE {{\n{{\n{sparql[at:]}\n}}\n}}\n{clause}\n"
