"""Records validate what people write by hand and reject what they should not."""

import pytest
from pydantic import ValidationError

from kg.records.models import Paper, Person, Talk


def test_person_keeps_alternative_names():
    person = Person(id="ada-lovelace", name="Ada Lovelace", alt_names=["A. Lovelace"])
    assert person.alt_names == ["A. Lovelace"]


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError, match="nickname"):
        Person.model_validate({"id": "ada", "name": "Ada", "nickname": "A"})


@pytest.mark.parametrize("bad_id", ["Ada", "ada lovelace", "-ada", "ada/1", ""])
def test_ids_are_lower_case_slugs(bad_id):
    with pytest.raises(ValidationError):
        Person(id=bad_id, name="Ada")


def test_talk_times_must_carry_a_time_zone():
    with pytest.raises(ValidationError, match="timezone"):
        Talk.model_validate(
            {"id": "t", "speakers": [{"person": "p"}], "start": "2024-01-08T12:30:00"}
        )
    talk = Talk.model_validate(
        {"id": "t", "speakers": [{"person": "p"}], "start": "2023-12-04T12:30:00-05:00"}
    )
    assert talk.start is not None and talk.start.utcoffset().total_seconds() == -5 * 3600


def test_talk_needs_a_speaker_but_not_a_title():
    assert Talk.model_validate({"id": "t", "speakers": [{"person": "p"}]}).title is None
    with pytest.raises(ValidationError, match="speakers"):
        Talk.model_validate({"id": "t", "speakers": []})


def test_paper_keeps_author_order_and_kinds():
    paper = Paper(id="p", title="T", year=2019, authors=["b", "a", "c"], kinds=["poster", "oral"])
    assert paper.authors == ["b", "a", "c"]
    with pytest.raises(ValidationError):
        Paper(id="p", title="T", year=2019, authors=["a"], kinds=["keynote"])


def test_links_must_be_valid_iris():
    with pytest.raises(ValidationError, match="links"):
        Talk.model_validate({"id": "t", "speakers": [{"person": "p"}], "links": ["http://a b"]})
