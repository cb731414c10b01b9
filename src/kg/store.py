"""The only module that talks to Oxigraph: open a store, bulk-load N-Quads, run SPARQL.

A store location is a directory path (embedded Oxigraph through pyoxigraph). The on-disk layout
makes rebuilds atomic: ``PATH`` is a symbolic link to a versioned directory ``PATH.v<N>``; a
build writes a new version and then swaps the link in one ``rename``, so a reader opens either the
old store or the new one, never a half-built one.

Queries see the union of all named graphs as their default graph, so the named queries need no
``GRAPH`` clauses; a SPARQL server should run with the same setting (``--union-default-graph``).
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol, cast

import pyoxigraph as ox

from kg.bind import with_values
from kg.errors import StoreError

Term = ox.NamedNode | ox.BlankNode | ox.Literal
"""An RDF term as pyoxigraph represents it; every store returns these."""


@dataclass(frozen=True)
class Table:
    """The result of a SELECT query: column names and rows of terms (``None`` where unbound)."""

    columns: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)

    def values(self) -> list[dict[str, str | None]]:
        """Rows as dictionaries of plain strings: IRIs and literal values, ``None`` where unbound."""
        return [
            {c: (None if t is None else t.value) for c, t in zip(self.columns, row, strict=True)}
            for row in self.rows
        ]


class GraphStore(Protocol):
    """What analyses and commands need from a store, wherever it lives."""

    location: str

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Table:
        """Run a SELECT query with variables bound to RDF terms."""
        ...

    def construct(self, sparql: str) -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE query."""
        ...

    def ask(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK query."""
        ...

    def dump(self, output: IO[bytes], rdf_format: ox.RdfFormat) -> None:
        """Write every quad (or triple, for triple formats) to ``output``."""
        ...

    def close(self) -> None:
        """Release the store."""
        ...


class LocalStore:
    """An embedded Oxigraph store on disk (or in memory when ``path`` is ``None``)."""

    def __init__(self, store: ox.Store, location: str) -> None:
        self._store = store
        self.location = location

    @classmethod
    def open_read_only(cls, path: Path | str) -> LocalStore:
        """Open an existing store for reading; several readers may do so at once."""
        target = Path(path)
        if not target.exists():
            raise StoreError(f"{target}: no store here; run 'kg build' first")
        try:
            return cls(ox.Store.read_only(str(target.resolve())), str(target))
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
        """Run a SELECT query with variables bound to RDF terms (see ``kg.bind``)."""
        result = self._run(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        columns = [v.value for v in result.variables]
        rows = [tuple(solution[c] for c in columns) for solution in result]
        return Table(columns, rows)

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


def open_store(location: str) -> GraphStore:
    """Open the store at ``location`` for reading: a store directory or a SPARQL endpoint URL."""
    if location.startswith(("http://", "https://")):
        from kg.remote import RemoteStore  # kg.remote builds on this module's Table

        return RemoteStore(location)
    return LocalStore.open_read_only(location)


def in_memory_copy(store: GraphStore, extra: Iterable[str] = ()) -> LocalStore:
    """A new in-memory store with every quad of ``store`` plus the N-Quads lines ``extra``.

    For what-if questions (an evaluation adding a made-up event history) that must leave the
    store itself untouched; ``store`` may be embedded or remote.
    """
    dumped = io.BytesIO()
    store.dump(dumped, ox.RdfFormat.N_QUADS)
    copy = LocalStore.in_memory()
    copy.raw.bulk_load(input=dumped.getvalue(), format=ox.RdfFormat.N_QUADS)
    bulk_load_nquads(copy.raw, extra)
    return copy


def bulk_load_nquads(store: ox.Store, lines: Iterable[str]) -> None:
    """Stream N-Quads lines into ``store`` with Oxigraph's bulk loader.

    A background thread writes the lines into a pipe that the loader reads as a file. The
    loader releases the GIL and reads the pipe without calling back into Python, so producing
    the quads (Python) and parsing and indexing them (Oxigraph) run on two cores at once, and
    memory stays bounded by the pipe. An exception raised while producing the lines is raised
    here, once the loader has stopped.
    """
    read_end, write_end = os.pipe()
    errors: list[BaseException] = []
    producer = threading.Thread(target=_write_lines, args=(write_end, lines, errors), daemon=True)
    producer.start()
    try:
        store.bulk_load(path=f"/dev/fd/{read_end}", format=ox.RdfFormat.N_QUADS)
    except Exception:
        if errors and not isinstance(errors[0], BrokenPipeError):
            raise errors[0] from None
        raise
    finally:
        os.close(read_end)  # a producer still writing gets BrokenPipeError and stops
        producer.join()
    if errors:
        raise errors[0]


def _write_lines(fd: int, lines: Iterable[str], errors: list[BaseException]) -> None:
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as pipe:
            for chunk in _batched(lines):
                pipe.write(chunk.encode("utf-8"))
    except BaseException as exc:  # handed to bulk_load_nquads
        errors.append(exc)


def _batched(lines: Iterable[str], size: int = 4096) -> Iterator[str]:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= size:
            yield "".join(batch)
            batch.clear()
    if batch:
        yield "".join(batch)


@contextmanager
def open_nquads(path: Path) -> Iterator[tuple[IO[bytes], int]]:
    """Open an N-Quads file for reading, gunzipping ``.gz`` files; with the file's size in bytes."""
    try:
        size = path.stat().st_size
        raw = path.open("rb")
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        if path.suffix == ".gz":
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield cast(IO[bytes], unzipped), size
        else:
            yield raw, size
    finally:
        raw.close()


class ProgressReader(io.RawIOBase):
    """A byte stream passed through unchanged, reporting the position of the underlying file."""

    def __init__(self, stream: IO[bytes], progress: Callable[[int], None] | None,
                 offset: int = 0) -> None:
        self._stream = stream
        self._raw = getattr(stream, "fileobj", None) or stream
        self._progress = progress
        self._offset = offset
        self._reported = 0

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(target))
        size = len(data)
        target[:size] = data
        if self._progress is not None:
            position = self._offset + self._raw.tell()
            if position - self._reported >= 1 << 20 or size == 0:
                self._reported = position
                self._progress(position)
        return size


