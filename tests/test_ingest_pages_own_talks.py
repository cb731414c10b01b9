"""Personal talk lists: titles with their occurrences, and talks announced in the first person."""

from kg.ingest.pages.blocks import layout
from kg.ingest.pages.document import read_document
from kg.ingest.pages.extract import extract_path
from kg.ingest.pages.own_talks import cited_talks, with_speakers


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


def test_one_line_entries_title_then_venue_city_and_year(tmp_path):
    (tmp_path / "_config.yml").unlink(missing_ok=True)
    page = tmp_path / "talks.md"
    page.write_text("---\ntitle: Talks\ndescription: Selected talks by Ada Lovelace.\n---\n\n"
                    "A selection of invited talks. A full list is in my CV.\n\n"
                    "- *Notes on the Analytical Engine.* Royal Society, London, UK, 2019.\n"
                    "- *Notes on the Analytical Engine.* Cambridge Philosophical Society, Cambridge, UK, "
                    "2019.\n"
                    "- *Bernoulli numbers by machine.* Workshop on Computing, Turin, IT, 2018.\n",
                    encoding="utf-8")
    found = extract_path(page)
    assert [(tuple(s.name for s in t.speakers), t.title, t.day) for t in found.talks] == [
        (("Ada Lovelace",), "Notes on the Analytical Engine", "2019"),
        (("Ada Lovelace",), "Notes on the Analytical Engine", "2019"),  # given at two places: two talks
        (("Ada Lovelace",), "Bernoulli numbers by machine", "2018")]
    assert found.papers == []  # entries of a list of talks are no publications


def test_a_first_person_page_that_never_names_its_owner_gives_talks_without_a_speaker(tmp_path):
    page = tmp_path / "alone" / "talks.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: talks\ndescription: Talks I've presented over the years.\n---\n\n## 2025\n\n"
                    "- May 27: **Notes on the Analytical Engine** (Slides)\n"
                    "  at _Engines Seminar_, KU Leuven\n"
                    "- May 8: **Bernoulli Numbers by Machine** (Slides)\n  at _Algebra Seminar_, HU Berlin\n",
                    encoding="utf-8")
    found = extract_path(page)
    assert [(t.speakers, t.title, t.day) for t in found.talks] == [  # no "KU Leuven" as a speaker:
        ([], "Notes on the Analytical Engine", "2025-05-27"),  # the talks have none
        ([], "Bernoulli Numbers by Machine", "2025-05-08")]
    assert any("--speaker" in problem for problem in found.problems)


def test_talks_written_as_citations_under_a_talks_heading(tmp_path):
    page = tmp_path / "talks.html"
    page.write_text("<html><body><h2>Selected talks</h2>"
                    "<p>Lovelace, Ada, Charles Babbage, and Mary Somerville. (2020). Notes on the analytical "
                    "engine. <i>5th International Conference on Engines (ICE)</i>. "
                    "<a href='s.pdf'>[Slides]</a></p>"
                    "<p>Lovelace, Ada. (2019). Bernoulli numbers by machine. "
                    "<i>Workshop on Computing</i>.</p>"
                    "</body></html>", encoding="utf-8")
    found = extract_path(page)
    assert [(tuple(s.name for s in t.speakers), t.title, t.day) for t in found.talks] == [
        (("Lovelace, Ada", "Charles Babbage", "Mary Somerville"), "Notes on the analytical engine", "2020"),
        (("Lovelace, Ada",), "Bernoulli numbers by machine", "2019")]
    assert found.papers == []


def test_the_references_of_one_talks_page_stay_papers(tmp_path):
    page = tmp_path / "post-talk.md"
    page.write_text("---\ntitle: 'Plenary talk at the Engines Conference'\n---\n\n"
                    "I gave a talk on engines, discussing the methods and results from:\n\n"
                    "Lovelace, A., and Babbage, C. (2017). Modelling individual migration patterns using a\n"
                    "Bayesian approach for engine data. The Annals of Applied Engines, 11(1), 21-40.\n\n"
                    "Somerville, M., Lovelace, A., & Herschel, C. (2020). "
                    "A hierarchical prior for modelling\n"
                    "bird migration patterns. Journal of the Royal Engine Society, 5(2), 1-9.\n",
                    encoding="utf-8")
    found = extract_path(page)
    assert len(found.papers) == 2  # "talk" names this page's one talk: its references are papers


