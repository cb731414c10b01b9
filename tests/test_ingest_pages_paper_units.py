"""Publication entries printed as repeated units whose parts are blocks of their own (a linked title
in one paragraph, the authors in the next, the venue in a third), read whole."""

from __future__ import annotations

from kg.ingest.pages.document import read_document
from kg.ingest.pages.paper_units import unit_papers

ENTRIES = [("Notes on the analytical engine", "Ada Lovelace, Charles Babbage", "COLT 2019"),
           ("On the numbers of Bernoulli in practice", "Ada Lovelace, Mary Somerville", "ICML 2020"),
           ("A calculus of the nervous system", "Augustus De Morgan, Ada Lovelace", "arXiv:2101.00001"),
           ("The probability of engines in practice", "Ada Lovelace, Ann Lee, Bo Chen", "NeurIPS 2021")]


def _page(tmp_path, unit: str, separator: str = "") -> list:
    body = separator.join(unit.format(title=t, authors=a, venue=v) for t, a, v in ENTRIES)
    path = tmp_path / "pubs.html"
    path.write_text(f"<html><body><h1>Selected work</h1>{body}</body></html>", encoding="utf-8")
    return [(u.paper.title, u.paper.authors) for u in unit_papers(read_document(path))]


def test_list_items_of_paragraphs_are_one_entry_each(tmp_path):
    found = _page(tmp_path, "<li><p><a href='https://arxiv.org/abs/1'>{title}</a></p>"
                            "<p>{authors}</p><p>{venue}</p></li>")
    assert ("Notes on the analytical engine", ["Ada Lovelace", "Charles Babbage"]) in found
    assert len(found) >= 3


def test_cards_with_a_heading_title_and_a_row_of_buttons(tmp_path):
    found = _page(tmp_path, "<article class='card'><h3>{title}</h3><p class='authors'>{authors}</p>"
                            "<div>{venue}</div><div><a href='#'>Paper</a> <a href='#'>Code</a></div>"
                            "</article>")
    assert ("The probability of engines in practice", ["Ada Lovelace", "Ann Lee", "Bo Chen"]) in found


def test_paragraph_runs_parted_by_rules(tmp_path):
    found = _page(tmp_path, "<p><b>{title}</b></p><p>{authors}<br/>{venue}</p>", separator="<hr/>")
    assert ("On the numbers of Bernoulli in practice", ["Ada Lovelace", "Mary Somerville"]) in found


def test_a_list_of_news_items_is_no_publication_list(tmp_path):
    path = tmp_path / "news.html"
    items = "".join(f"<li><p>{d}</p><p>{t}</p></li>" for d, t in [
        ("May 2024", "Our group moved to a new building on the main campus."),
        ("June 2024", "We welcome three new students to the lab this summer."),
        ("July 2024", "The reading group resumes in the autumn with a new schedule.")])
    path.write_text(f"<html><body><ul>{items}</ul></body></html>", encoding="utf-8")
    assert unit_papers(read_document(path)) == []


def test_a_seminar_list_of_speakers_and_their_universities_is_no_publication_list(tmp_path):
    path = tmp_path / "seminars.html"
    items = "".join(f"<li><p>{name}</p><p>University of {place}</p><p>{day} 2025</p><p>{title}</p></li>"
                    for name, place, day, title in [
                        ("Ada Lovelace", "Sydney", "Feb 26,", "Partial information in social networks"),
                        ("Charles Babbage", "Macau", "Feb 18,", "Curve time series with a common trend"),
                        ("Mary Somerville", "Michigan", "Mar 4,", "Sparse models of the nervous system")])
    path.write_text(f"<html><body><ul>{items}</ul></body></html>", encoding="utf-8")
    assert unit_papers(read_document(path)) == []


def test_a_title_naming_a_company_is_still_a_title():
    from kg.ingest.pages.paper_units import _names_an_organization

    assert not _names_an_organization("OpenAI Gym")
    assert not _names_an_organization("Google Research Football: a reinforcement learning environment")
    assert _names_an_organization("University of Sydney") and _names_an_organization("Microsoft Research")


