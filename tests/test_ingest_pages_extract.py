"""The layout-agnostic extractor on the patterns of real pages that lost the old extractors
(hand-written edge cases; bench/extract_real.py measures it on real pages)."""

from __future__ import annotations

from kg.ingest.pages.extract import extract_path


def talks_of(tmp_path, name: str, text: str | bytes):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    page = extract_path(path)
    return page, [(tuple(s.name for s in t.speakers), t.title, t.day,
                   t.clock.strftime("%H:%M") if t.clock else None) for t in page.talks]


def test_a_markdown_table_with_its_columns_told_by_their_headers(tmp_path):
    page, talks = talks_of(tmp_path, "s.md", "# Seminar, Spring 2024\n\n**Time:** 2:00pm-3:00pm\n\n"
                           "| Date | Speaker | Title |\n|---|---|---|\n"
                           "| Feb 8 | [Ada Lovelace](https://ada.example) (Analytical U) | "
                           "Notes on engines |\n"
                           "| Feb 15 | Charles Babbage (Cambridge) | TBA |\n"
                           "| ~~Feb 22~~ | ~~Mary Somerville~~ | ~~x~~ |\n")
    assert talks == [(("Ada Lovelace",), "Notes on engines", "2024-02-08", "14:00"),
                     (("Charles Babbage",), None, "2024-02-15", "14:00")]
    assert page.talks[0].speakers[0].homepage == "https://ada.example"
    assert page.talks[0].speakers[0].affiliation == "Analytical U"
    assert "time" in page.talks[0].guessed and page.kind == "seminar_page"


def test_an_html_schedule_inside_markdown_with_a_rowspan(tmp_path):
    _, talks = talks_of(tmp_path, "p.md", "## Monday 29 February 2016\n\n<table>\n"
                        "<tr><td rowspan=\"2\">10:30</td>"
                        "<td>Keynote by Ada Lovelace: \"Engines of thought\"</td></tr>\n"
                        "<tr><td>Charles Babbage: Difference engines</td></tr>\n"
                        "<tr><td>12:30</td><td>Lunch</td></tr>\n</table>\n")
    assert talks == [(("Ada Lovelace",), "Engines of thought", "2016-02-29", "10:30"),
                     (("Charles Babbage",), "Difference engines", "2016-02-29", "10:30")]


def test_facts_only_in_front_matter(tmp_path):
    page, talks = talks_of(tmp_path, "t.md", "---\ntitle: Faster algorithms\nauthor: Mark Schmidt\n"
                           "date: 2020-04-17 4:00pm\nslides: https://example.org/s.pdf\n---\n\n"
                           "Abstract text.\n")
    assert talks == [(("Mark Schmidt",), "Faster algorithms", "2020-04-17", "16:00")]
    assert page.talks[0].media == {"slides": "https://example.org/s.pdf"} and page.kind == "event_page"


def test_a_link_flattened_into_the_text_is_a_link(tmp_path):
    page, talks = talks_of(tmp_path, "l.md", "- 2024-05-06: Ada Lovelace, “Notes on engines” - "
                           "https://youtu.be/abc\n- 2024-05-13: Charles Babbage, “Difference engines”\n")
    assert talks[0] == (("Ada Lovelace",), "Notes on engines", "2024-05-06", None)
    assert page.talks[0].media["video"] == "https://youtu.be/abc"


def test_labels_a_biography_breaks_and_placeholders(tmp_path):
    _, talks = talks_of(tmp_path, "e.md", "# Theory seminar\n\n## Tue, Mar 3 at 4pm\n\n"
                        "Speaker: Ada Lovelace (Analytical U)\n\nTitle: TBD\n\n### Speaker\n\n"
                        "Ada Lovelace is a professor at Analytical University, where she works on "
                        "engines and the notes that describe them in detail.\n\n"
                        "## Tue, Mar 10 at 4pm\n\nCoffee break\n\n"
                        "## Tue, Mar 17 at 4pm\n\nCoffee break\n")
    assert talks == [(("Ada Lovelace",), None, "--03-03", "16:00")]


def test_a_byte_that_is_not_utf8_costs_a_character_not_the_page(tmp_path):
    _, talks = talks_of(tmp_path, "x.md", "- 6 May 2024: René Vidal (Penn), Théorie\n- 13 May 2024: Ada "
                        "Lovelace (Analytical U), Engines\n".encode("latin-1"))
    assert talks[0] == (("René Vidal",), "Théorie", "2024-05-06", None)


def test_cards_whose_markup_names_the_fields(tmp_path):
    _, talks = talks_of(tmp_path, "c.html", "<html><body><div class='talk'><div class='talk-title'>Notes on "
                        "engines</div><div class='speaker'>Ada Lovelace</div><div class='date'>May 6, 2024"
                        "</div></div><div class='talk'><div class='talk-title'>Difference engines</div>"
                        "<div class='speaker'>Charles Babbage</div><div class='date'>May 13, 2024</div></div>"
                        "</body></html>")
    assert talks == [(("Ada Lovelace",), "Notes on engines", "2024-05-06", None),
                     (("Charles Babbage",), "Difference engines", "2024-05-13", None)]


def test_a_pipe_table_inside_an_open_code_fence_is_a_table(tmp_path):
    _, talks = talks_of(tmp_path, "f.md", "The event will be on May $10^{th}$ 2022.\n\n~~~\n"
                        "<style>p {}</style>\n\n"
                        "| Time | Presenter | Talk Title |\n| :--- | :--- | :--- |\n"
                        "| 9:30am | | _**Coffee**_ |\n| 10:00am | [Ada Lovelace](https://a.example) | "
                        "Notes on engines |\n")
    assert talks == [(("Ada Lovelace",), "Notes on engines", "2022-05-10", "10:00")]


def test_a_row_of_parallel_talks_gives_one_talk_per_cell(tmp_path):
    _, talks = talks_of(tmp_path, "r.html", "<html><body><h2>Workshop, December 13</h2><table>"
                        "<tr><td>9:15 - 9:45</td><td>Spotlight talks</td></tr>"
                        "<tr><td>\u201cNotes on the Analytical Engine\u201d, Ada Lovelace et al.</td>"
                        "<td>\"Difference Engines at Scale\u201d, Charles Babbage et al.</td></tr>"
                        "</table></body></html>")
    assert [(t[0], t[1]) for t in talks] == [(("Ada Lovelace",), "Notes on the Analytical Engine"),
                                             (("Charles Babbage",), "Difference Engines at Scale")]


def test_a_publications_own_page_is_a_paper_not_a_talk(tmp_path):
    page, talks = talks_of(tmp_path, "p.md", "---\ntitle: Notes on the Analytical Engine\nauthors:\n"
                           "- Ada Lovelace\n- Charles Babbage\ndate: '2019-12-01'\n"
                           "publication: '*Journal of Engines*'\n---\n")
    assert talks == [] and page.kind == "author_page"
    assert [(p.title, p.authors, p.year) for p in page.papers] == [
        ("Notes on the Analytical Engine", ["Ada Lovelace", "Charles Babbage"], 2019)]


def test_papers_a_reading_list_links_to(tmp_path):
    page, _ = talks_of(tmp_path, "r.md", "# Epidemic models\n\n## Material\n\n* Supplementary readings:\n"
                       "  * [Bayesian inference for partially observed epidemics](https://x.org/a.pdf)\n"
                       "  * [Slides](https://x.org/slides.pdf)\n\n"
                       "* [07/08/2020] **Reading Group** - Generalized Variational Inference: "
                       "three arguments "
                       "[ [Paper](https://arxiv.org/pdf/1904.02063.pdf) ]\n")
    assert sorted(p.title for p in page.papers) == [
        "Bayesian inference for partially observed epidemics",
        "Generalized Variational Inference: three arguments"]


def test_a_year_in_an_entry_is_its_date_at_year_precision(tmp_path):
    _, talks = talks_of(tmp_path, "y.md", "# Talks\n\n* [Ada Lovelace, Notes on Engines, ICML 2016](https://v.example)\n"
                        "* [Charles Babbage, Difference Engines, RI Seminar, 2017](https://v.example/2)\n")
    assert talks == [(("Ada Lovelace",), "Notes on Engines", "2016", None),
                     (("Charles Babbage",), "Difference Engines", "2017", None)]


def test_links_whose_targets_hold_site_generator_tags_stay_links(tmp_path):
    page, talks = talks_of(tmp_path, "t.md", "| Date | Event |\n|---|---|\n"
                           "| Feb 8, 2019 | [Ada Lovelace: Notes on engines]"
                           "({{< relref \"2019/ada.md\" >}}) |\n"
                           "| Feb 15, 2019 | [Charles Babbage: Difference engines]"
                           "({{ site.url }}/cb.html) |\n")
    assert talks == [(("Ada Lovelace",), "Notes on engines", "2019-02-08", None),
                     (("Charles Babbage",), "Difference engines", "2019-02-15", None)]
    assert page.talks[0].media == {"page": "2019/ada.md"} or "2019/ada.md" in page.talks[0].links


def test_a_programme_table_under_its_day_with_contributed_talks_by_several_authors(tmp_path):
    _, talks = talks_of(tmp_path, "p.html", "<html><body><h3>Program</h3><p><b>October 23rd, 2020</b></p>"
                        "<table><tr><td>18:00</td><td><b>Invited Talk: Ada Lovelace</b></td></tr>"
                        "<tr><td>18:40</td><td>#17 Charles Babbage, Mary Somerville and Augustus De Morgan, "
                        "Difference Engines at Scale</td></tr><tr><td>19:00</td><td>Break</td></tr>"
                        "</table></body></html>")
    assert talks == [(("Ada Lovelace",), None, "2020-10-23", "18:00"),
                     (("Charles Babbage", "Mary Somerville", "Augustus De Morgan"),
                      "Difference Engines at Scale", "2020-10-23", "18:40")]


def test_accepted_papers_in_a_table(tmp_path):
    page, _ = talks_of(tmp_path, "a.html", "<html><body><h3>Accepted papers</h3><table>"
                       "<tr><td>[1] Difference Engines at Scale (Charles Babbage and Ada Lovelace) "
                       "(<a href=\"p1.pdf\">pdf</a>)</td></tr><tr><td>[3] Notes on the Analytical Engine "
                       "(Ada Lovelace) (<a href=\"p3.pdf\">pdf</a>)</td></tr></table></body></html>")
    assert [(p.title, p.authors) for p in page.papers] == [
        ("Difference Engines at Scale", ["Charles Babbage", "Ada Lovelace"]),
        ("Notes on the Analytical Engine", ["Ada Lovelace"])]


def test_the_first_talk_under_a_timed_slot_starts_at_the_slots_time(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "## Thursday 3 March 2016\n\n"
                        "| 09:00 - 10:30 | Contributed talks: |\n| | Ada Lovelace: Notes on the engine |\n"
                        "| | Charles Babbage: Difference engines |\n| 10:30 - 11:00 | Coffee break |\n")
    assert talks == [(("Ada Lovelace",), "Notes on the engine", "2016-03-03", "09:00"),
                     (("Charles Babbage",), "Difference engines", "2016-03-03", None)]


def test_titles_followed_by_their_speakers_in_brackets(tmp_path):
    _, talks = talks_of(tmp_path, "r.md", "## Schedule\n\n"
                        "* Jan 29 *Engines of thought* (Ada Lovelace, Charles Babbage) [Slides](s.pdf)\n"
                        "* Feb 5: [Difference engines](d/) (Lecturer: Prof. Dr. Mary Somerville)\n")
    assert talks == [(("Ada Lovelace", "Charles Babbage"), "Engines of thought", "--01-29", None),
                     (("Mary Somerville",), "Difference engines", "--02-05", None)]


