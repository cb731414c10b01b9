"""Shared helpers of the page-ingestion tests: where the pages are, a data folder to ingest into."""

from __future__ import annotations

import shutil
from pathlib import Path

from kg.ingest.pages.extracted import PageExtract
from kg.ingest.pages.pipeline import extract_file

from .conftest import SEED_DATA, TESTS

PAGES = TESTS / "data" / "pages"
SEEDS = SEED_DATA / "sources"
SEED_FILES = {
    "000": SEEDS / "000_6753571d6a0de7b7.txt",
    "001": SEEDS / "001_f11ec03222acb93b.txt",
    "002": SEEDS / "002_4e55658e0aca0c73.txt",
    "003": SEEDS / "003_8107670fb943bca5.txt",
    "004": SEEDS / "004_a23c9bd8c33416d4.txt",
}


def page(name: str) -> PageExtract:
    """Extract one test page (kind detected)."""
    return extract_file(PAGES / name)


def registry_only(target: Path) -> Path:
    """A data folder holding the project's registries (people, organizations, aliases), no records."""
    data = target / "data"
    (data / "records").mkdir(parents=True)
    for name in ("people.yaml", "organizations.yaml", "aliases.yaml"):
        shutil.copyfile(SEED_DATA / name, data / name)
    return data


def speakers(extract: PageExtract) -> list[list[tuple[str, str | None, str | None]]]:
    """Each talk's speakers as (name, affiliation, role)."""
    return [[(s.name, s.affiliation, s.role) for s in t.speakers] for t in extract.talks]