def test_entries_that_give_the_venue_and_date_first_and_the_title_last(tmp_path):
    found = talks(tmp_path, "<html><head><title>Talks</title></head><body></body>"
                  "<h4><a href='index.html'>Home</a> | <a href='talks.html'>Talks</a> | "
                  "<a href='t.html'>Teaching</a></h4>"
                  "<h3>Talks and Poster presentations</h3><ul>"
                  "<li><strong>Seminar on Engines, University of Turin</strong><br>\n"
                  "Turin (Italy), November 2024<br>\n"
                  "(<a href='s.pdf'>Talk</a>) <em>Notes on the Analytical Engine</em><br></li>\n"
                  "<li><strong>Journées Machines 2024</strong><br>\nLyon (France), March 2024<br>\n"
                  "(Talk) <em>Bernoulli Numbers by Machine</em><br></li></ul>", name="talks.html")
    assert found == [(("Ada Lovelace",), "Notes on the Analytical Engine", "2024-11"),
                     (("Ada Lovelace",), "Bernoulli Numbers by Machine", "2024-03")]


def test_the_underlined_author_of_a_talk_citation_is_its_speaker(tmp_path):
    page = tmp_path / "publications.md"
    page.write_text("---\ntitle: Publications & Talks\n---\n\n## Scientific talks\n\n"
                    "- **Notes on the analytical engine** <br> A. Lovelace, <u>C. Babbage</u>, M. Somerville "
                    "(2022) - [Engines 2022](https://engines.org/), Turin (Italy)\n"
                    "- **Bernoulli numbers by machine** <br> <u>A. Lovelace</u>, C. Babbage (2021) - "
                    "[Workshop on Computing](https://computing.org/), London (UK)\n", encoding="utf-8")
    document = read_document(page)
    found = cited_talks(layout(document).blocks, "Publications & Talks")
    assert [(t.speakers, t.title, t.year) for t in found] == [
        (["C. Babbage"], "Notes on the analytical engine", 2022),
        (["A. Lovelace"], "Bernoulli numbers by machine", 2021)]


def test_a_talk_collection_file_names_no_speaker_unless_the_user_does(tmp_path):
    talk = tmp_path / "_talks" / "2017-11-08-talk.md"
    talk.parent.mkdir()
    talk.write_text("---\ntitle: \"Notes on the Analytical Engine\"\ncollection: talks\n"
                    "type: \"Invited talk\"\nvenue: \"Royal Society\"\ndate: 2017-11-08\n"
                    "location: \"London, UK\"\n---\n\n"
                    "[Slides](/files/engine.pdf)\n", encoding="utf-8")
    assert [(t.speakers, t.title, t.day) for t in extract_path(talk).talks] == [
        ([], "Notes on the Analytical Engine", "2017-11-08")]
    named = extract_path(talk, owner="Ada Lovelace").talks
    assert [[s.name for s in t.speakers] for t in named] == [["Ada Lovelace"]]


def test_a_hugo_talk_file_reads_its_start_not_its_publish_date(tmp_path):
    talk = tmp_path / "index.md"
    talk.write_text('+++\ntitle = "Bernoulli Numbers by Machine"\ndate = 2017-01-01T00:00:00\n'
                    'time_start = 2018-07-06T15:00:00\nevent = "Statistics Seminar, University of Turin"\n'
                    'url_slides = ""\n+++\n', encoding="utf-8")
    assert [(t.speakers, t.title, t.day, str(t.clock)) for t in extract_path(talk).talks] == [
        ([], "Bernoulli Numbers by Machine", "2018-07-06", "15:00:00")]


def test_a_blog_post_with_a_title_and_a_date_is_no_talk(tmp_path):
    post = tmp_path / "2019-05-01-engines.md"
    post.write_text("---\ntitle: Thoughts on engines\ndate: 2019-05-01\ntags:\n  - engines\n---\n\n"
                    "Some thoughts on the analytical engine and what it may compute one day.\n",
                    encoding="utf-8")
    assert extract_path(post).talks == []


def test_a_talk_file_whose_title_names_the_event_gives_no_talk(tmp_path):
    talk = tmp_path / "index.md"
    talk.write_text("---\ntitle: SIAM Conference on Engines 2020\nevent:\ndate: 2020-07-01\n---\n",
                    encoding="utf-8")
    assert extract_path(talk).talks == []


