"""The graph index: derived from any store through SPARQL, kept inside each store version."""

from datetime import date

import numpy as np
from click.testing import CliRunner

from kg.build import build_folder
from kg.cli import main
from kg.network.index import (
    ALWAYS,
    DERIVED,
    DERIVED_VERSION,
    INDEX_DIR,
    NEVER,
    PAPER,
    SERIES,
    TALK,
    day_number,
    derive_index,
    index_for,
    load_index,
    save_index,
)
from kg.store import LocalStore, RemoteStore
from kg.store.server import Server, free_port

ID = "https://w3id.org/kg/id/"
ADA = ID + "person/ada-lovelace"


def _days_of(index, person, kind):
    p = index.person_index[person]
    rows = (index.member_person == p) & (index.work_kind[index.member_work] == kind)
    return sorted(int(d) for d in index.member_day[rows])


def test_the_index_holds_people_works_and_when_each_became_known(mini_store):
    index = derive_index(mini_store)
    assert ADA in index.person_index and index.names[index.person_index[ADA]] == "Ada Lovelace"
    # A paper known only by its year counts from the last day of that year; a talk from its day.
    assert day_number(date(2020, 12, 31)) in _days_of(index, ADA, PAPER)
    assert day_number(date(2024, 1, 8)) in _days_of(index, ADA, TALK)
    # Speaking in a series is a link too ("who spoke where"), dated by the talk.
    assert _days_of(index, ADA, SERIES) == [day_number(date(2024, 1, 8))]
    assert ALWAYS not in _days_of(index, ADA, PAPER) and NEVER not in _days_of(index, ADA, PAPER)
    series = index.event_index[ID + "event/mini-series"]
    assert index.event_series[series] and index.event_parent[series] == -1
    assert "engine" in index.terms


def test_saved_and_loaded_index_is_the_same(mini_store, tmp_path):
    index = derive_index(mini_store)
    save_index(index, tmp_path / "ix")
    again = load_index(tmp_path / "ix")
    assert again is not None
    assert again.people == index.people and again.works == index.works
    assert np.array_equal(again.member_day, index.member_day)
    assert (again.work_terms != index.work_terms).nnz == 0
    (tmp_path / "ix" / "FORMAT").write_text("0")
    assert load_index(tmp_path / "ix") is None  # another format is derived again


def test_the_saved_index_keeps_what_answers_derive_and_an_older_one_still_loads(mini_store, tmp_path):
    index = derive_index(mini_store)
    save_index(index, tmp_path / "ix")
    files = {f"{name}.v{DERIVED_VERSION}.npy" for name in DERIVED}
    assert files <= {p.name for p in (tmp_path / "ix").iterdir()}
    again = load_index(tmp_path / "ix")
    fresh = derive_index(mini_store)
    for name in DERIVED:
        assert name in vars(again)  # read from the folder, not derived again
        assert np.array_equal(getattr(again, name), getattr(fresh, name)), name
    for name in DERIVED:  # saved by another derivation (another version): derived anew, not read
        (tmp_path / "ix" / f"{name}.v{DERIVED_VERSION}.npy").rename(
            tmp_path / "ix" / f"{name}.v{DERIVED_VERSION + 1}.npy")
    older = load_index(tmp_path / "ix")
    assert older is not None and not set(DERIVED) & set(vars(older))
    assert np.array_equal(older.work_space, fresh.work_space)
    assert np.array_equal(older.by_work, fresh.by_work)


def test_a_build_writes_the_index_inside_the_new_version_and_a_rebuild_replaces_it(tmp_path, mini_data):
    store = tmp_path / "store"
    build_folder(mini_data, store)
    first = store.resolve()
    assert (first / INDEX_DIR / "arrays.npz").is_file()
    build_folder(mini_data, store)
    second = store.resolve()
    assert second != first and (second / INDEX_DIR / "arrays.npz").is_file()
    opened = LocalStore.open_read_only(store)
    assert opened.version_dir == second
    assert index_for(opened).people == derive_index(opened).people


