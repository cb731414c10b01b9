"""A programme slot read past the label naming its kind ("Invited talk 1:", "**Talk** (Name): Title")."""

from __future__ import annotations

from kg.ingest.pages.blocks import Span
from kg.ingest.pages.extract import extract_path
from kg.ingest.pages.slots import after_label, read_slot


def test_a_bold_label_of_the_slot_kind_is_not_the_title():
    fields = read_slot("Invited talk 1: Julia Kiseleva", [Span("b", "Invited talk 1:")])
    assert [p.name for p in fields.speakers] == ["Julia Kiseleva"]
    assert fields.title is None


def test_a_speaker_in_brackets_after_the_label_is_the_speaker_and_the_rest_the_title():
    fields = read_slot("Talk (Salem Lahlou): Continuous GFNs", [Span("b", "Talk")])
    assert [p.name for p in fields.speakers] == ["Salem Lahlou"]
    assert fields.title == "Continuous GFNs"


def test_a_placeholder_in_brackets_gives_no_speaker():
    assert read_slot("Talk (Speaker): Topic", [Span("b", "Talk")]).speakers == []


def test_the_slot_time_before_the_label_stays():
    fields = read_slot("09:40 - 10:20 Keynote – Ada Lovelace: Notes on engines")
    assert [p.name for p in fields.speakers] == ["Ada Lovelace"]
    assert fields.title == "Notes on engines"
    assert fields.time is not None and fields.time.strftime("%H:%M") == "09:40"


def test_a_title_that_starts_with_a_slot_word_is_no_label():
    assert after_label("Talks on engines and looms", []) is None
    assert after_label("Keynote: Ada Lovelace", []) == "Ada Lovelace"


def test_a_programme_table_of_labelled_slots_gives_its_speakers(tmp_path):
    path = tmp_path / "program.md"
    path.write_text("# Workshop on engines 2024\n\n<table>\n"
                    "<tr><td>08:50 - 09:00</td><td>Opening Remarks</td></tr>\n"
                    "<tr><td>09:00 - 09:40</td><td><b>Invited talk 1:</b> Julia Kiseleva</td></tr>\n"
                    "<tr><td>09:40 - 10:20</td><td><b>Invited talk 2:</b> Charles Babbage</td></tr>\n"
                    "<tr><td>10:20 - 11:00</td><td>Break + short poster session</td></tr>\n"
                    "<tr><td>11:00 - 11:40</td><td><b>Invited talk 3:</b> Mary Somerville</td></tr>\n"
                    "</table>\n", encoding="utf-8")
    page = extract_path(path)
    assert [(t.speakers[0].name, t.clock.strftime("%H:%M") if t.clock else None) for t in page.talks] == [
        ("Julia Kiseleva", "09:00"), ("Charles Babbage", "09:40"), ("Mary Somerville", "11:00")]


def test_a_programme_of_details_keeps_each_talks_title_from_inside_its_details(tmp_path):
    slot = ("<details><summary><strong>{t} <a href='https://x.example/{n}'>{who}</a></strong>, University of "
            "{place}.</summary><p>Title: <em>{title}</em></p><p>Abstract: a long abstract.</p></details>\n")
    talks = [("09:30:00", "Ada Lovelace", "Nottingham", "Notes on the analytical engine"),
             ("09:50:00", "Charles Babbage", "Cambridge", "The difference engine revisited"),
             ("10:10:00", "Mary Somerville", "Edinburgh", "On the connexion of the sciences")]
    body = "<details><summary><strong>09:15:00 Welcome</strong></summary></details>\n" + "".join(
        slot.format(t=t, n=n, who=who, place=place, title=title)
        for n, (t, who, place, title) in enumerate(talks))
    path = tmp_path / "schedule.html"
    path.write_text(f"<html><body><h1>Workshop</h1><h2>September 27, 2022</h2>{body}</body></html>",
                    encoding="utf-8")
    page = extract_path(path)
    assert [(t.speakers[0].name, t.title, t.clock.strftime("%H:%M") if t.clock else None)
            for t in page.talks] == [(who, title, t[:5]) for t, who, _, title in talks]


def test_a_timetable_with_a_column_per_weekday_dates_its_cells_from_the_weeks_row(tmp_path):
    path = tmp_path / "program.md"
    path.write_text("# Program of the Summer School\n\n"
                    "| | Monday | Tuesday | Wednesday |\n|---|---|---|---|\n"
                    "| **Week 1 (September 18-22)** |\n"
                    "| 9:00 - 10:30 | Ada Lovelace: Notes on engines | Charles Babbage: Difference engines "
                    "| Mary Somerville: Connexion |\n"
                    "| *Coffee break* |\n"
                    "| 11:15 - 12:00 | Ada Lovelace: More notes | Charles Babbage: Tables | Mary Somerville: "
                    "Physical geography |\n"
                    "| **Week 2 (September 25-29)** |\n"
                    "| 9:00 - 10:30 | John Herschel: Telescopes | Caroline Herschel: Comets | "
                    "William Herschel: Uranus |\n", encoding="utf-8")
    page = extract_path(path)
    found = {(t.speakers[0].name, t.day, t.clock.strftime("%H:%M") if t.clock else None) for t in page.talks}
    assert ("Charles Babbage", "--09-19", "09:00") in found
    assert ("Mary Somerville", "--09-20", "11:15") in found
    assert ("William Herschel", "--09-27", "09:00") in found
    assert page.kind == "meeting_programme"


