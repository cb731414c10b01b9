"""Author pages: the author, a talk abstract, papers by year with kinds, duplicates merged."""

import pytest

from kg.errors import DataError
from kg.ingest.pages import author
from kg.ingest.pages.extracted import PaperText
from kg.ingest.pages.pipeline import extract_file
from kg.ingest.pages.text import read_page

from .pages_helpers import SEED_FILES, page


def test_the_seed_author_page_merges_poster_and_spotlight_entries():
    found = author.extract(read_page(SEED_FILES["004"]))
    assert [(p.name, p.affiliation) for p in found.people] == [("Sanjeev Arora", "Princeton University")]
    talk, = found.talks
    assert talk.title is None and talk.abstract.startswith("The first half of the talk")
    assert len(found.papers) == 18
    first, second = found.papers[:2]
    assert (first.kinds, second.kinds) == (["workshop"], ["workshop_talk"])  # no word; 🎤
    assert len(second.authors) == 7 and "Alex Damian" in second.authors
    contrastive = next(p for p in found.papers if p.title.startswith("Understanding Contrastive"))
    assert contrastive.kinds == ["poster", "spotlight"] and contrastive.year == 2022
    assert contrastive.authors[0] == "Nikunj Umesh Saunshi" and len(contrastive.authors) == 8


def test_another_author_with_a_typo_between_poster_and_spotlight():
    found = page("author-elena-petrova.md")
    assert found.kind == "author_page" and found.key == "elena-petrova-author-page"
    assert found.talks[0].title == "Sharp Bounds for Contrastive Learning"
    sharp = found.papers[0]
    assert (sharp.kinds, sharp.title, sharp.alt_titles[0][0]) == (
        ["poster", "spotlight"], "Sharp Bounds for Contrastive Learing",
        "Sharp Bounds for Contrastive Learning")
    # the same title with other authors stays a separate paper
    assert [(p.year, p.kinds, len(p.authors)) for p in found.papers[1:3]] == [
        (2023, ["workshop_talk"], 2), (2023, ["workshop"], 1)]
    assert [p.kinds for p in found.papers[3:]] == [["oral"], ["tutorial"]]


def test_an_html_author_page_with_linked_entries():
    found = page("author-jonas-berg.html")
    assert [(p.name, p.affiliation) for p in found.people] == [("Jonas Berg", "University of Oslo")]
    assert [(p.year, p.title, p.kinds) for p in found.papers] == [
        (2024, "Sharp Bounds for Contrastive Learning", ["poster", "spotlight"]),
        (2020, "Bandits with Switching Costs", ["poster"])]
    assert found.talks == []


def test_merging_keeps_papers_with_other_authors_apart():
    papers = [PaperText("A Title", 2020, ["A B", "C D"], ["poster"]),
              PaperText("A Titel", 2020, ["A B", "C D"], ["oral"]),
              PaperText("A Title", 2020, ["A B"], ["poster"])]
    merged = author.merge_duplicates(papers)
    assert [(p.title, p.kinds, len(p.authors)) for p in merged] == [
        ("A Title", ["poster", "oral"], 2), ("A Title", ["poster"], 1)]


def test_a_page_with_neither_author_nor_papers_is_refused(tmp_path):
    path = tmp_path / "author.md"
    path.write_text("Abstract: nothing\n")
    with pytest.raises(DataError, match="author.md: no author or paper found"):
        author.extract(read_page(path))


def test_a_one_author_citation_with_volume_and_pages_is_a_paper_not_a_talk(tmp_path):
    path = tmp_path / "research.html"  # the layout bibtex2html writes
    entries = [("P.D. Hoff", "Bayes-optimal prediction with frequentist coverage control", "Bernoulli",
                "29(2):901–928, 2023"),
               ("J.G. Bryan and P.D. Hoff", "Smaller p-values in genomics studies", "Biostatistics",
                "24(1):193–208, 2023"),
               ("P.D. Hoff", "Additive and multiplicative effects network models", "Statist. Sci.",
                "36(1):34–50, 2021")]
    path.write_text("<html><body><h1>Research</h1>" + "".join(
        f"<p>{who}.\n<b>{title}</b>.\n<em>{venue}</em>, {where}.\n[ <a href='bib.html'>bib</a> ]</p>\n"
        for who, title, venue, where in entries) + "</body></html>")
    found = extract_file(path)
    assert found.kind == "author_page" and found.talks == []
    assert [(p.title, p.authors) for p in found.papers] == [
        ("Bayes-optimal prediction with frequentist coverage control", ["P.D. Hoff"]),
        ("Smaller p-values in genomics studies", ["J.G. Bryan", "P.D. Hoff"]),
        ("Additive and multiplicative effects network models", ["P.D. Hoff"])]
