"""A store behind a SPARQL 1.1 Protocol endpoint: Oxigraph server, Fuseki, Virtuoso, GraphDB, QLever.

``RemoteStore`` offers what ``kg.store.local.GraphStore`` promises (select, construct, ask, dump,
close), so every read command works the same against a server, plus ``replace_graphs`` for
``kg build``. It speaks plain HTTP through ``urllib``: the protocol is three kinds of request
(query, update, and an optional Graph Store Protocol URL), not worth a dependency.

Where the endpoints are, from the ``--store`` URL:

- ``http://host:7878`` (no path, Oxigraph's layout): ``/query``, ``/update``, ``/store``;
- ``…/query`` (Oxigraph, Fuseki's ``/ds/query``): updates go to ``…/update``;
- any other URL (Virtuoso's or QLever's ``/sparql``, GraphDB's ``/repositories/x``): queries
  and updates both go to that URL.

Parameters are bound as in the embedded store (``kg.store.bind``): a ``VALUES`` block written from
serialized RDF terms opens the query's ``WHERE`` group; no parameter value is ever pasted in as
text. Answers are read by datatype (``kg.store.results``); a server that caps its answers is read
in pages (``kg.store.paging``); writing goes through ``kg.store.loading``.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.base import Table, Term
from kg.store.bind import with_values
from kg.store.loading import KG_GRAPHS, Quad, StagedLoad
from kg.store.ordering import order_keys, sort_list_items, sort_rows, sorted_lists
from kg.store.paging import is_pageable, is_unordered, ordered_by, page_of
from kg.store.results import canonical_triples, read_json_boolean, read_json_results
from kg.store.terms import serialize

RESULTS_JSON = "application/sparql-results+json"
TRIPLES_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
TIMEOUT_S = 600.0



def is_remote(location: str) -> bool:
    """True when ``location`` names a SPARQL endpoint rather than a store directory."""
    return location.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Endpoints:
    """Where queries, updates and Graph Store Protocol requests go."""

    query: str
    update: str
    store: str | None = None
    """The Graph Store Protocol URL, where known (Oxigraph's ``/store``)."""


def endpoints_for(location: str) -> Endpoints:
    """The query and update URLs of the endpoint named by ``location`` (see the module's help)."""
    parts = urllib.parse.urlsplit(location)
    if not parts.netloc:
        raise StoreError(f"{location}: not a SPARQL endpoint URL")
    path = parts.path.rstrip("/")
    if path == "":
        base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        return Endpoints(base + "/query", base + "/update", base + "/store")
    if path.endswith("/query"):
        update = urllib.parse.urlunsplit(
            (parts.scheme, parts.netloc, path[: -len("query")] + "update", parts.query, "")
        )
        store = urllib.parse.urlunsplit(
            (parts.scheme, parts.netloc, path[: -len("query")] + "store", "", "")
        )
        return Endpoints(location, update, store)
    return Endpoints(location, location)


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint seen through the ``GraphStore`` protocol."""

    def __init__(self, location: str, timeout: float = TIMEOUT_S) -> None:
        self.location = location
        self.endpoints = endpoints_for(location)
        self.timeout = timeout
        self.row_cap: int | None = None
        """The most rows the server returns for one query, once it has said so (``X-SPARQL-MaxRows``)."""

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Table:
        """Run a SELECT query with variables bound through a ``VALUES`` block; every row, paged
        through ``LIMIT``/``OFFSET`` if the server caps its answers, in the order SPARQL gives
        the query's ``ORDER BY`` (``kg.store.ordering``: engines differ on strings)."""
        columns, pages = self.select_pages(sparql, bindings)
        rows = sort_list_items(columns, [row for page in pages for row in page], sorted_lists(sparql))
        keys = order_keys(sparql)
        return Table(columns, sort_rows(columns, rows, keys) if keys else rows)

    def stream(self, sparql: str, bindings: Mapping[str, Term] | None = None,
               limit: int | None = None, offset: int = 0,
               ) -> tuple[list[str], Iterator[tuple[Term | None, ...]]]:
        """The columns of a SELECT query and its rows from ``offset`` on, at most ``limit``.

        The whole answer is read (page by page where the server caps it) and put in the query's
        order before it is cut: engines order strings differently, so a cut made by the server
        would not be the same rows everywhere.
        """
        table = self.select(sparql, bindings)
        end = None if limit is None else offset + limit
        return table.columns, iter(table.rows[offset:end])

    def select_pages(
        self, sparql: str, bindings: Mapping[str, Term] | None = None
    ) -> tuple[list[str], Iterator[list[tuple[Term | None, ...]]]]:
        """The columns of a SELECT query and its rows page by page, as the server sends them.

        When the server announces that it cut the answer (``X-SPARQL-MaxRows``), the rest is read
        in pages of that many rows if the query ends in a total ``ORDER BY``; otherwise a
        ``StoreError`` says so: a capped answer is never taken for the whole one.
        """
        text = with_values(sparql, bindings)
        columns, rows, cap = self._select_once(text)
        return columns, self._pages(text, columns, rows, cap)

    def _pages(self, text: str, columns: list[str], rows: list[tuple[Term | None, ...]],
               cap: int | None) -> Iterator[list[tuple[Term | None, ...]]]:
        if cap is None or len(rows) < cap:
            yield rows
            return
        if is_pageable(text):
            yield rows
        if not is_pageable(text):
            if not is_unordered(text):
                raise StoreError(
                    f"{self.location}: the server returned only its first {cap:,} rows "
                    "(X-SPARQL-MaxRows) and the query cannot be read in pages: it has its own LIMIT"
                )
            # No order to page in: read it again from the start, ordered by every column.
            text, rows = ordered_by(text, columns), []
        offset = len(rows)
        while True:
            names, page, _ = self._select_once(page_of(text, offset, cap))
            order = [names.index(c) for c in columns]
            yield [tuple(row[i] for i in order) for row in page]
            if len(page) < cap:
                return
            offset += len(page)

    def _select_once(self, text: str) -> tuple[list[str], list[tuple[Term | None, ...]], int | None]:
        with self._query(text, RESULTS_JSON) as response:
            _expect_json(self.location, response)
            cap = self._announced_cap(response)
            columns, rows = read_json_results(self.location, response)
        return columns, rows, cap

    def _announced_cap(self, response: _Response) -> int | None:
        header = response.headers.get("X-SPARQL-MaxRows")
        if header is None or not header.strip().isdigit():
            return None
        self.row_cap = int(header)
        return self.row_cap

    def select_text(self, sparql: str) -> Iterator[list[str]]:
        """Run a SELECT query for many rows: the header, then each row as plain strings ('' unbound).

        Read as every answer is (by datatype, paged where the server caps it: see
        ``select_pages``), then written as Oxigraph's CSV results write values.
        """
        columns, pages = self.select_pages(sparql)
        yield columns
        for page in pages:
            for row in page:
                yield [_text(term) for term in row]

    def construct(self, sparql: str) -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE query; an error if the server cut the answer short."""
        with self._query(sparql, TRIPLES_ACCEPT) as response:
            media = response.headers.get_content_type()
            rdf_format = ox.RdfFormat.from_media_type(media)
            if rdf_format is None or rdf_format.supports_datasets:
                raise StoreError(
                    f"{self.location}: expected RDF triples from a CONSTRUCT query, got {media}"
                )
            cap = self._announced_cap(response)
            try:
                triples = list(canonical_triples(quad.triple for quad in ox.parse(response, rdf_format)))
            except SyntaxError as exc:
                raise StoreError(f"{self.location}: unreadable {media} answer: {exc}") from None
        cap = cap or self.row_cap or self._probe_cap()
        if cap is not None and len(triples) >= cap:
            raise StoreError(
                f"{self.location}: the server returns at most {cap:,} results a query and this "
                "CONSTRUCT answer reached that many; it may be cut short (ask with a paged SELECT)"
            )
        return triples

    def _probe_cap(self) -> int | None:
        """Ask for 20,000 made-up rows once: a server that caps its answers says so then."""
        if self.row_cap is None:
            values = " ".join(str(i) for i in range(100))
            self._select_once(f"SELECT ?a WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} "
                              "VALUES ?c { 0 1 } }")
        return self.row_cap

    def ask(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK query."""
        with self._query(with_values(sparql, bindings), RESULTS_JSON) as response:
            _expect_json(self.location, response)
            return read_json_boolean(self.location, response)

    def quads(self, graph_prefix: str = "") -> Iterator[ox.Quad]:
        """Every quad in the endpoint's named graphs (those starting with ``graph_prefix``), in a
        stable order."""
        sparql = ("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                  + (f'FILTER(STRSTARTS(STR(?g), "{graph_prefix}")) ' if graph_prefix else "")
                  + "} ORDER BY ?g ?s ?p ?o")
        _, pages = self.select_pages(sparql)
        for page in pages:
            for s, p, o, g in page:
                yield ox.Quad(s, p, o, g)  # type: ignore[arg-type]

    def dump(self, output: IO[bytes], rdf_format: ox.RdfFormat,
             prefixes: Mapping[str, str] | None = None) -> None:
        """Write kg's named graphs on the endpoint (not the server's own, such as Virtuoso's
        system graphs); triple formats get their union."""
        if rdf_format.supports_datasets:
            serialize(self.quads(KG_GRAPHS), output, rdf_format, prefixes)
            return
        triples = {q.triple for q in self.quads(KG_GRAPHS)}
        serialize(sorted(triples, key=str), output, rdf_format, prefixes)

    @property
    def graph_store_url(self) -> str | None:
        """The Graph Store Protocol URL, where known."""
        return self.endpoints.store

    def update(self, sparql: str) -> None:
        """Send one SPARQL Update request (with its length: no chunked body)."""
        self._send(self.endpoints.update, sparql.encode("utf-8"), "application/sparql-update; charset=utf-8")

    def post_nquads(self, body: bytes) -> None:
        """Add N-Quads to the server through its Graph Store Protocol URL."""
        if self.endpoints.store is None:
            raise StoreError(f"{self.location}: no Graph Store Protocol URL known for this endpoint")
        self._send(self.endpoints.store, body, "application/n-quads")

    def _send(self, url: str, body: bytes, media: str) -> None:
        request = urllib.request.Request(
            url, data=body, method="POST",
            headers={"Content-Type": media, "Content-Length": str(len(body))},
        )
        with self._open(request, url, updating=True) as response:
            response.read()

    def replace_graphs(self, quads: Iterable[Quad], progress: Callable[[int], None] | None = None) -> int:
        """Replace every kg graph on the server by ``quads``; the number of quads then stored.

        The quads go to new graphs under temporary names first, in bounded batches; only when
        every batch is in are kg's graphs replaced by them in one update request (``MOVE``, and
        ``DROP`` for graphs the new build no longer has). A failure before that leaves the
        server's kg graphs as they were and removes the temporary ones. Graphs outside
        ``KG_GRAPHS`` are left alone.
        """
        return StagedLoad(self).run(quads, progress)

    def count_quads(self, graph_prefix: str = KG_GRAPHS) -> int:
        """How many quads the named graphs starting with ``graph_prefix`` hold on the server."""
        table = self.select(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{graph_prefix}")) }}')
        value = table.rows[0][0] if table.rows else None
        return int(value.value) if value is not None else 0

    def graph_names(self, graph_prefix: str = KG_GRAPHS) -> list[str]:
        """The named graphs on the server whose name starts with ``graph_prefix``, sorted."""
        table = self.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{graph_prefix}")) }} ORDER BY ?g')
        return [row[0].value for row in table.rows if row[0] is not None]

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""

    def _query(self, sparql: str, accept: str) -> _Response:
        body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        request = urllib.request.Request(
            self.endpoints.query,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": accept,
            },
        )
        return self._open(request, self.endpoints.query, updating=False)

    def _open(self, request: urllib.request.Request, url: str, updating: bool) -> _Response:
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)  # noqa: S310
        except urllib.error.HTTPError as exc:
            raise StoreError(_http_error(url, exc, updating)) from None
        except urllib.error.URLError as exc:
            raise StoreError(f"{url}: cannot reach the SPARQL endpoint: {_reason(exc)}") from None
        except TimeoutError:
            raise StoreError(f"{url}: no answer within {self.timeout:g} s") from None
        except OSError as exc:
            raise StoreError(f"{url}: the connection failed: {exc}") from None


_Response = http.client.HTTPResponse
"""What ``urlopen`` returns for http(s) URLs."""


def _http_error(url: str, exc: urllib.error.HTTPError, updating: bool) -> str:
    detail = exc.read(500).decode("utf-8", "replace").strip().splitlines()
    message = f"{url}: the endpoint answered HTTP {exc.code} {exc.reason}"
    if detail and not detail[0].lstrip().startswith("<"):
        message += f": {detail[0][:200]}"
    if updating and exc.code in (403, 404, 405):
        message += " (is the endpoint read-only? 'kg serve --read-write' accepts updates)"
    return message


def _reason(exc: urllib.error.URLError) -> str:
    reason = exc.reason
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    return str(getattr(reason, "strerror", None) or reason)


def _text(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _expect_json(location: str, response: _Response) -> None:
    media = response.headers.get_content_type()
    if media not in (RESULTS_JSON, "application/json"):
        raise StoreError(f"{location}: not a SPARQL endpoint (it answered with {media})")


