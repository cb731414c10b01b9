"""What ``kg serve`` puts in front of the Oxigraph server: the paths SPARQL users expect.

The gateway listens where the user asked and passes SPARQL requests on to ``oxigraph serve``
(bound to a private port on 127.0.0.1), adding:

- the endpoint at every path ``--store`` accepts: ``/query`` and ``/update`` (Oxigraph's
  layout), ``/sparql`` for both (Virtuoso's), ``/store`` for the Graph Store Protocol;
  writes only in read-write mode;
- a SPARQL service description (``GET /sparql`` or ``/query`` without a query) and a VoID
  description of the dataset (``/void``, ``/.well-known/void``);
- entity IRIs that resolve: ``/id/<kind>/<id>`` (the path of ``https://w3id.org/kg/id/...``)
  answers a browser with a redirect to the site's page ``<kind>/<id>.html`` and an RDF client
  with the entity's description (``DESCRIBE``) in the format it asks for;
- the static site (``--site``) at every other path;
- CORS headers (``--cors``);
- a query timeout (``--timeout``): a query that runs past it, or whose client goes away, is
  stopped. Oxigraph checks its own timeout only between the rows it returns, so a long join or
  sort goes on; a read-only server is restarted to stop it (queries running beside it fail and
  may be asked again); a read-write one is left to Oxigraph's own timeout.
"""

from __future__ import annotations

import http.client
import mimetypes
import select
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from kg.store.describe import (
    DESCRIPTION_PREFIXES,
    DatasetInfo,
    accepted_media,
    rdf_format_for,
    service_description,
    void_description,
)
from kg.store.paging import words_outside_groups

QUERY_PATHS = ("/query", "/sparql")
UPDATE_MEDIA = "application/sparql-update"
FORM_MEDIA = "application/x-www-form-urlencoded"
CHUNK = 1 << 16
UNION_QUERY = "union-default-graph"
UNION_UPDATE = "using-union-graph"
"""Oxigraph's parameters making the default graph the union of all graphs, for one request."""


@dataclass
class GatewayConfig:
    """How the gateway answers: where Oxigraph listens and what the user asked for."""

    upstream: str
    """``host:port`` of the Oxigraph server."""
    read_write: bool = False
    cors: bool = False
    site: Path | None = None
    info: DatasetInfo = field(default_factory=DatasetInfo)
    timeout_s: float | None = None
    """A query still evaluating after this long is stopped (with ``stop_queries``)."""
    stop_queries: Callable[[], None] | None = None
    """Stops every query Oxigraph is evaluating (a restart of the read-only server); ``None``
    where that cannot be done safely (read-write): there only Oxigraph's own timeout applies."""
    counts: dict[str, int] | None = None
    """Triples per named graph, for the descriptions, once counted."""
    settled: Callable[[], None] | None = None
    """Returns once Oxigraph answers again if ``stop_queries`` is restarting it (else at once):
    a request that comes in meanwhile waits for the new server instead of failing."""


