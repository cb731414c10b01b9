"""A query's ``ORDER BY`` applied to rows as the SPARQL specification orders them, in Python.

Engines disagree on how to sort strings: Oxigraph compares code points, as SPARQL says
(``fn:compare``); Virtuoso uses its own collation ("New York" before "NYC"). Rows from a server
are therefore put in the order the query's ``ORDER BY`` gives under SPARQL's rules: unbound
first, then blank nodes, IRIs, literals; numbers by value, dates and times by the instant they
name, strings by code point. Only ``ORDER BY`` clauses made of variables (``?x``, ``ASC(?x)``,
``DESC(?x)``) are applied here; any other leaves the server's order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

from kg.store.paging import words_outside_groups

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + name for name in (
    "integer", "decimal", "double", "float", "long", "int", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte")}
_KEY = re.compile(r"\s*(?:(ASC|DESC)\s*\(\s*[?$](\w+)\s*\)|[?$](\w+))", re.IGNORECASE)

Row = tuple[Any, ...]


def order_keys(sparql: str) -> list[tuple[str, bool]] | None:
    """(variable, descending) for each key of the query's top-level ``ORDER BY``; ``None`` when
    there is none or a key is an expression."""
    words = words_outside_groups(sparql)
    starts = [pos for pos, word in words if word == "ORDER"]
    if not starts:
        return None
    text = sparql[starts[-1]:]
    by = re.match(r"ORDER\s+BY", text, re.IGNORECASE)
    if by is None:
        return None
    rest = re.split(r"\b(?:LIMIT|OFFSET)\b", _strip_comments(text[by.end():]), flags=re.IGNORECASE)[0]
    keys: list[tuple[str, bool]] = []
    at = 0
    while rest[at:].strip():
        match = _KEY.match(rest, at)
        if match is None:
            return None
        if match.group(3):
            keys.append((match.group(3), False))
        else:
            keys.append((match.group(2), match.group(1).upper() == "DESC"))
        at = match.end()
    return keys or None


def _strip_comments(text: str) -> str:
    return re.sub(r"#[^\n]*", " ", text)


def sort_rows(columns: Sequence[str], rows: list[Row], keys: Sequence[tuple[str, bool]]) -> list[Row]:
    """``rows`` in the order of ``keys`` (see ``order_keys``); rows equal on every key keep their order."""
    ordered = list(rows)
    for name, descending in reversed(keys):
        if name not in columns:
            continue
        index = list(columns).index(name)
        ordered.sort(key=_column_key(index), reverse=descending)
    return ordered


def _column_key(index: int) -> Callable[[Row], tuple[Any, ...]]:
    return lambda row: term_key(row[index])


def term_key(term: Any) -> tuple[Any, ...]:
    """A sort key putting RDF terms in SPARQL's ``ORDER BY`` order."""
    if term is None:
        return (0,)
    if isinstance(term, ox.BlankNode):
        return (1, term.value)
    if isinstance(term, ox.NamedNode):
        return (2, term.value)
    if isinstance(term, ox.Literal):
        return (3, *_literal_key(term))
    return (4, str(term))


def _literal_key(term: ox.Literal) -> tuple[Any, ...]:
    datatype, text = term.datatype.value, term.value
    if datatype in NUMERIC:
        try:
            return (0, Decimal(text.strip()), "")
        except InvalidOperation:
            pass
    elif datatype == XSD + "dateTime":
        moment = _datetime(text)
        if moment is not None:
            return (1, moment, text)
    elif datatype == XSD + "date":
        try:
            return (1, datetime.combine(date.fromisoformat(text[:10]), datetime.min.time(), UTC), text)
        except ValueError:
            pass
    elif datatype == XSD + "gYear" and text.lstrip("-").isdigit():
        return (2, int(text), "")
    elif datatype == XSD + "boolean":
        return (3, text in ("true", "1"), "")
    return (4, text, term.language or datatype)


def _datetime(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


_SORTED_LIST = re.compile(r'^#\+\s*sorted-list:\s*(\w+)\s+"([^"]*)"\s*$', re.MULTILINE)


def sorted_lists(sparql: str) -> dict[str, str]:
    """Column → separator for each ``#+ sorted-list: COLUMN "SEPARATOR"`` line of the query.

    Such a column holds a ``GROUP_CONCAT`` list: SPARQL leaves the order of its items to the
    engine, so the store sorts them (by code point) for the same answer everywhere.
    """
    return {m.group(1): m.group(2) for m in _SORTED_LIST.finditer(sparql)}


def sort_list_items(columns: Sequence[str], rows: list[Row], lists: dict[str, str]) -> list[Row]:
    """``rows`` with the items of each list column (see ``sorted_lists``) in code point order, and
    empty lists unbound."""
    indexes = {list(columns).index(c): sep for c, sep in lists.items() if c in columns}
    if not indexes or not rows:
        return rows
    return [tuple(_sorted_items(v, indexes[i]) if i in indexes else v for i, v in enumerate(row))
            for row in rows]


def _sorted_items(term: Any, separator: str) -> Any:
    if isinstance(term, ox.Literal) and term.value == "":
        return None  # an empty list: Oxigraph's GROUP_CONCAT gives "", Virtuoso's nothing
    if not isinstance(term, ox.Literal) or not separator or separator not in term.value:
        return term
    text = separator.join(sorted(term.value.split(separator)))
    if term.language:
        return ox.Literal(text, language=term.language)
    return ox.Literal(text, datatype=term.datatype)
