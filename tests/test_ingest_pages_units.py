"""Repeated units (``kg.ingest.pages.units``): the talks a page lays out as siblings of one kind,
read whole whatever their inner markup (hand-written edge cases; bench/extract_real.py measures the
extractor on real pages)."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.pages.document import read_document
from kg.ingest.pages.pipeline import extract_file
from kg.ingest.pages.units import repeated_units

CARDS = """<html><body><h1>Theory seminar</h1>
<div class="events">
<div class="event"><h4>Notes on the analytical engine</h4><p>Ada Lovelace</p><p>March 3, 2024, 4pm</p></div>
<div class="event"><h4>Computable numbers revisited</h4><p>Alan Turing</p><p>March 10, 2024, 4pm</p></div>
<div class="event"><h4>Information and its measure</h4><p>Claude Shannon</p><p>March 17, 2024, 4pm</p></div>
</div></body></html>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rows(path: Path) -> list[tuple[tuple[str, ...], str | None, str | None, str | None]]:
    page = extract_file(path)
    return [(tuple(s.name for s in t.speakers), t.title, t.day,
             t.clock.strftime("%H:%M") if t.clock else None) for t in page.talks]


def test_cards_of_one_class_are_units_each_read_whole(tmp_path):
    path = write(tmp_path, "cards.html", CARDS)
    units = repeated_units(read_document(path), day_first=False)
    assert [(u.fields.speakers[0].name, u.fields.title, u.fields.date.iso()) for u in units] == [
        ("Ada Lovelace", "Notes on the analytical engine", "2024-03-03"),
        ("Alan Turing", "Computable numbers revisited", "2024-03-10"),
        ("Claude Shannon", "Information and its measure", "2024-03-17")]


def test_a_date_after_the_speaker_stays_with_its_talk(tmp_path):
    """Each card gives its date after the speaker: read card by card, no date goes to the next talk."""
    assert rows(write(tmp_path, "cards.html", CARDS)) == [
        (("Ada Lovelace",), "Notes on the analytical engine", "2024-03-03", "16:00"),
        (("Alan Turing",), "Computable numbers revisited", "2024-03-10", "16:00"),
        (("Claude Shannon",), "Information and its measure", "2024-03-17", "16:00")]


def test_a_lone_dated_sentence_with_a_name_is_no_group(tmp_path):
    path = write(tmp_path, "about.html", "<html><body><h1>About</h1><div class='a'><p>Ada Lovelace "
                 "founded the seminar on March 3, 2024.</p></div><div class='b'><p>Contact us.</p></div>"
                 "</body></html>")
    assert repeated_units(read_document(path), day_first=False) == []


def test_the_innermost_group_wins_over_the_list_of_groups(tmp_path):
    items = "".join(f"<li><b>{title}</b><br>{name}, {day}</li>" for title, name, day in [
        ("Notes on the analytical engine", "Ada Lovelace", "March 3, 2024"),
        ("Computable numbers revisited", "Alan Turing", "March 10, 2024")])
    fall = items.replace("2024", "2023")
    path = write(tmp_path, "terms.html", f"<html><body><div class='term'><h2>Spring</h2><ul>{items}</ul>"
                 f"</div><div class='term'><h2>Fall</h2><ul>{fall}</ul></div></body></html>")
    units = repeated_units(read_document(path), day_first=False)
    assert len(units) == 4 and all(len(u.blocks) == 1 for u in units)


def test_a_definition_list_in_markdown_is_read_as_terms_and_definitions(tmp_path):
    path = write(tmp_path, "dl.md", "# Seminar\n\nMarch 3, 2024\n: **Ada Lovelace** (Cambridge)\n"
                 ": *Notes on the analytical engine*\n\nMarch 10, 2024\n: **Alan Turing** (Manchester)\n"
                 ": *Computable numbers revisited*\n")
    page = extract_file(path)
    assert [(t.speakers[0].name, t.speakers[0].affiliation, t.title, t.day) for t in page.talks] == [
        ("Ada Lovelace", "Cambridge", "Notes on the analytical engine", "2024-03-03"),
        ("Alan Turing", "Manchester", "Computable numbers revisited", "2024-03-10")]
    assert read_document(path).root.find(".//dl") is not None


def test_an_html_definition_list_of_talks(tmp_path):
    path = write(tmp_path, "dl.html", "<html><body><h1>Talks</h1><dl>\n"
                 "<dt>Notes on the analytical engine</dt><dd>Ada Lovelace (Cambridge)</dd>"
                 "<dd>3 March 2024</dd>\n"
                 "<dt>Computable numbers revisited</dt><dd>Alan Turing (Manchester)</dd>"
                 "<dd>10 March 2024</dd>\n"
                 "</dl></body></html>")
    assert rows(path) == [(("Ada Lovelace",), "Notes on the analytical engine", "2024-03-03", None),
                          (("Alan Turing",), "Computable numbers revisited", "2024-03-10", None)]


DETAILS = """## Past seminars

<details>
  <summary><b>&#8226; March, 4th 2024 - Ada Lovelace, team member.</b><br>
    Notes on the analytical engine</summary>
  <p><b>Abstract:</b> What the engine can compute, and what it cannot.</p>
</details>

<details>
  <summary><b>&#8226; March, 11th 2024 - Alan Turing, Founder of the Machine Club.</b><br>
    Computable numbers</summary>
  <p><b>Abstract:</b> A machine that reads a tape.</p>
</details>

<details>
  <summary><b>&#8226; March, 18th 2024 - Ada Lovelace, team member.</b><br>
    Bernoulli numbers by machine</summary>
  <p><b>Abstract:</b> A program for the engine, step by step.</p>
</details>
"""


def test_a_speaker_of_two_collapsed_units_on_two_days_gave_two_talks(tmp_path):
    path = write(tmp_path, "past.md", DETAILS)
    assert rows(path) == [
        (("Ada Lovelace",), "Notes on the analytical engine", "2024-03-04", None),
        (("Alan Turing",), "Computable numbers", "2024-03-11", None),
        (("Ada Lovelace",), "Bernoulli numbers by machine", "2024-03-18", None)]  # not the first again
    affiliations = [t.speakers[0].affiliation for t in extract_file(path).talks]
    assert affiliations == ["team member", "Founder of the Machine Club", "team member"]  # no part of a title