def test_a_talk_collection_file_in_its_site_is_given_by_the_sites_owner(tmp_path):
    (tmp_path / "_config.yml").write_text("author:\n  name: Ada Lovelace\n", encoding="utf-8")
    talk = tmp_path / "_talks" / "2019-05-01-talk.md"
    talk.parent.mkdir()
    talk.write_text("---\ntitle: Notes on the Analytical Engine\ncollection: talks\ndate: 2019-05-01\n---\n",
                    encoding="utf-8")
    assert [([s.name for s in t.speakers], t.title) for t in extract_path(talk).talks] == [
        (["Ada Lovelace"], "Notes on the Analytical Engine")]


def test_the_owner_is_the_author_the_sites_publication_page_shares(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "papers@2020-05-29.md").write_text(
        "## 2020\n\n**Lovelace, A.**, & Babbage, C. (2020). Notes on the analytical engine. "
        "*Annals of Engines*.\n\n"
        "Somerville, M., & **Lovelace, A.** (2019). Bernoulli numbers by machine. *Journal of Computing*.\n\n"
        "**Lovelace, A.**, & Somerville, M. (2018). The weaving of algebraic patterns. *Proceedings of the "
        "Royal Society*.\n",
        encoding="utf-8")
    page = site / "talks.md"
    page.write_text("---\ntitle: ''\n---\n\n## Talks\n"
                    "Notes on the Analytical Engine. Invited talk at the Royal Society, London, May 2019.\n\n"
                    "Bernoulli Numbers by Machine. Talk at the Workshop on Computing, Paris, January 2020.\n",
                    encoding="utf-8")
    found = extract_path(page)
    assert [(tuple(s.name for s in t.speakers), t.title) for t in found.talks] == [
        (("A. Lovelace",), "Notes on the Analytical Engine"),  # first name first, as a speaker is written
        (("A. Lovelace",), "Bernoulli Numbers by Machine")]
    (site / "papers@2020-05-29.md").unlink()
    assert extract_path(page).talks == []  # no publication page beside it: nobody to give them to
    (site / "papers.pdf").write_bytes(b"%PDF-1.4\x00\x01binary")  # a publication list as a PDF is no page
    (site / "publications.md").write_text("", encoding="utf-8")  # nor is an empty one
    assert extract_path(page).talks == []


def test_a_talk_title_that_holds_the_owners_name_as_an_eponym_is_kept(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "publications.md").write_text(
        "**Hamming, R.**, & Shannon, C. (2020). Error detecting and error correcting codes. *Bell Labs*.\n\n"
        "Tukey, J., & **Hamming, R.** (2019). Notes on numerical methods. *Journal of Computing*.\n\n"
        "**Hamming, R.**, & Tukey, J. (2018). The art of doing science. *Proceedings of Engines*.\n",
        encoding="utf-8")
    page = site / "talks.md"
    page.write_text("---\ntitle: ''\n---\n\n## Talks\n"
                    "Hamming codes revisited. Invited talk at the Royal Society, London, May 2019.\n\n"
                    "Hamming, R. and Tukey, J. Numerical methods. Talk at the Workshop on Computing, Paris, "
                    "January 2020.\n", encoding="utf-8")
    titles = [t.title for t in extract_path(page).talks]
    assert titles == ["Hamming codes revisited"]  # the second line cites the owner's paper: no talk


def unowned_talks(tmp_path, text: str, name: str = "talks.md") -> list[tuple]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(tuple(s.name for s in t.speakers), t.title, t.day) for t in extract_path(path).talks]


def test_a_list_titled_talks_whose_owner_is_never_named_gives_talks_without_a_speaker(tmp_path):
    found = unowned_talks(tmp_path, "---\ntitle: Talks & Presentations\n---\n\n"
                          "- [2024] **Notes on the Analytical Engine** — [slides](a.pdf) • [video](v)\n"
                          "- [2023] **Bernoulli Numbers by Machine** — [slides](b.pdf)\n"
                          "- [2023] **Weaving Algebraic Patterns** — [slides](c.pdf)\n")
    assert found == [((), "Notes on the Analytical Engine", "2024"),
                     ((), "Bernoulli Numbers by Machine", "2023"), ((), "Weaving Algebraic Patterns", "2023")]


def test_a_page_that_labels_its_speakers_is_no_personal_list(tmp_path):
    found = unowned_talks(tmp_path, "---\ntitle: Special Lectures\n---\n\n"
                          "## Notes on the Analytical Engine\n\n- **Speaker:** Ada Lovelace\n"
                          "- **Abstract:** We read the notes.\n\n"
                          "## Bernoulli Numbers by Machine\n\n- **Speaker:** Charles Babbage\n"
                          "- **Abstract:** We compute them.\n\n"
                          "## Weaving Algebraic Patterns\n\n- **Speaker:** Mary Somerville\n"
                          "- **Abstract:** We weave.\n")
    assert all(speakers for speakers, _, _ in found)


