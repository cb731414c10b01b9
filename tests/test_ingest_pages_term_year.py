"""The year a page's opening prose gives the term whose rows print day and month only."""

from __future__ import annotations

from kg.ingest.pages.blocks import Block
from kg.ingest.pages.pipeline import extract_file
from kg.ingest.pages.term_year import term_year


def test_the_term_a_welcome_paragraph_names_gives_its_year():
    blocks = [Block("Engines Seminar", 1, "h1"),
              Block("Here you will find the talks given during the Fall of 2008.", 3, "p")]
    assert term_year(blocks) == 2008
    assert term_year([Block("This is the seminar's website in Spring 2025!", 1, "p")]) == 2025


def test_no_year_when_the_opening_names_two_terms_or_an_academic_year():
    assert term_year([Block("Fall 2019 and Spring 2020 talks", 1, "p")]) is None
    assert term_year([Block("Talks of Fall 2023-24", 1, "p")]) is None
    assert term_year([Block("Talks in the fall", 1, "p")]) is None


def test_a_schedule_of_day_and_month_rows_takes_the_year_of_the_term_in_the_prose(tmp_path):
    path = tmp_path / "index.md"
    path.write_text("---\ntitle: Graduate Seminar on Engines\n---\n\n"
                    "This is the website for the **Graduate Seminar** on engines in Spring 2025!"
                    " Thursdays 3:40pm.\n\n"
                    "## schedule\n\n| Date | Speaker | Topic |\n|---|---|---|\n"
                    "| 16 Jan | Ada Lovelace | notes on the analytical engine |\n"
                    "| 23 Jan | Mary Somerville | the connexion of the physical sciences |\n",
                    encoding="utf-8")
    talks = [(t.speakers[0].name, t.day) for t in extract_file(path).talks]
    assert talks == [("Ada Lovelace", "2025-01-16"), ("Mary Somerville", "2025-01-23")]
