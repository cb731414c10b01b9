"""Seminar announcement pages: series, schedule, organizers and this week's talk(s)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from kg.errors import DataError
from kg.ingest.pages import seminar
from kg.ingest.pages.text import read_page

from .pages_helpers import SEED_FILES, page, speakers

NEW_YORK = ZoneInfo("America/New_York")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def test_the_seed_page_gives_series_seminar_and_talk():
    found = seminar.extract(read_page(SEED_FILES["000"]))
    series, event = found.events
    assert (series.name, series.kind, series.timezone) == (
        "Princeton Alg-ML Seminar", "seminar_series", "America/New_York")
    assert [o.name for o in series.organizers] == ["Simran Kaur", "Eshaan Nichani", "Jennifer Sun"]
    assert series.attended_by_groups_of == ["Sanjeev Arora", "Elad Hazan", "Jason Lee", "Chi Jin"]
    assert "every Monday from 12:30 pm ET to 1:30 pm ET" in series.schedule
    assert (event.start, event.place) == (datetime(2023, 12, 4, 12, 30, tzinfo=NEW_YORK),
                                          "Computer Science 302")
    talk, = found.talks
    assert speakers(found) == [[("Noam Razin", "Tel Aviv University", None)]]
    assert talk.title.startswith("Two Theoretical Analyses of Modern Deep Learning")
    assert talk.end == datetime(2023, 12, 4, 13, 30, tzinfo=NEW_YORK)
    assert talk.collaborators[0] == "Nadav Cohen" and talk.collaborators[-1] == "Etai Littwin"
    assert len(talk.collaborators) == 9


def test_next_weeks_page_has_another_speaker_room_and_date():
    found = page("seminar-alg-ml-2024-02-12.md")
    assert found.kind == "seminar_page" and found.key == "princeton-alg-ml-seminar-2024-02-12"
    talk, = found.talks
    assert speakers(found) == [[("Marta Kowalczyk", "ETH Zurich", None)]]
    assert talk.title == "Implicit Regularization of Sharpness-Aware Minimization"
    assert (talk.start, talk.place) == (datetime(2024, 2, 12, 12, 30, tzinfo=NEW_YORK),
                                        "Friend Center 004")
    assert talk.collaborators == ["Tobias Reinhardt", "Misha Belkin"]
    assert [o.name for o in found.events[0].organizers] == ["Jennifer Sun", "Simran Kaur",
                                                            "Eshaan Nichani"]


def test_two_talks_on_one_html_page_with_an_open_title_and_a_moved_day():
    found = page("seminar-theory-two-talks.html")
    assert [e.key for e in found.events] == ["stanford-ml-theory-seminar",
                                             "stanford-ml-theory-seminar-2024-10-08",
                                             "stanford-ml-theory-seminar-2024-10-16"]
    first, second = found.talks
    assert first.title is None  # "Title: TBA"
    assert (first.start, first.place) == (datetime(2024, 10, 8, 15, 0, tzinfo=LOS_ANGELES), "Gates 104")
    # a Wednesday instead of the usual Tuesday, at another time given in the date line
    assert (second.start, second.end) == (datetime(2024, 10, 16, 16, 0, tzinfo=LOS_ANGELES),
                                          datetime(2024, 10, 16, 17, 0, tzinfo=LOS_ANGELES))
    assert speakers(found)[1] == [("Kenji Watanabe", None, None)]  # no affiliation printed
    assert second.abstract.startswith("We compute learning curves")
    assert second.biography.startswith("Kenji Watanabe is a postdoctoral researcher")
    assert [o.name for o in found.events[0].organizers] == ["Priya Raman", "Jonas Berg"]


def test_a_seminar_page_without_a_dated_talk_is_refused(tmp_path):
    path = tmp_path / "empty-week.md"
    path.write_text("Welcome to the Theory Seminar page!\n\nNo talk this week.\n")
    with pytest.raises(DataError, match="empty-week.md: no talk found"):
        seminar.extract(read_page(path))


def test_day_of_a_start_value():
    assert seminar.day_of(datetime(2024, 1, 2, 3, tzinfo=NEW_YORK)) == date(2024, 1, 2)


def test_a_plain_text_page_with_labelled_lines_and_time_and_room_after_commas():
    found = page("seminar-optimization-labelled.txt")
    series, event = found.events
    assert (series.name, [o.name for o in series.organizers]) == (
        "MIT Optimization Seminar", ["Priya Raman", "Jonas Berg"])
    talk, = found.talks
    assert speakers(found) == [[("Ingrid Holm", "University of Oslo", None)]]
    assert talk.title == "Sampling with Langevin Dynamics"
    # the date line moves the talk half an hour later than the usual schedule
    assert (talk.start, talk.end, talk.place) == (datetime(2025, 3, 6, 16, 30, tzinfo=NEW_YORK),
                                                  datetime(2025, 3, 6, 17, 30, tzinfo=NEW_YORK), "32-G449")
    assert talk.biography == "Ingrid Holm is an assistant professor at the University of Oslo."


def test_date_line_parts():
    assert seminar.date_line_parts("December 4, 2023 | Computer Science 302") == ["Computer Science 302"]
    assert seminar.date_line_parts("Thursday, March 6, 2025, 4:30 pm - 5:30 pm, 32-G449") == [
        "4:30 pm - 5:30 pm", "32-G449"]


def test_a_date_without_a_speaker_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "week.md"
    path.write_text("Welcome to the Theory Seminar page!\n\n## May 6, 2024 | Room 1\n\n"
                    "no talk this week, see you next Monday.\n")
    with pytest.raises(DataError, match="week.md: line 3: a date line but no speaker after it"):
        seminar.extract(read_page(path))
