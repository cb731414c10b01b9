"""Serve the store over the SPARQL 1.1 Protocol with the Oxigraph server."""

from __future__ import annotations

import signal
import types

import click

from kg.cli.base import Context, main, note, store_path
from kg.errors import StoreError
from kg.store.remote import is_remote
from kg.store.server import DEFAULT_HOST, DEFAULT_PORT, Server


@main.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port to listen on.")
@click.option("--read-write", is_flag=True,
              help="Accept SPARQL updates and Graph Store writes (read-only by default).")
@click.pass_obj
def serve(ctx: Context, host: str, port: int, read_write: bool) -> None:
    """Serve the store as a SPARQL endpoint, with a query page, until stopped (Ctrl-C).

    Runs the Oxigraph server on the store, read-only unless --read-write is given, on
    localhost unless --host says otherwise. Queries see the union of all named graphs, as
    'kg query' does. The endpoint answers any SPARQL 1.1 client, and kg itself:
    'kg --store http://127.0.0.1:7878 query talks'. After a 'kg build', restart the server
    to serve the new store.

    \b
    Example:
      kg serve --port 7878
      curl http://127.0.0.1:7878/query -H 'Accept: text/csv' \\
           --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5'
    """
    if is_remote(ctx.store):
        raise StoreError(f"{ctx.store}: already a SPARQL endpoint; kg serve serves a store directory")
    server = Server.start(store_path(ctx), host, port, read_write)
    mode = "read-write" if read_write else "read-only"
    note(f"Serving {ctx.store} ({mode}) at {server.url}/ : SPARQL endpoint {server.query_url}"
         + (f", updates {server.url}/update, graph store {server.url}/store" if read_write else "")
         + ". Press Ctrl-C to stop.")
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        status = server.wait()
    except KeyboardInterrupt:
        status = 0
    finally:
        server.stop()
    if status not in (0, -signal.SIGTERM, -signal.SIGINT):
        raise StoreError(f"{server.url}: the Oxigraph server stopped with status {status}")
    note("Stopped.")


def _interrupt(signum: int, frame: types.FrameType | None) -> None:
    raise KeyboardInterrupt