def test_a_programme_of_times_takes_the_day_its_front_matter_description_states(tmp_path):
    from kg.ingest.pages.pipeline import extract_file
    path = tmp_path / "schedule.md"
    path.write_text("---\ntitle: Schedule\ndescription: This workshop will be held at ICML 2023 on "
                    "July 28th 2023.\n---\n\n| Time | Type | Title & Speakers |\n|---|---|---|\n"
                    "| 9:00 - 9:45 | Tutorial | **Notes on engines**<br>Ada Lovelace *(Oxford)* |\n"
                    "| 9:45 - 10:30 | Invited | **Difference engines**<br>Charles Babbage *(Cambridge)* |\n"
                    "| 10:30 - 11:00 | Break | Coffee |\n"
                    "| 11:00 - 11:45 | Invited | **On the sciences**<br>Mary Somerville *(Edinburgh)* |\n",
                    encoding="utf-8")
    page = extract_file(path)
    assert [(t.speakers[0].name, t.day) for t in page.talks] == [
        ("Ada Lovelace", "2023-07-28"), ("Charles Babbage", "2023-07-28"), ("Mary Somerville", "2023-07-28")]


def test_pipe_rows_that_continue_a_slot_below_its_time_are_one_talk_each(tmp_path):
    path = tmp_path / "program.md"
    path.write_text("## August 28, 2023\n\n"
                    "| 09:15 - 09:20 | **Chairs' Welcome** |\n"
                    "| 09:20 - 10:30 | **Invited Talk** |\n"
                    "| | Title. Notes on the analytical engine |\n"
                    "| | *Ada Lovelace, University of London* |\n"
                    "| 10:30 - 11:00 | **Coffee Break** |\n"
                    "| 11:00 - 12:30 | **Paper Session** |\n"
                    "| | *Session Chair: Mary Somerville* |\n"
                    "| | |\n"
                    "| | 11:00 - 11:25 - The difference engine revisited |\n"
                    "| | *Charles Babbage and John Herschel* |\n", encoding="utf-8")
    page = extract_path(path)
    assert [([s.name for s in t.speakers], t.title, t.clock.strftime("%H:%M") if t.clock else None)
            for t in page.talks] == [
        (["Ada Lovelace"], "Notes on the analytical engine", "09:20"),
        (["Charles Babbage", "John Herschel"], "The difference engine revisited", "11:00")]


def test_a_timed_slot_whose_title_is_set_apart_only_by_bold_type():
    fields = read_slot("14:00-14:30 Jie-Hong Roland Jiang Second-order Boolean QBF",
                       [Span("b", "Second-order Boolean QBF")])
    assert [p.name for p in fields.speakers] == ["Jie-Hong Roland Jiang"]
    assert fields.title == "Second-order Boolean QBF"
    assert fields.time is not None and fields.time.strftime("%H:%M") == "14:00"


def test_a_name_and_a_marked_link_without_a_time_is_no_slot():
    fields = read_slot("John Wu :octocat:", [Span("a", ":octocat:")])
    assert fields.title != ":octocat:" or not fields.speakers or fields.speakers[0].name == "John Wu"
    assert read_slot("Jie-Hong Roland Jiang Second-order Boolean QBF",
                     [Span("b", "Second-order Boolean QBF")]).title != "Second-order Boolean QBF"


def test_a_slot_of_several_talks_gives_one_talk_to_each_of_its_speakers(tmp_path):
    path = tmp_path / "schedule.md"
    path.write_text("# Workshop 2020\n\n| Time | Session | Speakers |\n|---|---|---|\n"
                    "| **Thursday, 2020-10-15** | | |\n"
                    "| 8:00-8:55 AM | Keynote Talk | Dr. Ada Lovelace |\n"
                    "| 9:00-9:55 AM | Invited Talks | Drs. Charles Babbage, Mary Somerville |\n"
                    "| 10:00-10:15 AM | Break | |\n", encoding="utf-8")
    page = extract_path(path)
    assert [(t.speakers[0].name, len(t.speakers), t.clock.strftime("%H:%M") if t.clock else None)
            for t in page.talks] == [("Ada Lovelace", 1, "08:00"), ("Charles Babbage", 1, "09:00"),
                                     ("Mary Somerville", 1, "09:00")]


def test_a_title_loses_the_label_of_its_slot_but_a_lecture_keeps_its_number():
    from kg.ingest.pages.slots import title_past_label
    assert title_past_label("Invited Talk #4: Defending Against Adversarial Examples") == \
        "Defending Against Adversarial Examples"
    assert title_past_label("Contributed Talk #3 (Best Attack Paper): BadNets in the supply chain") == \
        "BadNets in the supply chain"
    assert title_past_label("Lecture 3: Convexity and duality") == "Lecture 3: Convexity and duality"
    assert title_past_label("Talks on engines and looms") == "Talks on engines and looms"


def test_a_front_matter_programme_names_its_speakers_in_parts(tmp_path):
    path = tmp_path / "workshop.md"
    path.write_text("---\ntitle: Theory of engines\ntalks:\n"
                    "- title: \"Notes on the analytical engine\"\n  author:\n"
                    "  - given: Ada\n    family: Lovelace\n"
                    "    institute: University of London\n  start: \"09:30\"\n"
                    "- title: \"The difference engine\"\n  author:\n  - given: Charles\n    family: Babbage\n"
                    "    institute: Cambridge\n  start: \"10:00\"\n---\n", encoding="utf-8")
    page = extract_path(path)
    assert [(t.speakers[0].name, t.speakers[0].affiliation, t.title) for t in page.talks] == [
        ("Ada Lovelace", "University of London", "Notes on the analytical engine"),
        ("Charles Babbage", "Cambridge", "The difference engine")]