def test_a_speaker_who_talks_on_a_quoted_title_with_a_site_variable_for_a_name(tmp_path):
    _, talks = talks_of(tmp_path, "l.md", "### Past Events\n\n"
                        "- {{ site.data.people.AdaLovelace }} (Inria Lille – Nord Europe) on "
                        "``Engines of thought'' (29/9/2020, 2pm)\n\n"
                        "- Charles Babbage (Cambridge) on ``Difference engines'' (13/10/2020, 2pm)\n")
    assert talks == [(("Ada Lovelace",), "Engines of thought", "2020-09-29", "14:00"),
                     (("Charles Babbage",), "Difference engines", "2020-10-13", "14:00")]


def test_reflowed_markdown_entries_and_an_entry_heading_its_abstract(tmp_path):
    _, talks = talks_of(tmp_path, "w.md", "- [Nov 12, 2020, 4pm\n  CET](a.md):\n"
                        "  **Ada Lovelace** (Università di Pisa, Italy), ***Chaotic motion in\n"
                        "  the breathing billiard***\n\n"
                        "- [Charles Babbage](https://cb.example) (Cambridge)\n"
                        "_Difference engines_\n(16/4/2024 2.30pm **in person**)<br />\n"
                        + "We study engines that compute tables of differences. " * 8 + "\n")
    assert talks == [(("Ada Lovelace",), "Chaotic motion in the breathing billiard", "2020-11-12",
                      "16:00"),
                     (("Charles Babbage",), "Difference engines", "2024-04-16", "14:30")]


def test_columns_aligned_with_spaces(tmp_path):
    _, talks = talks_of(tmp_path, "g.md", "## Monday 10 June 2013\n\n"
                        "  9:00-10:30    **Ada Lovelace**, Univ. of Sheffield      Engines of thought\n\n"
                        "                *coffee break*\n\n"
                        "  11:00-12:30   **Charles Babbage**, Univ. of Cambridge   Difference engines\n")
    assert talks == [(("Ada Lovelace",), "Engines of thought", "2013-06-10", "09:00"),
                     (("Charles Babbage",), "Difference engines", "2013-06-10", "11:00")]


def test_month_dot_day_in_a_date_column_under_a_term_heading(tmp_path):
    _, talks = talks_of(tmp_path, "q.md", "### Winter 2019\n\n| Date | Title | Speaker |\n|---|---|---|\n"
                        "| 1.11 | Engines of thought | Ada Lovelace |\n| 3.22 | Difference engines | "
                        "Charles Babbage |\n")
    assert talks == [(("Ada Lovelace",), "Engines of thought", "2019-01-11", None),
                     (("Charles Babbage",), "Difference engines", "2019-03-22", None)]


def test_a_workshop_year_dates_its_undated_talks(tmp_path):
    _, talks = talks_of(tmp_path, "w.md", "# Data Science Workshop 2018 Programme\n\n"
                        "| Time | Speaker | Title |\n|---|---|---|\n"
                        "| 9:30 | Ada Lovelace | Engines of thought |\n| 11:00 | Charles Babbage | "
                        "Difference engines |\n")
    assert [t[2] for t in talks] == ["2018", "2018"]


def test_links_to_material_after_the_speaker_are_no_part_of_the_name(tmp_path):
    _, talks = talks_of(tmp_path, "m.md", "# Summer School 2018\n\n"
                        "- **Engines of thought** by Ada Lovelace [slides](a.pdf)\n"
                        "- **Difference engines** by Charles Babbage [slides1](b1.pdf)\n"
                        ", [slides2](b2.pdf)\n")
    assert [(t[0], t[1]) for t in talks] == [(("Ada Lovelace",), "Engines of thought"),
                                             (("Charles Babbage",), "Difference engines")]


def test_a_heading_over_one_entry_is_its_title(tmp_path):
    _, talks = talks_of(tmp_path, "u.md", "#### Fall 2024 Speakers\n\n"
                        "##### Engines of Thought\n\n[Ada Lovelace](https://a.example) (Cornell) -- "
                        "*Thursday, September 5 @ 4 pm*\n\n"
                        "##### Difference Engines\n\nCharles Babbage (MIT) -- "
                        "*Thursday, September 12 @ 4 pm*\n")
    assert [(t[0], t[1], t[3]) for t in talks] == [(("Ada Lovelace",), "Engines of Thought", "16:00"),
                                                   (("Charles Babbage",), "Difference Engines", "16:00")]


def test_a_table_of_posters_under_a_bold_heading_holds_no_talks(tmp_path):
    _, talks = talks_of(tmp_path, "f.md", "---\ntitle: Resource Fair\ntime: 2024-10-03\n---\n\n"
                        "**Talk**\n\n| Speaker | Title |\n|---|---|\n"
                        "| Ada Lovelace | Engines of thought |\n\n"
                        "**Posters**\n\n| PI | Presenter / Poster Title |\n|---|---|\n"
                        "| Charles Babbage | Mary Somerville: Difference engines |\n")
    assert [(t[0], t[1]) for t in talks] == [(("Ada Lovelace",), "Engines of thought")]


def test_the_series_time_holds_for_weekly_slots_without_dates(tmp_path):
    _, talks = talks_of(tmp_path, "k.md", "**When**: Mondays, from 15:30 to 17:00, Week 2 to Week 8.\n\n"
                        "Week | Speaker | Title\n---|---|---\n2 | Ada Lovelace | Engines of thought\n"
                        "3 | Charles Babbage | Difference engines\n")
    assert [(t[0], t[3]) for t in talks] == [(("Ada Lovelace",), "15:30"), (("Charles Babbage",), "15:30")]


def test_an_italic_title_right_after_the_affiliation(tmp_path):
    _, talks = talks_of(tmp_path, "i.md", "### Past Events\n\n"
                        "- [Ada Lovelace](https://a.example) (Ghent University) _Notes on the engine_ "
                        "(9/11/2021, 2pm)\n\n- Charles Babbage (University of Trento) _Difference engines "
                        "of the world_ (16/11/2021, 2pm)\n")
    assert talks == [(("Ada Lovelace",), "Notes on the engine", "2021-11-09", "14:00"),
                     (("Charles Babbage",), "Difference engines of the world", "2021-11-16", "14:00")]


def test_the_kind_of_a_slot_is_no_title_and_drs_is_an_honorific(tmp_path):
    _, talks = talks_of(tmp_path, "a.md", "# Agenda\n\n| Time | Track | Speaker |\n|---|---|---|\n"
                        "| **Thursday, 2020-10-15** | | |\n"
                        "| 8:00-8:55 AM | Keynote Talk | Dr. Ada Lovelace |\n"
                        "| 9:00-9:55 AM | Invited Talks | Drs. Charles Babbage, Mary Somerville |\n")
    assert talks == [(("Ada Lovelace",), None, "2020-10-15", "08:00"),  # "Invited Talks": one talk each
                     (("Charles Babbage",), None, "2020-10-15", "09:00"),
                     (("Mary Somerville",), None, "2020-10-15", "09:00")]


def test_a_speaker_heading_under_the_talks_day_heading_is_its_speaker(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "# Learning Seminars 2022\n\n## Upcoming Talks\n\n"
                        "### Friday, February 11 15:00 CET\n\n"
                        "#### Ada Lovelace (Analytical University)\n\n"
                        "Title\n: Notes on engines\n\nAbstract\n: We study engines that compute.\n\n"
                        "### Friday, February 25 15:00 CET\n\n"
                        "#### Charles Babbage (Cambridge)\n\n"
                        "Title\n: Difference engines\n")
    assert [(t[0], t[1], t[2]) for t in talks] == [
        (("Ada Lovelace",), "Notes on engines", "2022-02-11"),
        (("Charles Babbage",), "Difference engines", "2022-02-25")]


def test_roles_rooms_and_schools_beside_a_speaker_are_no_titles(tmp_path):
    _, talks = talks_of(tmp_path, "r.md", "# Seminar\n\n"
                        "- March 3, 2024: Ada Lovelace, Ecole Normale Supérieure\n"
                        "- March 10, 2024: Alan Turing, Professor of Mathematics at Manchester\n"
                        "- March 17, 2024: Claude Shannon (Bell Labs), Room 101\n"
                        "- March 24, 2024 - Grace Hopper - Associate Professor, Yale\n")
    assert [t[:2] for t in talks] == [(("Ada Lovelace",), None), (("Alan Turing",), None),
                                      (("Claude Shannon",), None), (("Grace Hopper",), None)]


def test_slot_names_notices_pauses_and_the_speaker_again_are_no_titles(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "# Reading group\n\n"
                        "- March 3, 2024: Ada Lovelace - Overview Talk\n"
                        "- March 10, 2024: Alan Turing - Note special time and location of this talk\n"
                        "- March 12, 2024: Grace Hopper - In this talk I will show how compilers work\n"
                        "- March 17, 2024, 10:00: Claude Shannon - Information and its measure - lunch\n")
    assert [t[1] for t in talks] == [None, None, None, "Information and its measure"]


def test_a_title_that_is_a_name_or_a_part_of_the_site_is_no_talk(tmp_path):
    _, talks = talks_of(tmp_path, "t.md", "# Group\n\n| Date | Speaker | Title |\n|---|---|---|\n"
                        "| 2024-03-03 | Charles Babbage | Damek Davis |\n"
                        "| 2024-03-04 | Charles Babbage | About |\n"
                        "| 2024-03-05 | Charles Babbage | Tricomi's Equation |\n")
    assert talks == [(("Charles Babbage",), "Tricomi's Equation", "2024-03-05", None)]


def test_a_first_name_in_a_presenter_column_is_a_speaker(tmp_path):
    _, talks = talks_of(tmp_path, "rg.md", "# Reading group\n\n| Date | Presenter | Paper |\n|---|---|---|\n"
                        "| 2024-03-03 | Zach | Attention is all you need |\n"
                        "| 2024-03-10 | Jesús | Deep residual learning |\n")
    assert talks == [(("Zach",), "Attention is all you need", "2024-03-03", None),
                     (("Jesús",), "Deep residual learning", "2024-03-10", None)]


def test_a_labelled_tba_title_keeps_the_date_line_out_of_the_title(tmp_path):
    _, talks = talks_of(tmp_path, "n.html", "<html><body><h1>Next seminars</h1>"
                        "<p>March 2, 2020, 12h-14h, room Salle des actes, ENS.<br>"
                        "<a href='https://x.example'>Ada Lovelace</a> (Cambridge)<br>"
                        "<b>Title:</b> <i>TBA</i></p>"
                        "<p>March 30, 2020, 12h-14h, room Salle des actes, ENS.<br>"
                        "<a href='https://y.example'>Alan Turing</a> (Manchester)<br>"
                        "<b>Title:</b> <i>TBA</i></p>"
                        "</body></html>")
    assert talks == [(("Ada Lovelace",), None, "2020-03-02", "12:00"),
                     (("Alan Turing",), None, "2020-03-30", "12:00")]


def test_a_sentence_of_the_entry_is_its_speaker(tmp_path):
    _, talks = talks_of(tmp_path, "e.md", "# Talks\n\n"
                        "- Notes on the analytical engine. Ada Lovelace, Cambridge University. 3 March 2024\n"
                        "- Computable numbers revisited. Alan Turing, Manchester University. 10 March 2024\n")
    assert talks == [(("Ada Lovelace",), "Notes on the analytical engine", "2024-03-03", None),
                     (("Alan Turing",), "Computable numbers revisited", "2024-03-10", None)]


def test_labels_in_other_languages(tmp_path):
    _, talks = talks_of(tmp_path, "v.md", "# Kolloquium\n\nReferent: Ada Lovelace (Universität Wien)  \n"
                        "Titel: Über analytische Maschinen  \nDatum: 3. März 2024, 16:00\n")
    assert talks == [(("Ada Lovelace",), "Über analytische Maschinen", "2024-03-03", "16:00")]
    _, talks = talks_of(tmp_path, "z.md", "# 学术报告\n\n报告人：王小明  \n题目：深度学习理论  \n"
                        "时间：2024年3月3日 16:00\n")
    assert talks == [(("王小明",), "深度学习理论", "2024-03-03", "16:00")]


