"""data/ → records → quads → a fresh Oxigraph store, swapped in only when everything succeeded."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
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
from kg.store import StoreBuilder, bulk_load_nquads, load_file

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
