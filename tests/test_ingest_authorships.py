"""Authorship tables: one row per author, affiliations joined by "+", bad rows listed."""

from pathlib import Path

from kg.ingest.bulk import authorships
from kg.ingest.printed import ImportedPaper, Problem

DATA = Path(__file__).parent / "data" / "ingest"
COLT_CSV = Path(__file__).parents[1] / "data" / "colt" / "colt-2011-2024-authorships.csv"


def split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, ImportedPaper)],
            [i for i in items if isinstance(i, Problem)])


def test_rows_become_papers_with_ordered_authors_and_affiliations():
    papers, problems = split(authorships.parse((DATA / "authorships.csv").read_text(), "a.csv"))
    doe, roe = papers
    assert doe.authors == ["Stéphan Clémençon", "Klaus-Robert Müller", "Tim van Erven"]
    assert doe.affiliations == ["Télécom Paris, Institut Polytechnique de Paris",
                                "TU Berlin+Google DeepMind", None]
    assert roe.affiliations[0] == "Poznań University of Technology"  # broken accent repaired
    assert [str(p) for p in problems] == ["line 6: position: not a positive number: 'two'"]


def test_a_table_without_the_needed_columns_is_one_clear_problem():
    papers, problems = split(authorships.parse("year,name\n2020,Ann\n", "people.csv"))
    assert papers == []
    assert str(problems[0]).startswith("line 1: missing column(s): title, position, author, key")


def test_the_real_colt_table_imports_completely():
    papers, problems = split(authorships.parse(COLT_CSV.read_text(encoding="utf-8"), "colt.csv"))
    assert (len(papers), problems) == (1416, [])
    assert sum(len(p.authors) for p in papers) == 4188


def test_rows_that_print_the_whole_byline_stand_for_the_author_at_their_position():
    from kg.ingest.bulk.authorships import parse

    text = ("year,bibkey,title,position,author,affiliation\n"
            "2018,a,T,1,Samuel L. Smith and Quoc V. Le,\n2018,a,T,2,Samuel L. Smith and Quoc V. Le,\n"
            "2020,b,U,1,Reinhard Heckel and Mahdi Soltanolkotabi,Rice\n")
    first, second = parse(text, "t.csv")
    assert first.authors == ["Samuel L. Smith", "Quoc V. Le"]
    assert first.author_at == ["t.csv line 2", "t.csv line 3"]
    assert second.authors == ["Reinhard Heckel", "Mahdi Soltanolkotabi"]
    assert second.affiliations == ["Rice", None]