class Gateway(ThreadingHTTPServer):
    """The HTTP server of ``kg serve`` (see the module's help)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], config: GatewayConfig) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)
        self.config = config
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        """Serve requests in a background thread."""
        self.thread = threading.Thread(target=self.serve_forever, name="kg-serve", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop serving and close the listening socket."""
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: Gateway
    protocol_version = "HTTP/1.0"
    server_version = "kg-serve"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet by default
        pass

    # Routing

    def do_OPTIONS(self) -> None:
        self._reply(204, b"", "text/plain", {
            "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
            "Access-Control-Allow-Headers": self.headers.get("Access-Control-Request-Headers", "*"),
        })

    def do_GET(self) -> None:
        self._route()

    def do_HEAD(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def do_PUT(self) -> None:
        self._route()

    def do_DELETE(self) -> None:
        self._route()

    def _route(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        config = self.server.config
        if config.settled is not None:
            config.settled()
        if path in QUERY_PATHS:
            if self.command in ("GET", "HEAD") and "query" not in query:
                self._describe_service()
            elif path == "/sparql" and self.command == "POST" and self._is_update():
                self._write("/update", self._union_for_update())
            else:
                self._proxy("/query", union=UNION_QUERY)
        elif path == "/update":
            self._write("/update", self._union_for_update())
        elif path == "/store":
            if self.command in ("GET", "HEAD"):
                self._proxy("/store")
            else:
                self._write("/store")
        elif path in ("/void", "/.well-known/void"):
            self._send_rdf(void_description(config.info, self._base(), self._counts()))
        elif path.startswith("/id/"):
            self._entity(path)
        elif config.site is not None:
            self._site_file(path)
        else:
            self._proxy(path)

    def _is_update(self) -> bool:
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == UPDATE_MEDIA:
            return True
        if media != FORM_MEDIA:
            return False
        body = self._body()
        self._buffered = body
        return "update" in urllib.parse.parse_qs(body.decode("utf-8", "replace"))

    def _write(self, path: str, union: str | None = None) -> None:
        if not self.server.config.read_write:
            self._reply(403, b"The server is read-only; start it with 'kg serve --read-write'.\n",
                        "text/plain; charset=utf-8")
            return
        self._proxy(path, union=union)

    def _union_for_update(self) -> str | None:
        """Updates read the union of all graphs, as queries do, unless they say which graphs to
        read themselves (``WITH``, ``USING``): Oxigraph refuses both at once."""
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = self._body()
        if media == FORM_MEDIA:
            fields = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            text = " ".join(fields.get("update", []))
            if "using-graph-uri" in fields or "using-named-graph-uri" in fields:
                return None
        else:
            text = body.decode("utf-8", "replace")
        words = {word for _, word in words_outside_groups(text)}
        return None if words & {"WITH", "USING"} else UNION_UPDATE

    # Entities, the site, descriptions

    def _entity(self, path: str) -> None:
        config = self.server.config
        local = path[len("/id/"):]
        iri = config.info.uri_space + local
        try:
            term = ox.NamedNode(iri)
        except ValueError:
            self._reply(400, b"Not an IRI.\n", "text/plain; charset=utf-8")
            return
        wants_html = _prefers_html(self.headers.get("Accept", ""))
        page = config.site / f"{local}.html" if config.site is not None else None
        if wants_html and page is not None and _inside(config.site, page) and page.is_file():
            self._reply(303, b"", "text/plain", {"Location": f"/{local}.html"})
            return
        if not self._ask(f"ASK {{ {term} ?p ?o }}"):
            self._reply(404, f"Nothing is known about {iri}.\n".encode(), "text/plain; charset=utf-8")
            return
        accept = self.headers.get("Accept", "") if not wants_html else "text/turtle"
        self._proxy("/query", body=urllib.parse.urlencode({"query": f"DESCRIBE {term}"}).encode(),
                    headers={"Content-Type": FORM_MEDIA, "Accept": accept or "text/turtle"},
                    as_text=wants_html, union=UNION_QUERY)

    def _site_file(self, path: str) -> None:
        site = self.server.config.site
        assert site is not None
        relative = urllib.parse.unquote(path).lstrip("/") or "index.html"
        target = site / relative
        if target.is_dir():
            target = target / "index.html"
        if not _inside(site, target) or not target.is_file():
            self._reply(404, b"Not found.\n", "text/plain; charset=utf-8")
            return
        media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if media.startswith("text/") or media in ("application/javascript", "application/json"):
            media += "; charset=utf-8"
        self._reply(200, target.read_bytes(), media)

    def _describe_service(self) -> None:
        config = self.server.config
        self._send_rdf(service_description(config.info, self._base(), config.read_write, self._counts()))

    def _send_rdf(self, triples: list[ox.Triple]) -> None:
        rdf_format, media = rdf_format_for(self.headers.get("Accept", ""))
        prefixes = {**self.server.config.info.prefixes, **DESCRIPTION_PREFIXES}
        body = ox.serialize(triples, None, rdf_format, prefixes=prefixes) or b""
        self._reply(200, body, media + "; charset=utf-8")

    def _base(self) -> str:
        host = self.headers.get("Host") or "{}:{}".format(*self.server.server_address[:2])
        return f"http://{host}"

    def _counts(self) -> dict[str, int]:
        """Triples in each of kg's named graphs, asked of Oxigraph (once, on a read-only server)."""
        config = self.server.config
        if config.counts is not None and not config.read_write:
            return config.counts
        sparql = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        answer = self._upstream_json(sparql)
        counts: dict[str, int] = {}
        for row in answer.get("results", {}).get("bindings", []):
            graph = row["g"]["value"]
            if graph.startswith(self.server.config.info.graphs):
                counts[graph] = int(row["n"]["value"])
        config.counts = counts
        return counts

    def _ask(self, sparql: str) -> bool:
        return bool(self._upstream_json(sparql).get("boolean"))

    def _upstream_json(self, sparql: str) -> dict:  # type: ignore[type-arg]
        import json

        connection = http.client.HTTPConnection(self.server.config.upstream, timeout=600)
        try:
            connection.request("POST", "/query?" + UNION_QUERY, urllib.parse.urlencode({"query": sparql}),
                               {"Content-Type": FORM_MEDIA, "Accept": "application/sparql-results+json"})
            response = connection.getresponse()
            data = response.read()
            return json.loads(data) if response.status == 200 else {}
        finally:
            connection.close()

    # Passing requests on

    def _body(self) -> bytes:
        buffered = getattr(self, "_buffered", None)
        if buffered is not None:
            return bytes(buffered)
        length = int(self.headers.get("Content-Length") or 0)
        self._buffered = self.rfile.read(length) if length else b""
        return self._buffered

    def _proxy(self, path: str, body: bytes | None = None, headers: dict[str, str] | None = None,
               as_text: bool = False, union: str | None = None) -> None:
        """Send this request on to Oxigraph at ``path`` and stream its answer back.

        While Oxigraph evaluates, the client's socket is watched: a client that has gone away has
        the connection to Oxigraph closed at once rather than left to finish.
        """
        query = urllib.parse.urlsplit(self.path).query
        given = urllib.parse.parse_qs(query)
        if union is not None and not {"default-graph-uri", "named-graph-uri"} & set(given):
            query = f"{query}&{union}" if query else union
        target = path + (f"?{query}" if query else "")
        if body is None:
            body = self._body() if self.command in ("POST", "PUT") else None
        sent = {k: v for k, v in self.headers.items()
                if k.lower() in ("accept", "content-type", "accept-encoding")}
        sent.update(headers or {})
        method = "POST" if headers is not None else self.command
        connection = http.client.HTTPConnection(self.server.config.upstream, timeout=None)
        try:
            connection.request(method, target, body=body, headers=sent)
            outcome = self._wait_for(connection)
            if outcome != "answer":
                connection.close()
                stop = self.server.config.stop_queries
                if stop is not None and path == "/query":
                    stop()
                if outcome == "timeout":
                    limit = self.server.config.timeout_s or 0
                    self._reply(503, f"Query stopped: it ran past the server's timeout of {limit:g} s.\n"
                                .encode(), "text/plain; charset=utf-8")
                return
            response = connection.getresponse()
            self.send_response(response.status)
            for name, value in response.getheaders():
                if name.lower() in ("content-type", "content-length", "content-encoding", "location"):
                    if as_text and name.lower() == "content-type":
                        value = "text/plain; charset=utf-8"
                    self.send_header(name, value)
            self._cors_headers()
            self.end_headers()
            if self.command == "HEAD":
                return
            while chunk := response.read(CHUNK):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away: closing the connection stops Oxigraph's answer
        finally:
            connection.close()

    def _wait_for(self, connection: http.client.HTTPConnection) -> str:
        """Wait until Oxigraph starts answering: ``answer``, or ``gone`` if the client left first,
        or ``timeout`` past the server's timeout."""
        upstream = connection.sock
        client = self.connection
        limit = self.server.config.timeout_s
        deadline = None if limit is None else time.monotonic() + limit
        while True:
            ready, _, _ = select.select([upstream, client], [], [], 0.25)
            if upstream in ready:
                return "answer"
            if client in ready:
                try:
                    if client.recv(1, socket.MSG_PEEK) == b"":
                        return "gone"
                except OSError:
                    return "gone"
            if deadline is not None and time.monotonic() > deadline:
                return "timeout"

    def _cors_headers(self) -> None:
        if self.server.config.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Expose-Headers", "Content-Type, Content-Length")

    def _reply(self, status: int, body: bytes, media: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self._cors_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _prefers_html(accept: str) -> bool:
    """True when an Accept header ranks HTML above every RDF syntax (what a browser sends)."""
    best_html, best_rdf = 0.0, 0.0
    for media, weight in accepted_media(accept):
        if media in ("text/html", "application/xhtml+xml"):
            best_html = max(best_html, weight)
        elif ox.RdfFormat.from_media_type(media) is not None:
            best_rdf = max(best_rdf, weight)
    return best_html > best_rdf


def _inside(root: Path | None, path: Path) -> bool:
    if root is None:
        return False
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
