"""An embedded Oxigraph store on disk, and the versioned directories that make rebuilds atomic.

A store location is a directory path. ``PATH`` is a symbolic link to a versioned directory
``PATH.v<N>``; a build writes a new version and then swaps the link in one ``rename``, so a reader
opens either the old store or the new one, never a half-built one.

Queries see the union of all named graphs as their default graph, so the named queries need no
``GRAPH`` clauses; a SPARQL server should run with the same setting (``--union-default-graph``).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.base import Table, Term
from kg.store.bind import with_values


class LocalStore:
    """An embedded Oxigraph store on disk (or in memory when ``path`` is ``None``)."""

    def __init__(self, store: ox.Store, location: str, version_dir: Path | None = None) -> None:
        self._store = store
        self.location = location
        self.version_dir = version_dir
        """The version directory opened (``PATH.v<N>``): files derived from this version live in it."""

    @classmethod
    def open_read_only(cls, path: Path | str) -> LocalStore:
        """Open an existing store for reading; several readers may do so at once."""
        target = Path(path)
        if not target.exists():
            raise StoreError(f"{target}: no store here; run 'kg build' first")
        version = target.resolve()
        try:
            return cls(ox.Store.read_only(str(version)), str(target), version)
        except OSError as exc:
            raise StoreError(f"{target}: cannot open the store: {exc}") from None

    @classmethod
    def in_memory(cls) -> LocalStore:
        """A fresh in-memory store (for tests and small pipelines)."""
        return cls(ox.Store(), ":memory:")

    @property
    def raw(self) -> ox.Store:
        """The underlying pyoxigraph store, for callers inside this package's store layer."""
        return self._store

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Table:
        """Run a SELECT query with variables bound to RDF terms (see ``kg.store.bind``)."""
        result = self._run(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        columns = [v.value for v in result.variables]
        rows = [tuple(solution[c] for c in columns) for solution in result]
        return Table(columns, rows)

    def select_text(self, sparql: str) -> Iterator[list[str]]:
        """Run a SELECT query for many rows: the header, then each row as plain strings ('' unbound).

        The results are written as SPARQL CSV by Oxigraph itself, so a scan of millions of rows
        builds no Python term objects (kg's graph index is derived this way).
        """
        result = self._run(sparql, None)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        text = result.serialize(format=ox.QueryResultsFormat.CSV)
        return csv.reader(io.StringIO(text.decode("utf-8") if text else "", newline=""))

    def construct(self, sparql: str) -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE query."""
        result = self._run(sparql, None)
        if not isinstance(result, ox.QueryTriples):
            raise StoreError("expected a CONSTRUCT or DESCRIBE query")
        return list(result)

    def ask(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK query."""
        result = self._run(sparql, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise StoreError("expected an ASK query")
        return bool(result)

    def _run(
        self, sparql: str, bindings: Mapping[str, Term] | None
    ) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
        bound = with_values(sparql, bindings)
        try:
            return self._store.query(bound, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {exc}") from None
        except OSError as exc:
            raise StoreError(f"{self.location}: query failed: {exc}") from None

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad in the store."""
        return iter(self._store)

    def dump(self, output: IO[bytes], rdf_format: ox.RdfFormat) -> None:
        """Write the store; triple formats get the union of all graphs."""
        if rdf_format.supports_datasets:
            self._store.dump(output, rdf_format)
            return
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self._store}
        ox.serialize(sorted(triples, key=str), output, rdf_format)

    def close(self) -> None:
        """Flush and release the store."""
        del self._store


class StoreBuilder:
    """Builds a new version of an on-disk store and swaps it in only when told the build succeeded.

    >>> with StoreBuilder(Path(".kg/store")) as store:   # doctest: +SKIP
    ...     bulk_load_nquads(store, lines)
    """

    def __init__(self, path: Path, prepare: Callable[[LocalStore], None] | None = None) -> None:
        self.path = path
        self.version_dir = _next_version(path)
        self.prepare = prepare
        """Called with the finished new version (before the swap) to derive files inside it."""
        self._store: ox.Store | None = None

    def __enter__(self) -> ox.Store:
        self.version_dir.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._store = ox.Store(str(self.version_dir))
        except OSError as exc:
            raise StoreError(f"{self.version_dir}: cannot create a store: {exc}") from None
        return self._store

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        store, self._store = self._store, None
        if store is not None:
            if exc_type is None:
                store.flush()
                store.optimize()
                if self.prepare is not None:
                    try:
                        self.prepare(LocalStore(store, str(self.version_dir), self.version_dir))
                    except BaseException:
                        del store
                        shutil.rmtree(self.version_dir, ignore_errors=True)
                        raise
            del store
        if exc_type is None:
            _swap_in(self.path, self.version_dir)
        else:
            shutil.rmtree(self.version_dir, ignore_errors=True)


def _versions(path: Path) -> list[Path]:
    prefix = path.name + ".v"
    found = [
        p for p in path.parent.glob(prefix + "*") if p.name[len(prefix):].isdigit() and p.is_dir()
    ]
    return sorted(found, key=lambda p: int(p.name[len(prefix):]))


def _next_version(path: Path) -> Path:
    versions = _versions(path)
    number = int(versions[-1].name.rsplit(".v", 1)[1]) + 1 if versions else 1
    return path.parent / f"{path.name}.v{number}"


def _swap_in(path: Path, version_dir: Path) -> None:
    """Point ``path`` at ``version_dir`` atomically, then remove all but the previous version."""
    if path.exists() and not path.is_symlink():
        # A plain store directory from elsewhere: keep it as the previous version.
        path.rename(_next_version(path).with_name(f"{path.name}.v0"))
    link = path.with_name(path.name + ".link-new")
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(version_dir.name)
    os.replace(link, path)
    for old in _versions(path)[:-2]:
        shutil.rmtree(old, ignore_errors=True)