def test_a_definition_list_term_is_a_title_and_each_description_an_occurrence(tmp_path):
    found = talks(tmp_path, "---\ntitle: ''\n---\n<h2>Tutorials:</h2>\n<dl>\n"
                  "<dt>Notes on the Analytical Engine <a href='w'>[Tutorial Website]</a></dt>\n"
                  "<dd><a href='c'>International Conference on Engines</a>, London. May 2019.</dd>\n"
                  "<dt>Bernoulli Numbers by Machine\n<a href='v'>[Video link]</a></dt>\n"
                  "<dd><a href='s'>Royal Society Summer School</a>, London. July 2018.</dd>\n</dl>\n")
    assert found == [(("Ada Lovelace",), "Notes on the Analytical Engine", "2019-05"),
                     (("Ada Lovelace",), "Bernoulli Numbers by Machine", "2018-07")]


def test_a_heading_titles_the_dated_line_under_it(tmp_path):
    found = unowned_talks(tmp_path, "Title: Talks\n\nSome talks I have given:\n\n"
                          "#### Notes on the Analytical Engine\n"
                          "_Engines Meetup, London_ // May 2, 2019 // [Video](v)\n\n"
                          "#### Panel: Engines and Looms\n_Royal Society, London_ // June 3, 2018\n\n"
                          "#### Social Machines\n_Babbage Club, London_ // July 4, 2017 // [Slides](s)\n\n"
                          "#### Weaving Algebra\n_Workshop on Computing, Paris_ // August 5, 2016\n")
    assert found == [((), "Notes on the Analytical Engine", "2019-05-02"),
                     ((), "Social Machines", "2017-07-04"), ((), "Weaving Algebra", "2016-08-05")]


def test_venue_lines_with_a_year_under_a_heading_of_talks_are_untitled_talks(tmp_path):
    venues = ["International Conference on Engines, London, UK", "Householder Meeting on Algebra, Spa",
              "SIAM Annual Meeting, online", "Workshop on Computing, Paris",
              "Royal Society Symposium, London"]
    lines = "".join(f"{n + 1}th {venue}, {2021 - n}\n<a href='t{n}.pdf'>Slides</a>\n<br>\n"
                    for n, venue in enumerate(venues * 5))  # one block of 25 lines, longer than a paragraph
    found = talks(tmp_path, "<html><head><title>Ada Lovelace</title></head><body>\n<h2>Invited talks</h2>\n"
                  f"<div>\n{lines}</div></body></html>\n", name="talks.html")
    assert len(found) == 25 and {t[1] for t in found} == {None}
    assert {t[0] for t in found} == {("Ada Lovelace",)}
    assert [t[2] for t in found[:3]] == ["2021", "2020", "2019"]


def test_an_event_named_with_its_year_is_no_title_and_a_list_item_holds_one(tmp_path):
    found = talks(tmp_path, "---\ntitle: Talks\n---\n\n"
                  "- [*Engines Days 2024*](https://example.org)\n(Meeting of the Engine Society - London)\\\n"
                  "Notes on the Analytical Engine\n\n"
                  "- [*Loom Forum 2023*](https://example.org)\n(Forum of weavers - Lyon)\\\n"
                  "Bernoulli Numbers by Machine\n")
    assert found == [(("Ada Lovelace",), "Notes on the Analytical Engine", "2024"),
                     (("Ada Lovelace",), "Bernoulli Numbers by Machine", "2023")]


def test_link_texts_after_a_title_and_a_badge_before_it_leave_the_title(tmp_path):
    found = unowned_talks(tmp_path, "---\ntitle: Talks and presentations\n---\n\n"
                          "- **[New]** Notes on the Analytical Engine [[Slide]](a.pdf)\n"
                          "- Bernoulli Numbers by Machine [slide](b.pdf), [talk](v)\n"
                          "- Weaving Algebraic Patterns [Youtube](y),[slide](c.pdf)\n")
    assert [t[1] for t in found] == ["Notes on the Analytical Engine", "Bernoulli Numbers by Machine",
                                     "Weaving Algebraic Patterns"]


