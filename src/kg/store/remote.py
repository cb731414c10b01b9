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
text.
"""

from __future__ import annotations

import csv
import http.client
import io
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, BinaryIO

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.base import Table, Term
from kg.store.bind import with_values

KG_GRAPHS = "https://w3id.org/kg/"
"""Every named graph kg writes starts with this; ``replace_graphs`` replaces only these."""

RESULTS_JSON = "application/sparql-results+json"
TRIPLES_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
TIMEOUT_S = 600.0

Quad = tuple[str, str, str, str]
"""Subject, predicate, object, graph: each an N-Quads (hence SPARQL) term, as ``kg.rdf`` writes them."""


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

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Table:
        """Run a SELECT query with variables bound through a ``VALUES`` block."""
        with self._query(with_values(sparql, bindings), RESULTS_JSON) as response:
            result = ox.parse_query_results(response, _results_format(self.location, response))
            if not isinstance(result, ox.QuerySolutions):
                raise StoreError("expected a SELECT query")
            columns = [v.value for v in result.variables]
            rows = [tuple(solution[c] for c in columns) for solution in result]
        return Table(columns, rows)

    def select_text(self, sparql: str) -> Iterator[list[str]]:
        """Run a SELECT query for many rows: the header, then each row as plain strings ('' unbound).

        Asks for SPARQL CSV results, which carry plain values and are parsed without term objects.
        """
        with self._query(sparql, "text/csv") as response:
            media = response.headers.get_content_type()
            body = response.read()
        if media != "text/csv":
            raise StoreError(f"{self.location}: expected CSV results, got {media}")
        return csv.reader(io.StringIO(body.decode("utf-8"), newline=""))

    def construct(self, sparql: str) -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE query."""
        with self._query(sparql, TRIPLES_ACCEPT) as response:
            media = response.headers.get_content_type()
            rdf_format = ox.RdfFormat.from_media_type(media)
            if rdf_format is None or rdf_format.supports_datasets:
                raise StoreError(
                    f"{self.location}: expected RDF triples from a CONSTRUCT query, got {media}"
                )
            try:
                return [quad.triple for quad in ox.parse(response, rdf_format)]
            except SyntaxError as exc:
                raise StoreError(f"{self.location}: unreadable {media} answer: {exc}") from None

    def ask(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK query."""
        with self._query(with_values(sparql, bindings), RESULTS_JSON) as response:
            result = ox.parse_query_results(response, _results_format(self.location, response))
        if not isinstance(result, ox.QueryBoolean):
            raise StoreError("expected an ASK query")
        return bool(result)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad in the endpoint's named graphs, in a stable order."""
        sparql = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o"
        with self._query(sparql, RESULTS_JSON) as response:
            rows = ox.parse_query_results(response, _results_format(self.location, response))
            if not isinstance(rows, ox.QuerySolutions):
                raise StoreError(f"{self.location}: expected solutions to a SELECT query")
            for row in rows:
                yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def dump(self, output: IO[bytes], rdf_format: ox.RdfFormat) -> None:
        """Write the endpoint's named graphs; triple formats get their union."""
        if rdf_format.supports_datasets:
            ox.serialize(self.quads(), output, rdf_format)
            return
        triples = {q.triple for q in self.quads()}
        ox.serialize(sorted(triples, key=str), output, rdf_format)

    def update(self, sparql: str | Iterable[bytes]) -> None:
        """Send a SPARQL Update request; an iterable of byte chunks is streamed as it is produced."""
        body = sparql.encode("utf-8") if isinstance(sparql, str) else iter(sparql)
        request = urllib.request.Request(
            self.endpoints.update,
            data=body,
            method="POST",
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )
        with self._open(request, self.endpoints.update, updating=True):
            pass

    def replace_graphs(self, quads: Iterable[Quad]) -> None:
        """Replace every kg graph on the server by ``quads``, in one update request.

        The request deletes the named graphs under ``KG_GRAPHS`` and inserts the new quads; the
        SPARQL 1.1 Update specification asks servers to apply a request atomically (Oxigraph
        does, in one transaction), so readers see the old graph or the new one, never half a
        build. Graphs outside ``KG_GRAPHS`` are left alone.
        """
        self.update(replace_graphs_request(quads))

    def clear_kg_graphs(self) -> None:
        """Delete every named graph under ``KG_GRAPHS`` (one update request)."""
        self.update(CLEAR_KG_GRAPHS)

    def post_nquads(self, chunks: Iterable[bytes]) -> None:
        """Add N-Quads to the server through the Graph Store Protocol, streamed as produced."""
        url = self.endpoints.store
        if url is None:
            raise StoreError(
                f"{self.location}: no Graph Store Protocol URL known for this endpoint; "
                "give the server's base URL (http://host:port)"
            )
        request = urllib.request.Request(
            url, data=iter(chunks), method="POST",
            headers={"Content-Type": "application/n-quads"},
        )
        with self._open(request, url, updating=True):
            pass

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""

    def _query(self, sparql: str, accept: str) -> _Response:
        body = urllib.parse.urlencode({"query": sparql}).encode("ascii")
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


def _results_format(location: str, response: BinaryIO) -> ox.QueryResultsFormat:
    media = response.headers.get_content_type()  # type: ignore[attr-defined]
    found = ox.QueryResultsFormat.from_media_type(media)
    if found is None:
        raise StoreError(f"{location}: not a SPARQL endpoint (it answered with {media})")
    return found


CLEAR_KG_GRAPHS = (
    "DELETE { GRAPH ?g { ?s ?p ?o } }\n"
    f'WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{KG_GRAPHS}")) }}'
)


def replace_graphs_request(quads: Iterable[Quad], chunk_size: int = 1 << 16) -> Iterator[bytes]:
    """The update request of ``RemoteStore.replace_graphs``, as byte chunks written lazily."""
    yield (CLEAR_KG_GRAPHS + " ;\nINSERT DATA {\n").encode()
    parts: list[str] = []
    size = 0
    graph: str | None = None
    for s, p, o, g in quads:
        if g != graph:
            parts.append(f"}}\nGRAPH {g} {{\n" if graph is not None else f"GRAPH {g} {{\n")
            graph = g
        line = f"{s} {p} {o} .\n"
        parts.append(line)
        size += len(line)
        if size >= chunk_size:
            yield "".join(parts).encode("utf-8")
            parts.clear()
            size = 0
    if graph is not None:
        parts.append("}\n")
    parts.append("}\n")
    yield "".join(parts).encode("utf-8")
