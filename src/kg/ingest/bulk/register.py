"""Registering bulk files (BibTeX, authorship tables, calendars, DBLP) in ``data/imports.yaml``."""

from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@dataclass
class Staged:
    """A bulk file read and checked, with the registration it would make; nothing written yet.

    ``commit`` writes the registration (and the copy or the DBLP extract) into ``data/``; a file
    with nothing to import is refused before it gets this far (``stage``).
    """

    entry: ImportEntry
    action: str
    found: int
    """Papers or talks the file holds (for DBLP, that the filters keep)."""
    problems: list[Problem]
    _write: Callable[[], None]

    def commit(self) -> Registration:
        """Write the registration into ``data/`` (nothing when it is unchanged)."""
        if self.action != "unchanged":
            self._write()
        return Registration(self.entry, self.action)


@contextmanager
def stage(data_dir: Path, path: Path, kind: ImportKind, venues: tuple[str, ...] = (),
          years: str | None = None, progress: dblp.Progress | None = None,
          dry_run: bool = False) -> Iterator[Staged]:
    """Read and check one bulk file for registration; ``commit`` the result to write it.

    A file that cannot be read, or holds nothing to import (empty, garbage, or every entry
    bad), is a ``DataError`` naming the file: such a file is never registered. A DBLP dump
    outside ``data/`` is streamed once into an extract beside its final place (in a dry run, in a
    temporary folder), which ``commit`` renames into place; leaving the block without committing
    removes it.
    """
    data_dir = data_dir.resolve()
    if kind == "dblp" and not path.resolve().is_relative_to(data_dir):
        with _staged_extract(data_dir, path, venues, years, progress, dry_run) as staged:
            yield staged
        return
    found, problems = check_import(path, kind, venues, years, progress)
    _refuse_if_empty(path, kind, found, problems, venues or years)
    entry, action, target = plan_registration(data_dir, path, kind, venues, years)

    def write() -> None:
        if target.resolve() != path.resolve():
            copy_atomically(path, target)
        _list_entry(data_dir, entry)

    yield Staged(entry, action, found, problems, write)


def _refuse_if_empty(path: Path, kind: ImportKind, found: int, problems: list[Problem],
                     filtered: object) -> None:
    """A ``DataError`` for a file with nothing to import, naming what was wrong with it."""
    if found:
        return
    unreadable = next((p for p in problems if p.where == "file"), None)
    if unreadable is not None:
        raise DataError(f"{path}: {unreadable.message}")
    what = "talk" if kind == "calendar" else "paper"
    kept = " that --venue and --year keep" if filtered else ""
    bad = ""
    if problems:
        entries = "1 bad entry" if len(problems) == 1 else f"{len(problems)} bad entries"
        bad = f"; {entries}, the first: {problems[0]}"
    raise DataError(f"{path}: nothing to import: no {what}{kept} found{bad}")


@contextmanager
def _staged_extract(data_dir: Path, path: Path, venues: tuple[str, ...], years: str | None,
                    progress: dblp.Progress | None, dry_run: bool) -> Iterator[Staged]:
    """The records of a DBLP dump that the filters keep, written to a temporary extract under ``data/``."""
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
        _refuse_if_empty(path, "dblp", papers, problems, venues or years)
        previous = next((e for e in entries if e.file == relative), None)
        same = target.exists() and filecmp.cmp(temporary, target, shallow=False)
        action = "added" if previous is None else "unchanged" if same and previous == entry else "updated"

        def write() -> None:
            os.replace(temporary, target)
            _list_entry(data_dir, entry)

        yield Staged(entry, action, papers, problems, write)
    finally:
        Path(temporary).unlink(missing_ok=True)
        if dry_run:
            shutil.rmtree(folder, ignore_errors=True)


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
