"""The store: atomic rebuilds, read-only opening, bulk loading."""

from pathlib import Path

import pytest
import yaml

from kg.build import build_folder
from kg.errors import DataError, StoreError
from kg.store import LocalStore, StoreBuilder, bulk_load_nquads


def count_people(path: Path) -> int:
    store = LocalStore.open_read_only(path)
    table = store.select(
        "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/kg/ontology#Person> }"
    )
    return int(table.rows[0][0].value)


def test_build_writes_a_versioned_store_behind_a_link(mini_data, tmp_path):
    path = tmp_path / "store"
    report = build_folder(mini_data, path)
    assert path.is_symlink() and report.quads > 100
    assert count_people(path) == 4


def test_rebuild_swaps_in_a_new_version_and_keeps_one_previous(mini_data, tmp_path):
    path = tmp_path / "store"
    for _ in range(3):
        build_folder(mini_data, path)
    assert path.resolve().name == "store.v3"
    assert sorted(p.name for p in tmp_path.glob("store.v*")) == ["store.v2", "store.v3"]


def test_a_bad_record_leaves_the_previous_store_as_it_was(mini_data, tmp_path):
    path = tmp_path / "store"
    build_folder(mini_data, path)
    before = path.resolve()
    people = mini_data / "people.yaml"
    records = yaml.safe_load(people.read_text())
    records.append({"id": "new-person", "name": "New Person"})
    records.append({"id": "Bad Id", "name": "Bad"})
    people.write_text(yaml.safe_dump(records))
    with pytest.raises(DataError):
        build_folder(mini_data, path)
    assert path.resolve() == before
    assert count_people(path) == 4
    assert sorted(p.name for p in tmp_path.glob("store*")) == ["store", "store.v1"]


def test_a_failure_during_loading_removes_the_half_built_version(tmp_path):
    path = tmp_path / "store"
    with pytest.raises(SyntaxError):
        with StoreBuilder(path) as store:
            bulk_load_nquads(store, ["<http://a> <http://b> broken .\n"])
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_opening_a_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="run 'kg build' first"):
        LocalStore.open_read_only(tmp_path / "nothing")


def test_several_readers_at_once(mini_store_path):
    first = LocalStore.open_read_only(mini_store_path)
    second = LocalStore.open_read_only(mini_store_path)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert first.select(query).rows == second.select(query).rows


def test_bulk_load_streams_many_lines():
    store = LocalStore.in_memory()
    lines = (f"<http://e/{i}> <http://e/p> \"{i}\" <http://e/g> .\n" for i in range(50_000))
    bulk_load_nquads(store.raw, lines)
    assert len(store.raw) == 50_000


def test_an_error_while_producing_quads_stops_the_build_and_keeps_the_old_store(tmp_path):
    from kg.errors import DataError

    path = tmp_path / "store"
    with StoreBuilder(path) as store:
        bulk_load_nquads(store, ["<http://e/old> <http://e/p> <http://e/o> <http://e/g> .\n"])

    def lines():
        for i in range(50_000):
            yield f"<http://e/s{i}> <http://e/p> <http://e/o> <http://e/g> .\n"
        raise DataError("records.yaml: paper #3: title: missing")

    with pytest.raises(DataError, match="paper #3"):
        with StoreBuilder(path) as store:
            bulk_load_nquads(store, lines())
    kept = LocalStore.open_read_only(path)
    assert [str(q.subject) for q in kept.quads()] == ["<http://e/old>"]


def test_a_whole_answer_is_kept_beside_the_store_and_read_from_there(mini_store_path, tmp_path):
    import shutil as sh

    from kg.sparql.catalog import find_query
    from kg.store.answers import FOLDER

    copy = tmp_path / "store"
    sh.copytree(mini_store_path.resolve(), copy)
    sh.rmtree(copy / FOLDER, ignore_errors=True)  # answers other tests kept on the shared store
    text = find_query("people").text
    store = LocalStore.open_read_only(copy)
    columns, page = store.stream(text, limit=2, offset=1)
    assert len(list(page)) == 2 and not (copy / FOLDER).exists()  # a page is not the whole answer
    columns, rows = store.stream(text)
    first = list(rows)
    kept = list((copy / FOLDER).glob("*.tsv"))
    assert len(kept) == 1 and first
    again_columns, again = LocalStore.open_read_only(copy).stream(text)
    assert again_columns == columns and list(again) == first == store.select(text).rows
    assert list(store.stream(text, limit=2, offset=1)[1]) == first[1:3]
    kept[0].write_text("?person\t?name\t?altNames\t?affiliations\n<http://e/x>\t\"kept\"\t\t\n")
    assert [row[1].value for row in store.stream(text)[1]] == ["kept"]  # it is read, not recomputed
    (copy / "000999.log").write_text("")  # the store changed: the kept answer no longer applies
    assert list(store.stream(text)[1]) == first