def test_coauthors_language_and_material_after_a_title_are_no_part_of_it():
    from kg.ingest.pages.entries import clean_title

    assert clean_title("Notes on engines (joint work with Charles Babbage)") == "Notes on engines"
    assert clean_title("Notes on engines. Joint work with C. Babbage") == "Notes on engines"
    assert clean_title("Notes on engines (talk in French) [slides] [video]") == "Notes on engines"
    assert clean_title("Notes on engines – CANCELLED") == "Notes on engines"
    kept = "Learning with Kernels (with applications)"
    assert clean_title(kept) == kept


def test_a_page_titled_after_papers_or_a_journal_still_lists_its_talks(tmp_path):
    _, talks = talks_of(tmp_path, "jc.md", "# Machine Learning Papers Journal Club\n\n"
                        "- March 3, 2024: Ada Lovelace - Notes on the analytical engine\n"
                        "- March 10, 2024: Alan Turing - Computable numbers revisited\n\n"
                        "## Organizers\n\n- March 1, 2024: Grace Hopper - Compilers\n")
    assert talks == [(("Ada Lovelace",), "Notes on the analytical engine", "2024-03-03", None),
                     (("Alan Turing",), "Computable numbers revisited", "2024-03-10", None)]


def test_a_label_after_an_entrys_first_words_and_the_presented_papers_authors(tmp_path):
    page, talks = talks_of(tmp_path, "rg.md", "# Theory reading group\n\n## Past\n\n"
                           "* (**Jun 7, '19**) [Augmented Neural ODEs](https://arxiv.org/abs/1904.01681) "
                           "by Dupont, Doucet and Teh. _Presenter: Ada Lovelace_.\n"
                           "* (**May 31, '19**) [Adaptive Data Analysis](https://example.org/a.pdf) "
                           "by Roth et al. _Presenter: Charles Babbage_.\n")
    assert talks == [(("Ada Lovelace",), "Augmented Neural ODEs", "2019-06-07", None),
                     (("Charles Babbage",), "Adaptive Data Analysis", "2019-05-31", None)]
    assert page.kind == "talk_listing"  # a reading group's sessions, no author page
    first = page.papers[0]
    assert (first.title, first.authors) == ("Augmented Neural ODEs", ["Dupont", "Doucet", "Teh"])


def test_a_title_then_its_speaker_with_an_honorific_after_a_comma(tmp_path):
    page, talks = talks_of(tmp_path, "c.md", "# Colloquium talks\n\n"
                           "* Notes on the analytical engine, Dr. Ada Lovelace, University of London, "
                           "[Video](https://www.youtube.com/watch?v=x)\n"
                           "* Difference engines in practice, Prof. Charles Babbage, [Video](https://youtu.be/y)\n")
    assert talks == [(("Ada Lovelace",), "Notes on the analytical engine", None, None),
                     (("Charles Babbage",), "Difference engines in practice", None, None)]
    assert page.talks[0].speakers[0].affiliation == "University of London"


def test_a_citation_read_as_a_talk_is_a_paper(tmp_path):
    page, talks = talks_of(tmp_path, "p.md", "# Research\n\n"
                           "Ada Lovelace, Charles Babbage (2023). [Notes on the analytical engine]"
                           "(https://example.org/n). *Statistics and Computing*.\n\n"
                           "Ada Lovelace, Mary Somerville (2021). [Engines of difference and their use]"
                           "(https://example.org/e). *Journal of Engines*.\n")
    assert talks == []
    assert page.kind == "author_page"
    assert [p.authors for p in page.papers] == [["Ada Lovelace", "Charles Babbage"],
                                                ["Ada Lovelace", "Mary Somerville"]]


def test_an_author_list_with_no_day_in_a_table_is_a_paper_not_a_talk(tmp_path):
    page, talks = talks_of(tmp_path, "p.html", "<html><body><h1>Research</h1><table>"
                           "<tr><td>Notes on the analytical engine</td>"
                           "<td>Ada Lovelace, Charles Babbage, Mary Somerville</td></tr>"
                           "<tr><td>Engines of difference and their use</td>"
                           "<td>Mary Somerville, Ada Lovelace, Charles Babbage</td></tr>"
                           "<tr><td>On the connexion of the physical sciences</td>"
                           "<td>Charles Babbage, Mary Somerville, Ada Lovelace</td></tr>"
                           "</table></body></html>")
    assert talks == []
    assert [p.title for p in page.papers][:1] == ["Notes on the analytical engine"]


def test_a_joint_talk_of_a_seminar_stays_a_talk(tmp_path):
    page, talks = talks_of(tmp_path, "s.md", "# Seminar\n\n"
                           "* March 3, 2024: Ada Lovelace and Charles Babbage, *Notes on engines*\n"
                           "* March 10, 2024: Mary Somerville, *On the connexion of the sciences*\n")
    assert talks[0] == (("Ada Lovelace", "Charles Babbage"), "Notes on engines", "2024-03-03", None)


def test_a_numbered_front_matter_title_gives_way_to_the_talks_title(tmp_path):
    page, talks = talks_of(tmp_path, "t.md", '---\ntitle: "#011 (Monsoon 2020)"\n---\n\n'
                           "(#011) **Notes on engines** - [Ada Lovelace](https://ada.example/)\n"
                           "-------------------\n\n**Date & Time:** 31-10-2020, 22:15 IST\n")
    assert talks == [(("Ada Lovelace",), "Notes on engines", "2020-10-31", "22:15")]


def test_a_linked_title_between_a_series_and_a_speaker_stands_alone(tmp_path):
    page, talks = talks_of(tmp_path, "s.md", "# Shared seminars, Fall 2020\n\n### September 01\n"
                           "- Analytical Society / [Notes on the analytical engine](https://a.example/) "
                           "/ Ada Lovelace\n### September 08\n"
                           "- Cambridge Seminar / [TBD](https://c.example/) / Charles Babbage\n")
    assert talks == [(("Ada Lovelace",), "Notes on the analytical engine", "2020-09-01", None),
                     (("Charles Babbage",), None, "2020-09-08", None)]


def test_an_accordions_button_heads_its_talk(tmp_path):
    page, talks = talks_of(tmp_path, "p.html", "<html><body><h1>Previous Seminars</h1>"
                           "<nav><button>Toggle menu</button></nav>"
                           '<div class="accordion"><button class="accordion-button">Jun 03, 2026 - '
                           "Ada Lovelace - University of London</button><div><p><strong>Location:</strong>"
                           " Zoom</p><p><strong>Notes on the analytical engine</strong></p><p>We show "
                           "how the engine computes Bernoulli numbers from its cards.</p></div></div>"
                           '<div class="accordion"><button class="accordion-button">May 06, 2026 - '
                           "Charles Babbage - University of Cambridge</button><div><p><strong>"
                           "Difference engines"
                           "</strong></p></div></div></body></html>")
    assert talks == [(("Ada Lovelace",), "Notes on the analytical engine", "2026-06-03", None),
                     (("Charles Babbage",), "Difference engines", "2026-05-06", None)]
    assert page.talks[0].speakers[0].affiliation == "University of London"


def test_a_talk_label_naming_a_person_names_the_speaker(tmp_path):
    page, talks = talks_of(tmp_path, "p.html", "<html><body><h1>Workshop programme</h1><h2>October 5, 2018"
                           "</h2><table><tr><td><p>9:20</p></td><td><p>Talk: Ada Lovelace (<em>University "
                           "of London</em>)</p>Dear Charles, notes on the engine [<a href='https://youtu.be/x'>"
                           "video</a> | <a href='/s.pdf'>slides</a>]</td></tr><tr><td><p>9:40</p></td><td>"
                           "<p>Talk: Charles Babbage (<em>University of Cambridge</em>)</p>Difference engines"
                           " [<a href='https://youtu.be/y'>video</a>]</td></tr></table></body></html>")
    assert [(t[0], t[1]) for t in talks] == [(("Ada Lovelace",), "Dear Charles, notes on the engine"),
                                             (("Charles Babbage",), "Difference engines")]


def test_a_speakers_item_with_the_title_in_the_item_below(tmp_path):
    page, talks = talks_of(tmp_path, "m.md", "---\ntitle: May 31, 2022\n---\n\n## Schedule\n\n"
                           "* **9:45am-10:45am: Research Talks**\n\n"
                           "  * Ada Lovelace -- University of London\n"
                           "    * *Investigating Analytical Engines in Practice*\n"
                           "  * Charles Babbage -- University of Cambridge\n"
                           "    * *Difference engines*\n")
    assert talks == [(("Ada Lovelace",), "Investigating Analytical Engines in Practice", "2022-05-31",
                      "09:45"),
                     (("Charles Babbage",), "Difference engines", "2022-05-31", "09:45")]


def test_cards_with_the_day_and_month_apart_a_title_heading_and_a_button(tmp_path):
    card = ('<div class="row project"><div class="col"><h3>{day}</h3><h5 class="month">February</h5>'
            '<p>17:00-18:00</p></div><div class="col"><p class="author"><span>{name}</span></p>'
            '<h4 class="title">{title}</h4><div><button type="button">Abstract</button>'
            '<a href="s.pdf">Slides</a></div></div></div>')
    page, talks = talks_of(tmp_path, "p.html", "<html><body><h1>Seminars 2023</h1><h2>Past Talks</h2>"
                           + card.format(day="10th", name="Ada Lovelace", title="Notes on the engine")
                           + card.format(day="17th", name="Charles Babbage", title="Difference engines")
                           + "</body></html>")
    assert talks == [(("Ada Lovelace",), "Notes on the engine", "2023-02-10", "17:00"),
                     (("Charles Babbage",), "Difference engines", "2023-02-17", "17:00")]


def test_a_restructuredtext_programme_and_its_list_table(tmp_path):
    page, talks = talks_of(tmp_path, "index.rst", "Engines Workshop 2026\n=====================\n\n"
                           "Programme, March 3, 2026\n------------------------\n\n.. list-table::\n"
                           "   :header-rows: 0\n\n   * - **9:30 AM**\n"
                           "     - | **Notes on the analytical engine** — `Ada Lovelace <#ada>`_ "
                           "*(Virtual)*\n"
                           "       |\n       | We show how the engine computes Bernoulli numbers.\n\n"
                           "   * - **10:00 AM**\n"
                           "     - | **Difference engines** — `Charles Babbage <#charles>`_\n\n"
                           ".. unknownsphinxdirective:: something\n\nText with a :ref:`role <x>`.\n")
    assert [(t[0], t[1], t[3]) for t in talks] == [
        (("Ada Lovelace",), "Notes on the analytical engine", "09:30"),
        (("Charles Babbage",), "Difference engines", "10:00")]


def test_a_time_slot_then_a_speaker_alone_is_a_talk_without_a_title(tmp_path):
    page, talks = talks_of(tmp_path, "s.md", "# Workshop schedule\n\n## Tuesday, Jan 3, 2023\n\n"
                           "9:00 AM - 10:00 AM\n: [Ada Lovelace](/t/#ada) (Cambridge; *remote*)\n\n"
                           "10:00 AM - 10:15 AM\n: *Coffee break*\n\n"
                           "10:15 AM - 11:15 AM\n: [Charles Babbage](/t/#charles) (Oxford)\n")
    assert talks == [(("Ada Lovelace",), None, "2023-01-03", "09:00"),
                     (("Charles Babbage",), None, "2023-01-03", "10:15")]


def test_a_moderator_column_and_a_site_generators_tag_for_a_title(tmp_path):
    page, talks = talks_of(tmp_path, "rg.md", "# Reading group\n\n"
                           "| Date | Moderator | Paper |\n|---|---|---|\n"
                           "| **11.05.2022** | Jan | {% reference seth_theories_2022 %} (talk video) |\n"
                           "| **13.04.2022** | Zahra | {% reference ramesh_hierarchical_2022 %} |\n")
    assert talks == [(("Jan",), None, "2022-05-11", None), (("Zahra",), None, "2022-04-13", None)]
    assert page.papers == []


