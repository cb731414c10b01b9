"""People resolved from printed names: coauthors written another way, typos in dense name cultures."""

from __future__ import annotations

from kg.ingest.printed import ImportedPaper
from kg.ingest.resolve.people import resolve
from kg.records.aliases import Aliases


def paper(key, authors, year=2020):
    return ImportedPaper(key=key, title=f"paper {key}", year=year, authors=list(authors),
                         affiliations=[None] * len(authors))


def test_a_coauthor_printed_with_an_initial_is_still_a_shared_coauthor():
    papers = [paper("a", ["A. Gretton", "M. Arbel", "D. Sutherland"]),
              paper("b", ["Arthur Gretton", "Michael Arbel", "Ann Lee"])]
    result = resolve(papers, [], [], Aliases())
    assert result.person("A. Gretton") == result.person("Arthur Gretton")
    assert result.person("M. Arbel") == result.person("Michael Arbel")
    [case] = [c for c in result.cases if c.status == "merged" and "Gretton" in c.name]
    assert "shared as an initial" in case.evidence


def test_two_given_names_do_not_meet_through_an_initial_coauthor():
    papers = [paper("a", ["A. Gretton", "M. Arbel"]), paper("b", ["Arthur Gretton", "Michael Arbel"]),
              paper("c", ["Anna Gretton", "Maria Arbel"])]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Arthur Gretton") != result.person("Anna Gretton")


def test_a_typo_in_the_first_name_of_a_dense_family_merges_when_the_middle_names_agree():
    crowd = [paper(f"n{i}", [f"Given{chr(97 + i % 26)}{chr(97 + i // 26)} Nguyen", f"Filler{i} Person"])
             for i in range(60)]
    papers = [*crowd, paper("a", ["Than Huy Nguyen", "Ann Lee", "Bo Chen"]),
              paper("b", ["Thanh Huy Nguyen", "Ann Lee", "Bo Chen"]),
              paper("c", ["Than Nguyen", "Cy Doe", "Di Roe"]),
              paper("d", ["Thanh Nguyen", "Cy Doe", "Di Roe"])]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Than Huy Nguyen") == result.person("Thanh Huy Nguyen")
    assert result.person("Than Nguyen") != result.person("Thanh Nguyen")  # two names in a dense culture


def test_a_rare_name_with_a_middle_initial_is_that_name_without_evidence_but_a_common_one_is_not():
    crowd = [paper(f"c{i}", [f"Wei {family}", f"Other{i} Person"]) for i, family in enumerate(
        ["Wang", "Zhang", "Chen", "Li", "Liu", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma"])]
    crowd += [paper(f"d{i}", [f"{given} Wang", f"Else{i} Person"]) for i, given in enumerate(
        ["Yu", "Jun", "Lei", "Tao", "Yan", "Hao", "Xin", "Bo", "Yi", "Jie", "Lin", "Min", "Qi", "Rui"])]
    papers = [*crowd, paper("a", ["Pedro A. Ortega", "Ann Lee"], 2016),
              paper("b", ["Pedro Ortega", "Bo Chen"], 2019),
              paper("e", ["Wei J. Wang", "Cy Doe"], 2016), paper("f", ["Wei Wang", "Di Roe"], 2019)]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Pedro A. Ortega") == result.person("Pedro Ortega")
    assert result.person("Wei J. Wang") != result.person("Wei Wang")
