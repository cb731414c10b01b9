"""Programmes and timetables read as grids: each row led by a time or a date is one talk."""

from __future__ import annotations

from kg.ingest.pages.extract import extract_path


def _talks(page):
    return [([s.name for s in t.speakers], t.title, t.day, t.clock.strftime("%H:%M") if t.clock else None)
            for t in page.talks]


def test_a_slot_with_its_title_on_the_time_line_takes_the_authors_printed_below_it(tmp_path):
    path = tmp_path / "programme.html"
    slot = "<p>{start} - {end} - {title}</p>\n<ul>\n<li>{authors}</li>\n<li>{places}</li>\n</ul>\n"
    opening = "<p>09:00 - Opening Remarks (Prof. Ada Lovelace, Workshop Chair)</p>\n"
    body = opening + "".join(slot.format(**s) for s in [
        {"start": "09:00", "end": "09:30", "title": "Engines that weave algebraic patterns",
         "authors": "C.L. Babbage, A.A. Lovelace &amp; M. Somerville",
         "places": "University of Cambridge, UK"},
        {"start": "09:30", "end": "10:00", "title": "Notes on the analytical engine",
         "authors": "K. Thompson", "places": "Bell Labs, USA; University of Nottingham, UK"},
    ]) + "<p>10:00 - 10:30 - Coffee Break</p>\n" + slot.format(
        start="10:30", end="11:00", title="Tables of logarithms computed by machine",
        authors="J. Herschel &amp; R.B. Sessions", places="Royal Society, UK")
    path.write_text(f"<html><body>\n<h1>Workshop Programme</h1>\n{body}</body></html>", encoding="utf-8")
    page = extract_path(path)
    assert _talks(page) == [
        (["C.L. Babbage", "A.A. Lovelace", "M. Somerville"], "Engines that weave algebraic patterns",
         None, "09:00"),
        (["K. Thompson"], "Notes on the analytical engine", None, "09:30"),
        (["J. Herschel", "R.B. Sessions"], "Tables of logarithms computed by machine", None, "10:30")]
    assert page.talks[1].speakers[0].affiliation == "Bell Labs, USA"
    assert page.kind == "meeting_programme"


def test_a_timetable_of_comma_parted_rows_is_one_talk_a_row_not_one_event(tmp_path):
    path = tmp_path / "seminar.md"
    path.write_text(
        "---\ntitle: \"Engines group - Seminar\"\n---\n\n# Seminars\n"
        "* 2023.05.25, Notes on the analytical engine, Ada Lovelace, Professor, University of London, "
        "[slides](a.pdf)\n"
        "* 2023.04.27, Tables of logarithms, computed by machine, Charles Babbage, Trinity College, "
        "[slides](b.pdf)\n"
        "* 2022.11.03, 差分机的历史, 李建国, 教授, 北京大学, [slides](c.pdf)\n", encoding="utf-8")
    page = extract_path(path)
    assert _talks(page) == [
        (["Ada Lovelace"], "Notes on the analytical engine", "2023-05-25", None),
        (["Charles Babbage"], "Tables of logarithms, computed by machine", "2023-04-27", None),
        (["李建国"], "差分机的历史", "2022-11-03", None)]
    assert page.talks[0].speakers[0].affiliation == "Professor, University of London"
    assert page.kind == "seminar_page"


def test_papers_listed_under_their_sessions_day_and_time_are_talks_of_the_programme(tmp_path):
    path = tmp_path / "programme.md"
    path.write_text(
        "# Papers\n\nMON OCT 19 16-18 CEST\n\n"
        "Ada Lovelace. Notes on the analytical engine\n\n"
        "Charles Babbage, Bob L. T. Sturm and Mary Somerville. Tables of logarithms computed by machine\n\n"
        "TUE OCT 20 10-12 CEST\n\n"
        "DEMO John Herschel. A telescope that reads the sky\n\n"
        "Caroline Herschel and Ada Lovelace. Comets found by hand\n", encoding="utf-8")
    page = extract_path(path)
    assert _talks(page) == [
        (["Ada Lovelace"], "Notes on the analytical engine", "--10-19", "16:00"),
        (["Charles Babbage", "Bob L. T. Sturm", "Mary Somerville"],
         "Tables of logarithms computed by machine",
         "--10-19", "16:00"),
        (["John Herschel"], "A telescope that reads the sky", "--10-20", "10:00"),
        (["Caroline Herschel", "Ada Lovelace"], "Comets found by hand", "--10-20", "10:00")]
    assert page.papers == []


