"""Registering bulk files (BibTeX, authorship tables) in ``data/imports.yaml``, atomically."""

from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import DataError
from kg.ingest.bulk import dblp
from kg.ingest.bulk.imports import paper_id
from kg.ingest.printed import ImportedPaper, Problem
from kg.records.files import copy_atomically, write_atomically
from kg.records.imports import IMPORTS_FILE, ImportEntry, ImportKind, load_entries

IMPORTS_DIR = "imports"


@dataclass(frozen=True)
class Registration:
    """What registering one file did: ``added``, ``updated`` (new content) or ``unchanged``."""

    entry: ImportEntry
    action: str


def plan_registration(data_dir: Path, path: Path, kind: ImportKind, venues: tuple[str, ...] = (),
                      years: str | None = None) -> tuple[ImportEntry, str, Path]:
    """The entry a file would get, what registering it would do, and where its copy goes.

    ``venues`` and ``years`` are the DBLP filters kept with the entry.
    """
    data_dir = data_dir.resolve()
    source = path.resolve()
    if source.is_relative_to(data_dir):
        relative = source.relative_to(data_dir)
    else:
        relative = Path(IMPORTS_DIR) / source.name
    target = data_dir / relative
    entries = load_entries(data_dir)
    existing = next((e for e in entries if e.file == relative.as_posix()), None)
    filters: dict[str, object] = {"venues": sorted(venues), "years": years} if kind == "dblp" else {}
    if existing is not None:
        same = target.exists() and filecmp.cmp(target, source, shallow=False)
        wanted = existing.model_copy(update=filters)
        if same and wanted == existing:
            return existing, "unchanged", target
        return wanted, "updated", target
    import_id = paper_id(relative.stem.removesuffix(".xml"))
    if any(e.id == import_id for e in entries):
        raise DataError(f"{path}: an import with id {import_id!r} is already registered for another file")
    entry = ImportEntry.model_validate(
        {"id": import_id, "kind": kind, "file": relative.as_posix(), "title": source.name, **filters})
    return entry, "added", target


def register(data_dir: Path, path: Path, kind: ImportKind, venues: tuple[str, ...] = (),
             years: str | None = None) -> Registration:
    """Copy ``path`` under ``data_dir`` (unless it is there) and list it in ``imports.yaml``."""
    entry, action, target = plan_registration(data_dir, path, kind, venues, years)
    if action == "unchanged":
        return Registration(entry, action)
    if target.resolve() != path.resolve():
        copy_atomically(path, target)
    _list_entry(data_dir, entry)
    return Registration(entry, action)


def _list_entry(data_dir: Path, entry: ImportEntry) -> None:
    """Add ``entry`` to ``imports.yaml``, or put it in place of the entry for the same file."""
    existing = load_entries(data_dir.resolve())
    if entry in existing:
        return  # new content, same entry: imports.yaml stays as it is
    if any(e.file == entry.file for e in existing):
        entries = [entry if e.file == entry.file else e for e in existing]
    else:
        entries = [*existing, entry]
    text = yaml.safe_dump([e.model_dump(exclude_defaults=True) for e in entries],
                          sort_keys=False, allow_unicode=True)
    write_atomically(data_dir / IMPORTS_FILE, _HEADER + text)


@dataclass(frozen=True)
class Extracted:
    """What registering a DBLP dump did, and what its extract holds."""

    registration: Registration
    papers: int
    problems: list[Problem]


def register_dblp(data_dir: Path, path: Path, venues: tuple[str, ...] = (), years: str | None = None,
                  progress: dblp.Progress | None = None, dry_run: bool = False) -> Extracted:
    """Register the records of a DBLP dump that the filters keep, as a small extract under ``data/``.

    The dump is streamed once; the kept records go to ``data/imports/<name>.xml`` (written
    through a temporary file and one rename), so ``data/`` never holds a copy of the whole dump
    and every build reads only the extract. A dump already under ``data/`` is registered as it is.
    """
    data_dir = data_dir.resolve()
    if path.resolve().is_relative_to(data_dir):
        papers, problems = check_import(path, "dblp", venues, years, progress)
        if dry_run:
            entry, action, _ = plan_registration(data_dir, path, "dblp", venues, years)
            return Extracted(Registration(entry, action), papers, problems)
        return Extracted(register(data_dir, path, "dblp", venues, years), papers, problems)
    stem = path.name.removesuffix(".gz").removesuffix(".xml")
    name = paper_id("-".join([stem, *sorted(venues), *([years] if years else [])]))
    relative = f"{IMPORTS_DIR}/{name}.xml"
    target = data_dir / relative
    entries = load_entries(data_dir)
    if any(e.id == name and e.file != relative for e in entries):
        raise DataError(f"{path}: an import with id {name!r} is already registered for another file")
    entry = ImportEntry(id=name, kind="dblp", file=relative, title=f"{path.name}, kept: "
                        f"{', '.join(venues) or 'every venue'}, {years or 'every year'}",
                        venues=sorted(venues), years=years)
    folder = Path(tempfile.mkdtemp()) if dry_run else target.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        papers, problems = dblp.write_extract(path, Path(temporary), dblp.Filter.of(venues, years), progress)
        unreadable = next((p for p in problems if p.where == "file"), None)
        if unreadable is not None:
            raise DataError(f"{path}: {unreadable.message}")
        previous = next((e for e in entries if e.file == relative), None)
        same = target.exists() and filecmp.cmp(temporary, target, shallow=False)
        action = "added" if previous is None else "unchanged" if same and previous == entry else "updated"
        if not dry_run and action != "unchanged":
            os.replace(temporary, target)
            _list_entry(data_dir, entry)
    finally:
        Path(temporary).unlink(missing_ok=True)
        if dry_run:
            shutil.rmtree(folder, ignore_errors=True)
    return Extracted(Registration(entry, action), papers, problems)


def check_import(path: Path, kind: ImportKind, venues: tuple[str, ...] = (), years: str | None = None,
                 progress: dblp.Progress | None = None) -> tuple[int, list[Problem]]:
    """Read a bulk file without registering it: how many papers or talks it holds and its bad entries."""
    from kg.ingest.bulk.ics import ImportedTalk
    from kg.ingest.bulk.imports import read_import

    found, problems = 0, []
    for item in read_import(path, kind, path.name, dblp.Filter.of(venues, years), progress):
        if isinstance(item, Problem):
            problems.append(item)
        elif isinstance(item, ImportedPaper | ImportedTalk):
            found += 1
    return found, problems


_HEADER = (
    "# Bulk files that `kg build` streams into the store beside the record files.\n"
    "# For a paper present in several files, the first file listed gives title and authors;\n"
    "# later ones fill in venue, pages and link. Paths are relative to data/.\n"
    "# dblp imports keep only the records of their `venues` and `years`, when given.\n"
)
