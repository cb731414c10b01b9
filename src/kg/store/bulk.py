"""Oxigraph's bulk loader fed from Python: N-Quads lines through a pipe, files by path, progress."""

from __future__ import annotations

import gzip
import io
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast

import pyoxigraph as ox

from kg.errors import StoreError


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




def nquads_terms(stream: IO[bytes] | io.RawIOBase, name: Path | str) -> Iterator[tuple[str, str, str, str]]:
    """The quads of an N-Quads byte stream as N-Quads terms (subject, predicate, object, graph).

    A syntax error, or a quad in the default graph (kg keeps every fact in a named graph), is a
    ``StoreError`` naming ``name`` and the line.
    """
    reader = io.BufferedReader(cast(io.RawIOBase, stream), buffer_size=1 << 20)
    try:
        for number, quad in enumerate(ox.parse(reader, ox.RdfFormat.N_QUADS), start=1):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                raise StoreError(f"{name}: quad #{number} is in the default graph; "
                                 "kg loads named graphs only")
            yield str(quad.subject), str(quad.predicate), str(quad.object), str(quad.graph_name)
    except SyntaxError as exc:
        raise StoreError(f"{name}: invalid N-Quads: {exc}") from None