def test_a_menu_of_the_sites_pages_under_a_list_of_talks_is_no_talk(tmp_path):
    items = "".join(f"<li><b>{title}</b>, {venue}</li>\n" for title, venue in [
        ("Notes on the Analytical Engine", "Royal Society, London, May 2019"),
        ("Bernoulli Numbers by Machine", "Workshop on Computing, Paris, June 2018"),
        ("Weaving Algebraic Patterns", "Loom Society Seminar, Lyon, July 2017")])
    menu = ("<li><a href='teaching.html'>Teaching &amp; Software</a></li>"
            "<li><a href='about.html'>Other stuff</a></li>")
    found = unowned_talks(tmp_path, "<html><head><title>Talks</title></head><body><h2>Talks</h2>"
                          f"<ul>\n{items}</ul><ul>{menu}</ul></body></html>\n", name="talks.html")
    assert [t[1] for t in found] == ["Notes on the Analytical Engine", "Bernoulli Numbers by Machine",
                                     "Weaving Algebraic Patterns"]


def test_a_line_that_describes_a_talk_gives_its_topic_as_the_title(tmp_path):
    found = talks(tmp_path, "---\ntitle: Talks\n---\n\n## 2026\n\n"
                  "- Talk on Analytical Engines at the [Royal Society Seminar](https://example.org) "
                  "[(video)](v)\n")
    assert found == [(("Ada Lovelace",), "Analytical Engines", "2026")]


def test_lines_of_a_br_block_that_open_alike_keep_their_own_file_lines(tmp_path):
    places = ["Oxford", "Cambridge", "Padova", "Turin", "Lyon"]
    lines = "".join(f"Invited talk, University of {place}, {2021 - n}\n<a href='t{n}.pdf'>Slides</a>\n<br>\n"
                    for n, place in enumerate(places * 5))  # one block of 25 entries, each opening alike
    path = tmp_path / "talks.html"
    (tmp_path / "_config.yml").write_text("author:\n  name: Ada Lovelace\n", encoding="utf-8")
    path.write_text("<html><head><title>Ada Lovelace</title></head><body>\n<h2>Invited talks</h2>\n"
                    f"<div>\n{lines}</div></body></html>\n", encoding="utf-8")
    found = extract_path(path).talks
    assert len(found) == 25
    assert [t.line for t in found] == [4 + 3 * n for n in range(25)]  # each entry's own line


def test_a_with_line_under_a_talk_names_who_gave_it_with_the_owner(tmp_path):
    found = talks(tmp_path, "---\ntitle: ''\n---\n<h2>Tutorials:</h2>\n<dl>\n"
                  "<dt>Notes on the Analytical Engine <a href='w'>[Tutorial Website]</a></dt>\n"
                  "<dd>With <a href='b'>Charles Babbage</a>. Our panel: Mary Somerville, John Herschel</dd>\n"
                  "<dd><a href='c'>International Conference on Engines</a>, London. May 2019.</dd>\n"
                  "<dt>Bernoulli Numbers by Machine</dt>\n"
                  "<dd>With <a href='m'>Augustus De Morgan</a>, University College London.</dd>\n"
                  "<dd>Royal Society Summer School, London, July 16-18, 2018.</dd>\n</dl>\n")
    assert found == [(("Ada Lovelace", "Charles Babbage"), "Notes on the Analytical Engine", "2019-05"),
                     (("Ada Lovelace", "Augustus De Morgan"), "Bernoulli Numbers by Machine", "2018-07")]


def test_with_speakers_reads_names_and_leaves_phrases():
    assert with_speakers("Together with A. Bo and Cara Du, TTIC") == ["A. Bo", "Cara Du"]
    assert with_speakers("With Kshitij Kumar Patel, TTIC.") == ["Kshitij Kumar Patel"]
    assert with_speakers("With applications to control") == []  # a title's tail, no names
    assert with_speakers("Royal Society Seminar, with Charles Babbage") == []  # only a line opening with it


