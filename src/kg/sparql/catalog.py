"""Named SPARQL queries kept one per file in ``queries/``, and their parameters.

A query file starts with comment lines that document it; the file runs unchanged in any SPARQL
tool because the header is made of SPARQL comments::

    #+ summary: Talks given by one speaker, with their event, oldest first.
    #+ param: speaker person  Person IRI or one of their names

A query that lists a whole kind of entity says so with ``#+ listing: whole graph``: ``kg build``
runs it once on a large new store and keeps its answer (``kg.sparql.listings``).

A parameter has a name (a variable the query projects), a kind and a description. Kinds:
``person``, ``event``, ``organization`` (an IRI or a name, looked up in the graph), ``iri``,
``string``, ``integer``, ``year`` and ``date``. Values become RDF terms here and are bound by
the store; they never become part of the query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib.resources import as_file, files
from pathlib import Path

from kg.errors import QueryError
from kg.rdf import vocab
from kg.store.terms import IRI, Literal

PARAM_KINDS = ("person", "event", "organization", "iri", "string", "integer", "year", "date")
ENTITY_CLASSES = {"person": "Person", "event": "Event", "organization": "Organization"}
_HEADER = re.compile(r"^#\+\s*(?P<key>[a-z_]+)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<kind>[a-z]+)\s*(?P<doc>.*)$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Param:
    """One parameter of a named query."""

    name: str
    kind: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query file with its documentation."""

    name: str
    path: Path
    summary: str
    params: tuple[Param, ...]
    text: str
    listing: bool = False
    """Whether it lists a whole kind of entity (``#+ listing:``): ``kg build`` keeps its answer."""

    @property
    def form(self) -> str:
        """``SELECT``, ``CONSTRUCT``, ``DESCRIBE`` or ``ASK``: what the query answers with."""
        return query_form(self.text)

    def param(self, name: str) -> Param:
        """The parameter called ``name``; a ``QueryError`` if the query has none such."""
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query '{self.name}' has no parameter '{name}' (parameters: {known})")


def queries_dir() -> Path:
    """The named queries shipped inside the package (``queries/`` at the top of the repository)."""
    with as_file(files("kg.sparql") / "queries") as path:
        return Path(path)


def list_queries(folder: Path | None = None) -> list[NamedQuery]:
    """Every named query in ``folder``, sorted by name."""
    folder = folder or queries_dir()
    return [parse_query_file(path) for path in sorted(folder.glob("*.rq"))]


def find_query(name: str, folder: Path | None = None) -> NamedQuery:
    """The named query ``name``; a ``QueryError`` listing the known names if there is none."""
    folder = folder or queries_dir()
    if not _NAME.match(name):
        raise QueryError(f"'{name}' is not a query name (lower case letters, digits, _)")
    path = folder / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(q.name for q in list_queries(folder))
        raise QueryError(f"no query named '{name}'; known queries: {known}")
    return parse_query_file(path)


def parse_query_file(path: Path) -> NamedQuery:
    """Read a ``.rq`` file and its ``#+`` header."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise QueryError(f"{path}: not UTF-8 text") from None
    summary = ""
    listing = False
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, value = match["key"], match["value"].strip()
        if key == "summary":
            summary = value
        elif key == "param":
            params.append(_parse_param(path, number, value))
        elif key == "listing":
            listing = True
    return NamedQuery(path.stem, path, summary, tuple(params), text, listing)


def _parse_param(path: Path, line: int, value: str) -> Param:
    match = _PARAM.match(value)
    if not match or match["kind"] not in PARAM_KINDS:
        raise QueryError(
            f"{path}:{line}: bad '#+ param:' line; expected 'NAME KIND description' "
            f"with KIND one of {', '.join(PARAM_KINDS)}"
        )
    return Param(match["name"], match["kind"], match["doc"].strip())


def to_term(param: Param, value: str) -> IRI | Literal:
    """Turn a parameter's string value into the RDF term bound in the query.

    Entity kinds (person, event, organization) given a name return a string literal: the caller
    looks the name up with ``entity_lookup_query``. IRIs are checked by pyoxigraph.
    """
    if param.kind in ("iri",) or (param.kind in ENTITY_CLASSES and looks_like_iri(value)):
        try:
            return IRI(value)
        except ValueError:
            raise QueryError(f"parameter {param.name}: '{value}' is not a valid IRI") from None
    if param.kind == "integer":
        if not re.fullmatch(r"[+-]?[0-9]+", value.strip()):
            raise QueryError(f"parameter {param.name}: '{value}' is not an integer")
        return Literal(str(int(value)), datatype=IRI(vocab.XSD + "integer"))
    if param.kind == "year":
        if not re.fullmatch(r"[0-9]{4}", value.strip()):
            raise QueryError(f"parameter {param.name}: '{value}' is not a year (YYYY)")
        return Literal(value.strip(), datatype=IRI(vocab.XSD + "gYear"))
    if param.kind == "date":
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise QueryError(f"parameter {param.name}: '{value}' is not a date (YYYY-MM-DD)") from None
        return Literal(day.isoformat(), datatype=IRI(vocab.XSD + "date"))
    return Literal(value)


_FORM = re.compile(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", re.IGNORECASE)
_PROLOGUE_NOISE = re.compile(r"#[^\n]*|<[^>\s]*>|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")


def query_form(text: str) -> str:
    """The form of a SPARQL query (``SELECT`` when none is found): the first form keyword outside
    comments, IRIs and strings."""
    found = _FORM.search(_PROLOGUE_NOISE.sub(" ", text))
    return found.group(1).upper() if found else "SELECT"


def looks_like_iri(value: str) -> bool:
    """True for values written as absolute http(s) or urn IRIs."""
    return re.match(r"^(https?|urn):", value) is not None


def entity_class_iri(kind: str) -> IRI:
    """The ontology class a parameter kind refers to."""
    return IRI(vocab.term(ENTITY_CLASSES[kind]))
