"""A citation read by its structure: segments labelled authors, title and venue by their content
(hand-written examples of common styles; the real pages are scored by bench/author_papers.py)."""

from __future__ import annotations

import pytest

from kg.ingest.pages.blocks import Span
from kg.ingest.pages.segments import author_names, read_citation, segments

TITLE = "Testing linear models with a high-dimensional null"


@pytest.mark.parametrize("text, authors, year", [
    # APA with a comma missing between two names, the owner in bold, volume and pages after the journal
    (f"Chen, J., Rashid, N. Li, Q., and Chen, H.Y. (2023). {TITLE}. Biometrika, 110:83-99. [pdf] [supp]",
     ["Chen, J.", "Rashid, N.", "Li, Q.", "Chen, H.Y."], 2023),
    # initials first, the title after the last name's comma, the venue after a stop
    (f"S. Makhlouf, A. Bar-Hen, F.-X. Jollois, {TITLE}. Journées de Statistique 2022, France.",
     ["S. Makhlouf", "A. Bar-Hen", "F.-X. Jollois"], 2022),
    # the venue and year joined to the title by commas
    (f"Q. Bertrand, M. Massias, {TITLE}, AISTATS 2021. code", ["Q. Bertrand", "M. Massias"], 2021),
    # DBLP: names, a colon, the title
    (f"Ada Lovelace, Charles Babbage: {TITLE}. COLT 2020", ["Ada Lovelace", "Charles Babbage"], 2020),
])
def test_authors_title_and_year_of_common_styles(text, authors, year):
    reading = read_citation(text)
    assert reading is not None
    assert (reading.authors, reading.title, reading.year) == (authors, TITLE, year)


def test_the_title_first_then_the_byline_then_the_venue_in_italics():
    text = f"{TITLE} [video] [poster]\nAda Lovelace and Charles Babbage ICML 2021"
    reading = read_citation(text, [Span("a", TITLE), Span("b", "Ada Lovelace"), Span("i", "ICML 2021")])
    assert reading is not None
    assert reading.authors == ["Ada Lovelace", "Charles Babbage"]
    assert (reading.title, reading.year) == (TITLE, 2021)


def test_a_bold_name_in_the_byline_does_not_cut_it():
    parts = segments("Chen, J., Li, Q., and Chen, H. (2023). Title of the paper. Biometrika.",
                     [Span("b", "Li, Q."), Span("i", "Biometrika")])
    assert parts[0] == "Chen, J., Li, Q., and Chen, H"


def test_a_sentence_of_prose_is_no_citation():
    assert read_citation("We thank Ada Lovelace for the discussions. They led to this work.") is None


def test_a_title_in_capitals_is_no_list_of_authors():
    assert author_names("Learning with Kernels, Sparse Random Features") == []
    assert author_names("Ada Lovelace and Charles Babbage") == ["Ada Lovelace", "Charles Babbage"]


@pytest.mark.parametrize("text", [
    f"{TITLE} — Ada Lovelace, Charles Babbage — NeurIPS 2019",
    f"{TITLE} | Ada Lovelace, Charles Babbage | NeurIPS 2019",
    f"NeurIPS 2019: {TITLE}. Ada Lovelace, Charles Babbage",
    f"2019 {TITLE}. Ada Lovelace, Charles Babbage. NeurIPS.",
])
def test_dashes_bars_and_a_leading_venue_or_year_cut_a_citation(text):
    reading = read_citation(text)
    assert reading is not None
    assert reading.authors == ["Ada Lovelace", "Charles Babbage"]
    assert (reading.title, reading.year) == (TITLE, 2019)


def test_coauthors_after_with_and_a_name_with_its_other_name_are_no_titles():
    assert read_citation("Notes. *joint with Ada Lovelace and Charles Babbage*, 2019") is None
    assert read_citation("Ada Lovelace, Charles Babbage. E. Vilkul (Tuzhilina). Physics, 2019") is None


def test_a_first_author_written_last_name_then_first_name():
    assert author_names("Fishman, Alon, Lisa Gottschalk, and Joana Cholin") == [
        "Fishman, Alon", "Lisa Gottschalk", "Joana Cholin"]
    assert author_names("Fishman, Alon") == ["Fishman, Alon"]
    assert author_names("Li, Wang, Zhang") == []  # three surnames: not read as one inverted name


