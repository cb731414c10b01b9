"""Listings of many talks: titles, speaker lines, abstracts, biographies, series and chapters."""

import pytest

from kg.errors import DataError
from kg.ingest.pages import listing
from kg.ingest.pages.pipeline import extract_file
from kg.ingest.pages.text import read_page

from .pages_helpers import SEED_FILES, page, speakers


def test_the_seed_listing_has_eighteen_talks_in_three_events():
    found = listing.extract(read_page(SEED_FILES["002"]))
    assert [(e.key, e.kind) for e in found.events] == [
        ("recorded-talks-machine-learning", "talk_collection"),
        ("ieee-seasonal-school-manufacturability-testing-reliability-and-security", "school"),
        ("tilos-seminar", "seminar_series")]
    assert len(found.talks) == 18
    by_title = {t.title: t for t in found.talks}
    kalai = by_title["Unlearnable Facts Cause Hallucinations in Pretrained Language Models"]
    assert kalai.collaborators == ["Santosh Vempala"]
    assert kalai.biography.startswith("Adam Tauman Kalai is a Research Scientist")
    assert kalai.abstract.endswith("This is joint work with Santosh Vempala.")
    tilos = by_title["Causal Discovery for Root Cause Analysis"]
    assert tilos.event == "tilos-seminar"
    assert tilos.alt_titles == [("TILOS Seminar: Causal Discovery for Root Cause Analysis", "listing")]
    assert tilos.biography.startswith("Dr. Kocaoglu received")
    assert [(s.name, s.affiliation, s.role) for s in tilos.speakers] == [
        ("Murat Kocaoglu", "Purdue University", "Assistant Professor")]
    dfm = by_title["ML for Testing and Yield"]
    assert (dfm.recording_offset, dfm.speakers[0].name, dfm.speakers[0].role) == (
        "59:54:00", "Li-C. Wang", "Professor")
    assert by_title["Transformers Learn In-context by (Functional) Gradient Descent"].speakers[0].role \
        == "TILOS Postdoctoral Scholar"
    assert by_title["Hunting the Hessian"].biography is None


def test_a_listing_with_two_speakers_a_series_and_a_speaker_without_affiliation():
    found = page("listing-optimization.md")
    assert found.kind == "talk_listing"
    assert [t.title for t in found.talks] == ["Adaptive Methods Beyond Adam",
                                              "Sampling with Langevin Dynamics",
                                              "Convex Relaxations for Sparse PCA"]
    assert speakers(found) == [
        [("Ana Souza", "University of Lisbon", None), ("Pedro Alves", "Instituto Superior Técnico", None)],
        [("Ingrid Holm", "University of Oslo", "Assistant Professor")],
        [("Tobias Reinhardt", None, None)]]
    adaptive, sampling, convex = found.talks
    assert adaptive.biography.startswith("Ana Souza is an associate professor")
    assert "Pedro Alves is a PhD student" in adaptive.biography
    assert sampling.event == "tilos-seminar" and sampling.collaborators == ["Marta Kowalczyk"]
    assert convex.biography is None


def test_an_html_listing_with_a_shared_affiliation_and_recorded_chapters():
    found = page("listing-summer-school.html")
    assert speakers(found)[0] == [("Priya Raman", "Stanford University", None),
                                  ("Jonas Berg", "Stanford University", None)]
    assert speakers(found)[1] == [("Misha Belkin", "UC San Diego", "Professor")]
    lectures = [t for t in found.talks if t.recording_offset]
    assert [(t.title, t.recording_offset, t.speakers[0].name) for t in lectures] == [
        ("Uniform Convergence", "00:05:00", "Marta Kowalczyk"),
        ("PAC-Bayes Bounds", "01:10:00", "Kenji Watanabe")]
    assert {e.kind for e in found.events} == {"talk_collection", "school"}


def test_a_page_without_any_talk_is_refused(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("Some notes.\nNothing else here.\n")
    with pytest.raises(DataError, match="notes.md: no talk found"):
        listing.extract(read_page(path))


def test_a_term_in_bold_gives_its_year_to_the_talks_under_it(tmp_path):
    path = tmp_path / "past.md"
    path.write_text("# Student seminar\n\n<b>Spring 2024 Schedule</b>\n\n"
                    "- Feb 2: Sam Bevins: Lie algebras\n\n"
                    "**Fall 2022 Schedule**\n\n- Sep 9: Marco Aldi: Overview of linking numbers\n")
    found = extract_file(path)
    assert [(t.speakers[0].name, t.day) for t in found.talks] == [
        ("Sam Bevins", "2024-02-02"), ("Marco Aldi", "2022-09-09")]


def test_kramdown_attribute_lists_stay_out_of_titles(tmp_path):
    path = tmp_path / "schedule.md"
    path.write_text("# Journal club\n\n| Date | Presenter | Paper |\n|---|---|---|\n"
                    "| 2025-03-04 | Luke Darlow "
                    "| [Continuous Thought Machines](https://x.org/a){:target=\"_blank\"} |\n"
                    "{: .schedule}\n")
    talk, = extract_file(path).talks
    assert talk.title == "Continuous Thought Machines"


def test_an_html_table_with_blank_lines_between_its_rows_is_read_whole(tmp_path):
    talks = [("Nov. 17, 2026", "Chaitanya Rayudu", "Codes and circuits"),
             ("Nov. 3, 2026", "Angus Lowe", "Learning channels")]
    rows = "".join(f"\n        <tr>\n        <td>{day}</td>\n        <td>\n"
                   f"            <a href='https://x.org'>{who}</a>\n        </td>\n"
                   f"        <td>{title}</td>\n        </tr>\n        \n" for day, who, title in talks)
    hidden = ("<!--\n<table>\n<tr><td>Jan. 5, 2026</td><td>Old Speaker</td><td>Hidden</td></tr>\n\n"
              "</table>\n-->\n")
    path = tmp_path / "seminar.md"  # a site generator's loop leaves the blank lines
    path.write_text("# Seminar\n\n<div class='wrapper'>\n    <table>\n    <thead><tr><th>Date</th>"
                    f"<th>Speaker</th><th>Title</th></tr></thead>\n    <tbody>\n{rows}    </tbody>\n"
                    f"    </table>\n</div>\n\n{hidden}")
    found = extract_file(path)
    assert [(t.day, t.speakers[0].name, t.title) for t in found.talks] == [
        ("2026-11-17", "Chaitanya Rayudu", "Codes and circuits"),
        ("2026-11-03", "Angus Lowe", "Learning channels")]
