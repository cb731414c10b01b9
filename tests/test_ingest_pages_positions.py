"""Positions and honorifics around a speaker's name: taken off the name, kept as the position."""

from __future__ import annotations

import pytest

from kg.ingest.pages import common
from kg.ingest.pages.entries import speakers_of
from kg.ingest.pages.fields import is_name, strip_honorifics
from kg.ingest.pages.positions import is_position, split_position


@pytest.mark.parametrize(("printed", "name", "position"), [
    ("Associate Professor Ada Lovelace", "Ada Lovelace", "Associate Professor"),
    ("Assistant Prof. Ada Lovelace", "Ada Lovelace", "Assistant Prof."),
    ("Prof. Dr. Ada Lovelace", "Ada Lovelace", None),  # a form of address, no position
    ("PhD candidate Ada Lovelace", "Ada Lovelace", "PhD candidate"),
    ("Postdoctoral Fellow Ada Lovelace", "Ada Lovelace", "Postdoctoral Fellow"),
    ("Senior Research Scientist Ada Lovelace", "Ada Lovelace", "Senior Research Scientist"),
    ("Professor Emeritus Ada Lovelace", "Ada Lovelace", "Professor Emeritus"),
    ("Maître de conférences Ada Lovelace", "Ada Lovelace", "Maître de conférences"),
    ("Profesor Titular Ana Gómez", "Ana Gómez", "Profesor Titular"),
    ("Priv.-Doz. Dr. Ada Lovelace", "Ada Lovelace", "Priv.-Doz."),
    ("Jun.-Prof. Dr. Ada Lovelace", "Ada Lovelace", "Jun.-Prof."),
    ("PD Dr. Ada Lovelace", "Ada Lovelace", None),
    ("PR Kumar", "PR Kumar", None),  # initials, not "Pr." (French for professor)
    ("Ada Lovelace, Senior Lecturer", "Ada Lovelace", "Senior Lecturer"),
    ("Ada Lovelace, PhD", "Ada Lovelace", None),
    ("Dean Foster", "Dean Foster", None),  # a given name, not a position
    ("Student Ada Lovelace", "Student Ada Lovelace", None),  # a weak word alone stays
    ("Assistant Professor", "Assistant Professor", None),  # nobody's name follows
    ("Professor of Mathematics", "Professor of Mathematics", None),
])
def test_split_position_takes_positions_off_a_name(printed: str, name: str, position: str | None) -> None:
    assert split_position(printed) == (name, position)


def test_a_name_after_its_position_is_a_name() -> None:
    assert is_name("Associate Professor Ada Lovelace")
    assert strip_honorifics("Research Scientist Ada Lovelace") == "Ada Lovelace"
    assert not is_name("Associate Professor")


def test_speaker_lines_keep_the_position_as_the_speakers_role() -> None:
    [before] = common.speaker_line("Associate Professor Ada Lovelace (Analytical University)") or []
    assert (before.name, before.affiliation, before.role) == \
        ("Ada Lovelace", "Analytical University", "Associate Professor")
    [between] = common.speaker_line("Ada Lovelace, Associate Professor, Analytical University") or []
    assert (between.name, between.affiliation, between.role) == \
        ("Ada Lovelace", "Analytical University", "Associate Professor")
    [degree] = common.speaker_line("Ada Lovelace, Ph.D., Analytical University") or []
    assert (degree.name, degree.affiliation) == ("Ada Lovelace", "Analytical University")
    # a position "of" a subject after the name's comma stays whole: the name is not "Name, Professor"
    [subject] = common.speaker_line("Ada Lovelace, Professor of Computer Engineering, NYU Abu Dhabi") or []
    assert (subject.name, subject.affiliation, subject.role) == \
        ("Ada Lovelace", "NYU Abu Dhabi", "Professor of Computer Engineering")


def test_a_labelled_speaker_printed_after_a_position_is_read() -> None:
    [person] = speakers_of("Associate Professor Ada Lovelace")
    assert person.name == "Ada Lovelace"
    [between] = speakers_of("Dr. Ada Lovelace, Research Scientist, Analytical Engines Ltd")
    assert (between.name, between.affiliation) == ("Ada Lovelace", "Analytical Engines Ltd")
    assert is_position("Associate Professor") and not is_position("Fellow")


def test_a_one_talk_page_whose_presenter_has_a_position(tmp_path) -> None:
    from kg.ingest.pages.pipeline import extract_file

    page = tmp_path / "README.md"
    page.write_text("# Engines and their notes\n\n"
                    "*Presenter:* Associate Professor [Ada Lovelace](https://example.org/ada)\n\n"
                    "*When:* Wednesday 12 October 2016, 1pm to 2pm\n\n"
                    "*Abstract:* The talk is about engines that weave algebraic patterns.\n",
                    encoding="utf-8")
    [talk] = extract_file(page).talks
    assert [s.name for s in talk.speakers] == ["Ada Lovelace"]
