"""People resolved from printed names: coauthors written another way, typos in dense name cultures."""

from __future__ import annotations

import random

from kg.ingest.printed import ImportedPaper
from kg.ingest.resolve.people import resolve
from kg.records.aliases import Aliases
from kg.records.models import Organization


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


def _common_tong_zhang() -> list[ImportedPaper]:
    """A field where "Tong" and "Zhang" are both common: Tong Zhang is a name many people carry."""
    letters = [f"{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(60)]
    return [paper(f"t{i}", [f"Tong {pair}son", f"Given{pair} Zhang"]) for i, pair in enumerate(letters)]


def placed(key, authors, affiliation, title, year=2018):
    return ImportedPaper(key=key, title=title, year=year, authors=list(authors),
                         affiliations=[affiliation] * len(authors))


def test_a_common_name_at_two_places_in_one_year_is_not_one_person_on_a_single_shared_coauthor():
    papers = [*_common_tong_zhang(),
              placed("a", ["Tong Zhang", "Wenbing Huang"], "Tencent AI Lab", "Variance reduced gradients"),
              placed("b", ["Tong Zhang", "Wenbing Huang"], "Australian National University",
                     "Deep subspace clustering of images")]
    result = resolve(papers, [], [], Aliases())
    assert result.namesake_ids[("a", 0)] != result.namesake_ids[("b", 0)]


def test_a_common_name_with_a_shared_coauthor_and_no_place_against_it_is_one_person():
    papers = [*_common_tong_zhang(),
              paper("a", ["Tong Zhang", "Wenbing Huang"]), paper("b", ["Tong Zhang", "Wenbing Huang"])]
    result = resolve(papers, [], [], Aliases())
    assert result.namesake_ids[("a", 0)] == result.namesake_ids[("b", 0)]


def _made_up_name(n: int) -> str:
    letters = "".join(chr(97 + (n // 26 ** k) % 26) for k in range(3))
    return f"{letters.capitalize()}ander {letters[::-1].capitalize()}ovitch"


def _town(n: int) -> str:
    """A made-up town's name, in letters: a digit after a word is read as a footnote mark."""
    return "".join(chr(97 + (n // 26 ** k) % 26) for k in range(2)).capitalize() + "ton"


def test_a_name_printed_alone_is_the_full_name_at_the_same_place_in_the_same_year():
    elsewhere = [placed(f"e{i}", [_made_up_name(10 * i + j) for j in range(10)], f"University of {_town(i)}",
                        f"paper {i}") for i in range(120)]  # where ANU is a rare institution
    papers = [*elsewhere,
              placed("a", ["Giorgio Patrini", "Tiberio Caetano"], "Australian National University", "Labels"),
              placed("b", ["Aaron Defazio", "Caetano"], "Australian National University", "Gradients")]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Caetano") == result.person("Tiberio Caetano")


def test_a_given_name_cut_short_is_that_name_when_coauthors_agree():
    papers = [paper("a", ["Eli Bingham", "Martin Jankowiak", "Noah Goodman"]),
              paper("b", ["Elias Bingham", "Martin Jankowiak", "Noah Goodman"]),
              paper("c", ["Carola Schoenlieb", "Sebastian Lunz"]),
              paper("d", ["Carola-Bibiane Schönlieb", "Sebastian Lunz"])]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Eli Bingham") == result.person("Elias Bingham")
    assert result.person("Carola Schoenlieb") == result.person("Carola-Bibiane Schönlieb")
    [case] = [c for c in result.cases if c.status == "merged" and "Bingham" in c.name]
    assert case.reason == "first name cut"


def test_a_given_name_cut_short_is_another_name_in_a_dense_name_culture():
    crowd = [paper(f"j{i}", [f"Jun {family}", f"Other{i} Person"]) for i, family in enumerate(
        ["Wang", "Zhang", "Chen", "Li", "Liu", "Yang"])]
    crowd += [paper(f"f{i}", [f"Given{chr(97 + i % 26)}{chr(97 + i // 26)} Zhu", f"Filler{i} Person"])
              for i in range(60)]
    papers = [*crowd, paper("a", ["Jun Zhu", "Ann Lee", "Bo Chen"]),
              paper("b", ["Junyan Zhu", "Ann Lee", "Bo Chen"])]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Jun Zhu") != result.person("Junyan Zhu")


def test_one_letter_more_is_another_given_name_not_a_name_cut_short():
    papers = [paper("a", ["Jan Meyer", "Ann Lee"]), paper("b", ["Jana Meyer", "Ann Lee"])]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Jan Meyer") != result.person("Jana Meyer")


def test_an_initial_moved_before_the_given_name_is_weighed_by_the_full_name():
    papers = [paper("a", ["J. Edward Hu", "Greg Yang"]), paper("b", ["Edward J. Hu", "Greg Yang"])]
    result = resolve(papers, [], [], Aliases())
    assert result.person("J. Edward Hu") == result.person("Edward J. Hu")
    [case] = [c for c in result.cases if c.status == "merged" and "Hu" in c.name]
    assert case.reason == "initial moved"


def test_a_given_name_cut_to_its_end_is_that_name_when_coauthors_agree():
    papers = [paper("a", ["Drew Bagnell", "Ann Lee", "Byron Boots"]),
              paper("b", ["Andrew Bagnell", "Ann Lee", "Byron Boots"])]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Drew Bagnell") == result.person("Andrew Bagnell")


def test_a_western_given_name_some_of_whose_bearers_have_a_common_family_name_is_no_dense_culture():
    # Andrew is printed beside common family names (Andrew Wang, Andrew Li) but mostly beside others.
    crowd = [paper(f"w{i}", [f"Andrew {family}", f"Other{i} Person"])
             for i, family in enumerate(["Wang", "Li"])]
    crowd += [paper(f"o{i}", [f"Andrew Family{chr(97 + i)}", f"More{i} Person"]) for i in range(12)]
    crowd += [paper(f"f{i}", [f"Given{chr(97 + i % 26)}{chr(97 + i // 26)} {family}", f"Filler{i} Person"])
              for family in ("Wang", "Li") for i in range(60)]
    papers = [*crowd, paper("a", ["Drew Bagnell", "Ann Lee", "Byron Boots"]),
              paper("b", ["Andrew Bagnell", "Ann Lee", "Byron Boots"])]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Drew Bagnell") == result.person("Andrew Bagnell")


def test_a_name_the_source_printed_twice_on_one_paper_is_one_author():
    papers = [paper("a", ["Chuan Tsai", "Andrew M Saxe", "Andrew M Saxe", "David Cox"], 2016),
              paper("b", ["Andrew M Saxe", "Surya Ganguli"], 2017),
              paper("c", ["Andrew Saxe", "Surya Ganguli"], 2019)]
    result = resolve(papers, [], [], Aliases())
    people = {result.namesake_ids[("a", 1)], result.namesake_ids[("a", 2)], result.namesake_ids[("b", 0)],
              result.namesake_ids[("c", 0)]}
    assert len(people) == 1


def test_one_name_twice_on_one_paper_at_two_institutions_is_two_people():
    row = ImportedPaper(key="a", title="paper a", year=2020, authors=["Wei Wang", "Wei Wang", "Ann Lee"],
                        affiliations=["Tsinghua University", "University of California, Los Angeles", None])
    result = resolve([row], [], [], Aliases())
    assert result.namesake_ids[("a", 0)] != result.namesake_ids[("a", 1)]


def test_a_listed_short_form_of_a_rare_name_needs_little_evidence_but_some():
    orgs = [Organization(id="umass", name="University of Massachusetts Amherst", kind="university"),
            Organization(id="deepmind", name="DeepMind", kind="company")]
    crowd = [paper(f"c{i}", [f"Filler{i} Person"]) for i in range(20)]
    rows = [ImportedPaper(key="a", title="Bandit feedback sparse sampling kernels critic", year=2013,
                          authors=["William C Dabney", "Ann Lee"],
                          affiliations=["University of Massachusetts Amherst", None]),
            ImportedPaper(key="b", title="Quantile regression distributional agents critic", year=2018,
                          authors=["Will Dabney", "Bo Chen"], affiliations=["DeepMind", None])]
    result = resolve([*crowd, *rows], [], orgs, Aliases())
    # one rare title word in common and two places: enough for a short form, as for a middle name left out
    assert result.person("William C Dabney") == result.person("Will Dabney")


def test_a_listed_short_form_with_nothing_in_common_beyond_the_name_stays_an_open_case():
    # a rare family name is no evidence by itself: "Charlie" and "Charles Dickens" of the field are two people
    papers = [paper("c", ["Robert Durrant", "Ata Kaban"], 2013),
              paper("d", ["Bob Durrant", "Nick Lim"], 2020)]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Robert Durrant") != result.person("Bob Durrant")


def test_a_name_printed_family_name_first_with_a_middle_name_is_that_name_printed_last():
    papers = [paper("a", ["Nguyen Viet Cuong", "Wee Sun Lee"], 2013),
              paper("b", ["Cuong V. Nguyen", "Wee Sun Lee"], 2017)]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Nguyen Viet Cuong") == result.person("Cuong V. Nguyen")


def test_a_name_printed_with_its_umlaut_and_with_it_written_out_is_one_person_without_a_shared_fact():
    papers = [paper("a", ["Helmut Bölcskei", "Ann Lee"], 2016),
              paper("b", ["Helmut Boelcskei", "Bo Chen"], 2020)]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Helmut Bölcskei") == result.person("Helmut Boelcskei")


def test_a_nordic_letter_written_out_is_one_spelling_too():
    papers = [paper("a", ["Johan Håstad", "Ann Lee"], 2012), paper("b", ["Johan Haastad", "Bo Chen"], 2019)]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Johan Håstad") == result.person("Johan Haastad")


def test_a_written_out_umlaut_joins_only_the_spelling_printed_with_the_umlaut():
    # "Xue" is no written-out "Xü": with no umlaut printed, two family names stay two names
    papers = [paper("a", ["Wei Xue", "Ann Lee"], 2016), paper("b", ["Wei Xu", "Bo Chen"], 2020)]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Wei Xue") != result.person("Wei Xu")


def _tong_zhang_placed_by_a_coauthor(coauthor_place: str) -> list[ImportedPaper]:
    elsewhere = [placed(f"e{i}", [_made_up_name(10 * i + j) for j in range(10)], f"University of {_town(i)}",
                        f"paper {i}") for i in range(200)]  # where William & Mary is a rare institution
    return [*_common_tong_zhang(), *elsewhere,
            paper("a", ["Tong Zhang", "Zhenming Liu"], 2020),  # a row printing no affiliation
            placed("z", ["Zhenming Liu"], coauthor_place, "Sketching streams", 2020),
            placed("b", ["Tong Zhang"], "College of William & Mary", "Compilers for tensors", 2021)]


def test_a_row_printing_no_affiliation_is_placed_where_its_coauthors_print_theirs():
    result = resolve(_tong_zhang_placed_by_a_coauthor("College of William & Mary"), [], [], Aliases())
    assert result.namesake_ids[("a", 0)] == result.namesake_ids[("b", 0)]


def test_a_common_name_placed_by_its_coauthors_at_another_institution_stays_apart():
    result = resolve(_tong_zhang_placed_by_a_coauthor("University of Bath"), [], [], Aliases())
    assert result.namesake_ids[("a", 0)] != result.namesake_ids[("b", 0)]


def _people_of(papers: list[ImportedPaper]) -> set[frozenset[tuple[str, int]]]:
    """The people found, each as the set of its authorships."""
    result = resolve(papers, [], [], Aliases())
    found: dict[str, set[tuple[str, int]]] = {}
    for where, person_id in result.namesake_ids.items():
        found.setdefault(person_id, set()).add(where)
    return {frozenset(v) for v in found.values()}


def test_the_people_found_do_not_depend_on_the_order_of_the_papers():
    papers = [*_tong_zhang_placed_by_a_coauthor("College of William & Mary"),
              placed("c", ["Tong Zhang", "Wenbing Huang"], "Tencent AI Lab", "Variance reduced gradients"),
              placed("d", ["Tong Zhang", "Wenbing Huang"], "Australian National University", "Deep subspace"),
              paper("f", ["Tong Zhang", "Zhenming Liu", "Wenbing Huang"], 2019),
              placed("g", ["Zhenming Liu", "Wenbing Huang"], "College of William & Mary", "Streams", 2019),
              paper("h", ["Zhang Tong", "Wenbing Huang"], 2018)]
    expected = _people_of(papers)
    for seed in range(3):
        shuffled = list(papers)
        random.Random(seed).shuffle(shuffled)
        assert _people_of(shuffled) == expected


def _common_wei_wu() -> list[ImportedPaper]:
    """A field where "Wei" is a given name of fifteen common family names, Wu among them, a few people are
    called Wei as a family name, and nobody Wu as a given name: several people are called Wei Wu."""
    letters = [f"{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(60)]
    families = ["Wu", *(f"Fam{pair}" for pair in letters[:14])]
    names = [f"{pair.capitalize()}{letters[k]}an {family}"
             for k, family in enumerate(families) for pair in letters]
    names += [f"Wei {family}" for family in families[1:]] + [f"Other{pair} Wei" for pair in letters[:4]]
    return [paper(f"w{i}", names[i:i + 10]) for i in range(0, len(names), 10)]


def test_a_rare_reading_printed_once_is_a_common_name_printed_swapped_when_coauthors_agree():
    # "Wu Wei" names almost nobody; "Wei Wu" many people: two shared coauthors tell which Wei Wu it is
    papers = [*_common_wei_wu(), paper("a", ["Wei Wu", "Junjie Yan", "Ann Lee"], 2018),
              paper("b", ["Wu Wei", "Junjie Yan", "Ann Lee"], 2020)]
    result = resolve(papers, [], [], Aliases())
    assert result.namesake_ids[("a", 0)] == result.namesake_ids[("b", 0)]