def test_dated_items_nested_under_a_title_are_its_occurrences_not_titles(tmp_path):
    found = talks(tmp_path, "<html><head><title>Talks</title></head><body><h1>Talks</h1><ul>\n"
                  "<li><strong>Notes on the Analytical Engine</strong><br>\n<ul>\n"
                  "<li><a href=\"https://e.org\">Engines Yak (at LICS)</a>, 22nd of January 2013, Rome<br>\n"
                  "<a href=\"a.pdf\">slides (pdf, huge)</a> <a href=\"a2.pdf\">slides (pdf)</a>\n"
                  "<li>Seminar talk, 30th of October 2012, University of Turin (1 hour talk)<br>\n"
                  "<a href=\"b.pdf\">slides (pptx, huge)</a> <a href=\"b2.pdf\">slides (pdf)</a>\n</ul>\n"
                  "<li>Bernoulli Numbers by Machine<ul>\n"
                  "<li>CS 101, Virginia Tech (Apr. 2014, Host: Mary Somerville)</li>"
                  "<li>Machine Learning Seminar, UIUC (Mar. 2013, Host: Mary Somerville)</li></ul></li>\n"
                  "</ul></body></html>\n", name="talks.html")
    assert found == [(("Ada Lovelace",), "Notes on the Analytical Engine", "2013-01-22"),
                     (("Ada Lovelace",), "Notes on the Analytical Engine", "2012-10-30"),
                     (("Ada Lovelace",), "Bernoulli Numbers by Machine", "2014-04"),
                     (("Ada Lovelace",), "Bernoulli Numbers by Machine", "2013-03")]


def test_a_pages_sentence_over_its_list_of_dated_talks_takes_none_of_them(tmp_path):
    found = talks(tmp_path, "<html><head><title>Talks</title></head><body><h1>Talks</h1>\n"
                  "<p>Slides sometimes include videos that can be read with a viewer "
                  "(try to click on any image).</p>\n"
                  "<ul>\n<li><p>11/2019 <b>Notes on the Analytical Engine.</b> Engines seminar, Paris "
                  "[<a href=\"a.pdf\">slides</a>]</p></li>\n"
                  "<li><p>07/2018 <b>Bernoulli Numbers by Machine.</b> Royal Society, London "
                  "[<a href=\"b.pdf\">slides</a>]</p></li>\n</ul></body></html>\n", name="talks.html")
    assert (("Ada Lovelace",), "Notes on the Analytical Engine", "2019-11") in found
    assert (("Ada Lovelace",), "Bernoulli Numbers by Machine", "2018-07") in found


def test_a_line_that_opens_with_the_day_then_the_title_and_its_venue(tmp_path):
    found = talks(tmp_path, "---\ntitle: Talks\n---\n\n# 2019\n\n"
                  "- [2019/11/28: Notes on the engine, or...how to weave numbers, Engines 2019, London]"
                  "(https://example.org/a)\n\n"
                  "- [2019/07/05 Bernoulli numbers by machine, Royal Society, London](https://example.org/b)\n\n"
                  "- [2019/01/09 Are we there yet? Difference tables as proofs. Turin, Italy]"
                  "(https://example.org/c)\n")
    assert found == [(("Ada Lovelace",), "Notes on the engine, or...how to weave numbers", "2019-11-28"),
                     (("Ada Lovelace",), "Bernoulli numbers by machine", "2019-07-05"),
                     (("Ada Lovelace",), "Are we there yet? Difference tables as proofs", "2019-01-09")]


def test_bold_after_the_day_says_what_the_title_is():
    from kg.ingest.pages.blocks import Span
    from kg.ingest.pages.fields import find_dates
    from kg.ingest.pages.own_talks import _dated_lead

    text = "[25/09/2020] Reading group - Survey of looms"
    assert _dated_lead(text, find_dates(text, True), [Span("b", "Reading group")]) is None
    assert _dated_lead(text, find_dates(text, True), []) == "Reading group - Survey of looms"


def test_a_talk_file_with_an_author_key_and_a_first_person_abstract_keeps_its_talk(tmp_path):
    text = ("---\nauthor: Grace Hopper\ntitle: Compilers for everyone\ndate: 2024-04-03 1:00pm\n"
            "room: Lecture Hall 2\n---\n\nGrace Hopper is a professor of computing.\n"
            "In this talk aimed at a general audience, I will present recent work on compilers.\n"
            "My interest is in how programs are written; I'll present some background first.\n")
    path = tmp_path / "2024_04_03_Hopper.md"
    path.write_text(text, encoding="utf-8")
    found = [(tuple(s.name for s in t.speakers), t.title, t.day) for t in extract_path(path).talks]
    assert found == [(("Grace Hopper",), "Compilers for everyone", "2024-04-03")]


def test_a_post_with_an_author_key_and_no_place_of_a_talk_stays_a_personal_list(tmp_path):
    text = ("---\nauthor: Grace Hopper\ntitle: Talks I gave\ndate: 2024-04-03\n---\n\n"
            "I gave a talk on compilers at the Royal Society Seminar, London, May 2019.\n")
    path = tmp_path / "talks.md"
    path.write_text(text, encoding="utf-8")
    assert all(t.title != "Talks I gave" for t in extract_path(path).talks)
