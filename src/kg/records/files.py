"""Writing into ``data/``: every file is written whole or not at all (a temporary file, one rename)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def copy_atomically(source: Path, target: Path) -> None:
    """Copy a file to ``target`` through a temporary file and one rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def restored_on_failure(folder: Path) -> Iterator[None]:
    """Put ``folder`` back as it was if the block raises: files added are removed, files replaced restored.

    Every write into ``data/`` replaces a file by a rename (above), so hard links taken before the block
    keep each file's old bytes at no cost; the links live in a sibling folder, on the same file system.
    """
    if not folder.is_dir():
        yield
        return
    kept = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.kept."))
    try:
        before = _linked(folder, kept)
        try:
            yield
        except BaseException:
            _put_back(folder, kept, before)
            raise
    finally:
        shutil.rmtree(kept, ignore_errors=True)


def _linked(folder: Path, kept: Path) -> set[Path]:
    """Hard-link every file of ``folder`` under ``kept``; the relative paths linked."""
    linked: set[Path] = set()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(folder)
            (kept / relative).parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, kept / relative)
            except OSError:  # a file system without hard links: a copy keeps the bytes as well
                shutil.copy2(path, kept / relative)
            linked.add(relative)
    return linked


def _put_back(folder: Path, kept: Path, before: set[Path]) -> None:
    """Remove the files added since ``before`` and restore the ones replaced or removed."""
    for path in sorted(folder.rglob("*"), reverse=True):
        relative = path.relative_to(folder)
        if path.is_file() and relative not in before:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()) and not (kept / relative).is_dir():
            path.rmdir()
    for relative in sorted(before):
        target, old = folder / relative, kept / relative
        if target.exists() and (os.path.samefile(target, old) or _same_bytes(target, old)):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        copy_atomically(old, target)


def _same_bytes(a: Path, b: Path) -> bool:
    """Whether two files hold the same bytes."""
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
