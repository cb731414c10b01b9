"""Sessions: the talks a schedule lists as a day and a topic, with no presenter's name."""

from kg.ingest.pages.extract import extract_path
from kg.ingest.pages.sessions import session_title


def talks(tmp_path, text: str) -> list[tuple]:
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8")
    return [(tuple(s.name for s in t.speakers), t.title, t.day) for t in extract_path(path).talks]


def test_a_reading_groups_dated_topics_are_talks_without_a_speaker(tmp_path):
    found = talks(tmp_path, "# Engines Reading Group, Fall 2018\n\nWe meet on alternating Wednesdays.\n\n"
                  "**Fall 2018 - difference engines**\n"
                  "  - Sept. 5: [Method of finite differences](https://example.org/1)\n"
                  "  - Sept. 19: [Tables of logarithms](https://example.org/2)\n"
                  "  - Oct. 3: [The mill and the store](https://example.org/3)\n")
    assert [(speakers, title) for speakers, title, _ in found] == [
        ((), "Method of finite differences"), ((), "Tables of logarithms"), ((), "The mill and the store")]


def test_numbered_session_headings_give_their_topic(tmp_path):
    found = talks(tmp_path, "# Engines reading group\n\n"
                  "## Session 01 (09-16-2024): Introduction to Difference Engines\n\nReadings.\n\n"
                  "## Session 02 (09-23-2024): Machine Translation of Tables\n\nReadings.\n\n"
                  "## Session 03 (09-30-2024): The Mill and the Store\n\nReadings.\n")
    assert found == [((), "Introduction to Difference Engines", "2024-09-16"),
                     ((), "Machine Translation of Tables", "2024-09-23"),
                     ((), "The Mill and the Store", "2024-09-30")]


def test_a_schedule_table_with_no_presenter_column(tmp_path):
    found = talks(tmp_path, "# Engines Reading Group\n\n## Spring 2019 Schedule\n\n"
                  "| Week | Date | Time | Paper |\n|---|---|---|---|\n"
                  "| 1 | 4/11/2019 | 5:00 PM | [Notes on the Analytical Engine](https://example.org/1) |\n"
                  "| 2 | 4/18/2019 | 5:00 PM | [Sketch of the Analytical Engine](https://example.org/2) |\n")
    assert [(speakers, title) for speakers, title, _ in found] == [
        ((), "Notes on the Analytical Engine"), ((), "Sketch of the Analytical Engine")]


def test_news_with_dates_are_no_sessions(tmp_path):
    found = talks(tmp_path, "# News\n\n- Sept. 5: Our paper on engines was accepted at ICML\n"
                  "- Sept. 19: New preprint on arXiv about punched cards\n"
                  "- Oct. 3: Ada joins the lab as a postdoc\n")
    assert found == []


def test_a_sessions_topic_is_no_deadline_name_or_time():
    assert session_title("Session 01 : Intro to Engines") == "Intro to Engines"
    assert session_title("Submission deadline") is None
    assert session_title("to 4:45pm") is None
    assert session_title("Ada Lovelace") is None
    assert session_title("TBA") is None


def test_a_unit_that_prints_its_presenter_or_a_conference_is_no_session():
    assert session_title("Recent progress in engines, Ada Lovelace, Professor, University of London") is None
    assert session_title("Dec 31, 2025, Conference on algebraic geometry, TSIMF, Sanya, China") is None


def test_a_talk_file_spanning_two_weeks_is_an_event_attended(tmp_path):
    school = tmp_path / "index.md"
    school.write_text('---\ntitle: Engines Summer School 2019\nevent: ESS 2019\ndate: "2019-07-15"\n'
                      'date_end: "2019-07-26"\n---\n', encoding="utf-8")
    assert extract_path(school).talks == []


def test_one_session_on_a_page_whose_title_says_it_lists_sessions(tmp_path):
    found = talks(tmp_path, "# Journal Club Presentations\n\n"
                  "**19 Feb 2021** [Attention and transformers](https://example.org/attention.ipynb)\n")
    assert found == [((), "Attention and transformers", "2021-02-19")]


def test_one_dated_line_on_a_page_that_lists_no_sessions_is_no_talk(tmp_path):
    page = "# Notebooks\n\n**19 Feb 2021** [Attention and transformers](https://example.org/a)\n"
    assert talks(tmp_path, page) == []
