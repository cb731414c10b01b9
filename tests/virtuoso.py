"""A real Virtuoso server for the tests: started on 127.0.0.1 with its own database and ini, then stopped.

Debian's ``virtuoso-opensource`` package (``tests/run.sh`` installs it when it is missing) gives
``virtuoso-t`` and ``isql-vt``. Each server gets a fresh directory holding its database, its ini
file and its log; free ports for SQL and HTTP; the ``SPARQL`` account (the one anonymous requests
to ``/sparql`` run as) is granted ``SPARQL_UPDATE``, as a group loading its graph would do.

The SPARQL limits are left at Virtuoso's defaults (``ResultSetMaxRows`` 10,000, sorted ``TOP`` of
at most 10,000 rows) unless a test asks for others, so the tests meet what a real installation
does.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg.store.server import free_port

VIRTUOSO = "/usr/bin/virtuoso-t"
ISQL = "/usr/bin/isql-vt"
VSP = Path("/var/lib/virtuoso-opensource-7/vsp")

INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
CheckpointInterval = 60
CaseMode           = 2
DirsAllowed        = .
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
ThreadsPerQuery    = 2

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {vsp}
MaxClientConnections = 4
ServerThreads        = 4
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = {max_rows}
MaxQueryExecutionTime = 120
"""


class Virtuoso:
    """A running ``virtuoso-t`` with a private database; ``url`` is its ``/sparql`` endpoint."""

    def __init__(self, directory: Path, max_rows: int = 10_000) -> None:
        self.directory = directory
        self.sql_port = free_port()
        self.http_port = free_port()
        self.url = f"http://127.0.0.1:{self.http_port}/sparql"
        (directory / "virtuoso.ini").write_text(INI.format(
            dir=directory, sql_port=self.sql_port, http_port=self.http_port, vsp=VSP, max_rows=max_rows))
        self.process = subprocess.Popen(
            [VIRTUOSO, "-f", "-c", str(directory / "virtuoso.ini")],
            cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            self._wait_until_ready(120)
            self.sql("GRANT SPARQL_UPDATE TO \"SPARQL\";")
        except BaseException:
            self.stop()
            raise

    def _wait_until_ready(self, wait_s: float) -> None:
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t stopped: {self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + "?query=ASK%7B%7D", timeout=2):  # noqa: S310
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"virtuoso-t did not answer within {wait_s:g} s: {self.log_tail()}")

    def sql(self, statement: str) -> str:
        """Run one SQL statement as ``dba`` through ``isql-vt``; its output."""
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statement}"],
            capture_output=True, text=True, timeout=60, check=False,
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt {statement!r}: {done.stdout}{done.stderr}")
        return done.stdout

    def log_tail(self) -> str:
        """The last lines of the server's log."""
        log = self.directory / "virtuoso.log"
        return " | ".join(log.read_text(errors="replace").splitlines()[-3:]) if log.exists() else ""

    def stop(self) -> None:
        """Stop the server (SIGTERM, SIGKILL after 20 s) and remove its database."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> Virtuoso:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_virtuoso(max_rows: int = 10_000) -> Virtuoso:
    """A new Virtuoso server in a fresh temporary directory."""
    return Virtuoso(Path(tempfile.mkdtemp(prefix="kg-virtuoso-")), max_rows)
