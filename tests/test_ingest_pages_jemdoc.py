"""jemdoc sources read as their generator reads them (hand-written examples of the markup)."""

from __future__ import annotations

from kg.ingest.pages.jemdoc import inline, jemdoc_html


def test_inline_links_bold_italics_and_escapes():
    assert inline("*A. Lovelace*, [https://arxiv.org/abs/1 Notes on engines], /Annals/ 1843 \\*") == (
        '<b>A. Lovelace</b>, <a href="https://arxiv.org/abs/1">Notes on engines</a>, <i>Annals</i> 1843 *')


def test_a_link_over_two_lines_keeps_the_line_count():
    source = "- [https://arxiv.org/abs/1\n  Notes on engines], 1843"
    assert len(jemdoc_html(source).split("\n")) == 2


def test_headings_nested_lists_and_a_raw_block():
    page = jemdoc_html("# jemdoc: menu\n== Papers\n- 2021\n-- A. Lovelace, Notes\n\n"
                       "~~~\n{}{raw}\n<hr>\n~~~\n")
    assert "<h2>Papers</h2>" in page and "<ul><li>2021\n<ul><li>A. Lovelace, Notes" in page
    assert "<hr>" in page and "jemdoc: menu" not in page


def test_a_jemdoc_publication_list_gives_its_papers(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "research.jemdoc"
    path.write_text("= Ada Lovelace\n\n== Papers\n"
                    "- [https://arxiv.org/abs/1 Notes on the analytical engine] \\n\n"
                    "*Ada Lovelace*, Charles Babbage \\n\n/Scientific Memoirs/, 2019\n\n"
                    "- [https://arxiv.org/abs/2 The numbers of Bernoulli by machine] \\n\n"
                    "Charles Babbage, *Ada Lovelace* \\n\n/Annals of Engines/, 2020\n", encoding="utf-8")
    page = extract_file(path)
    assert [(p.title, p.authors, p.year) for p in page.papers] == [
        ("Notes on the analytical engine", ["Ada Lovelace", "Charles Babbage"], 2019),
        ("The numbers of Bernoulli by machine", ["Charles Babbage", "Ada Lovelace"], 2020)]


def test_kg_ingest_takes_a_jemdoc_file_for_a_page(tmp_path):
    from kg.ingest.detect import PAGE, detect_kind

    path = tmp_path / "index.jemdoc"
    path.write_text("# jemdoc: menu{MENU}{index.html}\n= Ada Lovelace\n", encoding="utf-8")
    assert detect_kind(path) == PAGE