def test_a_failed_index_leaves_the_old_store_in_place(tmp_path, mini_data, monkeypatch):
    store = tmp_path / "store"
    build_folder(mini_data, store)
    before = store.resolve()

    def broken(index, folder):
        raise RuntimeError("disk full")

    monkeypatch.setattr("kg.build.save_index", broken)
    try:
        build_folder(mini_data, store)
    except RuntimeError:
        pass
    assert store.resolve() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("store")) == ["store", before.name]


def test_a_sparql_endpoint_gets_the_same_index_cached_per_version(mini_store_path, mini_store, tmp_path):
    local = derive_index(mini_store)
    with Server.start(mini_store_path, port=free_port()) as server:
        from kg.store import RemoteStore

        remote = RemoteStore(server.url)
        found = index_for(remote, cache_dir=tmp_path / "cache")
        cached = list((tmp_path / "cache").iterdir())
        assert len(cached) == 1 and (cached[0] / "arrays.npz").is_file()
        again = index_for(remote, cache_dir=tmp_path / "cache")
    assert found.people == local.people == again.people
    assert np.array_equal(found.member_day, local.member_day)


def test_kg_build_then_suggest_reads_the_index(tmp_path, mini_data):
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["--store", str(store), "build", "--data", str(mini_data)])
    assert result.exit_code == 0, result.stderr
    assert (store.resolve() / INDEX_DIR).is_dir()
    shown = CliRunner().invoke(main, ["--store", str(store), "suggest", "Mini Seminar", "--format", "csv"])
    assert shown.exit_code == 0 and "Kurt Gödel" in shown.stdout


def test_the_same_store_gives_the_same_index_files(mini_store, tmp_path):
    save_index(derive_index(mini_store), tmp_path / "a")
    save_index(derive_index(mini_store), tmp_path / "b")
    derived = (f"{name}.v{DERIVED_VERSION}.npy" for name in DERIVED)
    for name in ("arrays.npz", "lists.json", "FORMAT", *derived):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def _same_index(a, b):
    for name in a.__dataclass_fields__:
        x, y = getattr(a, name), getattr(b, name)
        if isinstance(x, np.ndarray):
            assert np.array_equal(x, y), name
        elif hasattr(x, "nnz"):
            assert x.shape == y.shape and (x != y).nnz == 0, name
        else:
            assert x == y, name


def test_the_index_a_build_gathers_from_its_quads_is_the_one_sparql_derives(tmp_path, mini_data):
    store = tmp_path / "store"
    build_folder(mini_data, store)
    gathered = load_index(store.resolve() / INDEX_DIR)
    assert gathered is not None
    _same_index(gathered, derive_index(LocalStore.open_read_only(store)))


def test_a_build_on_a_server_leaves_a_stamp_and_caches_the_index_under_it(tmp_path, mini_data, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE", str(cache))
    with Server.start(tmp_path / "server-store", port=free_port(), read_write=True) as server:
        remote = RemoteStore(server.url)
        build_folder(mini_data, remote)
        stamps = remote.select(
            "SELECT ?s WHERE { GRAPH ?g { ?b <https://w3id.org/kg/ontology#buildStamp> ?s } }")
        assert len(stamps.rows) == 1 and len(list(cache.iterdir())) == 1
        build_folder(mini_data, remote)  # the same build: the same stamp, the same cache entry
        assert len(list(cache.iterdir())) == 1

        def never(store):
            raise AssertionError("derived again although the build cached it")

        monkeypatch.setattr("kg.network.index.derive_index", never)
        found = index_for(remote)
    monkeypatch.undo()
    local = tmp_path / "local"
    build_folder(mini_data, local)
    _same_index(found, load_index(local.resolve() / INDEX_DIR))


def test_a_store_and_a_server_built_from_the_same_data_hold_the_same_stamp(tmp_path, mini_data):
    query = "SELECT ?s WHERE { GRAPH ?g { ?b <https://w3id.org/kg/ontology#buildStamp> ?s } }"
    local = tmp_path / "local"
    build_folder(mini_data, local)
    with Server.start(tmp_path / "server-store", port=free_port(), read_write=True) as server:
        remote = RemoteStore(server.url)
        build_folder(mini_data, remote)
        on_server = remote.select(query).rows
    in_store = LocalStore.open_read_only(local).select(query).rows
    assert len(in_store) == 1 and in_store == on_server
