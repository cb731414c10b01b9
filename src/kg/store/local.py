"""An embedded Oxigraph store on disk, and the versioned directories that make rebuilds atomic.

A store location is a directory path. ``PATH`` is a symbolic link to a versioned directory
``PATH.v<N>``; a build writes a new version and then swaps the link in one ``rename``, so a reader
opens either the old store or the new one, never a half-built one. Builds that run at once, or
die half-way, cannot harm each other or the store in use (see ``StoreBuilder``).

Queries see the union of all named graphs as their default graph, so the named queries need no
``GRAPH`` clauses; a SPARQL server should run with the same setting (``--union-default-graph``).
"""

from __future__ import annotations

import csv
import fcntl
import io
import itertools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.answers import AnswerCache
from kg.store.base import Table, Term
from kg.store.bind import with_values
from kg.store.ordering import Row, order_keys, sort_list_items, sort_rows, sorted_lists
from kg.store.paging import page_of_answer
from kg.store.terms import serialize


class LocalStore:
    """An embedded Oxigraph store on disk (or in memory when ``path`` is ``None``)."""

    def __init__(self, store: ox.Store, location: str, version_dir: Path | None = None) -> None:
        self._store = store
        self.location = location
        self.version_dir = version_dir
        """The version directory opened (``PATH.v<N>``): files derived from this version live in it."""
        self.answers = AnswerCache(version_dir) if version_dir is not None else None
        """Answers of whole SELECT queries kept beside a read-only store (``kg.store.answers``)."""

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
        lists = sorted_lists(sparql)
        if lists:  # GROUP_CONCAT lists in a stable order, then the rows in the query's order again
            keys = order_keys(sparql)
            rows = sort_list_items(columns, rows, lists)
            rows = sort_rows(columns, rows, keys) if keys else rows
        return Table(columns, rows)

    def stream(self, sparql: str, bindings: Mapping[str, Term] | None = None,
               limit: int | None = None, offset: int = 0) -> tuple[list[str], Iterator[Row]]:
        """The columns of a SELECT query and its rows as Oxigraph produces them (nothing is held
        in memory but what the query itself needs); ``limit`` and ``offset`` cut the answer in
        the query's own order. A whole answer read to its end is kept beside the store and
        read from there the next time (``kg.store.answers``)."""
        key = self.answers.key(with_values(sparql, bindings)) if self.answers is not None else None
        if key is not None and self.answers is not None:
            kept = self.answers.read(key)
            if kept is not None:
                end = None if limit is None else offset + limit
                return kept[0], itertools.islice(kept[1], offset, end)
        result = self._run(page_of_answer(sparql, limit, offset), bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        columns = [v.value for v in result.variables]
        lists = sorted_lists(sparql)

        def rows() -> Iterator[Row]:
            for solution in result:
                row = tuple(solution[c] for c in columns)
                yield sort_list_items(columns, [row], lists)[0] if lists else row

        if key is not None and self.answers is not None and limit is None and offset == 0:
            return columns, self.answers.keep(key, columns, rows())
        return columns, rows()

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

    def dump(self, output: IO[bytes], rdf_format: ox.RdfFormat,
             prefixes: Mapping[str, str] | None = None) -> None:
        """Write the store; triple formats get the union of all graphs; Turtle, TriG and JSON-LD
        use ``prefixes``."""
        if rdf_format.supports_datasets:
            if prefixes:
                serialize(self._store, output, rdf_format, prefixes)
            else:
                self._store.dump(output, rdf_format)
            return
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self._store}
        serialize(sorted(triples, key=str), output, rdf_format, prefixes)

    def close(self) -> None:
        """Flush and release the store."""
        del self._store


