"""The whole of a ``data/`` folder, read once: records, registered imports and alias decisions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.records.aliases import Aliases, load_aliases
from kg.records.imports import ImportEntry, load_entries
from kg.records.load import load_dataset, record_files
from kg.records.models import Dataset


@dataclass(frozen=True)
class DataFolder:
    """What a command needs of ``data/``, read and checked once and passed on."""

    root: Path
    dataset: Dataset
    imports: list[ImportEntry]
    aliases: Aliases
    record_files: list[Path]
    """The file of each of ``dataset.documents``, in the same order."""


def read_data_folder(root: Path | str) -> DataFolder:
    """Read and check ``root``: the record files, ``imports.yaml`` and ``aliases.yaml``."""
    root = Path(root)
    return DataFolder(root, load_dataset(root), load_entries(root), load_aliases(root), record_files(root))