def test_a_title_then_with_and_the_coauthors_then_the_venue(tmp_path):
    # the owner's page names only the coauthors: "with A and B" on a line of its own
    found = _page(tmp_path, "<li><p><b>{title}</b> [<a href='https://arxiv.org/abs/1'>arXiv</a>]</p>"
                            "<p>with {authors}</p><p><a href='https://doi.org/1'>{venue}</a>.</p></li>")
    assert ("Notes on the analytical engine", ["Ada Lovelace", "Charles Babbage"]) in found
    papers = {u.paper.title: u.paper for u in unit_papers(read_document(tmp_path / "pubs.html"))}
    assert papers["On the numbers of Bernoulli in practice"].year == 2020
    assert papers["On the numbers of Bernoulli in practice"].guessed == ["owner"]  # the owner is not printed


CLASSED_PAPERS = [("Notes on the analytical engine", "Lovelace, Babbage", 2019),
                  ("On the numbers of Bernoulli", "Lovelace, Somerville, De Morgan, et al.", 2020),
                  ("A calculus of the nervous system", "Lovelace", 2021)]
"""A reading list that prints its authors' last names only: the markup's classes say which part is which."""


def classed_papers(tmp_path, entry) -> list:
    """The units read from a list whose rows ``entry(n, title, authors)`` opens, each with its year
    and a blurb."""
    rows = "".join(f"<div class='paper-row'>{entry(n, t, a)}<span class='paper-year'>{y}</span></div>"
                   f"<p class='blurb'>Why we read it in {y + 1}.</p></div>"
                   for n, (t, a, y) in enumerate(CLASSED_PAPERS))
    path = tmp_path / "papers.html"
    path.write_text(f"<html><body><section class='list'>{rows}</section></body></html>", encoding="utf-8")
    return unit_papers(read_document(path))


def test_entries_whose_markup_names_title_authors_and_year(tmp_path):
    # a site that prints last names only: the class "paper-authors" says they are the authors
    units = classed_papers(tmp_path, lambda n, t, a: (
        f"<a class='paper-title' href='https://arxiv.org/abs/{n}'>{t}</a>"
        f"<div class='paper-meta'><span class='paper-authors'>{a}</span> "))
    found = [(u.paper.title, u.paper.authors, u.paper.year, u.sure) for u in units]
    assert found == [("Notes on the analytical engine", ["Lovelace", "Babbage"], 2019, True),
                     ("On the numbers of Bernoulli", ["Lovelace", "Somerville", "De Morgan"], 2020, True),
                     ("A calculus of the nervous system", ["Lovelace"], 2021, True)]


def test_classed_authors_in_the_last_name_first_form_keep_their_initials():
    from kg.ingest.pages.paper_units import classed_authors

    assert classed_authors("Lovelace, A., Babbage, C. and Somerville, M.") == \
        ["Lovelace, A.", "Babbage, C.", "Somerville, M."]
    assert classed_authors("Ada Lovelace, Charles Babbage & Mary Somerville") == \
        ["Ada Lovelace", "Charles Babbage", "Mary Somerville"]


def test_a_programme_naming_speaker_and_title_by_class_is_no_publication_list(tmp_path):
    slot = "<div class='row'><p>{}</p><p class='author'>{}</p><h4 class='title'>{}</h4></div>"
    slots = "".join(slot.format(*row) for row in [
        ("14:00-15:00", "Ada Lovelace", "Notes on the analytical engine"),
        ("15:00-16:00", "Mary Somerville", "A calculus of the nervous system"),
        ("16:00-17:00", "Charles Babbage", "On the numbers of Bernoulli")])
    path = tmp_path / "index.html"
    path.write_text(f"<html><body><h2>Programme</h2><div class='day'>{slots}</div></body></html>",
                    encoding="utf-8")
    assert unit_papers(read_document(path)) == []


def test_a_field_whose_element_holds_another_of_its_class_is_read_once(tmp_path):
    # <div class="paper-title"><a class="title-link">: the link inside the title is that field, not a second
    units = classed_papers(tmp_path, lambda n, t, a: (
        f"<div class='paper-title'><a class='title-link' href='https://arxiv.org/abs/{n}'>{t}</a></div>"
        f"<div class='paper-meta'><div class='paper-authors'><span class='author'>{a}</span></div> "))
    found = [(u.paper.title, u.paper.authors, u.paper.year) for u in units]
    assert found == [("Notes on the analytical engine", ["Lovelace", "Babbage"], 2019),
                     ("On the numbers of Bernoulli", ["Lovelace", "Somerville", "De Morgan"], 2020),
                     ("A calculus of the nervous system", ["Lovelace"], 2021)]