class StoreBuilder:
    """Builds a new version of an on-disk store and swaps it in only when told the build succeeded.

    >>> with StoreBuilder(Path(".kg/store")) as store:   # doctest: +SKIP
    ...     bulk_load_nquads(store, lines)

    Builds of one store may run at once, in several processes, without harming each other:

    - the version number is chosen, and the new version swapped in, under a lock on the folder
      holding the store (``flock``), so two builds never write the same directory;
    - while it writes ``PATH.v<N>``, a build holds a lock on ``PATH.v<N>.building``; a version
      whose marker is there but not locked was left by a build that died (``kill -9``, a power
      cut), and the next build removes it;
    - after a swap, the versions kept are the one swapped in and the one it replaced; versions
      being written by live builds are left alone, everything else is removed.

    ``abandon_builds`` removes the versions this process is writing, for a command that must
    stop at once (Ctrl-C) while Oxigraph is still busy with them.
    """

    def __init__(self, path: Path, prepare: Callable[[LocalStore], None] | None = None) -> None:
        self.path = path
        self.version_dir = path.with_name(f"{path.name}.v?")
        """The version being written, ``PATH.v<N>``, chosen when the build starts."""
        self.prepare = prepare
        """Called with the finished new version (before the swap) to derive files inside it."""
        self._store: ox.Store | None = None
        self._marker: int | None = None
        self._guard = threading.Lock()
        self._state = "building"  # then "swapped" or "abandoned"

    def __enter__(self) -> ox.Store:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _folder_lock(self.path):
            _remove_leftovers(self.path)
            self.version_dir, self._marker = _claim_next_version(self.path)
        with _LIVE_LOCK:
            _LIVE.add(self)
        try:
            self._store = ox.Store(str(self.version_dir))
        except OSError as exc:
            self._discard()
            raise StoreError(f"{self.version_dir}: cannot create a store: {exc}") from None
        return self._store

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        store, self._store = self._store, None
        try:
            if store is not None and exc_type is None:
                store.flush()
                store.optimize()
                if self.prepare is not None:
                    self.prepare(LocalStore(store, str(self.version_dir), self.version_dir))
            del store
            if exc_type is None:
                self._swap_in()
        except BaseException:
            self._discard()
            raise
        if exc_type is not None:
            self._discard()

    def _swap_in(self) -> None:
        with _folder_lock(self.path), self._guard:
            if self._state == "abandoned":
                raise StoreError(f"{self.path}: the build was stopped before its store was swapped in")
            previous = _swap_in(self.path, self.version_dir)
            self._state = "swapped"
            _remove_old_versions(self.path, keep={self.version_dir.name, previous})
            self._release_marker()
        with _LIVE_LOCK:
            _LIVE.discard(self)

    def _discard(self) -> None:
        """Remove the version this build was writing (under the folder lock), and its marker."""
        with _folder_lock(self.path):
            self.abandon()
        with _LIVE_LOCK:
            _LIVE.discard(self)

    def abandon(self, wait: float = -1) -> None:
        """Remove the version being written unless it was swapped in already; no swap happens after.

        ``wait`` bounds how long to wait (in seconds) for a swap under way; ``-1`` waits for it.
        """
        if not self._guard.acquire(timeout=wait):
            return  # a swap is under way: the version is kept (it is the store now) or is a leftover
        try:
            if self._state != "building":
                return
            self._state = "abandoned"
            shutil.rmtree(self.version_dir, ignore_errors=True)
            if not self.version_dir.exists():  # else a leftover, recognised by the next build
                self._release_marker()
        finally:
            self._guard.release()

    @property
    def abandoned(self) -> bool:
        """Whether the build was stopped before its version was swapped in."""
        return self._state == "abandoned"

    def _release_marker(self) -> None:
        if self._marker is not None:
            _marker_of(self.version_dir).unlink(missing_ok=True)
            os.close(self._marker)
            self._marker = None


_LIVE: set[StoreBuilder] = set()
"""The builds this process is running: what ``abandon_builds`` removes."""
_LIVE_LOCK = threading.Lock()
BUILDING = ".building"
"""Suffix of the marker a build holds locked while it writes a version (``store.v7.building``)."""


def abandon_builds(wait: float = 0.5) -> None:
    """Remove every version this process is still writing, for a command that stops at once.

    Meant for the last moment before a hard exit (a Ctrl-C while Oxigraph is still busy): the
    store link is never touched, so readers keep the previous store; a version Oxigraph keeps
    writing into is left with its marker, and the next build removes it.
    """
    with _LIVE_LOCK:
        builds = list(_LIVE)
    for builder in builds:
        builder.abandon(wait)
    still_there = [b.version_dir for b in builds if b.abandoned and b.version_dir.exists()]
    if still_there:
        _remove_after_exit(still_there)


