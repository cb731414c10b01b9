"""Talk speakers given to the one bibliography author whose name fits theirs."""

from datetime import UTC, datetime

from kg.ingest.bulk.ics import ImportedTalk
from kg.ingest.bulk.speakers import match_speakers, why_same
from kg.ingest.printed import ImportedPaper
from kg.ingest.resolve.people import resolve
from kg.records.aliases import Aliases
from kg.records.models import Person

PAPERS = [
    ImportedPaper("p1", "Optimal shrinkage", 2018, ["David L. Donoho", "Matan Gavish"]),
    ImportedPaper("p2", "Fair learning", 2020, ["Thomas Hartvigsen", "Lexing Ying"]),
    ImportedPaper("p3", "Databases", 2019, ["Christopher Re", "Ann Lee"]),
    ImportedPaper("p4", "Proteins", 2019, ["Christopher M. Re", "Bo Li"]),
    ImportedPaper("p5", "Graphs", 2019, ["Jiang Tang"]),
    ImportedPaper("p6", "Images", 2019, ["Chaofan Huang", "Z. Wang"]),
]


def talk(uid: str, *speakers: str) -> ImportedTalk:
    return ImportedTalk(uid, "A talk", list(speakers), datetime(2021, 3, 1, 12, tzinfo=UTC))


def resolved(talks, people=()):
    resolution = resolve([*PAPERS, *talks], list(people), [], Aliases())
    match_speakers(resolution, PAPERS, [(t.speakers, t.uid) for t in talks])
    return resolution


def test_a_speaker_called_by_a_short_name_is_the_one_author_it_fits():
    resolution = resolved([talk("t1", "Dave Donoho"), talk("t2", "Tom Hartvigsen")])
    assert resolution.person("Dave Donoho") == resolution.person("David L. Donoho")
    assert resolution.person("Tom Hartvigsen") == resolution.person("Thomas Hartvigsen")
    donoho = next(p for p in resolution.new_people if p.name == "David L. Donoho")
    assert "Dave Donoho" in donoho.alt_names
    assert not any(p.name in ("Dave Donoho", "Tom Hartvigsen") for p in resolution.new_people)
    assert any(m.variant == "Tom Hartvigsen" and "short form" in m.reason for m in resolution.merges)


def test_a_speaker_whose_name_fits_two_authors_or_none_stays_apart():
    resolution = resolved([talk("t1", "Chris Re"), talk("t2", "Jian Tang"), talk("t3", "Ada Lovelace"),
                           talk("t4", "Chao Huang"), talk("t5", "Ziran Wang")])
    assert resolution.person("Chris Re") not in {resolution.person("Christopher Re"),
                                                 resolution.person("Christopher M. Re")}
    assert resolution.person("Jian Tang") != resolution.person("Jiang Tang")
    assert {"Chris Re", "Jian Tang", "Ada Lovelace", "Chao Huang", "Ziran Wang"} <= {
        p.name for p in resolution.new_people}


def test_a_registry_person_is_never_moved():
    registry = [Person(id="dave-donoho", name="Dave Donoho")]
    resolution = resolved([talk("t1", "Dave Donoho")], registry)
    assert resolution.person("Dave Donoho") == "dave-donoho"


def test_why_two_names_may_be_one_person():
    assert why_same("wasi ahmad", "wasi uddin ahmad") == "middle name"
    assert why_same("chao huang", "chaofan huang") is None
    assert why_same("ziran wang", "z wang") is None
    assert why_same("dave donoho", "david l donoho") == "short form, middle name"
    assert why_same("jian tang", "jiang tang") is None
