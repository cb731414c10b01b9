"""Publication entries in the common citation styles (hand-written edge cases; the real pages are
scored by bench/extract_real.py)."""

from __future__ import annotations

import pytest

from kg.ingest.pages.blocks import Block, Span
from kg.ingest.pages.papers import citation

TITLE = "Learning with kernels on graphs"


@pytest.mark.parametrize("text, authors", [
    ("Truong, C., Oudre, L., & Vayer, N. (2019). Learning with kernels on graphs. Signal Processing, 167.",
     ["Truong, C.", "Oudre, L.", "Vayer, N."]),
    ("A. Smith, B. Jones and C. Brown. Learning with kernels on graphs. In NeurIPS, 2019.",
     ["A. Smith", "B. Jones", "C. Brown"]),
    ("Learning with kernels on graphs. A. Smith, B. Jones, C. Brown. NeurIPS 2019.",
     ["A. Smith", "B. Jones", "C. Brown"]),
    ("John Smith, Mary Jones. “Learning with kernels on graphs”, NeurIPS 2019", ["John Smith", "Mary Jones"]),
    ("J. Smith, M. Jones, Learning with kernels on graphs, Annals of Statistics, 47(3), 2019.",
     ["J. Smith", "M. Jones"]),
    ("[12] J. Smith and M. Jones et al. Learning with kernels on graphs. arXiv:1901.00001, 2019.",
     ["J. Smith", "M. Jones"]),
])
def test_authors_title_and_year_in_any_common_order(text, authors):
    paper = citation(Block(text, 7, "li"), in_section=True)
    assert paper is not None
    assert (paper.title, paper.authors, paper.year, paper.line) == (TITLE, authors, 2019, 7)


def test_a_bold_title_over_a_byline_on_its_own_line():
    block = Block(f"{TITLE}\nJohn Smith, Mary Jones\nNeurIPS 2019", 3, "p", spans=[Span("b", TITLE)])
    paper = citation(block, in_section=True)
    assert paper is not None and paper.authors == ["John Smith", "Mary Jones"]


def test_a_sentence_of_prose_is_no_citation():
    text = "We thank John Smith and Mary Jones for the discussions that led to this work in 2019."
    block = Block(text, 1, "p")
    assert citation(block, in_section=False) is None


def test_authors_then_the_year_in_brackets_then_a_linked_title():
    text = f"Ada Lovelace, Charles Babbage (2020). {TITLE}."
    block = Block(text, 1, "div", spans=[Span("a", "Ada Lovelace", "/a"), Span("a", "Charles Babbage", "/c"),
                                         Span("a", TITLE, "/p")])
    paper = citation(block, True)
    assert paper is not None and (paper.title, paper.authors, paper.year) == (
        TITLE, ["Ada Lovelace", "Charles Babbage"], 2020)


def test_a_byline_ending_with_the_status_of_the_paper():
    block = Block(f"{TITLE}\nJohn Smith, Mary Jones, and Ann Lee, Submitted, 2019.", 3, "li",
                  spans=[Span("b", TITLE)])
    paper = citation(block, in_section=True)
    assert paper is not None
    assert (paper.authors, paper.year) == (["John Smith", "Mary Jones", "Ann Lee"], 2019)


def test_hyphenated_initials_without_stops_are_initials():
    paper = citation(Block(f"L. Chizat, F-X. Vialard, G. Peyré. {TITLE}. NeurIPS 2019.", 1, "li"), True)
    assert paper is not None and paper.authors == ["L. Chizat", "F-X. Vialard", "G. Peyré"]


