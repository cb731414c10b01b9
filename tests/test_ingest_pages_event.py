"""Event pages with Speaker / Title / Abstract / Biography sections."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kg.errors import DataError
from kg.ingest.pages import event
from kg.ingest.pages.text import read_page

from .pages_helpers import SEED_FILES, page, speakers

CHICAGO = ZoneInfo("America/Chicago")


def test_the_seed_event_page():
    found = event.extract(read_page(SEED_FILES["001"]))
    series, seminar = found.events
    assert (series.key, series.name) == ("cs-seminar", "CS Seminar")
    assert (seminar.start, seminar.end) == (datetime(2025, 2, 21, 12, tzinfo=CHICAGO),
                                            datetime(2025, 2, 21, 13, tzinfo=CHICAGO))
    assert (seminar.place, seminar.address) == ("Mudd Hall 3514", "2233 Tech Drive, Evanston, IL 60208")
    assert seminar.contacts == [("Wynante R Charles", None, "(847) 467-8174")]
    assert seminar.audience == ["Faculty/Staff", "Student", "Post Docs/Docs", "Graduate Students"]
    talk, = found.talks
    assert speakers(found) == [[("Sadhika Malladi", "Princeton University", None)]]
    assert talk.title == "Deep Learning Theory in the Age of Generative AI"
    assert talk.alt_titles == [("CS Seminar: Deep Learning Theory in the Age of Generative AI "
                                "(Sadhika Malladi)", "page title")]
    assert talk.keywords == ["machine learning", "theoretical machine learning",
                             "natural language processing", "optimization"]
    assert talk.biography.startswith("Sadhika Malladi is a final-year PhD student")
    assert talk.abstract.endswith("published after the theory.")


def test_another_talk_of_the_series_in_text():
    found = page("event-cs-seminar-2025-03-07.txt")
    assert found.kind == "event_page"
    talk, = found.talks
    assert talk.title == "Provable Guarantees for Diffusion Models"
    assert speakers(found) == [[("Lena Okafor", "University of Michigan", None)]]
    assert talk.start == datetime(2025, 3, 7, 12, tzinfo=CHICAGO)
    assert talk.keywords == ["machine learning", "diffusion models", "sampling"]
    assert talk.links == ["https://northwestern.zoom.us/j/99999999999"]


def test_an_html_colloquium_page_with_the_title_not_announced_and_no_affiliation():
    found = page("event-statistics-colloquium.html")
    series, seminar = found.events
    assert series.name == "Statistics Colloquium"
    assert seminar.start == datetime(2025, 4, 9, 15, 30, tzinfo=ZoneInfo("America/New_York"))
    assert (seminar.place, seminar.address) == ("Fine Hall 214", "Washington Road, Princeton, NJ 08544")
    assert seminar.contacts == [("Maria Lopez", None, "(609) 258-0000")]
    talk, = found.talks
    assert talk.title is None
    assert speakers(found) == [[("Kenji Watanabe", None, None)]]
    assert talk.biography.startswith("Kenji Watanabe is a postdoctoral researcher")


def test_an_event_page_without_a_speaker_section_is_refused(tmp_path):
    path = tmp_path / "no-speaker.txt"
    path.write_text("CS Seminar: Something\n\nFriday, February 21, 2025 | 12:00 PM - 1:00 PM CT\n\n"
                    "Abstract\nA talk.\n")
    with pytest.raises(DataError, match="no-speaker.txt: no talk found: an event page needs a 'Speaker'"):
        event.extract(read_page(path))


def test_an_event_page_without_a_date_is_refused(tmp_path):
    path = tmp_path / "no-date.txt"
    path.write_text("CS Seminar: Something\n\nSpeaker\nAda Lovelace, Analytical University\n")
    with pytest.raises(DataError, match="no-date.txt: no date found"):
        event.extract(read_page(path))


def test_a_markdown_page_with_when_time_and_location_labels():
    found = page("event-ml-colloquium-labelled.md")
    series, seminar = found.events
    assert series.name == "ML Colloquium"
    pacific = ZoneInfo("America/Los_Angeles")
    assert (seminar.start, seminar.end) == (datetime(2025, 1, 14, 11, tzinfo=pacific),
                                            datetime(2025, 1, 14, 12, tzinfo=pacific))
    assert (seminar.place, seminar.address) == ("Gates 104", "353 Jane Stanford Way, Stanford, CA 94305")
    talk, = found.talks
    assert talk.title == "Tight Regret Bounds for Switching Bandits"
    assert talk.biography.startswith("Priya Raman is a PhD student")


def test_an_event_page_that_names_no_series_makes_no_series(tmp_path):
    """A talk announced alone ("Talk: ...") is the day of its talk, not a day of a series "Seminar"."""
    path = tmp_path / "talk.txt"
    path.write_text("Provable guarantees for diffusion\n\nFriday, March 7, 2025 | 12:00 PM - 1:00 PM CT\n\n"
                    "Speaker\nLena Okafor, University of Michigan\n\nAbstract\nSampling bounds.\n",
                    encoding="utf-8")
    found = event.extract(read_page(path))
    assert [(e.kind, e.part_of) for e in found.events] == [("seminar", None)]
    assert found.talks[0].event == found.events[0].key
