"""data/ → records → quads → a fresh Oxigraph store, swapped in only when everything succeeded."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from kg import rdf
from kg.ingest.imports import ImportResult, import_quads, run_imports
from kg.load import load_dataset
from kg.models import Dataset
from kg.remote import RemoteStore
from kg.store import (
    ProgressReader,
    StoreBuilder,
    bulk_load_nquads,
    load_file,
    load_stream,
    open_nquads,
)

ONTOLOGY_GRAPH = "https://w3id.org/kg/ontology"
T = TypeVar("T")
Progress = Callable[[int], None]
"""Called now and then with the number of quads written so far."""


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    store: Path | str
    quads: int
    people: int
    organizations: int
    documents: int
    imported_papers: int = 0
    problems: tuple[str, ...] = ()
    """Bad entries of registered bulk imports, skipped (one line each)."""


def ontology_file() -> Path:
    """The ontology shipped with the project (``ontology/kg.ttl``)."""
    return project_root() / "ontology" / "kg.ttl"


def project_root() -> Path:
    """The repository root: the folder holding ``ontology/`` and ``queries/``."""
    return Path(__file__).resolve().parents[2]


def build_store(
    data_dir: Path, store_path: Path, progress: Progress | None = None, imports: bool = True
) -> BuildReport:
    """Load ``data_dir`` and write it to a new store at ``store_path``, atomically.

    Nothing is written until every record has been read and checked; if anything fails the
    previous store stays as it was. With ``imports``, the bulk files registered in
    ``data_dir/imports.yaml`` (see ``kg.ingest.imports``) go into the same new store.
    """
    source = _read_sources(data_dir, imports)
    lines = _counted(rdf.to_nquads(source.quads), progress)
    with StoreBuilder(store_path) as store:
        bulk_load_nquads(store, lines)
        load_file(store, ontology_file(), ONTOLOGY_GRAPH)
    return source.report(store_path, lines.count)


def build_from_quads(
    quads: Iterable[rdf.Quad], store_path: Path, progress: Progress | None = None
) -> int:
    """Stream quads (and the ontology) into a new store at ``store_path``, swapped in atomically.

    Quads become N-Quads text handed to Oxigraph's bulk loader as they are produced, so memory
    stays bounded whatever their number. Returns the number of quads streamed.
    """
    lines = _counted(rdf.to_nquads(iter(quads)), progress)
    with StoreBuilder(store_path) as store:
        bulk_load_nquads(store, lines)
        load_file(store, ontology_file(), ONTOLOGY_GRAPH)
    return lines.count


def build_from_nquads(
    files: Sequence[Path], store_path: Path, progress: Progress | None = None
) -> int:
    """Bulk-load N-Quads files (``.nq`` or ``.nq.gz``) and the ontology into a new store.

    The files stream straight into Oxigraph's bulk loader; ``progress`` is called with the
    number of bytes read so far (of the uncompressed text for ``.gz`` files, of the file
    otherwise). A syntax error names the file; the previous store stays as it was. Returns the
    number of quads in the new store.
    """
    with StoreBuilder(store_path) as store:
        done = 0
        for path in files:
            with open_nquads(path) as (stream, size):
                reader = ProgressReader(stream, progress, done)
                load_stream(store, reader, path)
                done += size
        load_file(store, ontology_file(), ONTOLOGY_GRAPH)
        return len(store)


def build_remote(
    data_dir: Path, store: RemoteStore, progress: Progress | None = None, imports: bool = True
) -> BuildReport:
    """Load ``data_dir`` and replace kg's graphs on a SPARQL endpoint with it, in one update.

    As for a local build, every record is read and checked before anything is sent; the server
    applies the update request as a whole (see ``RemoteStore.replace_graphs``).
    """
    source = _read_sources(data_dir, imports)
    quads = _counted(itertools.chain(source.quads, ontology_quads()), progress)
    store.replace_graphs(quads)
    return source.report(store.location, quads.count)


def build_remote_from_quads(
    quads: Iterable[rdf.Quad], store: RemoteStore, progress: Progress | None = None
) -> int:
    """Replace kg's graphs on a SPARQL endpoint by ``quads`` and the ontology, in one update.

    The request is streamed as the quads are produced. Returns the number of quads sent.
    """
    counted = _counted(itertools.chain(quads, ontology_quads()), progress)
    store.replace_graphs(counted)
    return counted.count


def build_remote_from_nquads(
    files: Sequence[Path], store: RemoteStore, progress: Progress | None = None
) -> int:
    """Replace kg's graphs on a SPARQL endpoint by N-Quads files, through the Graph Store Protocol.

    The kg graphs are cleared first, then each file is streamed in one POST (one transaction
    on Oxigraph): unlike the other builds this is not one atomic step, so readers may see the
    graph half loaded meanwhile. Returns the number of quads sent.
    """
    for path in files:  # every file must be readable before anything is deleted
        with open_nquads(path):
            pass
    store.clear_kg_graphs()
    sent = 0
    done = 0
    for path in files:
        with open_nquads(path) as (stream, size):
            lines = _LineCounter(ProgressReader(stream, progress, done))
            store.post_nquads(lines)
            sent += lines.count
            done += size
    ontology = _LineCounter(rdf.to_nquads(ontology_quads()))
    store.post_nquads(ontology)
    return sent + ontology.count


class _LineCounter(Iterator[bytes]):
    """Byte chunks of N-Quads text, counting the lines (one quad each) that pass through."""

    def __init__(self, source: Iterable[bytes] | Iterable[str] | ProgressReader) -> None:
        self._chunks: Iterator[bytes | str] = (
            iter(lambda: source.read(1 << 20), b"") if isinstance(source, ProgressReader)
            else iter(source)
        )
        self.count = 0

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> bytes:
        chunk = next(self._chunks)
        data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
        self.count += data.count(b"\n")
        return data


@dataclass
class _Sources:
    """Everything a build reads: the checked records, the bulk imports, and their quads."""

    dataset: Dataset
    imported: ImportResult | None
    quads: Iterator[rdf.Quad]

    def report(self, store: Path | str, quads: int) -> BuildReport:
        report = _report(store, self.dataset, quads)
        if self.imported is None:
            return report
        resolution = self.imported.resolution
        return replace(
            report,
            imported_papers=len(self.imported.papers),
            problems=tuple(self.imported.problems),
            people=report.people + len(resolution.new_people),
            organizations=report.organizations + len(resolution.new_organizations),
        )


def _read_sources(data_dir: Path, imports: bool) -> _Sources:
    dataset = load_dataset(data_dir)
    imported = run_imports(data_dir, dataset) if imports else None
    quads = chain(rdf.dataset_quads(dataset), import_quads(imported) if imported else ())
    return _Sources(dataset, imported, quads)


def _report(store_path: Path | str, dataset: Dataset, quads: int) -> BuildReport:
    return BuildReport(
        store=store_path,
        quads=quads,
        people=len(dataset.people),
        organizations=len(dataset.organizations),
        documents=len(dataset.documents),
    )


class _counted(Iterator[T]):
    """Pass lines (or quads) through, counting them and reporting progress every 10,000."""

    def __init__(self, lines: Iterable[T], progress: Progress | None) -> None:
        self._lines = iter(lines)
        self._progress = progress
        self.count = 0

    def __iter__(self) -> _counted[T]:
        return self

    def __next__(self) -> T:
        line = next(self._lines)
        self.count += 1
        if self._progress is not None and self.count % 10_000 == 0:
            self._progress(self.count)
        return line


def ontology_quads() -> Iterator[rdf.Quad]:
    """The ontology's triples in their own named graph, written as N-Quads terms."""
    graph = rdf.iri(ONTOLOGY_GRAPH)
    for quad in ox.parse(path=ontology_file(), format=ox.RdfFormat.TURTLE):
        yield str(quad.subject), str(quad.predicate), str(quad.object), graph
