"""Shared fixtures: a tiny hand-written dataset, the seed dataset, and stores built from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build_folder
from kg.store import LocalStore

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MINI = TESTS / "data" / "mini"
SEED_DATA = ROOT / "data"


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    """A writable copy of the tiny dataset in tests/data/mini."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def mini_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the tiny dataset."""
    path = tmp_path_factory.mktemp("mini") / "store"
    build_folder(MINI, path)
    return path


@pytest.fixture(scope="session")
def mini_store(mini_store_path: Path) -> LocalStore:
    """The tiny dataset's store, opened read-only."""
    return LocalStore.open_read_only(mini_store_path)


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the project's own data/ (the five seed documents).

    Without the bulk imports of data/imports.yaml (COLT): see ``colt_store_path`` for those.
    """
    path = tmp_path_factory.mktemp("seed") / "store"
    build_folder(SEED_DATA, path, imports=False)
    return path


@pytest.fixture(scope="session")
def colt_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from data/ with its bulk imports: the seed documents plus COLT 2011-2024."""
    path = tmp_path_factory.mktemp("colt") / "store"
    build_folder(SEED_DATA, path)
    return path


@pytest.fixture(scope="session")
def colt_store(colt_store_path: Path) -> LocalStore:
    """The seed documents plus COLT, opened read-only."""
    return LocalStore.open_read_only(colt_store_path)


@pytest.fixture(scope="session")
def seed_store(seed_store_path: Path) -> LocalStore:
    """The seed store, opened read-only."""
    return LocalStore.open_read_only(seed_store_path)


@pytest.fixture(autouse=True, scope="session")
def index_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Graph indexes of SPARQL endpoints are cached in a temporary folder, not in ~/.cache."""
    import os

    folder = tmp_path_factory.mktemp("kg-cache")
    os.environ["KG_CACHE"] = str(folder)
    return folder
