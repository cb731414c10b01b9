"""Loading data/: every problem names the file, the record and the field."""

from pathlib import Path

import pytest
import yaml

from kg.errors import DataError
from kg.records.load import load_dataset


def edit(path: Path, change) -> None:
    content = yaml.safe_load(path.read_text())
    change(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False))


def test_loads_the_mini_dataset(mini_data):
    dataset = load_dataset(mini_data)
    assert [p.id for p in dataset.people][:2] == ["ada-lovelace", "alan-turing"]
    assert {d.source.id for d in dataset.documents} == {"mini-seminar", "mini-author-page"}


def test_unknown_speaker_is_named_with_file_record_and_field(mini_data):
    path = mini_data / "records" / "mini-seminar.yaml"
    edit(path, lambda c: c["talks"][1]["speakers"][0].update(person="adaa"))
    with pytest.raises(DataError) as caught:
        load_dataset(mini_data)
    message = str(caught.value)
    assert str(path) in message
    assert "talk #2 (computable-numbers)" in message
    assert "speakers.0.person: unknown person 'adaa'" in message


def test_invalid_field_is_named(mini_data):
    path = mini_data / "records" / "mini-author-page.yaml"
    edit(path, lambda c: c["papers"][0].update(year="next year"))
    with pytest.raises(DataError, match=r"mini-author-page.yaml: paper #1 \(2020-notes\): year:"):
        load_dataset(mini_data)


def test_invalid_person_record_is_named(mini_data):
    edit(mini_data / "people.yaml", lambda c: c[2].update(id="Grace Hopper"))
    with pytest.raises(DataError, match=r"people.yaml: record #3 \(Grace Hopper\): id:"):
        load_dataset(mini_data)


def test_duplicate_ids_are_rejected(mini_data):
    edit(mini_data / "people.yaml", lambda c: c.append({"id": "alan-turing", "name": "A. T."}))
    with pytest.raises(DataError, match="person id 'alan-turing' is used twice"):
        load_dataset(mini_data)


def test_unknown_parent_organization(mini_data):
    edit(mini_data / "organizations.yaml", lambda c: c[2].update(part_of="nowhere"))
    with pytest.raises(DataError, match=r"record #3 \(engine-lab\): part_of: unknown organization"):
        load_dataset(mini_data)


def test_broken_yaml_names_the_line(mini_data):
    path = mini_data / "people.yaml"
    path.write_text("- id: a\n  name: [unclosed\n")
    with pytest.raises(DataError, match=r"people.yaml: line \d+: invalid YAML"):
        load_dataset(mini_data)


def test_wrong_encoding_is_reported(mini_data):
    path = mini_data / "people.yaml"
    path.write_bytes("- id: kurt-godel\n  name: Kurt G\u00f6del\n".encode("latin-1"))
    with pytest.raises(DataError, match="people.yaml: not UTF-8"):
        load_dataset(mini_data)
