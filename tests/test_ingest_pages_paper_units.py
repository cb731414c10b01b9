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
