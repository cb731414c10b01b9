"""Reading one piece of page text into a talk's fields (hand-written edge cases of real patterns)."""

from __future__ import annotations

from kg.ingest.pages.blocks import Span
from kg.ingest.pages.entries import clean_title, label_of, read, speakers_of


def test_a_name_then_a_quoted_title_with_no_separator():
    fields = read('Ada Lovelace (University of London) "Notes on the analytical engine", '
                  'Babbage Research Centre, 3rd of October, 2022.')
    assert [p.name for p in fields.speakers] == ["Ada Lovelace"]
    assert fields.title == "Notes on the analytical engine"
    assert fields.date is not None and (fields.date.month, fields.date.day) == (10, 3)


def test_a_bold_name_with_its_colon_before_the_title():
    fields = read("10:30 - 11:00 Ada Lovelace: Notes on the analytical engine",
                  [Span("b", "10:30 - 11:00"), Span("b", "Ada Lovelace:")])
    assert [p.name for p in fields.speakers] == ["Ada Lovelace"]
    assert fields.title == "Notes on the analytical engine"


def test_a_numbered_talk_or_speaker_label_is_a_label_and_a_numbered_day_is_not():
    assert label_of("Talk 2: Tables of logarithms") == ("title", "Tables of logarithms")
    assert label_of("Speaker 1: Ada Lovelace") == ("speaker", "Ada Lovelace")
    assert label_of("Day 1: Opening") is None


def test_a_title_with_its_speakers_and_their_degrees_in_brackets():
    fields = read("Topic modelling: an overview (Dr. Ada Lovelace, M.Sc. Charles Babbage)")
    assert [p.name for p in fields.speakers] == ["Ada Lovelace", "Charles Babbage"]
    assert fields.title == "Topic modelling: an overview"


def test_a_speaker_label_after_a_comma():
    fields = read("2024 Dec 09, Speaker: Ada Lovelace")
    assert [p.name for p in fields.speakers] == ["Ada Lovelace"]
    assert fields.date is not None and (fields.date.month, fields.date.day) == (12, 9)


def test_a_bold_name_and_affiliation_then_a_full_stop_and_the_title():
    fields = read("Ada Lovelace, Babbage Lab, London. Notes on the analytical engine.",
                  [Span("b", "Ada Lovelace, Babbage Lab, London")])
    assert [(p.name, p.affiliation) for p in fields.speakers] == [("Ada Lovelace", "Babbage Lab, London")]
    assert fields.title == "Notes on the analytical engine"


def test_a_title_then_by_whom_in_brackets():
    fields = read("Neural processes (by Ada Lovelace) slides", [Span("a", "slides", "np.pdf")])
    assert [p.name for p in fields.speakers] == ["Ada Lovelace"]
    assert fields.title == "Neural processes"
    two = read("LDA and Wasserstein LDA (presented by Ada Lovelace and Mary Somerville)")
    assert ([p.name for p in two.speakers], two.title) == (["Ada Lovelace", "Mary Somerville"],
                                                           "LDA and Wasserstein LDA")
    assert read("Engines driven by hand (by invitation only)").speakers == []  # no name after "by"


def test_a_title_then_its_speaker_and_affiliation_in_brackets():
    fields = read("Notes on the analytical engine (Ada Lovelace, University of Cambridge)")
    assert [(p.name, p.affiliation) for p in fields.speakers] == [("Ada Lovelace", "University of Cambridge")]
    assert fields.title == "Notes on the analytical engine"
    assert read("Notes on engines (Royal Society, London)").speakers == []  # a place, nobody


def test_a_first_name_is_a_speaker_only_behind_a_marker_and_a_means_is_none():
    fields = read("May 30th - Notes on engines (presented by Ada)")
    assert ([p.name for p in fields.speakers], fields.title) == (["Ada"], "Notes on engines")
    assert [p.name for p in read("Notes on engines (Presenter: Dr. Lovelace)").speakers] == ["Lovelace"]
    assert read("Notes on engines (Ada)").speakers == []  # a bare first name: no marker, no speaker
    for means in ("Zoom", "Skype", "Teams", "Telephone"):
        assert read(f"Notes on engines (by {means})").speakers == []