def test_two_timed_lines_with_names_below_are_no_grid(tmp_path):
    path = tmp_path / "notes.html"
    path.write_text("<html><body>\n<h1>Notes</h1>\n<p>09:00 - Engines that weave patterns</p>\n"
                    "<p>K. Thompson</p>\n"
                    "<p>10:00 - Notes on the analytical engine</p>\n<p>A. Lovelace</p>\n</body></html>",
                    encoding="utf-8")
    from kg.ingest.pages.blocks import layout
    from kg.ingest.pages.document import read_document
    from kg.ingest.pages.grid import timed_slots
    assert timed_slots(layout(read_document(path)).blocks) == []


def test_a_slot_banner_of_time_and_place_takes_its_title_from_the_line_below(tmp_path):
    path = tmp_path / "thursday.md"
    slot = ("<p class=\"banner\">Thursday 14th {time} Lecture Theatre 098</p>\n\n## {title}\n\n"
            "<p>\n{authors}<br />\n^1^University of Auckland<br />\n</p>\n\n"
            "**Abstract:** A talk on {title}.\n\n"
            "References:\n\nBabbage, C. (1864). Passages from the Life of a Philosopher. London: Longman.\n\n"
            "Lovelace, A. (1843). Notes on the analytical engine. Scientific Memoirs 3, 666-731.\n\n")
    slots = [

        ("9:10", "Engines that weave algebraic patterns", "Ada Lovelace^1^"),
        ("10:30", "Tables of logarithms computed by machine", "Charles Babbage^1^, and Mary Somerville^1^"),
        ("10:50", "A telescope that reads the sky", "John Herschel^1^")]
    path.write_text("# Programme and abstracts for Thursday\n\n"
                    + "".join(slot.format(time=t, title=title, authors=a) for t, title, a in slots),
                    encoding="utf-8")
    page = extract_path(path)
    assert [(names, title, clock) for names, title, _, clock in _talks(page)] == [
        (["Ada Lovelace"], "Engines that weave algebraic patterns", "09:10"),
        (["Charles Babbage", "Mary Somerville"], "Tables of logarithms computed by machine", "10:30"),
        (["John Herschel"], "A telescope that reads the sky", "10:50")]
    assert page.talks[0].speakers[0].affiliation == "University of Auckland"
    assert page.kind == "meeting_programme"  # the references of its abstracts make it no author page


def test_a_timetable_rows_links_are_its_talks_slides_and_recording(tmp_path):
    path = tmp_path / "seminar.md"
    path.write_text(
        "# Seminars\n"
        "* 2023.05.25, Notes on the analytical engine, Ada Lovelace, University of London, "
        "[slides](https://x.example/a.pdf), [video record](https://youtu.be/a)\n"
        "* 2023.04.27, Tables of logarithms, Charles Babbage, Trinity College, [slides](https://x.example/b.pdf)\n"
        "* 2022.11.03, The connexion of the sciences, Mary Somerville, Edinburgh, [slides](https://x.example/c.pdf)\n",
        encoding="utf-8")
    talk = extract_path(path).talks[0]
    assert talk.media.get("slides") == "https://x.example/a.pdf"
    assert talk.media.get("video") == "https://youtu.be/a"


def test_a_speaker_with_an_affiliation_below_a_timed_title_is_not_carried_into_the_title():
    from kg.ingest.pages.blocks import Block
    from kg.ingest.pages.grid import timed_slots
    slots = [("09:00", "Engines that weave patterns", "Ada Lovelace (Stanford)"),
             ("10:00", "Tables of logarithms", "Charles Babbage (Cambridge)"),
             ("11:00", "The connexion of the sciences", "Mary Somerville (Oxford)")]
    blocks = []
    for n, (clock, title, who) in enumerate(slots):
        blocks += [Block(f"{clock} {title}", 10 * n, "p"), Block(who, 10 * n + 1, "p"),
                   Block("K. Thompson", 10 * n + 2, "p")]
    assert [row.fields.title for row in timed_slots(blocks)] == []  # left to the block reader
