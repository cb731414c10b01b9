"""Record families by shape (``kg.ingest.pages.shapes``): units found from the tree's tag signatures
alone, their fields read by the slot they take across the family (hand-written edge cases;
bench/extract_real.py and bench/shape_families.py measure the readers on real pages)."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.pages.document import read_document
from kg.ingest.pages.pipeline import extract_file
from kg.ingest.pages.shapes import families


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def records(path: Path) -> list[tuple[tuple[str, ...], str | None, str | None, str | None]]:
    return [(tuple(p.name for p in r.fields.speakers), r.fields.title,
             r.fields.date.iso() if r.fields.date else None,
             r.fields.time.strftime("%H:%M") if r.fields.time else None)
            for family in families(read_document(path).root, day_first=False) for r in family.records]


def test_list_items_of_one_shape_are_read_by_the_slot_each_field_takes(tmp_path):
    """The date is the slot that parses as a date in every item, the speaker the slot of names,
    the title the bold slot, whatever order the page writes them in."""
    page = write(tmp_path, "talks.html", """<html><body><h1>Theory seminar</h1><ul>
<li>March 3, 2024 &mdash; <b>Notes on the analytical engine</b> &mdash; Ada Lovelace</li>
<li>March 10, 2024 &mdash; <b>Computable numbers revisited</b> &mdash; Alan Turing</li>
<li>March 17, 2024 &mdash; <b>Information and its measure</b> &mdash; Claude Shannon</li>
</ul></body></html>""")
    assert records(page) == [
        (("Ada Lovelace",), "Notes on the analytical engine", "2024-03-03", None),
        (("Alan Turing",), "Computable numbers revisited", "2024-03-10", None),
        (("Claude Shannon",), "Information and its measure", "2024-03-17", None)]


def test_a_heading_over_paragraphs_repeated_is_one_unit_each(tmp_path):
    """Windows of siblings (a heading, then a paragraph) repeating three times are the units."""
    page = write(tmp_path, "talks.html", """<html><body>
<h3>Notes on the analytical engine</h3><p><a href="https://a.org">Ada Lovelace</a>, <em>Sep 5, 4pm</em></p>
<h3>Computable numbers revisited</h3><p><a href="https://b.org">Alan Turing</a>, <em>Sep 12, 4pm</em></p>
<h3>Information and its measure</h3><p><a href="https://c.org">Claude Shannon</a>, <em>Sep 19, 4pm</em></p>
</body></html>""")
    assert records(page) == [
        (("Ada Lovelace",), "Notes on the analytical engine", "--09-05", "16:00"),
        (("Alan Turing",), "Computable numbers revisited", "--09-12", "16:00"),
        (("Claude Shannon",), "Information and its measure", "--09-19", "16:00")]


def test_items_under_a_date_heading_take_its_date(tmp_path):
    """A list of speakers and their linked titles under each day's heading: the heading dates them,
    and the lists of all the days are one family (the same path from the root)."""
    page = write(tmp_path, "seminar.md", """# Lab seminar

### Sep 2, 2022
* Ada Lovelace
    - [Notes on the analytical engine](notes.pdf)
* Alan Turing
    - [Computable numbers revisited](numbers.pdf)

### Aug 26, 2022
* Claude Shannon
    - [Information and its measure](information.pdf)
""")
    assert records(page) == [
        (("Ada Lovelace",), "Notes on the analytical engine", "2022-09-02", None),
        (("Alan Turing",), "Computable numbers revisited", "2022-09-02", None),
        (("Claude Shannon",), "Information and its measure", "2022-08-26", None)]


def test_a_family_of_days_gives_way_to_the_talks_inside_each_day(tmp_path):
    """Days repeat, and inside each day the slots (a time, a speaker) repeat: the talks win."""
    day = ("<dt>{day}</dt><dd><dl><dt>9:00 AM</dt><dd><a href='#'>{a}</a> MIT</dd>"
           "<dt>10:00 AM</dt><dd><a href='#'>{b}</a> Stanford University</dd></dl></dd>")
    page = write(tmp_path, "programme.html", "<html><body><dl>" + "".join(
        day.format(day=d, a=a, b=b) for d, a, b in [
            ("Tuesday, Jan 3", "Ada Lovelace", "Alan Turing"),
            ("Wednesday, Jan 4", "Claude Shannon", "Grace Hopper"),
            ("Thursday, Jan 5", "John von Neumann", "Emmy Noether")]) + "</dl></body></html>")
    assert [(r[0], r[3]) for r in records(page)] == [
        (("Ada Lovelace",), "09:00"), (("Alan Turing",), "10:00"), (("Claude Shannon",), "09:00"),
        (("Grace Hopper",), "10:00"), (("John von Neumann",), "09:00"), (("Emmy Noether",), "10:00")]


def test_a_publication_list_is_no_family_of_talks(tmp_path):
    """Citations repeat a shape too, with names and a year or a month: no day, no time, no talk."""
    page = write(tmp_path, "publications.html", "<html><body><ul>" + "".join(
        f"<li><b>{title}</b><br>Ada Lovelace, Alan Turing<br>Journal of Engines, {when}</li>"
        for title, when in [("Notes on the engine", "March 2021"), ("Numbers revisited", "2020"),
                            ("On measure", "June 2019")]) + "</ul></body></html>")
    assert records(page) == []


def test_a_unit_read_by_its_family_replaces_the_guess_a_line_reading_made(tmp_path):
    """Line by line, a speaker's nested link list reads as a talk titled "code"; the family's
    marked title slot, aligned across its units, gives the talk its title."""
    page = write(tmp_path, "seminar.md", """# Lab seminar

### Sep 2, 2022
* Ada Lovelace
    - [Notes on the analytical engine](notes.pdf)
    - [code](notes.zip)
* Alan Turing
    - [Computable numbers revisited](numbers.pdf)

### Aug 26, 2022
* Claude Shannon
    - [Information and its measure](information.pdf)
""")
    talks = extract_file(page).talks
    assert [(t.speakers[0].name, t.title, t.day) for t in talks] == [
        ("Ada Lovelace", "Notes on the analytical engine", "2022-09-02"),
        ("Alan Turing", "Computable numbers revisited", "2022-09-02"),
        ("Claude Shannon", "Information and its measure", "2022-08-26")]
