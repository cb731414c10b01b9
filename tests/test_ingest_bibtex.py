"""BibTeX: entries, LaTeX decoding, ordered authors, and bad entries listed while the rest imports."""

from pathlib import Path

from kg.ingest.bulk import bibtex
from kg.ingest.latex import decode, repair_broken_accents
from kg.ingest.printed import ImportedPaper, Problem

DATA = Path(__file__).parent / "data" / "ingest"
COLT_BIB = Path(__file__).parents[1] / "data" / "colt" / "colt-2011-2024.bib"


def papers_and_problems(text: str, source: str = "refs.bib"):
    items = [i if isinstance(i, Problem) else bibtex.paper_of(i, source) for i in bibtex.parse(text)]
    return ([i for i in items if isinstance(i, ImportedPaper)],
            [i for i in items if isinstance(i, Problem)])


def test_latex_accents_and_letters_become_unicode():
    assert decode(r"Clémen\ccon, St{\'e}phan") == "Clémençon, Stéphan"
    assert decode(r"{\v{S}}tefankovi{\v{c}} and Kot{\l}owski") == "Štefankovič and Kotłowski"
    assert decode(r"H\k{a}z\l{}a, M\o{}ller, Rub{\'\i}n, {\"O}zg{\"u}r") == "Hązła, Møller, Rubín, Özgür"


def test_math_keeps_its_braces_and_text_loses_them():
    assert decode(r"{L}earning with $\sqrt{T}$ regret") == r"Learning with $\sqrt{T}$ regret"


def test_accents_broken_by_pdf_copying_are_repaired():
    assert repair_broken_accents("Ecole Normale Sup´erieure, Pozna´ n, Link¨oping") == \
        "Ecole Normale Supérieure, Poznań, Linköping"


def test_an_accent_before_a_capital_starting_a_word_keeps_the_space_before_it():
    # "Sup ´erieure": the space is the PDF's, inside a word; "CNRS ´Ecole": a word starts with the capital
    assert repair_broken_accents("UMR 8550 CNRS ´Ecole Normale Sup ´erieure & Universit ´e Pierre") == \
        "UMR 8550 CNRS École Normale Supérieure & Université Pierre"
    assert repair_broken_accents("Curie and ´Ecole Normale, UNIVERSIT ´E") == \
        "Curie and École Normale, UNIVERSITÉ"


def test_authors_keep_their_order_as_first_last():
    assert bibtex.split_authors(r"Kalai, Adam Tauman and {Van Erven}, Tim and John Smith") == \
        ["Adam Tauman Kalai", "Van Erven Tim".replace("Van Erven Tim", "Tim Van Erven"), "John Smith"]


def test_a_small_file_imports_its_good_entries_and_lists_the_bad_ones():
    papers, problems = papers_and_problems((DATA / "refs.bib").read_text(encoding="utf-8"))
    assert [p.key for p in papers] == ["doe24a", "roe23b"]
    first = papers[0]
    assert first.title == r"Learning Gaussian Mixtures with $\sqrt{n}$ Samples"
    assert first.authors == ["Stéphan Clémençon", "Klaus-Robert Müller", "Tim Van Erven"]
    assert first.venue == "Conference on Learning Theory 2024"  # @string macro and # concatenation
    assert (first.year, first.pages) == (2024, "1–20")
    assert first.url == "https://proceedings.mlr.press/v247/doe24a.html"
    assert papers[1].authors == ["Wojciech Kotłowski", "Michał Dereziński", "Elad Hazan"]
    assert [str(p) for p in problems] == [
        "line 14: entry 'broken24': unbalanced braces in a value",
        "line 25: entry 'noyear': year: missing",
    ]


def test_the_real_colt_bibliography_imports_completely():
    papers, problems = papers_and_problems(COLT_BIB.read_text(encoding="utf-8"), "colt.bib")
    assert (len(papers), problems) == (1416, [])
    names = {a for p in papers for a in p.authors}
    assert {"Rémi Munos", "Stéphan Clémençon", "Michał Dereziński", "Daniel Štefankovič"} <= names
    assert not [n for n in names if "\\" in n or "{" in n]
    spaced_key = next(p for p in papers if p.key == "pmlr-v65-locatelli andrea17a")
    assert spaced_key.year == 2017


def test_the_link_is_the_url_else_the_doi_else_the_pdf():
    def link(fields):
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        text = "@article{k,\n  title = {T},\n  author = {Lee, Ann},\n  year = {2020},\n" + body + "\n}\n"
        papers, _ = papers_and_problems(text)
        return papers[0].url

    assert link({"url": "https://a.org/p", "doi": "10.1/x", "pdf": "https://a.org/p.pdf"}) == "https://a.org/p"
    assert link({"doi": "10.1007/978-3", "pdf": "https://a.org/p.pdf"}) == "https://doi.org/10.1007/978-3"
    assert link({"pdf": "https://a.org/p.pdf"}) == "https://a.org/p.pdf"
    assert link({"url": "not a link"}) is None
    # a truncated escape is no IRI (Oxigraph would refuse the whole build): the DOI stands in
    assert link({"url": "https://openreview.net/forum?id=x&referrer=%5BAuthor%2",
                 "doi": "10.1/x"}) == "https://doi.org/10.1/x"
    assert link({"url": "https://a.org/a%20b"}) == "https://a.org/a%20b"


def test_corporate_authors_and_and_others_are_kept_apart_from_the_people():
    from kg.ingest.bulk.bibtex import byline

    printed = byline("{OpenAI} and Achiam, Josh and {The {ATLAS} Collaboration} and others")
    assert printed.people == ["Josh Achiam"]
    assert printed.organizations == ["OpenAI", "The ATLAS Collaboration"]
    assert printed.more is True
    assert byline("{Van Erven}, Tim and Koolen, Wouter").people == ["Tim Van Erven", "Wouter Koolen"]


def test_an_abstract_is_kept_on_one_line_and_a_missing_one_is_none():
    papers, _ = papers_and_problems(
        "@inproceedings{a, title={T}, author={Ada Lovelace}, year={2019},\n"
        "  abstract={We study  {B}andits\n  with $\\sqrt{T}$ regret.}}\n"
        "@inproceedings{b, title={U}, author={Alan Turing}, year={2019}}\n")
    assert [p.abstract for p in papers] == [r"We study Bandits with $\sqrt{T}$ regret.", None]
