"""Talks kept as data: a site generator's data file read as a list of records, keys by meaning."""

from __future__ import annotations

import json
from pathlib import Path

from kg.ingest.pages.data import key_role, talk_items
from kg.ingest.pages.document import read_document
from kg.ingest.pages.pipeline import extract_file

SEMINARS_YML = """\
- author: Ada Lovelace - Turin
  date: 2017-04-28
  semester: 2017s1
  title: Notes on the analytical engine
  abstract: >
    We read the notes.
  download: ada.pdf

- author: Mary Somerville
  date: 2017-05-05
  affiliation: Oxford
  title: On the connexion of the physical sciences
"""


def test_a_list_of_talk_records_in_a_data_file_is_a_list_of_talks(tmp_path):
    path = tmp_path / "_data" / "seminars.yml"
    path.parent.mkdir()
    path.write_text(SEMINARS_YML, encoding="utf-8")
    found = extract_file(path)
    talks = [(t.speakers[0].name, t.speakers[0].affiliation, t.title, t.day, t.line) for t in found.talks]
    assert talks == [
        ("Ada Lovelace", "Turin", "Notes on the analytical engine", "2017-04-28", 4),
        ("Mary Somerville", "Oxford", "On the connexion of the physical sciences", "2017-05-05", 12)]


def test_the_talks_of_a_schedule_nested_in_years_and_sessions_but_not_its_organizers(tmp_path):
    path = tmp_path / "seminar.yml"
    path.write_text("meta:\n  title: Statistics PhD Seminar\n  day: Thursdays\n"
                    "organizers:\n  - name: Charles Babbage\n    email: cb@example.org\n"
                    "schedule:\n  - year: 2026-2027\n    sessions:\n"
                    "      - date: Thursday, October 1, 2026\n        speaker: Ada Lovelace\n"
                    "        title: About barycenters\n        room: TBA\n", encoding="utf-8")
    talks = [(t.speakers[0].name, t.title, t.day, t.line) for t in extract_file(path).talks]
    assert talks == [("Ada Lovelace", "About barycenters", "2026-10-01", 12)]


def test_one_talk_as_a_json_entry_of_a_content_collection(tmp_path):
    path = tmp_path / "16-engines.json"
    path.write_text(json.dumps({
        "id": 16, "title": "Engines that weave", "abstract": "Punched cards.",
        "presenter": [{"name": "Ada Lovelace", "affiliation": "University of Turin", "continent": "Europe"}],
        "invitedBy": "Charles Babbage", "datePrague": "2024-06-12", "status": "past"}, indent=2),
        encoding="utf-8")
    talk, = extract_file(path).talks
    assert (talk.speakers[0].name, talk.speakers[0].affiliation, talk.title, talk.day) == \
        ("Ada Lovelace", "University of Turin", "Engines that weave", "2024-06-12")
    assert talk.line == 3


def test_keys_are_read_by_their_words_in_several_languages():
    assert [key_role(k) for k in ("talk_title", "datePrague", "speakerName", "speaker_affiliation", "Fecha",
                                   "palestrante", "Afiliação", "titre", "invitedBy", "speaker_title")] == \
        ["title", "date", "speaker", "affiliation", "date", "speaker", "affiliation", "title", None, None]


def test_title_is_read_before_topic_and_a_name_only_where_no_key_says_speaker(tmp_path):
    path = tmp_path / "talks.yaml"
    path.write_text("- topic: Machine Learning\n  title: Conformal prediction\n  speaker: Ada Lovelace\n"
                    "  date: 2024-10-23\n- name: Mary Somerville\n  topic: Physical geography\n",
                    encoding="utf-8")
    items = talk_items(read_document(path))
    assert [(i.roles["speaker"], i.roles["title"]) for i in items] == [
        ("Ada Lovelace", "Conformal prediction"), ("Mary Somerville", "Physical geography")]


def test_a_markdown_page_is_not_read_as_data(tmp_path):
    path = tmp_path / "talks.md"
    path.write_text("- speaker: Ada Lovelace\n  title: Engines\n", encoding="utf-8")
    assert talk_items(read_document(path)) == []


