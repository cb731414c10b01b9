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


def test_a_front_matter_byline_with_the_owner_in_html_bold_is_a_list_of_authors(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "kernels.md"
    path.write_text(f"---\ntitle: \"{TITLE}\"\ncollection: publications\ndate: 2019-06-12\n"
                    "author: A. Smith, <strong>B. Jones</strong>, C. Brown\n---\n", encoding="utf-8")
    assert [p.authors for p in extract_file(path).papers] == [["A. Smith", "B. Jones", "C. Brown"]]


def test_a_list_of_linked_titles_to_publishers_articles_is_a_list_of_papers(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    items = [("https://arxiv.org/pdf/2601.00001", "Learning with kernels on graphs"),
             ("https://arxiv.org/pdf/2601.00002", "Multi-Property Synthesis"),
             ("https://dl.acm.org/doi/pdf/10.1145/3716863", "Explaining control policies through diagrams"),
             ("https://example.org/doi/10.1016/j.softx", "Federated learning with a swift extension")]
    path = tmp_path / "index.html"
    path.write_text("<html><body><h2>Publications</h2><ul>\n" + "\n".join(
        f'<li><a href="{url}">{title}</a></li>' for url, title in items) + "\n</ul></body></html>",
        encoding="utf-8")
    found = {p.title: p.authors for p in extract_file(path).papers}
    assert found == {TITLE: [], "Explaining control policies through diagrams": [],
                     "Federated learning with a swift extension": []}  # a two-word title is too short to tell


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


def test_a_list_group_card_with_its_bold_title_inside_the_byline_div(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    item = ('<li class="list-group-item">\n<div class="ms-2 me-auto">\n<div class="fw-bold">{title}</div>\n'
            '{authors} <br>\n<span class="fst-italic">{venue}</span>, {when} <br>\n</div>\n</li>\n')
    path = tmp_path / "publications.html"
    path.write_text("<html><body><h3>Journals</h3><ol class='list-group'>\n"
                    + item.format(title="Notes on the analytical engine",
                                  authors="A. Lovelace, and C. Babbage",
                                  venue="American Control Conference", when="June 2022")
                    + item.format(title="A calculus of the nervous system",
                                  authors="A. Lovelace and A. De Morgan",
                                  venue="IEEE Control Systems Letters", when="Nov. 2021")
                    + "</ol></body></html>", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.authors, p.year) for p in page.papers] == [
        ("Notes on the analytical engine", ["A. Lovelace", "C. Babbage"], 2022),
        ("A calculus of the nervous system", ["A. Lovelace", "A. De Morgan"], 2021)]


@pytest.mark.parametrize("text", [
    f"{TITLE}\nT Muranushi, J Makino\nProcedia Computer Science 51, 1303-1312\n(2019)",  # Google Scholar
    f"{TITLE}\nT. Muranushi, and J. Makino\nIEEE Trans. Image Process., vol. 22, pp. 4314-4327 (May 2019)",
    f'U.S. Patent 11124196 "{TITLE}"\nT. Muranushi and J. Makino\nGranted on May 10, 2019',  # the quoted part
])
def test_title_then_authors_then_venue_on_lines_of_their_own(text):
    from kg.ingest.pages.papers import title_then_byline

    paper = title_then_byline(Block(text, 4, "p", spans=[Span("a", text.split("\n")[2], "x.pdf")]), True)
    assert paper is not None
    assert (paper.title, paper.year, paper.line) == (TITLE, 2019, 4)
    assert [a.replace(".", "") for a in paper.authors] == ["T Muranushi", "J Makino"]


def test_a_title_line_over_a_venue_line_is_no_byline():
    from kg.ingest.pages.papers import title_then_byline

    block = Block(f"{TITLE}\nAnnals of Statistics, 47(3)\n2019", 1, "p")
    assert title_then_byline(block, True) is None


def test_a_landing_page_keeps_its_publications_in_front_matter_sections(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    card = ('        <h3 class="article-title">\n          <a href="https://doi.org/10/{n}">{title}</a>\n'
            '        </h3>\n        <div class="article-metadata">\n'
            '          {authors} — <em class="journal-name">Annals of Statistics</em>, {year}\n'
            '        </div>\n\n')
    text = "".join(card.format(n=n, title=t, authors=a, year=y) for n, (t, a, y) in enumerate([
        ("Notes on the analytical engine", "<strong>A. Lovelace</strong>, C. Babbage", 2024),
        ("A calculus of the nervous system", "A. De Morgan, <strong>A. Lovelace</strong>", 2023)]))
    path = tmp_path / "publication_index.md"
    path.write_text("---\ntitle: Publications\ntype: landing\nsections:\n  - block: markdown\n    content:\n"
                    "      title: Highlighted publications\n      text: |\n"
                    + "".join(f"  {line}\n" if line else "\n" for line in text.splitlines())
                    + "---\n", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.authors, p.year) for p in page.papers] == [
        ("Notes on the analytical engine", ["A. Lovelace", "C. Babbage"], 2024),
        ("A calculus of the nervous system", ["A. De Morgan", "A. Lovelace"], 2023)]
    assert page.papers[0].line in (9, 10)  # the title's lines in the file, not in the front matter text


def test_the_owners_own_papers_on_a_page_listing_only_coauthors(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "research.md"
    path.write_text("## Publications\n\n"
                    "**Notes on the analytical engine**, 2018,  \n  *joint with Charles Babbage*,  \n"
                    "  Review of Economics and Statistics\n\n"
                    "**On the numbers of Bernoulli in practice**, 2017,  \n  Political Analysis\n\n"
                    "**A calculus of the nervous system**, 2016,  \n  *joint with Augustus De Morgan*,  \n"
                    "  Journal of Urban Economics\n\n"
                    "**The probability of engines in practice**, 2015,  \n  *joint with Mary Somerville*,  \n"
                    "  Econometrica\n", encoding="utf-8")
    page = extract_file(path)
    alone = next(p for p in page.papers if p.title == "On the numbers of Bernoulli in practice")
    assert alone.year == 2017 and alone.guessed == ["authors"]
    assert len(page.papers) == 4


@pytest.mark.parametrize("text, title", [
    ("The Essence of Dependent Object Types. A List of Successes That Can Change the World: Essays "
     "Dedicated to Philip Wadler (WadlerFest), pages 249-272", "The Essence of Dependent Object Types"),
    ("Appel. VST-Floyd: A Separation Logic Tool to Verify Correctness of C Programs. Journal of Automated "
     "Reasoning, 61(1-4)", "VST-Floyd: A Separation Logic Tool to Verify Correctness of C Programs"),
    ("Ph.D Dissertation. Lightning in Protoplanetary Disks", "Lightning in Protoplanetary Disks"),
    ("Learning to rank. We show that it works well for many tasks",  # two sentences of a title: kept
     "Learning to rank. We show that it works well for many tasks"),
])
def test_the_title_inside_a_whole_citation(text, title):
    from kg.ingest.pages.papers import title_of_citation

    assert title_of_citation(text) == title


def test_italics_after_the_authors_and_the_title_are_the_venue():
    text = ("Samuel Gruetter, Daniel Graf, and Benjamin Schmid. Watch them Fight! Creativity Task "
            "Tournaments of the Swiss Olympiad in Informatics. Olympiads in Informatics, 10(1), July 2016.")
    paper = citation(Block(text, 5, "td", spans=[Span("i", "Olympiads in Informatics")]), True)
    assert paper is not None and paper.year == 2016
    assert paper.title == "Watch them Fight! Creativity Task Tournaments of the Swiss Olympiad in Informatics"


def test_an_apa_entry_the_rules_miss_is_read_by_its_structure(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "publications.md"
    path.write_text("# Publications\n\n"
                    "- Chen, J., Rashid, N. **Lovelace, A.**, and Chen, H.Y. (2023). Notes on the"
                    " analytical\n"
                    "engine. *Biometrika*, 110:83-99. [[pdf](a.pdf)] [[supp](b.pdf)]\n"
                    "- Wang, H., **Lovelace, A.**, and Liu, Y. (2024). Regression for block-missing data,"
                    "  *Statistica Sinica*, 34: 527-546. [[pdf](c.pdf)]\n", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.authors, p.year) for p in page.papers] == [
        ("Notes on the analytical engine", ["Chen, J.", "Rashid, N.", "Lovelace, A.", "Chen, H.Y."], 2023),
        ("Regression for block-missing data", ["Wang, H.", "Lovelace, A.", "Liu, Y."], 2024)]


def test_a_venue_run_into_the_byline_is_no_part_of_the_last_name(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    entries = "".join(
        f'<div class="paper"><a href="https://arxiv.org/abs/{n}">{t}</a> [<a href="/v">video</a>]<br>'
        f"<strong>Ada Lovelace</strong> and Charles Babbage</br> <em>ICML {y}</em></div>"
        for n, t, y in [("2102.1", "Directional bias of engines", 2021),
                        ("2102.2", "Notes on the analytical engine", 2020)])
    path = tmp_path / "pubs.html"
    path.write_text(f"<html><body><h2>Publications</h2>{entries}</body></html>", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.authors) for p in page.papers] == [
        ("Directional bias of engines", ["Ada Lovelace", "Charles Babbage"]),
        ("Notes on the analytical engine", ["Ada Lovelace", "Charles Babbage"])]


def test_linked_titles_under_a_publications_heading_are_papers(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    items = "".join(f'<li><a href="https://arxiv.org/pdf/{n}">{t}</a></li>' for n, t in [
        ("2604.1", "Formal foundations of analytical engines"),
        ("2602.2", "Notes on the numbers of Bernoulli")])
    path = tmp_path / "index.html"
    path.write_text(f"<html><body><h1>Ada Lovelace</h1><p>I study engines.</p><h2>Publications</h2>"
                    f"<ul>{items}</ul></body></html>", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.url) for p in page.papers] == [
        ("Formal foundations of analytical engines", "https://arxiv.org/pdf/2604.1"),
        ("Notes on the numbers of Bernoulli", "https://arxiv.org/pdf/2602.2")]


def test_working_papers_listed_by_title_and_year_are_the_owners(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "research.md"
    path.write_text("## Working papers\n\n"
                    "\\[3\\] Notes on the analytical engine of Babbage, 2025+\n\n"
                    "\\[2\\] The numbers of Bernoulli computed by a machine\\\n$~$ 2024, Under review\n\n"
                    "\\[1\\] A calculus of the nervous system, 2023\n\n"
                    "## Awards\n\nSelected as a Finalist for the Engine Prize, 2022\n", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.year) for p in page.papers] == [
        ("Notes on the analytical engine of Babbage", 2025),
        ("The numbers of Bernoulli computed by a machine", 2024),
        ("A calculus of the nervous system", 2023)]


@pytest.mark.parametrize("title", ["In Proceedings of International Conference on Machine Learning",
                                   "American Control Conference, To appear", "PDF Code Slides arXiv ICML",
                                   "et F-X. Jollois", "John Van Ryzin Award"])
def test_venues_link_labels_byline_tails_and_honours_are_no_titles(title):
    from kg.ingest.pages.papers import _not_a_title

    assert _not_a_title(title)
    assert not _not_a_title("Notes on a Symposium of engines")


def test_a_byline_broken_over_two_lines_keeps_every_author(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    entries = "".join(
        f'<tr><td><a href="https://arxiv.org/abs/{n}"><papertitle>{t}</papertitle></a><br>'
        f"Ada Lovelace, <strong>Charles Babbage</strong>, Mary Somerville, <br>"
        f"Augustus De Morgan, and Michael Faraday<br><em>NeurIPS {y}</em></td></tr>"
        for n, t, y in [("2506.1", "Engines emerge rationally", 2025),
                        ("2506.2", "Notes on the analytical engine", 2024)])
    path = tmp_path / "index.html"
    path.write_text(f"<html><body><h2>Publications</h2><table>{entries}</table></body></html>",
                    encoding="utf-8")
    page = extract_file(path)
    assert [p.authors for p in page.papers] == [
        ["Ada Lovelace", "Charles Babbage", "Mary Somerville", "Augustus De Morgan", "Michael Faraday"]] * 2


def test_an_entry_without_the_owner_outside_the_publications_is_no_paper():
    from kg.ingest.pages.extracted import PaperText
    from kg.ingest.pages.papers import _with_the_owner

    listed = [PaperText(f"Notes on engine {n}", 2019, ["A. Lovelace", "C. Babbage"]) for n in range(8)]
    stray = PaperText("A history of looms", 2019, ["J. Jacquard", "C. Babbage"], guessed=["kind"])
    listed_apart = PaperText("Looms in practice", 2020, ["J. Jacquard"])  # under a publications heading
    kept = _with_the_owner([*listed, stray, listed_apart], "Ada Lovelace")
    assert kept == [*listed, listed_apart]


def test_entries_parted_by_line_breaks_only_are_one_paper_each(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    entries = "\n<br>\n<br>\n".join(f"{a} ({y}). {t}. Journal of Engines, {y % 100}(1), 1-9." for a, t, y in [
        ("Lovelace, A., & Babbage, C.", "Notes on the analytical engine", 2013),
        ("Lovelace, A.", "On the numbers of Bernoulli in practice", 2014),
        ("Lovelace, A., Somerville, M., & Lee, A.", "A calculus of the nervous system", 2015)])
    path = tmp_path / "publications.html"
    path.write_text(f"<html><body><p>Recent publications below</p>\n<br>\n{entries}\n</body></html>",
                    encoding="utf-8")
    found = [(p.title, p.authors, p.year) for p in extract_file(path).papers]
    assert ("On the numbers of Bernoulli in practice", ["Lovelace, A."], 2014) in found
    assert ("A calculus of the nervous system", ["Lovelace, A.", "Somerville, M.", "Lee, A."], 2015) in found


def test_an_inverted_single_author_among_coauthored_entries(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    entries = "".join(f"<p>{a}. ({y}). {t}. <i>Linguistics {y - 2000}</i>(4): 1-20.</p>" for a, t, y in [
        ("Lovelace, Ada and Charles Babbage", "Notes on the analytical engine", 2013),
        ("Lovelace, Ada", "On the numbers of Bernoulli in practice", 2014),
        ("Lovelace, Ada and Mary Somerville", "A calculus of the nervous system", 2015),
        ("Lovelace, Ada and Augustus De Morgan", "The probability of engines in practice", 2016)])
    path = tmp_path / "papers.html"
    path.write_text(f"<html><body>{entries}</body></html>", encoding="utf-8")
    found = [(p.title, p.authors, p.year) for p in extract_file(path).papers]
    assert ("On the numbers of Bernoulli in practice", ["Lovelace, Ada"], 2014) in found


def test_an_abbreviated_journal_in_italics_is_no_title(tmp_path):
    from kg.ingest.pages.papers import abbreviated

    assert abbreviated("Bull. Lond. Math. Soc.") and abbreviated("Int. Math. Res. Not. (2024), no. 20")
    assert not abbreviated("Hopf monoids of ordered simplicial complexes")


def test_sole_entries_among_entries_that_name_only_the_coauthors(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    joint = "".join(f"<li>{t}\n (with {a})\n<br><i>Adv. Math.</i> <b>{n}</b> ({y}), 1-20.</li>"
                    for t, a, n, y in [
        ("Notes on the analytical engine", "Charles Babbage", 11, 2013),
        ("A calculus of the nervous system", "Mary Somerville and Ann Lee", 12, 2015),
        ("The probability of engines in practice", "Augustus De Morgan", 13, 2016)])
    sole = ("<li>On the numbers of Bernoulli\n<br><a href='https://j.org'><i>Duke Math. J.</i></a> "
            "<b>131</b>, no. 1 (2006), 119-165. [<a href='https://arxiv.org/abs/1'>arXiv</a>]</li>")
    path = tmp_path / "pubs.html"
    path.write_text(f"<html><head><title>Publications of Ada Lovelace</title></head><body>"
                    f"<h4>Research publications</h4><ol>{joint}{sole}</ol></body></html>", encoding="utf-8")
    found = [(p.title, p.authors, p.year) for p in extract_file(path).papers]
    assert ("On the numbers of Bernoulli", ["Ada Lovelace"], 2006) in found
    assert ("A calculus of the nervous system", ["Ada Lovelace", "Mary Somerville", "Ann Lee"], 2015) in found


def test_a_list_of_publications_in_front_matter(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "research.md"
    path.write_text("---\nlayout: publications\ntitle: Publications\npublications:\n\n"
                    "- title: Notes on the analytical engine\n  authors: Ada Lovelace, Charles Babbage\n"
                    "  conference: Available on arxiv\n\n"
                    "- title: On the numbers of Bernoulli\n  authors: Ada Lovelace\n  conference: COLT 2020\n"
                    "---\n", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.authors) for p in page.papers] == [
        ("Notes on the analytical engine", ["Ada Lovelace", "Charles Babbage"]),
        ("On the numbers of Bernoulli", ["Ada Lovelace"])]
    assert page.talks == [] and page.kind == "author_page"


def test_numbered_entries_of_several_lines_in_one_paragraph(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    listed = [(3, "Notes on the analytical engine", "Ada Lovelace, Charles Babbage,<br>Ann Lee"),
              (2, "On the numbers of Bernoulli in practice", "Ada Lovelace and Mary Somerville")]
    entries = "<br>".join(f"[{n}] <a href='https://arxiv.org/abs/{n}'>{t}</a><br>{a}<br>arXiv: 1902.0359{n}"
                          f"<br>February 2019" for n, t, a in listed)
    path = tmp_path / "publications.html"
    path.write_text(f"<html><body><h1>Prepared in 2019</h1><p>{entries}</p></body></html>", encoding="utf-8")
    found = [(p.title, p.authors) for p in extract_file(path).papers]
    assert ("Notes on the analytical engine", ["Ada Lovelace", "Charles Babbage", "Ann Lee"]) in found
    assert ("On the numbers of Bernoulli in practice", ["Ada Lovelace", "Mary Somerville"]) in found



def test_a_citation_holds_a_title_of_words_or_all_its_other_parts():
    from kg.ingest.pages.extracted import PaperText
    from kg.ingest.pages.papers import holds_a_citation

    assert holds_a_citation(PaperText("Notes on the analytical engine", None, []))
    assert holds_a_citation(PaperText("FFJORD", 2019, ["Will Grathwohl", "Ricky Chen"]))
    assert not holds_a_citation(PaperText("PMBS24", None, ["Denver, CO."]))  # a workshop's past edition
    assert not holds_a_citation(PaperText("Organizers: Ada Lovelace, Charles Babbage, Mary Somerville",
                                          None, ["Mailing List"]))
    assert holds_a_citation(PaperText("Dropout: a simple way to prevent neural networks from overfitting",
                                      2014, ["Nitish Srivastava"]))


def test_a_workshops_past_editions_are_no_papers(tmp_path):
    from kg.ingest.pages.extract import extract_path

    path = tmp_path / "index.md"
    path.write_text("## Previous Workshops\n\n" + "".join(
        f"ENG{n} [[Website]](past/eng{n}/) [[Proceedings]](https://doi.org/10.1/{n}) ({place})  \n"
        for n, place in [(24, "Atlanta, GA"), (23, "Denver, CO"), (22, "Dallas, TX"), (21, "Austin, TX")]),
        encoding="utf-8")
    assert extract_path(path).papers == []


def test_the_marked_run_opening_a_title_and_year_entry_is_its_title(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "cv.md"
    path.write_text("## Selected publications\n\n"
                    "- *Notes on the analytical engine of Babbage*, *Annals of Engines*, 2026.\n"
                    "- *The numbers of Bernoulli computed by a machine*, bioRxiv, 2024.\n"
                    "- *A calculus of the nervous system*, *JRSS-C*, 2015.\n", encoding="utf-8")
    assert [(p.title, p.year) for p in extract_file(path).papers] == [
        ("Notes on the analytical engine of Babbage", 2026),
        ("The numbers of Bernoulli computed by a machine", 2024),
        ("A calculus of the nervous system", 2015)]


def test_a_dated_announcement_among_titles_and_years_is_no_paper(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "research.md"
    path.write_text("## Working papers\n\n"
                    "Notes on the analytical engine of Babbage, 2025\n\n"
                    "The numbers of Bernoulli computed by a machine, 2024\n\n"
                    "A calculus of the nervous system, 2023\n\n"
                    "Seminar on engines of the future with Ada Lovelace, July 3rd, 2026\n", encoding="utf-8")
    assert [p.title for p in extract_file(path).papers] == [
        "Notes on the analytical engine of Babbage", "The numbers of Bernoulli computed by a machine",
        "A calculus of the nervous system"]


def test_a_bold_title_over_a_byline_keeps_its_authors(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    entries = [("Notes on the analytical engine of Babbage", "Charles Babbage and Ada Lovelace", 2023),
               ("The numbers of Bernoulli computed", "Mary Somerville, Ann Lee and Ada Lovelace", 2021),
               ("A calculus of the nervous system", "Ada Lovelace", 2019),
               ("Sketch of the engine invented by Babbage", "Luigi Menabrea and Ada Lovelace", 2018),
               ("On the connexion of the physical sciences", "Mary Somerville and Ada Lovelace", 2017),
               ("Tables of the planets computed by the engine", "Ada Lovelace", 2016)]
    entry = ("<b> {}</b>\n[[journal]](https://doi.org/10.1/{})<br>\n{}.<br>\n<i>Annals</i>, {}.\n"
             "<details>\n<summary>Abstract</summary>\nWe study engines.\n\nAnd more of them.\n</details>\n\n")
    path = tmp_path / "research.md"
    path.write_text("---\ntitle: Research\n---\n\n## Journal publications\n" + "".join(
        entry.format(title, n, byline, year) for n, (title, byline, year) in enumerate(entries)),
        encoding="utf-8")
    found = {p.title: p.authors for p in extract_file(path).papers}
    assert found["Notes on the analytical engine of Babbage"] == ["Charles Babbage", "Ada Lovelace"]
    assert found["The numbers of Bernoulli computed"] == ["Mary Somerville", "Ann Lee",
                                                                       "Ada Lovelace"]
    assert found["Sketch of the engine invented by Babbage"] == ["Luigi Menabrea", "Ada Lovelace"]


@pytest.mark.parametrize("title", [
    "Mathematical Programming, 2026", "Mathematical Programming, Volume 216",
    "Annals of Operations Research, 320", "IEEE Transactions on Information Theory, 62(2)",
    "SIAM Journal on Computing", "Advances in Neural Information Processing Systems (NeurIPS)",
    "ACM-SIAM Symposium on Discrete Algorithms (SODA)",
    "The 30th International Joint Conference on Artificial Intelligence (IJCAI)",
    "In Proceedings of International Conference on Machine Learning", "Lecture Notes in Computer Science",
    "In arXiv preprint arXiv:1602.07428"])
def test_a_venues_name_is_no_papers_title(title):
    from kg.ingest.pages.papers import venue_named

    assert venue_named(title)


@pytest.mark.parametrize("title", [
    "A Critical Review of Recurrent Neural Networks for Sequence Learning", "Advances in Deep RL",
    "Data Journal Club #4: Layer rotation as a generalization indicator of CNNs ?", "FFJORD",
    "Transactions in the Era of Non Volatile Memory", "Learning with kernels on graphs",
    "Variational Inference: A review for Statisticians", "In Search of Lost Domain Generalization"])
def test_a_papers_title_is_no_venue(title):
    from kg.ingest.pages.papers import venue_named

    assert not venue_named(title)


def test_a_short_title_and_its_year_is_no_venue_unless_it_holds_a_venues_word():
    from kg.ingest.pages.papers import venue_named

    assert not venue_named("Deep Learning, 2016") and not venue_named("Probabilistic Numerics, 2022")
    assert venue_named("Mathematical Programming, 2026") and venue_named("Theoretical Computer Science, 892")


def test_an_entrys_venue_or_byline_read_apart_is_no_papers_title():
    from kg.ingest.pages.papers import no_papers_title

    assert no_papers_title("Comm. Math. Sci. 11(2)") and no_papers_title("Rev. Mod. Phys. 89")
    assert no_papers_title("Zhang, Ma, Chen, Yin, Xiao, et al")
    assert no_papers_title("SIAM Journal on Computing")
    assert not no_papers_title("Notes on the analytical engine of Babbage")
    assert not no_papers_title("Babbage, Lovelace and the engine")


def test_a_quoted_title_with_its_comma_inside_the_quotes():
    text = ("3. Ada Lovelace and Charles Babbage (2019). “Learning with kernels on graphs,” "
            "Annals of Statistics 47.")
    paper = citation(Block(text, 4, "p"), in_section=True)
    assert paper is not None
    assert (paper.title, paper.authors, paper.year) == (TITLE, ["Ada Lovelace", "Charles Babbage"], 2019)


def test_landing_sections_that_open_alike_keep_their_own_lines(tmp_path):
    from kg.ingest.pages.document import read_document
    from kg.ingest.pages.papers import landing_sections

    def section(heading: str, entry: str) -> str:
        return (f"  - block: markdown\n    content:\n      text: |\n        <div style=\"margin: 0\">\n"
                f"        <h2>{heading}</h2>\n        </div>\n\n        <p>{entry}</p>\n")
    path = tmp_path / "publications.md"
    path.write_text("---\ntitle: Publications\ntype: landing\nsections:\n"
                    + section("Published", "A. Lovelace (2019). Notes on the analytical engine. COLT.")
                    + section("Preprints", "A. Lovelace. A calculus of the nervous system. Manuscript.")
                    + "---\n", encoding="utf-8")
    lines = [next(n for n, line in enumerate(s.source.splitlines(), start=1) if "<h2>" in line)
             for s in landing_sections(read_document(path))]
    assert lines == [9, 17]  # each section's heading where it stands in the file


@pytest.mark.parametrize("venue", ["Foundations of Data Science 8: 119-167, 2019.",
                                   "Cambridge University Press, UK, 2019."])
def test_a_linked_venue_with_its_year_is_no_title(venue):
    text = f"[69] A. Lovelace and C. Babbage\n{TITLE}\n{venue} [arXiv]"
    spans = [Span("i", TITLE), Span("a", venue, "https://doi.org/10.1/x"), Span("a", "arXiv", "https://arxiv.org/abs/1")]
    paper = citation(Block(text, 3, "p", spans=spans), in_section=True)
    assert paper is not None
    assert (paper.title, paper.authors, paper.year) == (TITLE, ["A. Lovelace", "C. Babbage"], 2019)


@pytest.mark.parametrize("byline, authors", [
    ("Lovelace, Babbage and van der Laan", ["Lovelace", "Babbage", "van der Laan"]),
    ("de Morgan and Somerville", ["de Morgan", "Somerville"]),
    ("Wilson, Andrew G., and Pavel Izmailov", ["Andrew G. Wilson", "Pavel Izmailov"]),  # MLA still
])
def test_last_names_alone_joined_by_and_are_the_authors(byline, authors):
    text = f"{byline}, {TITLE}, Electron. J. Stat., 6:1059-1099 (2019)"
    paper = citation(Block(text, 5, "li", spans=[Span("a", TITLE, "https://doi.org/10.1/x")]), True)
    assert paper is not None
    assert (paper.title, paper.authors, paper.year) == (TITLE, authors, 2019)


def test_a_title_of_words_joined_by_and_is_no_byline():
    from kg.ingest.pages.papers import _author_list

    assert _author_list("Optimization, Statistics and Learning") == []
    assert _author_list("Bardenet, Doucet and JMLR") == []


def test_a_title_with_and_in_an_unmarked_comma_separated_citation_is_whole():
    text = ("Ada Lovelace, Charles Babbage and Mary Somerville, Expressiveness of Matrix and Tensor Query "
            "Languages, DEEM 2019.")
    paper = citation(Block(text, 1, "li"), in_section=True)
    assert paper is not None
    assert (paper.title, paper.authors) == ("Expressiveness of Matrix and Tensor Query Languages",
                                            ["Ada Lovelace", "Charles Babbage", "Mary Somerville"])


def test_a_quoted_phrase_inside_a_bold_title_or_led_into_by_a_word_is_no_whole_title():
    bold = "“Any Other Thoughts, Hedgehog?” Linking Deliberation Chains in Dialogues"
    block = Block(f"{bold}. Ada Lovelace, Charles Babbage. EMNLP 2024.", 1, "li", spans=[Span("b", bold)])
    paper = citation(block, in_section=True)
    assert paper is not None and paper.title == bold
    text = ('Ada Lovelace, Charles Babbage. Comment on "Weak Signal Asymptotics for Experiments". '
            'Biometrika 2023.')
    paper = citation(Block(text, 1, "li"), in_section=True)
    assert paper is not None  # (the whole title, the quoted phrase and the word leading into it)
    assert (paper.title, paper.authors) == ('Comment on "Weak Signal Asymptotics for Experiments"',
                                            ["Ada Lovelace", "Charles Babbage"])
    linked = 'Frankle, Carbin "The Lottery Ticket Hypothesis: Finding Sparse Networks" (2019)'
    paper = citation(Block(linked, 1, "td", spans=[Span("a", linked, "https://arxiv.org/abs/1")]), True)
    assert paper is not None and paper.title == "The Lottery Ticket Hypothesis: Finding Sparse Networks"