def test_a_sentence_saying_who_will_present_what():
    from kg.ingest.pages.entries import read

    fields = read('Ada Lovelace will present "Notes on the analytical engine"')
    assert [p.name for p in fields.speakers] == ["Ada Lovelace"]
    assert fields.title == "Notes on the analytical engine"


def test_the_series_time_stated_in_the_pages_footer(tmp_path):
    items = "".join(f"<li>{d} - {name} - <em>Notes on engines, part {n}</em></li>" for n, (d, name) in
                    enumerate([("Jun 03, 2026", "Ada Lovelace"), ("May 06, 2026", "Charles Babbage"),
                               ("Apr 15, 2026", "Mary Somerville")]))
    filler = "".join(f"<p>Paragraph {n} about the series.</p>" for n in range(90))
    page, talks = talks_of(tmp_path, "p.html", f"<html><body><h1>Seminars</h1><ul>{items}</ul>{filler}"
                           "<footer><p><strong>Time:</strong> 1st or 2nd Wednesday of the month at "
                           "<strong>2pm</strong></p></footer></body></html>")
    assert [t[3] for t in talks] == ["14:00", "14:00", "14:00"]


def test_one_speakers_undated_talks_in_a_list_stay_apart(tmp_path):
    page, talks = talks_of(tmp_path, "c.md", "# Course seminars\n\n"
                           "* SEMINAR 1: Ada Lovelace - Notes on the analytical engine\n"
                           "* SEMINAR 2: Charles Babbage - Difference engines\n"
                           "* SEMINAR 3: Ada Lovelace - Bernoulli numbers by machine\n")
    assert [t[1] for t in talks] == ["Notes on the analytical engine", "Difference engines",
                                     "Bernoulli numbers by machine"]


def test_a_line_stating_only_a_day_heads_the_talks_listed_under_it(tmp_path):
    page, talks = talks_of(tmp_path, "s.md", "# Summer school\n\nSunday, Sep 10, 2023\n\n"
                           "* 09:45 AM – 10:30 AM  o  Lecture I – [Notes on engines](./n.ipynb); "
                           "A. Lovelace\n"
                           "* 10:30 AM – 11:00 AM  o  BREAK\n\nMonday, Sep 11, 2023\n\n"
                           "* 09:00 AM – 10:00 AM  o  Lecture II – [Difference engines](./d.ipynb); "
                           "C. Babbage\n")
    assert [(t[0], t[2], t[3]) for t in talks] == [(("A. Lovelace",), "2023-09-10", "09:45"),
                                                   (("C. Babbage",), "2023-09-11", "09:00")]


def test_a_reading_groups_dated_sessions_and_a_series_past_talks_are_listings(tmp_path):
    rows = "| Date | Speaker | Paper |\n|---|---|---|\n" \
           "| Feb 8 | Ada Lovelace | Notes on engines |\n| Feb 15 | Charles Babbage | Difference engines |\n"
    page, talks = talks_of(tmp_path, "rg.md", "# Theory Reading Group, Spring 2024\n\n" + rows)
    assert len(talks) == 2 and page.kind == "talk_listing"
    page, _ = talks_of(tmp_path, "past.md", "# Past talks\n\n## Spring 2024\n\n" + rows)
    assert page.kind == "talk_listing"
    page, _ = talks_of(tmp_path, "s.md", "# Theory Seminar, Spring 2024\n\n" + rows)
    assert page.kind == "seminar_page"


def test_timed_slots_several_a_day_are_a_programme_without_the_word(tmp_path):
    page, talks = talks_of(tmp_path, "d.md", "# DL-Day\n\n## Monday 4 June 2018\n\n"
                           "- 09:00 Ada Lovelace: Notes on engines\n"
                           "- 09:45 Charles Babbage: Difference engines\n"
                           "- 10:30 Mary Somerville: On the connexion of the sciences\n")
    assert [t[3] for t in talks] == ["09:00", "09:45", "10:30"] and page.kind == "meeting_programme"


def test_a_days_line_with_its_part_of_day_heads_the_slots_under_it(tmp_path):
    _, talks = talks_of(tmp_path, "w.md", "# Workshop 2023\n\nTuesday, Jan 3 (Morning)\n\n"
                        "9:00 AM - 10:00 AM\n\nAda Lovelace (Cambridge)\n\n"
                        "10:00 AM - 11:00 AM\n\nCharles Babbage (London)\n")
    assert [(t[0], t[2], t[3]) for t in talks] == [(("Ada Lovelace",), "2023-01-03", "09:00"),
                                                   (("Charles Babbage",), "2023-01-03", "10:00")]


def test_each_term_its_own_series_time_and_a_time_per_weekday(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "# Geometry seminar\n\n**Spring 2024 Schedule**\n\n"
                        "In Spring 2024, the seminar meets on Fridays, 2:00 - 2:50 PM, in Hall 4.\n\n"
                        "- Feb 2: Ada Lovelace: Lie algebras\n\n**Spring 2023 Schedule**\n\n"
                        "This semester we alternate between two times: Thursdays 1-2pm and Fridays "
                        "11-12 am, as below.\n\n"
                        "- Thursday, Feb 2: Charles Babbage: Hypergraphs\n\n"
                        "- Friday, Feb 10: Mary Somerville: Smooth four-genus\n")
    assert [(t[2], t[3]) for t in talks] == [("2024-02-02", "14:00"), ("2023-02-02", "13:00"),
                                             ("2023-02-10", "11:00")]


def test_a_series_time_in_a_sentence_that_wraps(tmp_path):
    _, talks = talks_of(tmp_path, "g.md", "# Causal Inference Group\n\nWelcome! We meet Thursday from\n"
                        "3:30pm - 4:30pm in Snedecor Hall. The current schedule is:\n\n"
                        "| Date | Presenter | Topic |\n|---|---|---|\n"
                        "| March 21, 2024 | Ada Lovelace | Survey data integration |\n")
    assert [(t[2], t[3]) for t in talks] == [("2024-03-21", "15:30")]


def test_an_html_tables_first_row_of_plain_cells_names_its_columns(tmp_path):
    _, talks = talks_of(tmp_path, "rg.html", "<h2>Meeting Schedule, 2018</h2><table>"
                        "<tr><td><b>Date</b></td><td>Topic</td><td>Leaders</td><td>Notes</td></tr>"
                        "<tr><td>7 June 2018</td><td>Planning, background</td><td>Dave</td><td></td></tr>"
                        "<tr><td>14 June 2018</td><td>Machine learning basics</td><td>Xiao, Suya</td>"
                        "<td></td></tr></table>")
    assert [(t[0], t[1], t[2]) for t in talks] == [
        (("Dave",), "Planning, background", "2018-06-07"),
        (("Xiao", "Suya"), "Machine learning basics", "2018-06-14")]


def test_a_quote_inside_a_title_and_a_description_column_of_titles(tmp_path):
    _, talks = talks_of(tmp_path, "j.md", "# Journal club\n\n| Date | Presenter | Paper |\n"
                        "|---|---|---|\n| Nov 13, 2025 | Anne Collins | "
                        "RL Debates 5: Anne \"not everything is RL\" Collins |\n")
    assert talks[0][1] == 'RL Debates 5: Anne "not everything is RL" Collins'
    _, talks = talks_of(tmp_path, "p.md", "# Symposium 2015\n\n| Time | Speaker | Description |\n"
                        "|---|---|---|\n"
                        "| 10:00-10:45 | Ada Lovelace (Cambridge) | Notes on engines |\n"
                        "| 10:45-11:15 | Charles Babbage (London) | Difference engines |\n")
    assert [(t[1], t[3]) for t in talks] == [("Notes on engines", "10:00"), ("Difference engines", "10:45")]


def test_a_tilde_between_the_speaker_and_the_title(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "# Knowledge Exchange Seminar\n\nTime : 11:00 am\n\n# Calendar\n\n"
                        "02 Sep 2017 - Ada Lovelace ~ <i> Notes on engines </i>\n\n"
                        "30 Sep 2017 - Charles Babbage~ Difference engines\n")
    assert talks == [(("Ada Lovelace",), "Notes on engines", "2017-09-02", "11:00"),
                     (("Charles Babbage",), "Difference engines", "2017-09-30", "11:00")]


def test_a_talks_own_page_with_its_title_then_a_byline(tmp_path):
    page, talks = talks_of(tmp_path, "t.md", "---\nlayout: page\ntitle: Notes on engines\n---\n\n"
                           "Notes on engines\n======\n### by [Ada Lovelace](https://ada.example)\n\n"
                           "- When: March 5, 2021, between 2pm and 3pm\n\n#### Abstract\n\nNotes.\n")
    assert talks == [(("Ada Lovelace",), "Notes on engines", "2021-03-05", "14:00")]
    assert page.kind == "event_page"
    _, talks = talks_of(tmp_path, "b.md", "# Notes on engines\n\nby Ada Lovelace\n\nA blog post.\n")
    assert talks == []  # a post with a byline and no abstract is no talk


def test_a_term_alone_under_the_title_and_when_the_group_meets(tmp_path):
    _, talks = talks_of(tmp_path, "rg.md", "# Deep Learning Reading Group\n\nSummer 2018\n\n"
                        "Meetings are Thursdays, 10am in Rice 536 (except for June 14, in Rice 242).\n\n"
                        "## Meeting Schedule\n\n| Date | Topic | Leaders |\n|---|---|---|\n"
                        "| 7 June | Planning, background | Ada Lovelace |\n")
    assert talks == [(("Ada Lovelace",), "Planning, background", "2018-06-07", "10:00")]
    _, talks = talks_of(tmp_path, "s.rst", "Pseudorandomness Seminar\n========================\n\n"
                        "We meet 4:30--5:30 in room 116.\n\n"
                        "Tuesday, Feb. 7th, 2017\n-----------------------\n\n"
                        "Ada Lovelace: Notes on engines\n")
    assert [(t[2], t[3]) for t in talks] == [("2017-02-07", "16:30")]


def test_a_slot_that_names_its_kind_and_its_speaker_has_no_title(tmp_path):
    _, talks = talks_of(tmp_path, "w.md", "# Workshop, June 3, 2022\n\n## Workshop Schedule\n\n"
                        "| Allocated Time | Agenda Item |\n|---|---|\n"
                        "| 08.15 - 08.30 | Welcome and opening remarks |\n"
                        "| 08.30 - 09.15 | Plenary Talk from Donald Goldfarb |\n")
    assert talks == [(("Donald Goldfarb",), None, "2022-06-03", "08:30")]


def test_numbered_talk_labels_over_their_speaker_lines(tmp_path):
    _, talks = talks_of(tmp_path, "r.md", "# Workshop on engines\n\n"
                        "- **Talk 1**: [\"Notes on the analytical engine\"](t1.md).\n\n"
                        "**Speaker**: Ada Lovelace (Researcher), University of London.\n\n"
                        "- **Talk 2**: [\"Tables of logarithms\"](t2.md).\n\n"
                        "**Speaker**: Charles Babbage (Professor), Cambridge.\n")
    assert [(t[0], t[1]) for t in talks] == [(("Ada Lovelace",), "Notes on the analytical engine"),
                                            (("Charles Babbage",), "Tables of logarithms")]


def test_a_heading_with_a_speakers_name_over_labelled_title_and_abstract(tmp_path):
    _, talks = talks_of(tmp_path, "d.md", "# Talk and speaker details\n\n## Ada Lovelace\n\n"
                        "Title: Notes on the analytical engine\n\nAbstract: What engines may compute.\n\n"
                        "## Charles Babbage\n\nTitle: Tables of logarithms\n\n"
                        "Abstract: Printing tables without errors.\n")
    assert [(t[0], t[1]) for t in talks] == [(("Ada Lovelace",), "Notes on the analytical engine"),
                                            (("Charles Babbage",), "Tables of logarithms")]


