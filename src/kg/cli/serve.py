"""Serve the store over the SPARQL 1.1 Protocol: the Oxigraph server behind kg's gateway."""

from __future__ import annotations

import signal
import types
from pathlib import Path

import click

from kg.cli.base import Context, main, note, store_path
from kg.errors import StoreError, UsageError
from kg.store.describe import DatasetInfo
from kg.store.gateway import Gateway, GatewayConfig
from kg.store.remote import is_remote
from kg.store.server import DEFAULT_HOST, DEFAULT_PORT, Server, free_port, port_is_free, server_url

DEFAULT_SITE = Path("site")


@main.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port to listen on.")
@click.option("--read-write", is_flag=True,
              help="Accept SPARQL updates and Graph Store writes (read-only by default).")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (web pages on other sites).")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=1), default=300, show_default=True,
              metavar="SECONDS",
              help="Stop any query that runs longer (or whose client leaves); read-only servers "
                   "restart Oxigraph to do it.")
@click.option("--site", "site_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Serve this site (from 'kg site') beside the endpoint [default: ./site if present].")
@click.pass_obj
def serve(ctx: Context, host: str, port: int, read_write: bool, cors: bool, timeout_s: float,
          site_dir: Path | None) -> None:
    """Serve the store as a SPARQL endpoint, with its entities and site, until stopped (Ctrl-C).

    Runs the Oxigraph server on the store, read-only unless --read-write is given, on
    localhost unless --host says otherwise. Queries see the union of all named graphs, as
    'kg query' does. The endpoint answers any SPARQL 1.1 client at /sparql (also /query, and
    /update for writes, /store for the Graph Store Protocol), and kg itself:
    'kg --store http://127.0.0.1:7878/sparql query talks'. GET /sparql describes the
    service; /void describes the dataset. An entity's IRI path (/id/person/...) gives a
    browser its page of the site and an RDF client its description. After a 'kg build',
    restart the server to serve the new store.

    \b
    Examples:
      kg serve --port 7878 --cors
      curl http://127.0.0.1:7878/sparql -H 'Accept: text/csv' \\
           --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5'
      curl -H 'Accept: text/turtle' http://127.0.0.1:7878/id/person/sanjeev-arora
    """
    if is_remote(ctx.store):
        raise StoreError(f"{ctx.store}: already a SPARQL endpoint; kg serve serves a store directory")
    site = _site(site_dir)
    if not port_is_free(host, port):
        raise StoreError(f"{server_url(host, port)}: the port is in use; choose another with --port")
    from kg.rdf.ontology import prefixes

    server = Server.start(store_path(ctx), "127.0.0.1", free_port(), read_write, timeout_s=timeout_s,
                          union_default_graph=False)
    try:
        config = GatewayConfig(server.url.removeprefix("http://"), read_write, cors, site,
                               DatasetInfo(prefixes=prefixes()), timeout_s,
                               None if read_write else server.restart,
                               settled=None if read_write else server.settled)
        gateway = Gateway((host, port), config)
    except BaseException:
        server.stop()
        raise
    url = server_url(host, gateway.server_address[1])
    gateway.start()
    mode = "read-write" if read_write else "read-only"
    note(f"Serving {ctx.store} ({mode}) at {url}/ : SPARQL endpoint {url}/sparql"
         + (f" (updates too), graph store {url}/store" if read_write else "")
         + (f", site {site}" if site is not None else "")
         + ". Press Ctrl-C to stop.")
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    try:
        status = server.wait()
    except KeyboardInterrupt:
        status = 0
    finally:
        gateway.stop()
        server.stop()
    if status not in (0, -signal.SIGTERM, -signal.SIGINT):
        raise StoreError(f"{url}: the Oxigraph server stopped with status {status}")
    note("Stopped.")


def _site(site_dir: Path | None) -> Path | None:
    if site_dir is None:
        return DEFAULT_SITE if (DEFAULT_SITE / "index.html").is_file() else None
    if not site_dir.is_dir():
        raise UsageError(f"--site {site_dir}: no such folder; write one with 'kg site'")
    return site_dir


def _interrupt(signum: int, frame: types.FrameType | None) -> None:
    raise KeyboardInterrupt
