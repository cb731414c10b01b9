"""Answers kept beside an embedded store, so that a whole-graph listing asked again comes at once.

A store version directory (``.kg/store.vN``) does not change once built, so the answer of a
SELECT query on it can be kept: ``kg query people`` on a 10M-triple store takes a minute the
first time (Oxigraph sorts and groups every person) and a second afterwards. Answers live in
``<store>/.kg-answers/<key>.tsv`` (SPARQL TSV results), written to a temporary file and renamed
only once the whole answer has been read. The key is a digest of the query text (parameters
bound) and of the name, size and modification time of every file of the store, so a store that
changes (a read-write ``kg serve`` writing into it) has no answers kept for it any more.
A directory that cannot be written to simply keeps nothing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.store.ordering import Row

FOLDER = ".kg-answers"


class AnswerCache:
    """The answers kept for one store directory."""

    def __init__(self, store_dir: Path) -> None:
        self.store_dir = store_dir
        self.folder = store_dir / FOLDER

    def key(self, sparql: str) -> str:
        """The key of the answer to ``sparql`` on the store as it is now."""
        digest = hashlib.sha256(sparql.encode("utf-8"))
        try:
            entries = sorted(os.scandir(self.store_dir), key=lambda e: e.name)
        except OSError:
            entries = []
        for entry in entries:
            if entry.name != FOLDER and entry.is_file():
                stat = entry.stat()
                digest.update(f"\n{entry.name} {stat.st_size} {stat.st_mtime_ns}".encode())
        return digest.hexdigest()[:32]

    def read(self, key: str) -> tuple[list[str], Iterator[Row]] | None:
        """The columns and rows kept under ``key``, or ``None``."""
        path = self.folder / f"{key}.tsv"
        try:
            handle = path.open("rb")
        except OSError:
            return None
        solutions = ox.parse_query_results(handle, ox.QueryResultsFormat.TSV)
        assert isinstance(solutions, ox.QuerySolutions)
        columns = [v.value for v in solutions.variables]

        def rows() -> Iterator[Row]:
            with handle:
                yield from map(tuple, solutions)  # a solution's values in column order, None unbound

        return columns, rows()

    def keep(self, key: str, columns: list[str], rows: Iterator[Row]) -> Iterator[Row]:
        """Pass ``rows`` through, writing them under ``key`` once the last has passed."""
        try:
            self.folder.mkdir(exist_ok=True)
            partial = self.folder / f"{key}.{os.getpid()}.partial"
            handle = partial.open("w", encoding="utf-8")
        except OSError:
            yield from rows
            return
        done = False
        try:
            handle.write("\t".join(f"?{c}" for c in columns) + "\n")
            for row in rows:
                handle.write("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row) + "\n")
                yield row
            done = True
        finally:
            handle.close()
            if done:
                partial.replace(self.folder / f"{key}.tsv")
            else:
                partial.unlink(missing_ok=True)