def test_a_heading_with_a_speakers_name_over_an_unlabelled_title_and_labelled_lines(tmp_path):
    _, talks = talks_of(tmp_path, "c.html", "<html><body><h4>Charlas:</h4>"
                        "<h6>Ada Lovelace.</h6><p>Notas sobre la máquina analítica</p>"
                        "<ul><li>• Resumen: Lo que una máquina puede calcular.</li>"
                        "<li>• Afiliación: Universidad de Londres</li></ul>"
                        "<h6>Charles Babbage</h6><p>Tablas de logaritmos sin errores</p>"
                        "<ul><li>• Resumen: Imprimir tablas sin errores.</li>"
                        "<li>• Afiliación: Universidad de Cambridge</li></ul></body></html>")
    assert [(t[0], t[1]) for t in talks] == [(("Ada Lovelace",), "Notas sobre la máquina analítica"),
                                            (("Charles Babbage",), "Tablas de logaritmos sin errores")]


def test_a_layout_readers_labelled_lines_as_titles_do_not_outweigh_the_general_reading(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "charlas.html"
    blocks = "".join(f"<h6>{name}</h6><p>{title}</p><ul><li>• Resumen: {title}, en detalle.</li>"
                     f"<li>• Afiliación: {place}</li></ul>"
                     for name, title, place in [
                         ("Ada Lovelace", "Notas sobre la máquina analítica", "Universidad de Londres"),
                         ("Charles Babbage", "Tablas de logaritmos sin errores", "Universidad de Cambridge"),
                         ("Mary Somerville", "La conexión de las ciencias físicas", "Universidad de Oxford")])
    path.write_text(f"<html><body><h4>Charlas:</h4>{blocks}</body></html>", encoding="utf-8")
    found = extract_file(path)
    assert [(t.speakers[0].name, t.title) for t in found.talks] == [
        ("Ada Lovelace", "Notas sobre la máquina analítica"),
        ("Charles Babbage", "Tablas de logaritmos sin errores"),
        ("Mary Somerville", "La conexión de las ciencias físicas")]


def test_sibling_items_linking_to_pdfs_are_talks_of_one_speaker_not_papers_of_the_first(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "# Seminars\n\n## Year 2022\n\n"
                        "* [Notes on engines (Federico Rossi, M.Sc. Ada Lovelace)](https://x.org/a.pdf)\n"
                        "* [Machines that weave (Dr. Ada Lovelace)](https://x.org/b.pdf)\n"
                        "* [Tables of numbers (Dr. Ada Lovelace, MSc. Charles Babbage)](https://x.org/c.pdf)\n")
    assert [(t[0], t[1]) for t in talks] == [
        (("Federico Rossi", "Ada Lovelace"), "Notes on engines"),
        (("Ada Lovelace",), "Machines that weave"),
        (("Ada Lovelace", "Charles Babbage"), "Tables of numbers")]


def test_a_one_day_programme_under_a_titled_year_gives_its_talks_that_day(tmp_path):
    _, talks = talks_of(tmp_path, "c.html", "<html><body><h1>Engines Christmas Conference 2017</h1>"
                        "<h4>Friday 1st December 2017, 1415-1745</h4><h3>Timetable:</h3><table>"
                        "<tr><th>Time</th><th>Speaker</th><th>Title</th></tr>"
                        "<tr><td>14:15</td><td>Ada Lovelace</td><td>Notes on engines</td></tr>"
                        "<tr><td>14:45</td><td>Charles Babbage</td><td>Tables of logarithms</td></tr>"
                        "</table></body></html>")
    assert [(t[0], t[2], t[3]) for t in talks] == [(("Ada Lovelace",), "2017-12-01", "14:15"),
                                                  (("Charles Babbage",), "2017-12-01", "14:45")]


def test_day_and_month_without_a_year_take_the_year_of_the_pages_permalink(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "---\nlayout: page\npermalink: /teaching/seminars/2021\n---\n\n"
                        "## Cronograma\n\n| # | Data | Convidado | Assunto |\n|---|---|---|---|\n"
                        "| 1 | 07/07 | Ada Lovelace (UFPE) | Notas sobre máquinas |\n"
                        "| 2 | 14/07 | Charles Babbage (UFPA) | Máquinas analíticas |\n")
    assert [(t[0], t[2]) for t in talks] == [(("Ada Lovelace",), "2021-07-07"),
                                            (("Charles Babbage",), "2021-07-14")]


def test_a_table_whose_date_cell_is_filled_on_the_first_row_of_each_day_only(tmp_path):
    _, talks = talks_of(tmp_path, "p.md", "# Programme\n\n| Date | Heure | Intervenant | Titre |\n"
                        "|---|---|---|---|\n"
                        "| 31/01/22 | 14:00 | Ada Lovelace | Notes sur les machines |\n"
                        "|  | 15:00 | Charles Babbage | Tables des logarithmes |\n"
                        "| 07/04/22 | 14:00 | Mary Somerville | La connexion des sciences |\n")
    assert [(t[0], t[2], t[3]) for t in talks] == [(("Ada Lovelace",), "2022-01-31", "14:00"),
                                                  (("Charles Babbage",), "2022-01-31", "15:00"),
                                                  (("Mary Somerville",), "2022-04-07", "14:00")]


def test_a_bibliography_laid_out_as_a_table_is_no_list_of_talks(tmp_path):
    rows = "".join(f'<tr valign="top"><td class="bibtexnumber">[{n}]</td><td class="bibtexitem">'
                   f"{authors}. {title}. {venue}, pages 1-12, {year}.</td></tr>"
                   for n, authors, title, venue, year in [
                       (1, "Ada Lovelace, Charles Babbage, and Mary Somerville",
                        "Notes on the analytical engine",
                        "Proceedings of the ACM on Programming Languages", 2021),
                       (2, "Charles Babbage and Ada Lovelace", "Tables of logarithms without errors",
                        "Journal of Automated Reasoning", 2019)])
    _, talks = talks_of(tmp_path, "publications.html", f"<html><body><table>{rows}</table></body></html>")
    assert talks == []


def test_markdown_inside_html_blocks_marked_markdown_1_is_read_as_markdown(tmp_path):
    _, talks = talks_of(tmp_path, "club.md", "# Club\n\n"
                        '<div class="col-md-2"> 13.02.2019 </div>\n<div class="col-md-10" markdown="1">\n'
                        "**Ada Lovelace, Babbage Lab, London**. Notes on the analytical engine.\n</div>\n\n"
                        '<div class="col-md-2"> 03.12.2018 </div>\n<div class="col-md-10" markdown="1">\n'
                        "**Charles Babbage, University of Cambridge**. Tables of logarithms.\n</div>\n")
    assert [(t[0], t[1], t[2]) for t in talks] == [
        (("Ada Lovelace",), "Notes on the analytical engine", "2019-02-13"),
        (("Charles Babbage",), "Tables of logarithms", "2018-12-03")]


def test_a_templates_lorem_ipsum_example_is_no_talk(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "# Seminars\n\n## Upcoming\n\n"
                        "- 24 Nov 2023 - Ada Lovelace - Notes on the analytical engine\n"
                        "- 1 Dec 2023 - Anna Smith - Seminar 1 - Lorem Ipsum\n")
    assert [t[0] for t in talks] == [("Ada Lovelace",)]


def test_a_time_heading_in_another_language_gives_the_series_time(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "# Seminários 2021\n\n## Horário\n\n"
                        "Quarta-feira, às 13h:00m @ ONLINE\n\n## Cronograma\n\n"
                        "| Data | Convidado | Assunto |\n|---|---|---|\n"
                        "| 07/07/2021 | Ada Lovelace (UFPE) | Notas sobre máquinas |\n"
                        "| 14/07/2021 | Charles Babbage (UFPA) | Máquinas analíticas |\n")
    assert [(t[0], t[2], t[3]) for t in talks] == [(("Ada Lovelace",), "2021-07-07", "13:00"),
                                                  (("Charles Babbage",), "2021-07-14", "13:00")]


def test_a_pandoc_superscript_ordinal_is_read_as_a_day():
    from kg.ingest.pages.blocks import clean
    assert clean("Programme for Thursday 14^th^ of December and $2^{nd}$ May") == \
        "Programme for Thursday 14th of December and 2nd May"


def test_the_organizers_of_a_programmes_sessions_are_no_speakers(tmp_path):
    _, talks = talks_of(tmp_path, "p.md", "# Programme\n\n### Thursday, May 16, 2024\n\n"
                        "| Session Title | Organizer | Session ID |\n|---|---|---|\n"
                        "| Analytical Engines Today | Ada Lovelace | S-1 |\n"
                        "| Difference Engines and Their Tables | Charles Babbage | S-2 |\n"
                        "| Mechanical Notes on Astronomy | Mary Somerville | S-3 |\n\n"
                        "| Date | Speaker | Title |\n|---|---|---|\n"
                        "| May 17, 2024 | Alan Turing | Computable numbers |\n"
                        "| May 17, 2024 | Claude Shannon | Information and its measure |\n")
    assert [(t[0], t[1]) for t in talks] == [(("Alan Turing",), "Computable numbers"),
                                             (("Claude Shannon",), "Information and its measure")]


def test_a_column_of_links_printed_as_their_address_gives_no_title(tmp_path):
    _, talks = talks_of(tmp_path, "rg.md",
                        "# Reading group 2024\n\n"
                        "| Date | Moderator | Title of Paper | talks.example | comment |\n"
                        "|---|---|---|---|---|\n"
                        "| 2024/10/10 | Ada Lovelace | [Notes on the analytical engine](https://a.example/1) "
                        "| [talks.example](https://talks.example/talk/id=675) | |\n"
                        "| 2024/10/17 | Charles Babbage | [Difference engines](https://a.example/2) "
                        "| [https://talks.example/676](https://talks.example/talk/id=676) | |\n")
    assert [(t[0], t[1], t[2]) for t in talks] == [
        (("Ada Lovelace",), "Notes on the analytical engine", "2024-10-10"),
        (("Charles Babbage",), "Difference engines", "2024-10-17")]


def test_a_link_named_like_a_label_under_a_talk_is_no_label(tmp_path):
    _, talks = talks_of(tmp_path, "rg.md",
                        "### Summer 2025\n\n"
                        "1) **May 30th - Notes on the analytical engine** (presented by Ada)\n"
                        "* [Paper](https://arxiv.org/abs/1709.10087)\n"
                        "* [Slides](https://slides.example/a.pdf)\n\n"
                        "2) **June 6th - Difference engines and their tables** (presented by Charles)\n"
                        "* [Paper](https://arxiv.org/abs/1805.00909)\n")
    assert [(t[0], t[1], t[2]) for t in talks] == [
        (("Ada",), "Notes on the analytical engine", "2025-05-30"),
        (("Charles",), "Difference engines and their tables", "2025-06-06")]


def test_a_one_talk_page_makes_the_day_of_its_talk_and_no_series_it_does_not_name(tmp_path):
    """A talk's own page (its title the talk's) names no series: only the day event of its talk."""
    page, talks = talks_of(tmp_path, "moraga.md", "---\ntitle: Geospatial data science\n"
                           "speaker: Paula Moraga\ndate: 2021-06-14\n---\n\n## Abstract\n\n"
                           "Maps of disease.\n")
    assert page.kind == "event_page" and talks == [(("Paula Moraga",), "Geospatial data science",
                                                    "2021-06-14", None)]
    assert [(e.kind, e.name, e.part_of) for e in page.events] == [
        ("seminar", "Geospatial data science, 2021-06-14", None)]
    assert page.talks[0].event == page.events[0].key


def test_a_one_talk_page_that_names_its_series_is_a_day_of_that_series(tmp_path):
    page, _ = talks_of(tmp_path, "t.md", "---\ntitle: \"CS Seminar: Engines of thought (Ada Lovelace)\"\n"
                       "speaker: Ada Lovelace\ntalk_title: Engines of thought\ndate: 2024-05-06\n---\n\n"
                       "Abstract text.\n")
    assert [(e.kind, e.name) for e in page.events] == [("seminar_series", "CS Seminar"),
                                                       ("seminar", "CS Seminar, 2024-05-06")]
    assert page.events[1].part_of == page.events[0].key == "cs-seminar"


def test_a_series_word_alone_in_a_one_talk_pages_title_names_no_series():
    from kg.ingest.pages.extract import named_series
    from kg.ingest.pages.extracted import SpeakerText, TalkText

    talk = TalkText([SpeakerText("Ada Lovelace")], "Learning with engines")
    for title in ("Seminar: Learning with engines", "Learning with engines | Ada Lovelace | Seminars",
                  "Colloquium - Ada Lovelace", "Learning with engines (Series)",
                  "Our talks: Learning with engines"):
        assert named_series(title, talk, {}) is None, title
    assert named_series("CS Seminar: Learning with engines (Ada Lovelace)", talk, {}) == "CS Seminar"


def test_a_publication_entry_whose_venue_looks_like_a_name_is_a_paper_not_a_talk(tmp_path):
    entry = ('<p>[{n}] {authors}<br>\n<em>{title}</em>\n<br><a href="https://doi.org/10.1/{n}">{venue}</a>\n'
             '</p>\n')
    page, talks = talks_of(tmp_path, "publications.html", (
        "<html><body><h1>Ada Lovelace</h1>\n<p><strong>Journal Publications</strong></p>\n" + "".join(
            entry.format(n=n, authors=authors, title=title, venue=venue) for n, authors, title, venue in [
                (3, "A. Lovelace, C. Babbage, and M. Somerville", "Notes on the analytical engine of Babbage",
                 "J. Comput. Phys. 486, 112132, 2023."),
                (2, "C. Babbage and A. Lovelace", "The numbers of Bernoulli computed by a machine",
                 "SIAM J. Sci. Comput. 45(1), 2023."),
                (1, "A. Lovelace and M. Somerville", "On the connexion of the physical sciences",
                 "Proc. R. Soc. A 477, 2021.")]) + "</body></html>\n"))
    assert talks == []  # "J. Comput" is no speaker: the entry is the paper read from the same lines
    assert page.kind == "author_page"
    assert [(p.title, p.authors) for p in page.papers] == [
        ("Notes on the analytical engine of Babbage", ["A. Lovelace", "C. Babbage", "M. Somerville"]),
        ("The numbers of Bernoulli computed by a machine", ["C. Babbage", "A. Lovelace"]),
        ("On the connexion of the physical sciences", ["A. Lovelace", "M. Somerville"])]


def test_a_venue_linked_on_a_line_of_its_own_is_no_paper(tmp_path):
    page, _ = talks_of(tmp_path, "publications.md", "# Publications\n\n" + "".join(
        f"- **{title}** [[ArXiv](https://arxiv.org/abs/2401.0000{n})]\n\n  with {who}\n\n"
        f"  [{venue}](https://doi.org/10.1/{n}).\n\n" for n, (title, who, venue) in enumerate([
            ("Notes on the analytical engine of Babbage", "Charles Babbage",
             "Mathematical Programming, 2026"),
            ("The numbers of Bernoulli computed by a machine", "Mary Somerville",
             "SIAM Journal on Computing")])))
    assert [p.title for p in page.papers] == ["Notes on the analytical engine of Babbage",
                                              "The numbers of Bernoulli computed by a machine"]


def test_a_reading_groups_paper_takes_the_last_names_and_year_printed_under_it(tmp_path):
    path = tmp_path / "journal_club.md"
    path.write_text("# Journal club\n\n## 2024\n\n"
                    "- **May 13** | [Notes on the analytical engine](https://arxiv.org/abs/1901.00001)  \n"
                    "  *Lovelace et al. (2019)* — Led by **Mary Somerville**\n\n"
                    "- **May 20** | [A calculus of the nervous system](https://arxiv.org/abs/2001.00002)  \n"
                    "  *De Morgan & Babbage (2020)* — Led by **Charles Babbage**\n\n"
                    "- **May 27** | [On the numbers of Bernoulli in practice](https://arxiv.org/abs/3)  \n"
                    "  Led by **Ada Lovelace**\n", encoding="utf-8")
    page = extract_path(path)
    papers = {p.title: (p.authors, p.year) for p in page.papers}
    assert papers["Notes on the analytical engine"] == (["Lovelace"], 2019)
    assert papers["A calculus of the nervous system"] == (["De Morgan", "Babbage"], 2020)
    assert papers["On the numbers of Bernoulli in practice"] == ([], None)  # none printed, none made up


def test_front_matter_keys_in_another_language(tmp_path):
    """A Portuguese talk file: "quem" is who speaks, "titulo" the title, "data" the day."""
    page, talks = talks_of(tmp_path, "p.md", "---\nlayout: seminar\ntitle: \"Otimização estocástica\"\n"
                           "quem: Maria Silva\nonde: sala 317\nhour: 16:00h\n---\n\nNesta palestra...\n")
    assert talks == [(("Maria Silva",), "Otimização estocástica", None, "16:00")]
    assert page.talks[0].place == "sala 317"
    _, talks = talks_of(tmp_path, "m.md", "---\nnome: \"4º Meetup\"\ndata: 2020-07-30\npalestrantes:\n"
                        "  - nome: \"Ana Costa\"\n    titulo: \"Estatística na veia\"\n"
                        "  - nome: \"Bruno Lima\"\n    titulo: \"Otimização aplicada\"\n---\n\nTexto.\n")
    assert talks == [(("Ana Costa",), "Estatística na veia", "2020-07-30", None),
                     (("Bruno Lima",), "Otimização aplicada", "2020-07-30", None)]


def test_talks_in_front_matter_as_prefixed_or_numbered_keys(tmp_path):
    _, talks = talks_of(tmp_path, "t.md", "---\nlocation: Room 1\n"
                        "second_seminar_title: \"Engines of thought\"\n"
                        "second_seminar_speaker: \"Ada Lovelace (Analytical U) and "
                        "Mary Somerville (Oxford)\"\n"
                        "second_seminar_time: 11:00 - 12:00\n"
                        "first_seminar_title: \"Difference engines\"\n"
                        "first_seminar_speaker: \"Charles Babbage (Cambridge)\"\n"
                        "first_seminar_time: 10:00 - 11:00\n---\n")
    assert sorted(talks) == [(("Ada Lovelace", "Mary Somerville"), "Engines of thought", None, "11:00"),
                             (("Charles Babbage",), "Difference engines", None, "10:00")]
    _, talks = talks_of(tmp_path, "n.md", "---\ndate: 2021-03-04\nspeaker1: Ada Lovelace\ntitle1: Engines\n"
                        "speaker2: Charles Babbage\ntitle2: Differences\n---\n")
    assert sorted(talks) == [(("Ada Lovelace",), "Engines", "2021-03-04", None),
                             (("Charles Babbage",), "Differences", "2021-03-04", None)]


def test_a_talk_file_whose_abstract_speaks_in_the_first_person_keeps_its_speaker(tmp_path):
    _, talks = talks_of(tmp_path, "t.md", "---\ntitle: Structured data analysis\nspeaker: Ada Lovelace\n"
                        "date: 2015-02-13 10:30\n---\n\n###### Abstract\nI will present the core of my "
                        "current research of many years.\n")
    assert talks == [(("Ada Lovelace",), "Structured data analysis", "2015-02-13", "10:30")]


def test_a_list_of_invited_speakers_gives_their_untitled_talks(tmp_path):
    _, talks = talks_of(tmp_path, "w.md", "# Engines workshop\n\n## Invited speakers\n\n"
                        "- [Ada Lovelace](https://ada.example), Analytical University, UK\n"
                        "- Charles Babbage (University of Cambridge)\n- Mary Somerville\n\n"
                        "## Venue\n\nThe library.\n")
    assert [t[0] for t in talks] == [("Ada Lovelace",), ("Charles Babbage",), ("Mary Somerville",)]
    assert all(t[1] is None for t in talks)
    # beside a programme that gives their talks, the list adds nobody
    _, talks = talks_of(tmp_path, "p.md", "# Engines workshop\n\n### Speakers\n\n"
                        "Ada Lovelace (Analytical U)\\\nCharles Babbage (Cambridge)\n\n"
                        "The timetable is as follows:\n\n"
                        "9:15-10:30 Ada Lovelace, Notes on the engine\\\n"
                        "10:35-11:50 Charles Babbage, The difference engine\\\nLunch\n")
    assert (("Ada Lovelace",), "Notes on the engine", None, "09:15") in talks
    assert (("Charles Babbage",), "The difference engine", None, "10:35") in talks
    assert not [t for t in talks if t[1] is None]


def test_a_list_of_speakers_that_gives_titles_too_is_no_list_of_names(tmp_path):
    from kg.ingest.pages.talks import _listed_speaker

    person = _listed_speaker("Ada Lovelace, Analytical University, UK")
    assert person is not None and person.affiliation == "Analytical University, UK"
    assert _listed_speaker("Ada Lovelace - Notes on the analytical engine") is None


def test_a_table_numbering_its_rows_with_a_presenter_a_column(tmp_path):
    _, talks = talks_of(tmp_path, "j.md", "# Journal Club\n\n| S.No. | Date | Presenter #1 | Presenter #2 |\n"
                        "|---|---|---|---|\n| 1 | 9/9/2024 | Ada Lovelace | Charles Babbage |\n"
                        "| 2 | 9/23/2024 | Mary Somerville | Alan Turing |\n")
    assert talks == [(("Ada Lovelace",), None, "2024-09-09", None),
                     (("Charles Babbage",), None, "2024-09-09", None),
                     (("Mary Somerville",), None, "2024-09-23", None),
                     (("Alan Turing",), None, "2024-09-23", None)]


def test_a_link_that_sends_the_reader_on_is_no_title(tmp_path):
    _, talks = talks_of(tmp_path, "e.html", "<html><body><h3>Past Events</h3>"
                        "<div class='e'><h2>Notes on the analytical engine</h2>"
                        "<p>Speaker: Prof. Ada Lovelace</p>"
                        "<p>Date: May 27, 2026</p><p><a href='e1.html'>More Info</a></p></div>"
                        "<div class='e'><h2>The difference engine</h2><p>Speaker: Charles Babbage</p>"
                        "<p>Date: April 29, 2026</p><p><a href='e2.html'>Get the slide here</a></p></div>"
                        "</body></html>")
    assert talks == [(("Ada Lovelace",), "Notes on the analytical engine", "2026-05-27", None),
                     (("Charles Babbage",), "The difference engine", "2026-04-29", None)]


def test_of_several_title_like_columns_the_papers_titles_are_the_talks(tmp_path):
    _, talks = talks_of(tmp_path, "r.md", "# Sessions\n\n"
                        "| Date | Topic | Paper | Presenter | Presentation |\n"
                        "|---|---|---|---|---|\n"
                        "| 25/Nov/2021 | Vision | [Engines strike back](https://arxiv.org/abs/1) "
                        "| Ada Lovelace "
                        "| [Code](https://c.example) |\n"
                        "| 17/Oct/2021 | Numbers | [Differences in tables of logarithms](https://arxiv.org/abs/2)"
                        " | Charles Babbage | [Slides](https://s.example) |\n")
    assert talks == [(("Ada Lovelace",), "Engines strike back", "2021-11-25", None),
                     (("Charles Babbage",), "Differences in tables of logarithms", "2021-10-17", None)]


def test_labelled_headings_are_a_talks_fields(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "### 2024 list of past speakers\n\n"
                        "#### Title: Notes on the analytical engine\n"
                        "#### Speaker: Prof. Ada Lovelace from Analytical University [Dec 17]\n\n"
                        "*Ada Lovelace is a professor of engines at Analytical University.*\n\n"
                        "#### Title: The difference engine\n"
                        "#### Speaker: Charles Babbage from University of Cambridge [Nov 18]\n\n"
                        "*Charles Babbage is a professor at Cambridge.*\n")
    assert talks == [(("Ada Lovelace",), "Notes on the analytical engine", "2024-12-17", None),
                     (("Charles Babbage",), "The difference engine", "2024-11-18", None)]


def test_two_speakers_headed_by_name_under_one_days_heading(tmp_path):
    _, talks = talks_of(tmp_path, "p.md", "# Programme\n\n## May 9th, 2023\n\n"
                        "### Ada Lovelace (Analytical University, UK)\n\n*Notes on the analytical engine*\n\n"
                        ">The engine weaves algebraic patterns.\n\n"
                        "### Charles Babbage (University of Cambridge, UK)\n\n*The difference engine*\n\n"
                        ">Tables of logarithms.\n\n## April 11th, 2023\n\n"
                        "### Mary Somerville (Oxford, UK)\n\n*On the connexion of the sciences*\n\n"
                        ">Physics.\n")
    assert talks == [(("Ada Lovelace",), "Notes on the analytical engine", "2023-05-09", None),
                     (("Charles Babbage",), "The difference engine", "2023-05-09", None),
                     (("Mary Somerville",), "On the connexion of the sciences", "2023-04-11", None)]


def test_an_accordions_term_buttons_give_their_year_to_the_days_under_them(tmp_path):
    rows = ("<tr><th>Date</th><th>Speaker</th><th>Talk</th></tr>"
            "<tr><td>{}</td><td>{}</td><td><p>{}</p><p>An abstract of the talk, long enough to be one.</p>"
            "</td></tr>")
    _, talks = talks_of(tmp_path, "s.html", "<html><body><h1>Type Theory Seminar</h1>"
                        "<button class='accordion'>Spring 2025</button><div class='panel'><table>"
                        + rows.format("Apr 17", "Ada Lovelace", "Engines of thought") + "</table></div>"
                        "<button class='accordion'>Fall 2024</button><div class='panel'><table>"
                        + rows.format("Dec 5", "Charles Babbage", "Difference engines") + "</table></div>"
                        "</body></html>")
    assert [(t[0], t[2]) for t in talks] == [(("Ada Lovelace",), "2025-04-17"),
                                             (("Charles Babbage",), "2024-12-05")]


def test_a_summary_naming_a_german_term_gives_its_year_by_the_month(tmp_path):
    _, talks = talks_of(tmp_path, "t.html", "<html><body><h1>Oberseminar</h1><details>"
                        "<summary>Wintersemester 2020/21</summary><ul>"
                        "<li>November 12: Ada Lovelace, <em>Engines of thought</em></li>"
                        "<li>January 21: Charles Babbage, <em>Difference engines</em></li>"
                        "</ul></details></body></html>")
    assert [(t[0], t[2]) for t in talks] == [(("Ada Lovelace",), "2020-11-12"),
                                             (("Charles Babbage",), "2021-01-21")]


def test_a_front_matter_time_whose_key_names_its_zone(tmp_path):
    _, talks = talks_of(tmp_path, "2021-06-14-ada.md", "---\nlayout: post\ndate: 2021-06-14\ntimeBRT: 14h30\n"
                        "speaker: \"Ada Lovelace\"\ntitle: \"Engines of thought\"\n---\n\nAbstract.\n")
    assert talks == [(("Ada Lovelace",), "Engines of thought", "2021-06-14", "14:30")]


def test_a_tables_group_row_gives_its_day_to_the_rows_below(tmp_path):
    _, talks = talks_of(tmp_path, "g.html", "<html><body><h1>Seminar</h1><table>"
                        "<tr><th>Speaker</th><th>Title</th></tr>"
                        "<tr><td colspan=2>Tuesday, March 2, 2021</td></tr>"
                        "<tr><td>Ada Lovelace</td><td>Engines of thought</td></tr>"
                        "<tr><td colspan=2>Tuesday, March 9, 2021</td></tr>"
                        "<tr><td>Charles Babbage</td><td>Difference engines</td></tr></table></body></html>")
    assert [(t[0], t[2]) for t in talks] == [(("Ada Lovelace",), "2021-03-02"),
                                             (("Charles Babbage",), "2021-03-09")]


def test_numbered_days_of_a_meeting_are_the_days_of_its_run(tmp_path):
    _, talks = talks_of(tmp_path, "m.md", "# Workshop on Engines\n\nJune 3–4, 2021, Cambridge\n\n## Day 1\n\n"
                        "| Time | Speaker | Title |\n|---|---|---|\n"
                        "| 9:00 | Ada Lovelace | Engines of thought |\n\n"
                        "## Day 2\n\n| Time | Speaker | Title |\n|---|---|---|\n"
                        "| 10:00 | Charles Babbage | Difference engines |\n")
    assert [(t[2], t[3]) for t in talks] == [("2021-06-03", "09:00"), ("2021-06-04", "10:00")]


def test_a_row_of_year_filter_buttons_heads_nothing(tmp_path):
    _, talks = talks_of(tmp_path, "f.html", "<html><body><h1>Type Theory Seminar</h1><div>"
                        "<button class='chip'>2017</button><button class='chip'>2018</button></div>"
                        "<table><tr><th>Date</th><th>Speaker</th><th>Title</th></tr>"
                        "<tr><td>Apr 17</td><td>Ada Lovelace</td><td>Engines of thought</td></tr>"
                        "</table></body></html>")
    assert [t[2] for t in talks] == ["--04-17"]


def test_tables_each_under_a_caption_row_with_the_terms_year_and_meeting_time(tmp_path):
    def term(caption: str, rows: list[tuple[str, str, str]]) -> str:
        cells = "".join(f"<tr><td>{d}</td><td>{who}</td><td>{what}</td></tr>\n" for d, who, what in rows)
        return (f"<table>\n<tr><td colspan=\"3\">{caption}<span>Every Tuesday in room 146 at {caption[-7:]}"
                f"</span></td></tr>\n<tr><td>Date</td><td>Presenter</td><td>Topic</td></tr>\n{cells}</table>\n")

    page = ("<html><body><h2>Machine Learning Reading Group</h2>\n"
            + term("Winter 2017 - Deep models 4:00 PM", [("Sep 26", "Mark", "Motivation - [pdf slides]"),
                                                          ("Oct 3", "Issam", "Fully convolutional networks")])
            + term("Summer 2016 - Bandits 5:00 PM", [("Jun 7", "Julie", "Online convex optimization")])
            + "</body></html>\n")
    _, talks = talks_of(tmp_path, "index.html", page)
    assert talks == [(("Mark",), "Motivation", "2017-09-26", "16:00"),
                     (("Issam",), "Fully convolutional networks", "2017-10-03", "16:00"),
                     (("Julie",), "Online convex optimization", "2016-06-07", "17:00")]


def test_a_spanish_table_of_talks_named_conferencia_and_conferencista(tmp_path):
    _, talks = talks_of(tmp_path, "charlas.md", "<table>\n<tr><td><strong>Charla No</strong></td>"
                        "<td><strong>Fecha</strong></td><td><strong>Conferencia</strong></td>"
                        "<td><strong>Conferencista</strong></td></tr>\n"
                        "<tr><td>44</td><td>18/02/2020</td><td>Neural nets and how they learn</td>"
                        "<td>Ada Lovelace</td></tr>\n"
                        "<tr><td>43</td><td>04/02/2020</td><td>The long quest for computational thinking</td>"
                        "<td>Mary Somerville</td></tr>\n</table>\n")
    assert talks == [(("Ada Lovelace",), "Neural nets and how they learn", "2020-02-18", None),
                     (("Mary Somerville",), "The long quest for computational thinking", "2020-02-04", None)]


def test_a_programmes_session_lists_its_talks_one_a_line_and_a_panel_gives_none(tmp_path):
    page, talks = talks_of(tmp_path, "schedule.md", "# Workshop on engines, December 15, 2023\n\n"
                           "| Time | Event |\n|---|---|\n"
                           "| 9:00 - 9:30 | **Keynote** - Ada Lovelace: Notes on the analytical engine |\n"
                           "| 11:15 - 12:00 | **Panel Discussion**: Charles Babbage, Mary Somerville |\n"
                           "| 14:30 - 15:00 | **Contributed Talks** - <br/> Punched cards for weaving <br/> "
                           "Mode-Seeking Engines: Theory and Practice <br/> Difference engines at scale |\n"
                           "| 15:15 - 16:15 | **Invited Lightning Talks** <br/> Mary Somerville: "
                           "Physical geography <br/> Charles Babbage: Passages from a life |\n")
    assert talks == [
        (("Ada Lovelace",), "Notes on the analytical engine", "2023-12-15", "09:00"),
        ((), "Punched cards for weaving", "2023-12-15", "14:30"),
        ((), "Mode-Seeking Engines: Theory and Practice", "2023-12-15", "14:30"),
        ((), "Difference engines at scale", "2023-12-15", "14:30"),
        (("Mary Somerville",), "Physical geography", "2023-12-15", "15:15"),
        (("Charles Babbage",), "Passages from a life", "2023-12-15", "15:15")]
    assert "time" in page.talks[1].guessed and page.kind == "meeting_programme"


def test_a_day_over_time_and_summary_columns_is_no_caption_of_named_columns(tmp_path):
    page = ("<html><body><h2>Programme</h2><table>\n<tr><td colspan=\"2\">11/19</td></tr>\n"
            "<tr><td>Time</td><td>Summary</td></tr>\n"
            "<tr><td>8:10-8:35</td><td>Ada Lovelace<br>Title: Notes on the analytical engine</td></tr>\n"
            "<tr><td>8:35-9:00</td><td>Charles Babbage<br>Title: Passages from a life</td></tr>\n"
            "</table></body></html>\n")
    _, talks = talks_of(tmp_path, "schedule.html", page)
    assert [(t[0], t[3]) for t in talks] == [(("Ada Lovelace",), "08:10"), (("Charles Babbage",), "08:35")]


def test_a_label_with_a_full_width_colon_over_an_abstract_of_several_lines_is_read(tmp_path):
    page, talks = talks_of(tmp_path, "seminar.md", (
        "# 学术报告\n\n## 报告人：王小明（北京大学）\n\n题目：引擎的分析\n\n"
        "摘要：本报告介绍分析引擎的历史与应用\n第二段介绍更多的细节与问题\n"))
    # read to the end ("摘要：" has no ASCII colon to split at), and the speaker's full-width bracket
    # is an affiliation, so the page is the announcement of its one talk
    assert page.kind == "event_page" and talks == [(("王小明",), "引擎的分析", None, None)]
    assert page.talks[0].speakers[0].affiliation == "北京大学"
    assert page.talks[0].abstract == "本报告介绍分析引擎的历史与应用\n第二段介绍更多的细节与问题"

def test_a_name_of_many_hyphenated_parts_is_read_at_once():
    from kg.ingest.pages.extract import _SHORT_CITATION

    assert _SHORT_CITATION.search("Ab-Cd-" * 40 + " et") is None  # no catastrophic backtracking
    assert _SHORT_CITATION.search("Jean-Baptiste et al. (2021)")["first"] == "Jean-Baptiste"


def test_numbered_front_matter_talks_take_the_meetings_prefixed_day_time_and_room(tmp_path):
    page, talks = talks_of(tmp_path, "m.md", "---\nevent_date: 2021-03-04\nevent_time: \"2pm\"\n"
                           "meeting_room: Hall B\nspeaker1: Ada Lovelace\ntitle1: Engines\n"
                           "speaker2: Charles Babbage\ntitle2: Differences\n---\n")
    assert sorted(talks) == [(("Ada Lovelace",), "Engines", "2021-03-04", "14:00"),
                             (("Charles Babbage",), "Differences", "2021-03-04", "14:00")]
    assert [t.place for t in page.talks] == ["Hall B", "Hall B"]


def test_numbered_front_matter_talks_take_no_title_or_abstract_from_a_group_without_a_speaker(tmp_path):
    # The meeting's own title, a third talk's title and abstract with no speaker: none is another talk's.
    page, talks = talks_of(tmp_path, "m.md", "---\nevent_title: Winter Workshop\nevent_date: 2021-03-04\n"
                           "speaker1: Ada Lovelace\ntitle1: Engines\nspeaker2: Charles Babbage\n"
                           "third_title: Lambda calculus\nthird_abstract: About lambdas.\n---\n")
    assert {t.title for t in page.talks} <= {"Engines", None}
    assert not any(t.abstract for t in page.talks)


def test_a_short_citation_knows_the_particles_a_byline_knows():
    from kg.ingest.pages.extract import _SHORT_CITATION

    assert _SHORT_CITATION.search("see ter Braak et al. (2019)")["first"] == "ter Braak"
    assert _SHORT_CITATION.search("Della Volpe & Van Dyk (2020)")["second"] == "Van Dyk"


def test_papers_reads_a_year_alone_with_the_blocks_pattern():
    from kg.ingest.pages import blocks, papers

    assert papers.YEAR_ALONE is blocks.YEAR_ALONE


def test_a_clock_time_in_front_matter_is_read_as_the_time_it_prints(tmp_path):
    """YAML 1.1 reads an unquoted 14:30 as 870 (base 60): the talk starts at 14:30, not at 00:14."""
    _, talks = talks_of(tmp_path, "t.md", "---\ntitle: Engines\nspeaker: Ada Lovelace\ndate: 2021-03-04\n"
                        "time: 14:30\n---\n")
    assert talks == [(("Ada Lovelace",), "Engines", "2021-03-04", "14:30")]


def test_a_heading_of_two_names_over_labelled_lines_opens_their_talk(tmp_path):
    page, talks = talks_of(tmp_path, "speakers.md", "# Speakers\n\n### Ada Lovelace\n\n"
                           "**Title:** Notes on the analytical engine\n\n**Abstract:** We read the notes.\n\n"
                           "***\n\n### Mary Somerville and Charles Babbage\n\n"
                           "**Title:** On the connexion of the physical sciences\n\n"
                           "**Abstract:** A joint talk.\n\n***\n\n### Caroline Herschel\n\n"
                           "**Title:** Comets observed from Slough\n\n**Abstract:** Eight comets.\n")
    assert talks == [(("Ada Lovelace",), "Notes on the analytical engine", None, None),
                     (("Mary Somerville", "Charles Babbage"), "On the connexion of the physical sciences",
                      None, None),
                     (("Caroline Herschel",), "Comets observed from Slough", None, None)]


def test_a_series_time_where_sessions_are_held_with_its_other_zones(tmp_path):
    _, talks = talks_of(tmp_path, "c.md", "# Journal club\n\n| Date | Paper | Presenter |\n|---|---|---|\n"
                        "| 25/Nov/2021 | Notes on engines | Ada Lovelace |\n"
                        "| 17/Oct/2021 | Difference engines | Charles Babbage |\n\n"
                        "Sessions will be held via Zoom starting at 5pm (JST) / 10am (CET).\n")
    assert [(t[2], t[3]) for t in talks] == [("2021-11-25", "17:00"), ("2021-10-17", "17:00")]


def test_a_tables_caption_naming_its_room_and_time(tmp_path):
    _, talks = talks_of(tmp_path, "rg.html", "<h1>Reading group</h1><table><tr><td colspan=\"3\">"
                        "Summer term 2 2015 - Graphical models<span>Room ICICS 238 at 11:00 AM</span>"
                        "</td></tr>"
                        "<tr><td>Date</td><td>Presenter</td><td>Topic</td></tr>"
                        "<tr><td>Aug 17</td><td>Ada Lovelace</td><td>Notes on engines</td></tr>"
                        "<tr><td>Aug 18</td><td>Charles Babbage</td><td>Difference engines</td></tr></table>")
    assert [(t[2], t[3]) for t in talks] == [("2015-08-17", "11:00"), ("2015-08-18", "11:00")]


def test_a_short_sessions_talks_take_the_time_of_the_pages_when_line(tmp_path):
    _, talks = talks_of(tmp_path, "l.md", "# Lightning talks\n\n### Talks:\n\n"
                        "- \u201cNotes on engines\u201d by Dr. Ada Lovelace\n"
                        "- \u201cDifference engines\u201d by Dr. Charles Babbage\n\n### Details:\n\n"
                        "- When: Friday, 17/09/2021, between 12pm and 12:30pm EDT (4pm - 4:30pm UTC)\n")
    assert [(t[2], t[3]) for t in talks] == [("2021-09-17", "12:00"), ("2021-09-17", "12:00")]


def test_a_thematic_break_ends_a_talk_whose_next_starts_with_its_date(tmp_path):
    _, talks = talks_of(tmp_path, "s.md", "# Seminar\n\n***\n"
                        "### Date and Time: 03-06-2022 ; 3 PM - 4 PM CST\n\n"
                        "### Title: Notes on engines\n\n### Speaker: Dr. Ada Lovelace\n\nAbout her.\n\n"
                        "***\n### Date and Time: 11-28-2022 ; 3 PM - 4 PM CST\n\n"
                        "### Title: Difference engines\n\n### Speaker: Dr. Charles Babbage\n\nAbout him.\n")
    assert [(t[0], t[2], t[3]) for t in talks] == [(("Ada Lovelace",), "2022-03-06", "15:00"),
                                                   (("Charles Babbage",), "2022-11-28", "15:00")]


def test_a_front_matter_key_of_two_words_run_together(tmp_path):
    _, talks = talks_of(tmp_path, "t.md", "+++\ntitle = \"Notes on engines\"\nspeaker = \"Ada Lovelace\"\n"
                        "talkdate = 2019-07-10T16:00:00+09:00\nvenue = \"Hall 3\"\n+++\n\nAn abstract.\n")
    assert talks == [(("Ada Lovelace",), "Notes on engines", "2019-07-10", "16:00")]


def test_a_schedule_cell_of_talks_given_with_or_by_their_speakers(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "schedules.md"
    path.write_text(
        "# Schedule\n\nSpring 2021, 4-6 pm\n\n| Date | Event |\n| --- | --- |\n"
        "| February 1st, 2021 | Engines and Looms with Prof. Ada Lovelace <br/> "
        "Installing Libraries with Dr. Charles Babbage |\n"
        "| February 2nd, 2021 | Learning with Kernels with Mary Somerville |\n"
        "| February 3rd, 2021 | Tides Explained by Dr. Mary Somerville & "
        "Difference Tables by Charles Babbage |\n"
        "| February 4th, 2021 | Brainstorming Session |\n"
        "| February 5th, 2021 | This is joint work with Mary Somerville of Oxford |\n", encoding="utf-8")
    talks = [(t.speakers[0].name, t.title, t.day) for t in extract_file(path).talks]
    assert talks == [("Ada Lovelace", "Engines and Looms", "2021-02-01"),
                     ("Charles Babbage", "Installing Libraries", "2021-02-01"),
                     ("Mary Somerville", "Learning with Kernels", "2021-02-02"),
                     ("Mary Somerville", "Tides Explained", "2021-02-03"),
                     ("Charles Babbage", "Difference Tables", "2021-02-03")]


def test_a_schedule_cell_of_two_talks_joined_by_and_gives_both(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "schedules.md"
    path.write_text(
        "# Schedule\n\nSummer 2019, 4-6 pm\n\n| Date | Event |\n| --- | --- |\n"
        "| July 3rd, 2019 | [Engine Basics by Dr. Ada Lovelace and Tide Tables by Dr. Mary Somerville]"
        "(https://example.org/notes) |\n"
        "| July 10th, 2019 | Looms and Engines by Charles Babbage |\n", encoding="utf-8")
    talks = [(t.speakers[0].name, t.title, t.day) for t in extract_file(path).talks]
    assert talks == [("Ada Lovelace", "Engine Basics", "2019-07-03"),
                     ("Mary Somerville", "Tide Tables", "2019-07-03"),
                     ("Charles Babbage", "Looms and Engines", "2019-07-10")]


def test_a_speakers_bracket_is_the_title_when_only_time_and_place_follow_it(tmp_path):
    path = tmp_path / "past.md"
    path.write_text("# Student seminar, Fall 2022\n\n"
                    "- Oct 7: Ada Lovelace: Notes on the engine\n\n"
                    "- Oct 14: Mary Somerville (Vassiliev invariants continued): at 11am in Room 4145\n\n"
                    "- Oct 21: Charles Babbage: Difference engines\n", encoding="utf-8")
    talks = [(t.speakers[0].name, t.title, t.day) for t in extract_path(path).talks]
    assert ("Mary Somerville", "Vassiliev invariants continued", "2022-10-14") in talks


def test_an_agendas_presenters_in_square_brackets_after_the_title_are_its_speakers():
    from kg.ingest.pages.entries import Fields
    from kg.ingest.pages.talks import _presenters_in_brackets

    fields = Fields(title="Trust region policy optimization [Elman, Ilya")
    _presenters_in_brackets(fields)
    assert ([p.name for p in fields.speakers], fields.title) == (["Elman", "Ilya"],
                                                                 "Trust region policy optimization")
    fields = Fields(title="Tutorial on engines. [**Ada Lovelace**]")
    _presenters_in_brackets(fields)
    assert ([p.name for p in fields.speakers], fields.title) == (["Ada Lovelace"], "Tutorial on engines")
    for title in ("Notes on engines [slides]", "Notes on engines [pdf, video]", "[Ada Lovelace]"):
        fields = Fields(title=title)
        _presenters_in_brackets(fields)
        assert (fields.speakers, fields.title) == ([], title)
    # a long run of spaces after the bracket's words, or before a word: read at once (it took a minute)
    for title in ("Notes on engines [Ada" + " " * 5_000 + "x", "Notes on engines" + " " * 20_000 + "x"):
        fields = Fields(title=title)
        _presenters_in_brackets(fields)
        assert (fields.speakers, fields.title) == ([], title)
    fields = Fields(title="Tutorial on engines ;  [ **Ada Lovelace** ]  ")
    _presenters_in_brackets(fields)
    assert ([p.name for p in fields.speakers], fields.title) == (["Ada Lovelace"], "Tutorial on engines")


def test_a_reading_groups_talk_titles_lose_the_venue_after_the_paper():
    from kg.ingest.pages.talks import without_venue

    assert without_venue("World Models (NeurIPS 2018)") == "World Models"
    assert without_venue("MuZero (Nature 2020)") == "MuZero"
    assert without_venue("Tidy data (June 2023)") == "Tidy data (June 2023)"
    assert without_venue("Engines (Fall 2018)") == "Engines (Fall 2018)"


def test_with_names_a_speaker_only_by_a_first_name_or_an_honorific_and_capitals():
    from kg.ingest.pages.entries import given_with

    assert given_with("Prof. Ada Lovelace") and given_with("Chris Harvey")
    assert not given_with("High-dimensional Null") and not given_with("Electric Buses")


def test_a_name_then_its_title_in_brackets_gives_the_title_not_an_affiliation(tmp_path):
    page, _ = talks_of(tmp_path, "talks.md", "## Fall 2022 Schedule\n\n"
                       "- Sep 30: Eric Evans (Heisenberg Lie algebra)\n\n"
                       "- Nov 4: Allison Moore (What is homology)\n\n"
                       "- Nov 11: Sam Bevins (grad student at NCSU)\n")
    found = [(t.speakers[0].name, t.title, t.speakers[0].affiliation) for t in page.talks]
    assert found == [("Eric Evans", "Heisenberg Lie algebra", None),
                     ("Allison Moore", "What is homology", None),
                     ("Sam Bevins", None, "grad student at NCSU")]
