"""Meeting programmes: agenda slots joined with their abstracts, even when titles differ."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from kg.errors import DataError
from kg.ingest.pages import meeting
from kg.ingest.pages.pipeline import extract_file
from kg.ingest.pages.text import read_page

from .pages_helpers import SEED_FILES, page, speakers

NEW_YORK = ZoneInfo("America/New_York")


def test_the_seed_programme_joins_every_slot_with_its_abstract():
    found = meeting.extract(read_page(SEED_FILES["003"]))
    event, = found.events
    assert (event.start, event.end, event.timezone) == (date(2024, 9, 26), date(2024, 9, 27),
                                                        "America/New_York")
    assert [(o.name, o.affiliation) for o in event.organizers] == [
        ("Peter Bartlett", "University of California, Berkley"),
        ("René Vidal", "University of Pennsylvania")]
    assert event.contacts == [("Christina Darras", "Event Manager", None)]
    assert len(found.talks) == 8
    mossel = found.talks[1]
    assert mossel.title == "Why depth? A theoretical perspective on the advantages of depth in inference"
    assert mossel.alt_titles == [("Why Depth? A theorectical perspectives on the advantages of depth in "
                                  "inference", "agenda")]
    assert (mossel.start, mossel.end) == (datetime(2024, 9, 26, 11, tzinfo=NEW_YORK),
                                          datetime(2024, 9, 26, 12, tzinfo=NEW_YORK))
    assert speakers(found)[1] == [("Elchanan Mossel", "Massachusetts Institute of Technology", None)]
    bin_yu = found.talks[3]
    assert bin_yu.collaborators == ["Nikhil Ghosh", "Soufiane Hayou"]
    assert bin_yu.collaborator_affiliations == {"Nikhil Ghosh": "University of California, Berkeley",
                                                "Soufiane Hayou": "University of California, Berkeley"}
    rong_ge = found.talks[0]
    assert rong_ge.alt_titles == [] and rong_ge.abstract.startswith("Large language models")


def test_another_meeting_with_a_typo_a_shared_slot_and_an_open_title():
    found = page("meeting-foundations-2025.md")
    assert found.kind == "meeting_programme"
    okafor, pair, watanabe, kowalczyk = found.talks
    assert okafor.title == "Provable Guarantees for Diffusion Models"
    assert okafor.alt_titles == [("Provable Guarantes for Diffusion Model", "agenda")]
    assert okafor.collaborator_affiliations == {"Tobias Reinhardt": "ETH Zurich"}
    assert [s.name for s in pair.speakers] == ["Ana Souza", "Pedro Alves"]
    assert pair.abstract == "A simple per-layer normalization matches Adam."
    assert watanabe.title == "Learning Curves of Kernel Ridge Regression"  # TBA in the agenda
    assert (kowalczyk.start.date(), kowalczyk.start.hour) == (date(2025, 5, 15), 9)  # a Thursday
    assert kowalczyk.alt_titles == [("Sharpness and Flatness", "agenda")]


def test_an_html_programme_with_a_table_agenda_in_pacific_time():
    found = page("meeting-workshop.html")
    assert found.events[0].timezone == "America/Los_Angeles"
    belkin, raman = found.talks
    assert belkin.start == datetime(2024, 11, 2, 9, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert belkin.title == "Emergence in “Simple” Architectures"
    assert raman.title == "Online Learning with Switching Costs"
    assert raman.alt_titles == [("Online Learning with Switching Cost", "agenda")]
    assert speakers(found)[1] == [("Priya Raman", "Stanford University", None)]


def test_a_programme_without_talks_is_refused(tmp_path):
    path = tmp_path / "meeting.md"
    path.write_text("2025 Meeting\n\n# Agenda\n\nMonday, May 5\n\n9:00 AM Breakfast\n\n# Abstracts\n")
    with pytest.raises(DataError, match="meeting.md: line 5: the agenda holds no talk"):
        meeting.extract(read_page(path))


def test_slots_written_with_a_colon_or_a_dash_in_central_european_time():
    found = page("meeting-symposium.md")
    holm, berg = found.talks
    paris = ZoneInfo("Europe/Paris")
    assert (holm.start, holm.end) == (datetime(2025, 6, 2, 10, tzinfo=paris),
                                      datetime(2025, 6, 2, 11, tzinfo=paris))
    assert (holm.title, holm.alt_titles) == ("Sampling with Langevin Dynamics",
                                             [("Sampling with Langevin Dynamic", "agenda")])
    assert (berg.title, berg.speakers[0].affiliation) == ("Bandits with Switching Costs",
                                                          "University of Oslo")


def test_a_one_day_programme_takes_the_day_its_page_names_once(tmp_path):
    path = tmp_path / "conference.md"
    path.write_text("# Inaugural conference\n\nThe chair's conference takes place next Thursday, "
                    "December 15th, in Paris.\n\n## When\n\nThursday, December 15th 2016, 14:00-19:00.\n\n"
                    "## Schedule\n\n"
                    "* 14:30-15:00: Emmanuel Dupoux (EHESS), *Learning speech like infants*.\n"
                    "* 15:00-15:30: Jean-Philippe Vert (Mines ParisTech), *Cancer prognosis on the symmetric "
                    "group*.\n")
    found = extract_file(path)
    assert [(t.speakers[0].name, t.day) for t in found.talks] == [
        ("Emmanuel Dupoux", "2016-12-15"), ("Jean-Philippe Vert", "2016-12-15")]
