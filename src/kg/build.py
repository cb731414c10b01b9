"""The pipeline in one call: sources → records → quads → a store, swapped in only on success.

``build(source, target)`` is what ``kg build`` and every rebuild run. A source is a ``data/``
folder (record files and the bulk files registered in ``data/imports.yaml``), N-Quads files, or
synthetic data; the target is a store directory or a SPARQL endpoint. Records reach the store
only through ``kg.rdf`` (``placed_quads``), and the ontology with them. A store directory also
gets its graph index (``kg.network.index``), gathered from the quads as they stream past and
written inside the new version before the swap; a SPARQL endpoint gets a build stamp, under which
the index is cached.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kg.ingest.bulk.imports import ImportResult, import_records, run_imports
from kg.network.index import INDEX_DIR, BuildStamp, IndexCollector, cache_built, save_index, write_index
from kg.rdf import mapping as rdf
from kg.rdf.ontology import ontology_quads
from kg.records.folder import DataFolder, read_data_folder
from kg.store import LocalStore, RemoteStore, StoreBuilder
from kg.store.bulk import (
    ProgressReader,
    bulk_load_nquads,
    load_nquads_path,
    load_stream,
    nquads_terms,
    open_nquads,
)

T = TypeVar("T")
Progress = Callable[[int], None]
"""Called now and then with how far the build got (quads written, or bytes read of N-Quads files)."""


@dataclass(frozen=True)
class FromData:
    """Build from a data folder: its records and, with ``imports``, its registered bulk files."""

    folder: DataFolder
    imports: bool = True


@dataclass(frozen=True)
class FromNQuads:
    """Build from N-Quads files (``.nq`` or ``.nq.gz``), e.g. written by ``kg synth``."""

    files: Sequence[Path]


@dataclass(frozen=True)
class FromQuads:
    """Build from a stream of quads made by ``kg.rdf`` (synthetic data)."""

    quads: Iterable[rdf.Quad]


Source = FromData | FromNQuads | FromQuads


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    store: Path | str
    quads: int
    people: int = 0
    organizations: int = 0
    documents: int = 0
    imported_papers: int = 0
    problems: tuple[str, ...] = field(default=())
    """Bad entries of registered bulk imports, skipped (one line each)."""


def build(source: Source, target: Path | RemoteStore, progress: Progress | None = None) -> BuildReport:
    """Write ``source`` to ``target`` as a new version of the graph; the old one stays if anything fails.

    A store directory gets a new version swapped in with one rename; a SPARQL endpoint has kg's
    named graphs replaced. Nothing is written before every record has been read and checked.
    """
    if isinstance(source, FromNQuads):
        return _build_from_nquads(source.files, target, progress)
    if isinstance(source, FromQuads):
        return BuildReport(_location(target), _write(source.quads, target, progress))
    imported = _imports(source)
    records = itertools.chain(rdf.dataset_records(source.folder.dataset),
                              import_records(imported) if imported else ())
    count = _write(rdf.placed_quads(records), target, progress)
    return _report(_location(target), count, source.folder, imported)


def build_folder(data_dir: Path | str, target: Path | RemoteStore, imports: bool = True,
                 progress: Progress | None = None) -> BuildReport:
    """Read ``data_dir`` once and ``build`` it into ``target``."""
    return build(FromData(read_data_folder(data_dir), imports), target, progress)


def _imports(source: FromData) -> ImportResult | None:
    return run_imports(source.folder) if source.imports else None


def _write(quads: Iterable[rdf.Quad], target: Path | RemoteStore, progress: Progress | None) -> int:
    """Stream quads and the ontology into ``target``; the number of quads it then holds (kg's
    graphs, for a server).

    The graph index is gathered from the quads on their way (``IndexCollector``): a store
    directory keeps it inside the new version; a server caches it under the build stamp, a digest
    of the quads that every build leaves in its kg graphs (so a store and a server built from the
    same data hold the same quads).
    """
    collector = IndexCollector()
    stamp = BuildStamp()
    counted = _Counted(_tapped(itertools.chain(quads, ontology_quads()), collector, stamp), progress)
    stamped = itertools.chain(counted, _last(stamp.quad))
    if isinstance(target, RemoteStore):
        stored = target.replace_graphs(stamped)
        cache_built(target, stamp.digest(), collector.index())
        return stored
    with StoreBuilder(target, prepare=lambda store: _save_index(store, collector)) as store:
        bulk_load_nquads(store, rdf.to_nquads(stamped))
        return len(store)


def _tapped(quads: Iterable[rdf.Quad], collector: IndexCollector, stamp: BuildStamp) -> Iterator[rdf.Quad]:
    """The quads, each shown to the index collector and the build stamp on its way."""
    add = collector.add
    digest = stamp.add
    for quad in quads:
        add(quad)
        digest(quad)
        yield quad


def _last(make: Callable[[], T]) -> Iterator[T]:
    """One item, made only when it is asked for (after everything before it in a chain)."""
    yield make()


def _save_index(store: LocalStore, collector: IndexCollector) -> None:
    """Keep the graph index gathered during the build inside the new version, before the swap."""
    if store.version_dir is not None:
        save_index(collector.index(), store.version_dir / INDEX_DIR)


def _index(store: LocalStore) -> None:
    """Derive the graph index of the new version from the store itself (N-Quads files loaded as they are)."""
    if store.version_dir is not None:
        write_index(store, store.version_dir)


def _build_from_nquads(files: Sequence[Path], target: Path | RemoteStore,
                       progress: Progress | None) -> BuildReport:
    """N-Quads files straight into the store's bulk loader (or a server's Graph Store Protocol)."""
    if isinstance(target, RemoteStore):
        return BuildReport(target.location, _post_nquads(files, target, progress))
    with StoreBuilder(target, prepare=_index) as store:
        done = 0
        for path in files:
            if path.suffix != ".gz":
                load_nquads_path(store, path, progress, done)
                done += path.stat().st_size
                continue
            with open_nquads(path) as (stream, size):
                load_stream(store, ProgressReader(stream, progress, done), path)
                done += size
        bulk_load_nquads(store, rdf.to_nquads(ontology_quads()))
        return BuildReport(target, len(store))


def _post_nquads(files: Sequence[Path], store: RemoteStore, progress: Progress | None) -> int:
    """Replace kg's graphs on a server by N-Quads files (and the ontology); the quads it then holds.

    Every file is read through before anything is swapped in (``RemoteStore.replace_graphs``), so
    a bad line leaves the server as it was.
    """
    for path in files:  # every file must be readable before anything is sent
        with open_nquads(path):
            pass
    return store.replace_graphs(itertools.chain(_file_quads(files, progress), ontology_quads()))


def _file_quads(files: Sequence[Path], progress: Progress | None) -> Iterator[rdf.Quad]:
    done = 0
    for path in files:
        with open_nquads(path) as (stream, size):
            yield from nquads_terms(ProgressReader(stream, progress, done), path)
            done += size


def _location(target: Path | RemoteStore) -> Path | str:
    return target.location if isinstance(target, RemoteStore) else target


def _report(store: Path | str, quads: int, folder: DataFolder,
            imported: ImportResult | None) -> BuildReport:
    dataset = folder.dataset
    people, organizations = len(dataset.people), len(dataset.organizations)
    if imported is None:
        return BuildReport(store, quads, people, organizations, len(dataset.documents))
    resolution = imported.resolution
    return BuildReport(
        store, quads,
        people=people + len(resolution.new_people),
        organizations=organizations + len(resolution.new_organizations),
        documents=len(dataset.documents),
        imported_papers=len(imported.papers),
        problems=tuple(imported.problems),
    )


class _Counted(Iterator[T]):
    """Pass items through, counting them and reporting progress every 10,000."""

    def __init__(self, items: Iterable[T], progress: Progress | None) -> None:
        self._items = iter(items)
        self._progress = progress
        self.count = 0

    def __iter__(self) -> _Counted[T]:
        return self

    def __next__(self) -> T:
        item = next(self._items)
        self.count += 1
        if self._progress is not None and self.count % 10_000 == 0:
            self._progress(self.count)
        return item
