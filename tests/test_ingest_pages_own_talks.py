"""Personal talk lists: titles with their occurrences, and talks announced in the first person."""

from kg.ingest.pages.extract import extract_path


def talks(tmp_path, text: str, name: str = "talks.md") -> list[tuple]:
    (tmp_path / "_config.yml").write_text("author:\n  name: Ada Lovelace\n", encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(tuple(s.name for s in t.speakers), t.title, t.day) for t in extract_path(path).talks]


def test_a_title_given_at_two_venues_is_two_talks(tmp_path):
    found = talks(tmp_path, "---\ntitle: Talks\n---\n\n**Notes on the Analytical Engine.**  \n"
                  "*International Conference on Engines, 2019.*  \nLondon, UK, May 2019  \n"
                  "[slides](/files/engine.pdf)  \n*Royal Society Seminar.*  \nLondon, UK, Jul. 2019.\n\n"
                  "**Bernoulli Numbers by Machine.**  \n*Workshop on Computing*  \nParis, Jan. 2020\n")
    assert found == [(("Ada Lovelace",), "Notes on the Analytical Engine", "2019-05"),
                     (("Ada Lovelace",), "Notes on the Analytical Engine", "2019-07"),
                     (("Ada Lovelace",), "Bernoulli Numbers by Machine", "2020-01")]


def test_a_title_nested_under_its_venue_and_a_year_heading(tmp_path):
    found = talks(tmp_path, "---\ntitle: Presentations\n---\n\n### 2019\n\n"
                  "  - Royal Society Seminar, London UK\n    + Notes on the Analytical Engine\n"
                  "    + [Slides](slides.pdf)\n\n"
                  "  - Workshop on Computing, Paris\n    + Bernoulli Numbers by Machine\n")
    assert found == [(("Ada Lovelace",), "Notes on the Analytical Engine", "2019"),
                     (("Ada Lovelace",), "Bernoulli Numbers by Machine", "2019")]


def test_talk_cards_with_dated_occurrences(tmp_path):
    found = talks(tmp_path, "---\ntitle: talks\n---\n\n<div class=\"year\">2025</div>\n"
                  "<div class=\"talk-card\"><div class=\"talk-title\">Engines That Weave Algebra</div>\n"
                  "<div class=\"talk-buttons\"><a href=\"s.pdf\">Slides</a></div>\n"
                  "<ul><li>12/2025: NeurIPS 2025, San Diego</li>"
                  "<li>11/2025: Statistics seminar, Paris</li></ul></div>\n")
    assert found == [(("Ada Lovelace",), "Engines That Weave Algebra", "2025-12"),
                     (("Ada Lovelace",), "Engines That Weave Algebra", "2025-11")]


def test_talks_announced_in_the_first_person_in_news(tmp_path):
    found = talks(tmp_path, "# News\n\n"
                  "* I will give a talk at the Columbia Statistics Seminar on April 21.  \n"
                  "* New preprint with Charles Babbage.  \n* 2023  \n"
                  "* I am giving a talk at the Royal Society on November 29th.\n", name="index.md")
    assert found == [(("Ada Lovelace",), None, "--04-21"), (("Ada Lovelace",), None, "2023-11-29")]


def test_without_an_owner_the_talks_are_only_counted(tmp_path):
    path = tmp_path / "talks.md"
    path.write_text("---\ntitle: Talks\n---\n\n**Notes on the Analytical Engine.**  \nLondon, May 2019\n",
                    encoding="utf-8")
    page = extract_path(path)
    assert page.talks == [] and any("--speaker" in p for p in page.problems)