def test_a_yaml_alias_is_the_same_entry_and_cannot_multiply_a_small_file(tmp_path):
    path = tmp_path / "talks.yml"
    levels = ["a0: &a0 [{speaker: Ada Lovelace, title: Notes on the analytical engine, date: 2017-04-28}]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 7)]
    path.write_text("\n".join(levels) + "\n", encoding="utf-8")  # a million talks if each alias were walked
    found = extract_file(path)
    assert [(t.speakers[0].name, t.title) for t in found.talks] == [
        ("Ada Lovelace", "Notes on the analytical engine")]


def test_a_later_yaml_document_that_does_not_parse_leaves_the_earlier_ones(tmp_path):
    path = tmp_path / "talks.yaml"
    path.write_text("- speaker: Ada Lovelace\n  title: Notes on the analytical engine\n  date: 2017-04-28\n"
                    "---\n- speaker: [unclosed\n", encoding="utf-8")
    assert [t.title for t in extract_file(path).talks] == ["Notes on the analytical engine"]


def test_a_sites_posts_are_no_talks(tmp_path):
    path = tmp_path / "posts.json"
    path.write_text(json.dumps({"posts": [{"author": "Ada Lovelace", "title": "We moved the blog",
                                           "date": "2024-05-01"}]}), encoding="utf-8")
    assert talk_items(read_document(path)) == []


def test_a_data_files_talks_are_filed_under_its_own_title_else_its_sites_folder(tmp_path):
    alone = tmp_path / "stats-seminar" / "_data" / "talks.yml"
    alone.parent.mkdir(parents=True)
    alone.write_text(SEMINARS_YML, encoding="utf-8")
    found = extract_file(alone)
    assert (found.title, found.key) == ("stats-seminar", "stats-seminar-talks")
    assert found.events[0].name == "stats-seminar"
    titled = tmp_path / "data" / "seminars.yml"
    titled.parent.mkdir()
    titled.write_text("meta:\n  title: Statistics PhD Seminar\nschedule:\n  - date: 2026-10-01\n"
                      "    speaker: Ada Lovelace\n    title: About barycenters\n", encoding="utf-8")
    assert extract_file(titled).title == "Statistics PhD Seminar"
    assert extract_file(titled).key == extract_file(titled).key == "statistics-phd-seminar-seminars"


def test_a_data_file_given_from_its_sites_root_has_the_same_title_from_any_directory(tmp_path, monkeypatch):
    for site in ("one-site", "another-site"):
        data = tmp_path / site / "_data" / "talks.yml"
        data.parent.mkdir(parents=True)
        data.write_text(SEMINARS_YML, encoding="utf-8")
    found = []
    for site in ("one-site", "another-site"):
        monkeypatch.chdir(tmp_path / site)
        page = extract_file(Path("_data/talks.yml"))
        found.append((page.title, page.key, page.events[0].name))
    assert found[0] == found[1] == ("talks", "talks-talks", "talks")  # its stem: no folder of the site given
    monkeypatch.chdir(tmp_path)
    assert extract_file(Path("one-site/_data/talks.yml")).title == "one-site"


def test_a_clock_time_in_a_data_file_is_read_as_the_time_it_prints(tmp_path):
    path = tmp_path / "talks.yml"
    path.write_text("- speaker: Ada Lovelace\n  title: Engines\n  date: 2021-03-04\n  time: 14:00\n",
                    encoding="utf-8")
    talk, = extract_file(path).talks
    assert (talk.day, talk.clock.strftime("%H:%M") if talk.clock else None) == ("2021-03-04", "14:00")


def test_talks_listed_as_members_of_groups_but_not_a_groups_members(tmp_path):
    path = tmp_path / "_data" / "talks.yml"
    path.parent.mkdir()
    path.write_text("- type: Upcoming Talks\n  members:\n    - speaker: Ada Lovelace\n"
                    "      date: 2026-10-01\n"
                    "      title: Notes on the engine\n- type: Lab\n  members:\n    - name: Charles Babbage\n"
                    "      date: 2026-10-02\n      title: Professor\n    - author: Mary Somerville\n"
                    "      date: 2026-10-03\n      title: On the connexion\n", encoding="utf-8")
    talks = [(t.speakers[0].name, t.title, t.day) for t in extract_file(path).talks]
    assert talks == [("Ada Lovelace", "Notes on the engine", "2026-10-01")]


def test_a_persons_record_holding_their_talks_gives_each_talk_its_speaker(tmp_path):
    path = tmp_path / "_data" / "previous.yml"
    path.parent.mkdir()
    path.write_text("- talk-id: ada\n  authors:\n  - name: Ada Lovelace\n    affiliations:\n"
                    "    - name: University of Turin\n    - name: Royal Society\n  talks:\n"
                    "  - title: Notes on the analytical engine\n    date: Monday, May 2nd, 2022 @ 1PM EST\n"
                    "- talk-id: mary\n  authors:\n  - name: Mary Somerville\n  talks:\n"
                    "  - title: On the connexion of the physical sciences\n    date: 2022-04-04\n",
                    encoding="utf-8")
    talks = [(t.speakers[0].name, t.speakers[0].affiliation, t.title, t.day)
             for t in extract_file(path).talks]
    assert talks == [  # the first of two affiliations; no talk titled by its id ("ada")
        ("Ada Lovelace", "University of Turin", "Notes on the analytical engine", "2022-05-02"),
        ("Mary Somerville", None, "On the connexion of the physical sciences", "2022-04-04")]


def test_a_data_file_of_papers_is_papers_and_one_of_talks_in_the_same_shape_is_talks(tmp_path):
    papers = tmp_path / "site" / "_data" / "papers.yml"
    papers.parent.mkdir(parents=True)
    papers.write_text("- title: \"<em>Engines</em>: Notes on the analytical engine\"\n"
                      "  paper: engine.pdf\n"
                      "  date: 2019-12-08\n  authors: Ada Lovelace, Charles Babbage\n"
                      "  venue: Turin CS 101\n\n"
                      "- title: On the connexion of the physical sciences, Fall 2019\n  paper: sciences.pdf\n"
                      "  date: 2020-04-13\n  venue: Oxford notes\n  authors: Mary Somerville\n",
                      encoding="utf-8")
    found = extract_file(papers)
    assert found.talks == []  # their authors are no speakers
    assert [(p.title, p.authors, p.year, p.line) for p in found.papers] == [
        ("Engines: Notes on the analytical engine", ["Ada Lovelace", "Charles Babbage"], 2019, 1),
        ("On the connexion of the physical sciences, Fall 2019", ["Mary Somerville"], 2020, 7)]
    talks = papers.with_name("talks.yml")
    talks.write_text("- title: Engines that weave\n  slides: weave.pdf\n  date: 2020-10-14\n"
                     "  venue: Turin Colloquium\n  authors: Ada Lovelace\n", encoding="utf-8")
    found = extract_file(talks)
    assert [(t.speakers[0].name, t.title) for t in found.talks] == [("Ada Lovelace", "Engines that weave")]
    assert found.papers == []


def test_a_year_keyed_data_file_of_one_journal_paper_with_elided_authors(tmp_path):
    path = tmp_path / "_data" / "papers.yml"
    path.parent.mkdir()
    path.write_text("2021:\n  -\n    title: \"Notes on the analytical engine\"\n"
                    "    authors: \"A Lovelace, ..., C Babbage*, M Somerville*\"\n    journal: \"Nature\"\n"
                    "    year: 2021\n    paper_url: \"https://example.org/engine\"\n", encoding="utf-8")
    paper, = extract_file(path).papers
    assert (paper.title, paper.authors, paper.year, paper.line) == \
        ("Notes on the analytical engine", ["A Lovelace", "C Babbage", "M Somerville"], 2021, 3)


def test_a_reading_groups_record_naming_its_presenter_and_the_paper_stays_a_talk(tmp_path):
    path = tmp_path / "_data" / "readings.yml"
    path.parent.mkdir()
    path.write_text("- name: Ada Lovelace\n  paper: Notes on the analytical engine\n  date: 2022-05-02\n",
                    encoding="utf-8")
    assert [(t.speakers[0].name, t.day) for t in extract_file(path).talks] == [("Ada Lovelace", "2022-05-02")]