def load_nquads_path(store: ox.Store, path: Path, progress: Callable[[int], None] | None,
                     offset: int = 0) -> None:
    """Bulk-load a plain N-Quads file by its path: Oxigraph reads it without Python in between.

    ``progress`` gets ``offset`` plus the bytes this process has read so far (from Linux's
    ``/proc/self/io``; elsewhere only at the end), polled by a background thread.
    """
    done = threading.Event()
    poller = threading.Thread(target=_poll_bytes_read, args=(progress, offset, done), daemon=True)
    if progress is not None:
        poller.start()
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise StoreError(f"{path}: invalid N-Quads: {exc}") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc}") from None
    finally:
        done.set()
        if poller.is_alive():
            poller.join()


def _bytes_read() -> int | None:
    try:
        text = Path("/proc/self/io").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    return None


def _poll_bytes_read(progress: Callable[[int], None], offset: int, done: threading.Event) -> None:
    start = _bytes_read()
    if start is None:
        return
    while not done.wait(0.25):
        now = _bytes_read()
        if now is not None:
            progress(offset + now - start)


def load_stream(store: ox.Store, stream: IO[bytes] | io.RawIOBase, name: Path | str) -> None:
    """Bulk-load an N-Quads byte stream; a syntax error names ``name``."""
    reader = io.BufferedReader(cast(io.RawIOBase, stream), buffer_size=1 << 20)
    try:
        store.bulk_load(input=reader, format=ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise StoreError(f"{name}: invalid N-Quads: {exc}") from None


def load_file(store: ox.Store, path: Path, graph: str) -> None:
    """Bulk-load one RDF file (format from its extension) into a named graph."""
    rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if rdf_format is None:
        raise StoreError(f"{path}: unknown RDF file extension")
    try:
        store.bulk_load(path=str(path), format=rdf_format, to_graph=ox.NamedNode(graph))
    except FileNotFoundError:
        raise StoreError(f"{path}: file not found") from None
    except SyntaxError as exc:
        raise StoreError(f"{path}: invalid RDF: {exc}") from None


class StoreBuilder:
    """Builds a new version of an on-disk store and swaps it in only when told the build succeeded.

    >>> with StoreBuilder(Path(".kg/store")) as store:   # doctest: +SKIP
    ...     bulk_load_nquads(store, lines)
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.version_dir = _next_version(path)
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
