"""One line of several talks, each speaker followed by their own title."""

from kg.ingest.pages.entries import Person
from kg.ingest.pages.extract import extract_path
from kg.ingest.pages.joined import split_speakers


def test_a_line_of_two_speakers_each_with_a_title_in_brackets_is_two_talks(tmp_path):
    path = tmp_path / "past.md"
    path.write_text("# Student seminar, Fall 2022\n\n"
                    "- Sep 9: Ada Lovelace: Notes on the engine\n\n"
                    "- Sep 16: Ada Lovelace (Lie algebras continued) and Mary Somerville "
                    "(Alexander polynomial: original formulation): at 11am in Room 4145\n\n"
                    "- Sep 23: Charles Babbage: Difference engines\n", encoding="utf-8")
    talks = [(t.speakers[0].name, t.title, t.day) for t in extract_path(path).talks]
    assert ("Ada Lovelace", "Lie algebras continued", "2022-09-16") in talks
    assert ("Mary Somerville", "Alexander polynomial: original formulation", "2022-09-16") in talks
    assert not [t for t in extract_path(path).talks if len(t.speakers) > 1]


def test_split_speakers_reads_brackets_or_marks_and_keeps_a_talk_given_together():
    ada, mary = Person("Ada Lovelace"), Person("Mary Somerville")
    assert split_speakers("Part 1: Ada Lovelace - Support vector machines; Part 2: Mary Somerville "
                          "(Kernels and their uses)", [ada, mary]) == [
        (Person("Ada Lovelace"), "Support vector machines"),
        (Person("Mary Somerville"), "Kernels and their uses")]
    # one talk given together: the title belongs to both, nothing is split
    assert split_speakers("Ada Lovelace and Mary Somerville: Tides and engines", [ada, mary]) == []
    # a bracket that names a place is an affiliation, not a title
    assert split_speakers("Ada Lovelace (University of London) and Mary Somerville (Oxford)",
                          [ada, mary]) == []
    assert split_speakers("Ada Lovelace (Engines of the mind)", [ada]) == []


def test_split_speakers_reads_a_line_of_many_joiners_or_a_long_run_of_spaces_in_a_moment():
    # the joiners' spaces are read one way: a plain group tried every split of them, in time
    # exponential in the joiners (" and" 16 times took half a minute) and square in a run of spaces
    ada, mary = Person("Ada Lovelace"), Person("Mary Somerville")
    many_joiners = "Ada Lovelace (Lie algebras)" + " and" * 60 + " x Mary Somerville (Knot polynomials)"
    long_run = "Ada Lovelace (Lie algebras)" + " " * 50_000 + "x Mary Somerville (Knot polynomials)"
    assert split_speakers(many_joiners, [ada, mary]) == []
    assert split_speakers(long_run, [ada, mary]) == []
    assert split_speakers("Ada Lovelace (Lie algebras) ; and  & Mary Somerville (Knot polynomials)",
                          [ada, mary]) == [(ada, "Lie algebras"), (mary, "Knot polynomials")]
