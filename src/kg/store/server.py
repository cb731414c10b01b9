"""Start and stop the Oxigraph SPARQL server (``oxigraph serve`` / ``serve-read-only``) on a store.

The server comes with the ``oxigraph`` Python package. It runs with ``--union-default-graph``,
as the embedded store does, so the named queries see every named graph without ``GRAPH``
clauses. Read-only unless asked otherwise; a read-only server may run beside other readers, a
read-write one holds the store's lock.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

from kg.errors import StoreError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def oxigraph_binary() -> str:
    """The ``oxigraph`` executable: on PATH, or beside this Python (a virtual environment)."""
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if found is None:
        raise StoreError("the 'oxigraph' server is not installed; run: pip install oxigraph")
    return found


def server_url(host: str, port: int) -> str:
    """The base URL of a server bound to ``host:port``."""
    return f"http://{bind_address(host, port)}"


def bind_address(host: str, port: int) -> str:
    """``host:port`` as the server's ``-b`` option and URLs write it (IPv6 in brackets)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port nobody listens on at the moment."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def port_is_free(host: str, port: int) -> bool:
    """True when nothing listens on ``host:port`` (a port of 0 is always free)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def server_command(location: Path | None, host: str, port: int, read_write: bool) -> list[str]:
    """The command line starting the server on ``location`` (in memory when ``None``)."""
    command = [oxigraph_binary(), "serve" if read_write else "serve-read-only"]
    if location is not None:
        command += ["-l", str(location)]
    elif not read_write:
        raise StoreError("a read-only server needs a store directory")
    return [*command, "-b", bind_address(host, port), "--union-default-graph"]


class Server:
    """A running Oxigraph server process; stop it with ``stop()`` or by leaving a ``with`` block.

    >>> with Server.start(Path(".kg/store"), port=free_port()) as server:   # doctest: +SKIP
    ...     RemoteStore(server.url).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    """

    def __init__(self, process: subprocess.Popen[bytes], url: str, errors: IO[bytes]) -> None:
        self.process = process
        self.url = url
        self._errors = errors

    @property
    def query_url(self) -> str:
        """The SPARQL query endpoint."""
        return self.url + "/query"

    @classmethod
    def start(
        cls,
        location: Path | None,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        read_write: bool = False,
        wait_s: float = 30.0,
    ) -> Server:
        """Start the server on the store directory ``location`` and wait until it answers."""
        if location is not None:
            if not read_write and not location.exists():
                raise StoreError(f"{location}: no store here; run 'kg build' first")
            location = location.resolve()
        if not port_is_free(host, port):
            raise StoreError(f"{server_url(host, port)}: the port is in use; choose another with --port")
        command = server_command(location, host, port, read_write)
        errors = tempfile.TemporaryFile()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        server = cls(process, server_url(host, port), errors)
        try:
            server._wait_until_ready(wait_s)
        except BaseException:
            server.stop()
            raise
        return server

    def _wait_until_ready(self, wait_s: float) -> None:
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StoreError(f"{self.url}: the Oxigraph server stopped: {self._last_error()}")
            if self.answers() and self.process.poll() is None:
                return
            time.sleep(0.05)
        raise StoreError(f"{self.url}: the Oxigraph server did not answer within {wait_s:g} s")

    def answers(self) -> bool:
        """True when the server answers a trivial ASK query."""
        try:
            with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2):  # noqa: S310
                return True
        except (urllib.error.URLError, OSError):
            return False

    def _last_error(self) -> str:
        self._errors.seek(0)
        lines = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else f"exit status {self.process.returncode}"

    def wait(self) -> int:
        """Wait until the server exits; its exit status."""
        return self.process.wait()

    def stop(self, grace_s: float = 10.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it does not exit within ``grace_s``)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(grace_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._errors.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
