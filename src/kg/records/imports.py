"""``data/imports.yaml``: the bulk files (bibliographies, authorship tables, calendars, DBLP extracts)
that ``kg build`` streams into the store beside the record files.

Paths are relative to ``data/``::

    - id: colt-2011-2024-authorships
      kind: authorships          # bibtex | authorships | calendar | dblp
      file: colt/colt-2011-2024-authorships.csv
      title: COLT 2011-2024 authorships (PMLR)
    - id: dblp-colt
      kind: dblp
      file: imports/dblp.xml.gz
      venues: [colt]             # dblp only: keep these venues (booktitle, journal or key stream)
      years: 2011-2024           # dblp only: keep these years
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from kg.errors import DataError
from kg.records.load import read_yaml
from kg.records.models import Id, Record, Text

IMPORTS_FILE = "imports.yaml"
ImportKind = Literal["bibtex", "authorships", "calendar", "dblp"]


class ImportEntry(Record):
    """One registered bulk file."""

    id: Id
    kind: ImportKind
    file: Text
    title: Text | None = None
    venues: list[Text] = []
    """DBLP only: keep records of these venues."""
    years: Text | None = None
    """DBLP only: keep records of this year or range of years (``2011-2024``)."""


def load_entries(data_dir: Path) -> list[ImportEntry]:
    """The imports registered in ``data_dir/imports.yaml`` (none when the file does not exist).

    Whether each file is there is checked when it is read (``check_files``), by a build.
    """
    path = data_dir / IMPORTS_FILE
    if not path.exists():
        return []
    content = read_yaml(path) or []
    if not isinstance(content, list):
        raise DataError(f"{path}: expected a list of imports")
    entries = []
    for i, item in enumerate(content):
        try:
            entries.append(ImportEntry.model_validate(item))
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"]) or "(record)"
            raise DataError(f"{path}: import #{i + 1}: {where}: {error['msg']}") from None
    return entries


def check_files(data_dir: Path, entries: list[ImportEntry]) -> None:
    """A ``DataError`` naming the first registered file that is not under ``data_dir``."""
    for i, entry in enumerate(entries):
        if not (data_dir / entry.file).is_file():
            raise DataError(f"{data_dir / IMPORTS_FILE}: import #{i + 1} ({entry.id}): file: "
                            f"{entry.file} not found under {data_dir}")
