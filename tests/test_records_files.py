"""records.files: writes into data/ are whole or not at all, and a failed step puts data/ back."""

from __future__ import annotations

import pytest

from kg.records.files import restored_on_failure, write_atomically


def test_a_failed_block_removes_the_files_it_added_and_restores_those_it_replaced(tmp_path):
    data = tmp_path / "data"
    write_atomically(data / "people.yaml", "people: [ada]\n")
    write_atomically(data / "records" / "old.yaml", "talks: []\n")
    with pytest.raises(RuntimeError), restored_on_failure(data):
        write_atomically(data / "people.yaml", "people: [ada, charles]\n")
        write_atomically(data / "records" / "new.yaml", "talks: [one]\n")
        write_atomically(data / "sources" / "page.md", "# A page\n")
        (data / "records" / "old.yaml").unlink()
        raise RuntimeError("the store could not be rebuilt")
    assert (data / "people.yaml").read_text() == "people: [ada]\n"
    assert (data / "records" / "old.yaml").read_text() == "talks: []\n"
    assert sorted(p.relative_to(data).as_posix() for p in data.rglob("*")) == [
        "people.yaml", "records", "records/old.yaml"]
    assert [p.name for p in tmp_path.iterdir()] == ["data"]  # the kept links are gone too


def test_a_block_that_succeeds_keeps_what_it_wrote(tmp_path):
    data = tmp_path / "data"
    write_atomically(data / "people.yaml", "people: [ada]\n")
    with restored_on_failure(data):
        write_atomically(data / "people.yaml", "people: [ada, charles]\n")
    assert (data / "people.yaml").read_text() == "people: [ada, charles]\n"
    assert [p.name for p in tmp_path.iterdir()] == ["data"]