def test_a_room_before_a_marked_title_is_no_part_of_it():
    fields = read("June 21st, 12.00pm (B35 Babbage Room)\nNotes on the analytical engine - Ada Lovelace.",
                  [Span("i", "Notes on the analytical engine")])
    assert [p.name for p in fields.speakers] == ["Ada Lovelace"]
    assert fields.title == "Notes on the analytical engine"
    aside = read("Ada Lovelace: Engines - (Babbage Analytical Engine Society)",
                 [Span("b", "(Babbage Analytical Engine Society)")])
    assert aside.title == "Engines - Babbage Analytical Engine Society"  # "**(Society)**": an aside


def test_a_marked_title_that_opens_with_a_mode_word_is_a_title():
    fields = read("June 17th, 12.00pm (Lab1)\nOnline learning with engines - Ada Lovelace",
                  [Span("i", "Online learning with engines")])
    assert fields.title == "Online learning with engines"
    assert read("Notes on engines - Ada Lovelace - online").title == "Notes on engines"  # a remark


def test_a_name_then_a_marked_title_with_no_separator():
    fields = read("December 5th 3-4pm\nAda Lovelace Notes on the analytical engine",
                  [Span("i", "Notes on the analytical engine")])
    assert ([p.name for p in fields.speakers], fields.title) == (["Ada Lovelace"],
                                                                 "Notes on the analytical engine")


def test_the_texts_of_links_to_a_talks_material_alone_are_no_title():
    assert clean_title("paper slides") is None  # "[paper](p.pdf) [slides](s.pdf)" under an untitled entry
    assert clean_title("paper1 paper2 slides") is None and clean_title("Slides | Video") is None
    assert clean_title("Video games and reinforcement learning") == "Video games and reinforcement learning"
    assert clean_title("Notes on the analytical engine") == "Notes on the analytical engine"


def test_the_text_of_a_link_that_sends_the_reader_on_is_no_title():
    for text in ("More Info", "Read more", "Get the slide here", "Watch the video", "Event details",
                 "Slides"):
        assert clean_title(text) is None, text
    assert clean_title("Learning more from less") == "Learning more from less"
    assert clean_title("Abstract interpretation") == "Abstract interpretation"


def test_two_speakers_before_the_affiliation_they_share():
    people = speakers_of("Ada Lovelace and Mary Somerville (EPFL, Lausanne, Switzerland)")
    assert [(p.name, p.affiliation) for p in people] == [("Ada Lovelace", "EPFL, Lausanne, Switzerland"),
                                                         ("Mary Somerville", "EPFL, Lausanne, Switzerland")]
    assert speakers_of("Machine Learning and Optimization (Part 1, 2)") == []


def test_a_bracketed_link_to_the_material_after_a_dash_is_no_part_of_the_title():
    assert clean_title("Motivation and overview - [pdf slides]") == "Motivation and overview"
    assert clean_title("Markov chain Monte Carlo - [website link]") == "Markov chain Monte Carlo"
    assert clean_title("Engines - a history") == "Engines - a history"


def test_speaker_labels_of_spanish_portuguese_and_french_pages():
    assert label_of("Conferencista: Ada Lovelace") == ("speaker", "Ada Lovelace")
    assert label_of("Por: Ada Lovelace") == ("speaker", "Ada Lovelace")
    assert label_of("Apresentadora: Ada Lovelace") == ("speaker", "Ada Lovelace")
    assert label_of("Oratrice : Ada Lovelace") == ("speaker", "Ada Lovelace")


def test_a_weekday_alone_is_no_title():
    assert clean_title("Venerdì") is None and clean_title("Mercredi,") is None
    assert clean_title("Terça-feira") is None and clean_title("Thursday") is None
    title = "Friday the 13th and other stopping times"
    assert clean_title(title) == title


def test_a_note_of_the_talks_material_is_no_title():
    assert clean_title("including video") is None and clean_title("(with slides)") is None
    assert clean_title("Slides and video available below") is None
    assert clean_title("Video generation with diffusion models") == "Video generation with diffusion models"
    assert clean_title("With slides we learn") == "With slides we learn"
