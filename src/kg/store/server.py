"""Start and stop the Oxigraph SPARQL server (``oxigraph serve`` / ``serve-read-only``) on a store.

The server comes with the ``oxigraph`` Python package. It runs with ``--union-default-graph``,
as the embedded store does, so the named queries see every named graph without ``GRAPH``
clauses. Read-only unless asked otherwise; a read-only server may run beside other readers, a
read-write one holds the store's lock.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
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


def server_command(location: Path | None, host: str, port: int, read_write: bool,
                   timeout_s: float | None = None, union_default_graph: bool = True) -> list[str]:
    """The command line starting the server on ``location`` (in memory when ``None``)."""
    command = [oxigraph_binary(), "serve" if read_write else "serve-read-only"]
    if location is not None:
        command += ["-l", str(location)]
    elif not read_write:
        raise StoreError("a read-only server needs a store directory")
    command += ["-b", bind_address(host, port)]
    if union_default_graph:
        command.append("--union-default-graph")
    if timeout_s is not None:
        command += ["--timeout-s", f"{max(1, round(timeout_s))}"]
    return command


def _die_with_parent() -> None:
    """In the child, before exec: be killed when the process that started us dies, even by
    SIGKILL (Linux's PR_SET_PDEATHSIG), so no server outlives ``kg serve``."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return


PR_SET_PDEATHSIG = 1


def _spawn(command: list[str], errors: IO[bytes]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors,
                            preexec_fn=_die_with_parent if sys.platform == "linux" else None)


class Server:
    """A running Oxigraph server process; stop it with ``stop()`` or by leaving a ``with`` block.

    >>> with Server.start(Path(".kg/store"), port=free_port()) as server:   # doctest: +SKIP
    ...     RemoteStore(server.url).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    """

    def __init__(self, process: subprocess.Popen[bytes], url: str, errors: IO[bytes],
                 command: list[str] | None = None) -> None:
        self.process = process
        self.url = url
        self._errors = errors
        self._command = command
        self._lock = threading.Lock()
        self._restart_done: threading.Event | None = None

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
        timeout_s: float | None = None,
        union_default_graph: bool = True,
    ) -> Server:
        """Start the server on the store directory ``location`` and wait until it answers.

        ``timeout_s`` ends any query evaluating longer. Without ``union_default_graph`` the
        requests say themselves whether to read the union of all graphs (``kg serve``'s gateway).
        The server dies with this process, even when this process is killed with SIGKILL (on
        Linux).
        """
        if location is not None:
            if not read_write and not location.exists():
                raise StoreError(f"{location}: no store here; run 'kg build' first")
            location = location.resolve()
        if not port_is_free(host, port):
            raise StoreError(f"{server_url(host, port)}: the port is in use; choose another with --port")
        command = server_command(location, host, port, read_write, timeout_s, union_default_graph)
        errors = tempfile.TemporaryFile()
        server = cls(_spawn(command, errors), server_url(host, port), errors, command)
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
        """Wait until the server exits for good; its exit status.

        Call it from the thread that started the server: a restart asked for meanwhile
        (``restart``) starts the new process from this thread, the one Linux kills the server
        with when it dies.
        """
        while True:
            status = self._waited()
            with self._lock:
                done = self._restart_done
            if done is None:
                return status
            try:
                self.process = _spawn(self._command or [], self._errors)
                self._wait_until_ready(30.0)
            finally:
                with self._lock:
                    self._restart_done = None  # until here, requests wait for the new server (settled)
                done.set()

    def _waited(self) -> int:
        """The server's exit status, waited for in short steps: Linux hands a signal sent to this
        process to any of its threads, and one taken by another thread does not wake a blocking
        wait here, so its Python handler (Ctrl-C, SIGTERM) would only run when the server exits."""
        while True:
            try:
                return self.process.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                continue

    def restart(self, wait_s: float = 30.0) -> None:
        """Kill the server and have ``wait`` start it again on the same store and port: the one
        way to stop a query Oxigraph is evaluating (its own timeout is not checked inside a long
        join). Returns when the new server answers (or after ``wait_s``)."""
        if self._command is None:
            raise StoreError(f"{self.url}: this server cannot be restarted")
        with self._lock:
            if self._restart_done is None:
                self._restart_done = threading.Event()
                self.process.kill()
            done = self._restart_done
        done.wait(wait_s)

    def settled(self, wait_s: float = 30.0) -> None:
        """Return once a restart under way (``restart``) has the new server answering, or at once
        when none is; waits at most ``wait_s``."""
        with self._lock:
            done = self._restart_done
        if done is not None:
            done.wait(wait_s)

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
