"""data/ → records → quads → a fresh Oxigraph store, swapped in only when everything succeeded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path

from kg import rdf
from kg.load import load_dataset
from kg.models import Dataset
from kg.store import StoreBuilder, bulk_load_nquads, load_file

ONTOLOGY_GRAPH = "https://w3id.org/kg/ontology"
Progress = Callable[[int], None]
"""Called now and then with the number of quads written so far."""


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    store: Path
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
    from kg.ingest.imports import import_quads, run_imports

    dataset = load_dataset(data_dir)
    imported = run_imports(data_dir, dataset) if imports else None
    quads = _counted(rdf.to_nquads(chain(
        rdf.dataset_quads(dataset), import_quads(imported) if imported else ())), progress)
    with StoreBuilder(store_path) as store:
        bulk_load_nquads(store, quads)
        load_file(store, ontology_file(), ONTOLOGY_GRAPH)
    report = _report(store_path, dataset, quads.count)
    if imported is None:
        return report
    return replace(report, imported_papers=len(imported.papers), problems=tuple(imported.problems),
                   people=report.people + len(imported.resolution.new_people),
                   organizations=report.organizations + len(imported.resolution.new_organizations))


def _report(store_path: Path, dataset: Dataset, quads: int) -> BuildReport:
    return BuildReport(
        store=store_path,
        quads=quads,
        people=len(dataset.people),
        organizations=len(dataset.organizations),
        documents=len(dataset.documents),
    )


class _counted(Iterator[str]):
    """Pass lines through, counting them and reporting progress every 10,000."""

    def __init__(self, lines: Iterable[str], progress: Progress | None) -> None:
        self._lines = iter(lines)
        self._progress = progress
        self.count = 0

    def __iter__(self) -> _counted:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count += 1
        if self._progress is not None and self.count % 10_000 == 0:
            self._progress(self.count)
        return line