def test_title_then_venue_then_authors_on_lines_of_their_own():
    text = f"{TITLE} [arxiv]\nLearning Representations (ICLR) 2023\nAda Lovelace, Charles Babbage"
    reading = read_citation(text, listed=True)  # an entry of a list of papers
    assert reading is not None
    assert (reading.authors, reading.title, reading.year) == (["Ada Lovelace", "Charles Babbage"], TITLE,
                                                              2023)


def test_a_row_of_link_buttons_does_not_hide_the_citation():
    text = f"{TITLE}\nAda Lovelace, Charles Babbage, Mary Somerville\nICRA 2026\nPaper ↗ Project ↗ Code ↗"
    reading = read_citation(text, listed=True)
    assert reading is not None and reading.title == TITLE and len(reading.authors) == 3


def test_two_names_between_title_and_venue_are_no_venue():
    # a title two segments before the authors needs a venue between them, not another name list
    assert read_citation(f"{TITLE}\nAda Lovelace, Charles Babbage\nMary Somerville, Ann Lee") is None


def test_a_journal_under_the_byline_is_no_title_even_beside_an_acronym_title():
    text = "Random Pairing MLE for Estimation of Item Parameters in Rasch Model\nY. Yang, C. Ma\n" \
           "Journal of the American Statistical Association, 2025"
    reading = read_citation(text)
    assert reading is not None and reading.title.startswith("Random Pairing MLE")


def test_site_generator_shortcodes_in_the_link_row_are_no_part_of_the_citation():
    text = (f"Lovelace, A., Babbage, C. (2024)\n{TITLE}\nComputational Statistics\n"
            "{{< fa book >}} Paper | {{< fa basketball >}} Shiny App")
    reading = read_citation(text)
    assert reading is not None
    assert (reading.authors, reading.title, reading.year) == (["Lovelace, A.", "Babbage, C."], TITLE, 2024)


def test_a_title_with_its_own_colon_is_not_cut_as_a_byline():
    reading = read_citation("Motion Annotation Programs: A Scalable Approach to Annotating Shapes\n"
                            "Xianghao Xu, David Charatan, Sonia Raychaudhuri\n3DV 2020")
    assert reading is not None and reading.title.startswith("Motion Annotation Programs: A Scalable")
    assert reading.authors == ["Xianghao Xu", "David Charatan", "Sonia Raychaudhuri"]


def test_a_bold_title_with_an_acronym_beats_an_italic_journal():
    title = "A Geometric Approach to the Analysis of the Data Bank of 3D Protein Structures (PDB)"
    text = f"{title}\nE. Vilkul, A. Ivanov, A. Tuzhilin.\nPure and Applied Mathematics, 20(3): 33–46, 2015."
    reading = read_citation(text, [Span("b", title), Span("i", "Pure and Applied Mathematics")], listed=True)
    assert reading is not None and reading.title == title and reading.year == 2015


def test_a_row_of_surnames_is_no_title():
    reading = read_citation("Spherical CNNs — Cohen, Geiger, Koehler, Welling (2018) · arXiv:1801.10130")
    assert reading is None or reading.title != "Cohen, Geiger, Koehler, Welling"


def test_a_card_with_notes_after_its_dated_venue_and_a_named_title():
    text = ("PhysTwin: Physics-Informed Reconstruction of Deformable Objects from Videos\n"
            "Ada Lovelace, Charles Babbage, Mary Somerville\nICCV 2025\nPaper ↗ Project ↗ Code ↗\n"
            "The work I love most — code maintained for the long term.")
    reading = read_citation(text, listed=True)
    assert reading is not None and reading.title.startswith("PhysTwin: Physics-Informed")
    assert reading.year == 2025 and len(reading.authors) == 3


def test_a_linked_conference_after_the_byline_is_the_venue_of_a_talk_entry():
    title = "A finite convergence algorithm for two-stage robust optimization with objective uncertainty"
    venue = "31st European Conference on Operational Research (EURO)"
    text = f"{title}\nH. Lefebvre, B. Detienne, E. Malaguti, M. Monaci (2021) - {venue}, virtual"
    reading = read_citation(text, [Span("b", title), Span("u", "H. Lefebvre"), Span("a", venue)], listed=True)
    assert reading is not None and reading.title == title and len(reading.authors) == 4