_CLEANER = """
import os, shutil, sys, time
pid, paths = int(sys.argv[1]), sys.argv[2:]
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            if stat.read().rsplit(")", 1)[1].split()[0] in "ZX":
                break
    except OSError:
        break
    time.sleep(0.05)
for path in paths:
    shutil.rmtree(path, ignore_errors=True)
    if not os.path.exists(path):
        try:
            os.unlink(path + ".building")
        except FileNotFoundError:
            pass
"""


def _remove_after_exit(version_dirs: list[Path]) -> None:
    """Remove ``version_dirs`` once this process has ended, from a small process of their own.

    Oxigraph's threads may still be writing into a version when the process has to stop; files
    removed now would be written again. The versions keep their markers until they are gone,
    so a build starting meanwhile recognises them as leftovers too.
    """
    subprocess.Popen([sys.executable, "-c", _CLEANER, str(os.getpid()), *map(str, version_dirs)],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True, close_fds=True)


@contextmanager
def _folder_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder that holds the store and its versions."""
    handle = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _marker_of(version_dir: Path) -> Path:
    return version_dir.with_name(version_dir.name + BUILDING)


def _number(path: Path, name: str) -> int | None:
    """The version number in ``store.v7`` or ``store.v7.building``; ``None`` for other names."""
    prefix = path.name + ".v"
    if not name.startswith(prefix):
        return None
    digits = name[len(prefix):].removesuffix(BUILDING)
    return int(digits) if digits.isdigit() else None


def _claim_next_version(path: Path) -> tuple[Path, int]:
    """The next version directory's path, and its marker, created and locked (under the folder lock)."""
    numbers = [n for p in path.parent.iterdir() if (n := _number(path, p.name)) is not None]
    version_dir = path.with_name(f"{path.name}.v{max(numbers, default=0) + 1}")
    marker = os.open(_marker_of(version_dir), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(marker, fcntl.LOCK_EX)
    return version_dir, marker


def _is_being_built(version_dir: Path) -> bool:
    """Whether a live build holds the marker of ``version_dir`` (a dead one's lock is gone with it)."""
    try:
        marker = os.open(_marker_of(version_dir), os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(marker, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(marker)
    return False


def _remove_leftovers(path: Path) -> None:
    """Remove the versions (and markers) of builds that died before finishing (under the folder lock)."""
    current = os.path.realpath(path) if path.is_symlink() else None
    for marker in path.parent.glob(f"{path.name}.v*{BUILDING}"):
        version_dir = marker.with_name(marker.name.removesuffix(BUILDING))
        if _number(path, marker.name) is None or _is_being_built(version_dir):
            continue
        if os.path.realpath(version_dir) != current:  # a build killed after its swap: keep the store
            shutil.rmtree(version_dir, ignore_errors=True)
        marker.unlink(missing_ok=True)


def _remove_old_versions(path: Path, keep: set[str]) -> None:
    """Remove finished versions other than ``keep`` and leftovers of dead builds (under the folder lock)."""
    _remove_leftovers(path)
    for version_dir in _versions(path):
        if version_dir.name not in keep and not _marker_of(version_dir).exists():
            shutil.rmtree(version_dir, ignore_errors=True)


def _versions(path: Path) -> list[Path]:
    prefix = path.name + ".v"
    found = [
        p for p in path.parent.glob(prefix + "*") if p.name[len(prefix):].isdigit() and p.is_dir()
    ]
    return sorted(found, key=lambda p: int(p.name[len(prefix):]))


def _swap_in(path: Path, version_dir: Path) -> str:
    """Point ``path`` at ``version_dir`` atomically; the name of the version it pointed at before."""
    previous = ""
    if path.is_symlink():
        previous = Path(os.readlink(path)).name
    elif path.exists():
        # A plain store directory from elsewhere: keep it as the previous version.
        previous = f"{path.name}.v0"
        path.rename(path.with_name(previous))
    link = path.with_name(path.name + ".link-new")
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(version_dir.name)
    os.replace(link, path)
    return previous