def test_coauthors_after_with_are_the_owners_coauthors(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "ada.md"
    path.write_text("# Ada Lovelace\n\n## Publications\n\n"
                    "- Notes on the analytical engine (with Charles Babbage and Luigi Menabrea). "
                    "Scientific Memoirs, 2013.\n"
                    "- On the numbers of Bernoulli (joint work with Charles Babbage), "
                    "Royal Society Letters, 2014.\n"
                    "- A calculus of the nervous system (with Augustus De Morgan). "
                    "Journal of Mathematics, 2015.\n",
                    encoding="utf-8")
    page = extract_file(path)
    assert page.kind == "author_page"
    assert [(p.title, p.authors, p.year) for p in page.papers] == [
        ("Notes on the analytical engine", ["Ada Lovelace", "Charles Babbage", "Luigi Menabrea"], 2013),
        ("On the numbers of Bernoulli", ["Ada Lovelace", "Charles Babbage"], 2014),
        ("A calculus of the nervous system", ["Ada Lovelace", "Augustus De Morgan"], 2015)]
    assert all(p.guessed == ["authors"] for p in page.papers)  # where the owner stands is a guess


def test_a_title_above_classed_author_and_venue_spans(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    entry = ('<div class="pub-entry"><div class="pub-title"><a href="https://arxiv.org/abs/{n}">'
             '{title}</a></div><div class="pub-meta"><span class="pub-authors">{authors}</span>'
             '<span class="pub-venue"><i>{venue}, 2025</i></span></div></div>')
    path = tmp_path / "paper.html"
    path.write_text("<html><body><h1>Publications</h1><h2>2025</h2>"
                    + entry.format(n=1, title="Notes on the analytical engine",
                                   authors="A. Lovelace, C. Babbage",
                                   venue="Journal of the American Statistical Association")
                    + entry.format(n=2, title="The probability of engines in practice",
                                   authors="A. Lovelace, M. Somerville",
                                   venue="IEEE Transactions on Information Theory")
                    + "</body></html>", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.authors) for p in page.papers] == [
        ("Notes on the analytical engine", ["A. Lovelace", "C. Babbage"]),
        ("The probability of engines in practice", ["A. Lovelace", "M. Somerville"])]


@pytest.mark.parametrize("text, authors", [
    (f"{TITLE} by John Smith, Mary Jones. NeurIPS 2019.", ["John Smith", "Mary Jones"]),
    (f"{TITLE} — Smith, Jones & Brown (2019) · arXiv", ["Smith", "Jones", "Brown"]),
    (f"Wilson, Andrew G., and Pavel Izmailov. \"{TITLE}.\" NeurIPS 33 (2019).",
     ["Andrew G. Wilson", "Pavel Izmailov"]),
    (f"John Smith ® Mary Jones ® Ann Lee: {TITLE}. STOC 2019.", ["John Smith", "Mary Jones", "Ann Lee"]),
    (f"John Smith, Mary Jones, Ann Lee (alphabetical order). {TITLE}. STOC 2019.",
     ["John Smith", "Mary Jones", "Ann Lee"]),
])
def test_bylines_after_the_title_and_in_other_orders(text, authors):
    spans = [Span("b", TITLE)] if "—" in text or " by " in text else []
    paper = citation(Block(text, 2, "li", spans=spans), in_section=True)
    assert paper is not None and (paper.title, paper.authors, paper.year) == (TITLE, authors, 2019)


def test_a_year_inside_a_byline_is_no_author():
    block = Block(f"{TITLE}\nNeurIPS 2019 Oral, with Mary Jones and Ann Lee.", 2, "li",
                  spans=[Span("a", TITLE, "/p")])
    paper = citation(block, in_section=True)
    assert paper is not None and paper.authors == ["Mary Jones", "Ann Lee"] and paper.guessed == ["owner"]


def test_a_single_author_entry_of_a_publication_list_is_a_paper(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    entries = "".join(f"<p>{a}. <b>{t}</b>. <em>Biometrika</em>, {y}.</p>" for a, t, y in [
        ("A. Lovelace and C. Babbage", "Notes on the analytical engine", 2013),
        ("A. Lovelace", "On the numbers of Bernoulli in practice", 2014),
        ("A. Lovelace and M. Somerville", "A calculus of the nervous system", 2015),
        ("A. Lovelace and A. De Morgan", "The probability of engines in practice", 2016)])
    path = tmp_path / "index.html"
    path.write_text(f"<html><body>{entries}</body></html>", encoding="utf-8")
    page = extract_file(path)
    assert ("On the numbers of Bernoulli in practice", ["A. Lovelace"], 2014) in [
        (p.title, p.authors, p.year) for p in page.papers]


def test_a_title_block_then_a_short_byline_block(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "papers.html"
    path.write_text("<html><body><h1>Publications</h1><h2>2025</h2>"
                    "<div><div><a href='https://arxiv.org/abs/1'>Notes on the analytical engine</a></div>"
                    "<div>A. Lovelace, C. Ma</div></div></body></html>", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.authors, p.year) for p in page.papers] == [
        ("Notes on the analytical engine", ["A. Lovelace", "C. Ma"], 2025)]


def test_a_markdown_citation_reflowed_in_the_source_is_one_sentence(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "publications.md"
    path.write_text("# Publications\n\n"
                    "- Smith, J., Jones, M., and Lee, A. (2024+). Learning with kernels on\n"
                    "graphs and other structures. Annals of Statistics, in press.\n", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.authors) for p in page.papers] == [
        ("Learning with kernels on graphs and other structures", ["Smith, J.", "Jones, M.", "Lee, A."])]


@pytest.mark.parametrize("text, authors", [
    (f"{TITLE} by Bardenet, Doucet and Holmes, JMLR 2019.", ["Bardenet", "Doucet", "Holmes"]),
    (f"Peyrard, M. (2019, July). {TITLE}. In Proceedings of ACL.", ["Peyrard, M."]),
    (f"– Vaswani, A., Shazeer, N., & Polosukhin, I. (2019). {TITLE}. Advances in NeurIPS, 30.",
     ["Vaswani, A.", "Shazeer, N.", "Polosukhin, I."]),
])
def test_reading_list_entries(text, authors):
    paper = citation(Block(text, 2, "li", spans=[Span("a", TITLE, "https://arxiv.org/abs/1")]), True)
    assert paper is not None and (paper.title, paper.authors, paper.year) == (TITLE, authors, 2019)


def test_an_academicpages_publication_is_a_paper_not_a_talk(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "kernels.md"
    path.write_text(f"---\ntitle: \"{TITLE}\"\ncollection: publications\ndate: 2019-06-12\n"
                    "venue: 'NeurIPS 2019'\nauthor: 'A. Smith, B. Jones and C. Brown'\n---\n",
                    encoding="utf-8")
    page = extract_file(path)
    assert page.kind == "author_page" and not page.talks
    assert [(p.title, p.authors, p.year) for p in page.papers] == [
        (TITLE, ["A. Smith", "B. Jones", "C. Brown"], 2019)]


def test_a_linked_journal_is_no_title():
    text = "Ada Lovelace, Charles Babbage. Physical Review Letters 103.15 (2019): 150502."
    block = Block(text, 1, "p", spans=[Span("a", "Physical Review Letters", "https://doi.org/10.1/x")])
    paper = citation(block, True)
    assert paper is None or paper.title != "Physical Review Letters"


def test_a_first_author_before_et_al_in_a_reading_table():
    block = Block(f'Saxton et. al. "{TITLE}" (2019)', 4, "td")
    paper = citation(block, in_section=False)
    assert paper is not None and (paper.title, paper.authors, paper.year) == (TITLE, ["Saxton"], 2019)
    mla = citation(Block(f'Biamonte, Jacob, et al. "{TITLE}." arXiv preprint (2019).', 5, "p"), True)
    assert mla is not None and mla.authors == ["Jacob Biamonte"]
