"""How rare a name is in its field: a given name of another name culture beside a common family name."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.ingest.resolve.clusters import FAMILY_FIRST_COST, Clusters
from kg.ingest.resolve.evidence import Group, field_of

YANGS = [f"given{chr(97 + i % 26)}{chr(97 + i // 26)} yang" for i in range(60)]
GREGS = [f"greg {family}" for family in ("smith", "jones", "brown", "miller", "davis", "wilson", "moore",
                                         "taylor", "thomas", "white", "harris", "martin", "clark")]


def test_a_given_name_mostly_printed_with_other_family_names_is_rare_beside_a_common_one():
    field = field_of([*YANGS, *GREGS, "greg yang", "hao yang"], Counter(), [])
    assert field.culture_share["greg"] == pytest.approx(1 / 14)
    # Fourteen Gregs beside 62 Yangs in a culture of 75 would make about 11.6 Greg Yangs; Greg is printed
    # with a common family name once in 14 keys, so it counts as 14 * (1/14) / 0.5 = 2 Gregs there.
    assert field.expected_people("greg yang") == pytest.approx(2 * 62 / 75)


def test_a_given_name_of_the_culture_counts_whole():
    field = field_of([*YANGS, *GREGS, "greg yang", "hao yang"], Counter(), [])
    assert field.culture_share["hao"] == 1.0
    assert field.expected_people("hao yang") == pytest.approx(1 * 62 / 75)


def test_a_name_that_goes_by_its_middle_name_is_as_rare_as_that_name_with_one_more_initial():
    field = field_of(["pawan kumar", "m pawan kumar", *(f"m{i}x kumar" for i in range(40)),
                      *(f"m{i}x smith" for i in range(40))], Counter(), [])
    # Not the commonness of every given name starting with M beside Kumar: that of Pawan, one name more.
    assert field.expected_people("m pawan kumar") == pytest.approx(field.expected_people("pawan kumar") * 0.1)


def test_no_common_family_name_means_no_culture_to_measure_and_no_correction():
    field = field_of([*YANGS[:20], *GREGS, "greg yang"], Counter(), [])  # 21 Yangs: none is common
    assert field.culture_share == {}
    weight = 21 / 50
    culture = field.keys ** (1 - weight) * field.population["yang"] ** weight
    assert field.expected_people("greg yang") == pytest.approx(14 * 21 / culture)


def test_a_given_name_belongs_to_a_dense_culture_only_when_a_good_share_of_its_keys_do():
    wangs = [f"given{chr(97 + i % 26)}{chr(97 + i // 26)} wang" for i in range(60)]
    andrews = [f"andrew {family}" for family in ("smith", "jones", "brown", "miller", "davis", "wilson")]
    field = field_of([*YANGS, *wangs, *andrews, "andrew yang", "andrew wang", "jun yang", "jun wang"],
                     Counter(), [])
    assert "jun" in field.culture_given  # both of its keys beside common family names
    assert field.culture_share["andrew"] == pytest.approx(2 / 8)
    assert "andrew" not in field.culture_given  # two of eight: under CULTURE_GIVEN


def _clusters_of(keys: list[str]) -> Clusters:
    return Clusters([], field_of(keys, Counter(), []), set(), {})


def test_a_name_printed_family_name_first_costs_little_when_the_other_reading_names_nobody():
    yes = [f"given{chr(97 + i)} ye" for i in range(12)]  # Ye: a family name of twelve people
    clusters = _clusters_of([*yes, "jieping ye", "ye jieping"])
    found = clusters.variant("jieping ye", "ye jieping")
    assert found is not None and found.reason == "names swapped" and found.cost == FAMILY_FIRST_COST


def test_two_words_that_are_both_family_names_stay_an_ordinary_swap():
    keys = [f"given{chr(97 + i)} {family}" for i in range(12) for family in ("lin", "xiao")]
    clusters = _clusters_of([*keys, "lin xiao", "xiao lin"])
    found = clusters.variant("lin xiao", "xiao lin")
    assert found is not None and found.reason == "names swapped" and found.cost == -1.5


def test_a_rare_family_name_swapped_stays_an_ordinary_swap():
    clusters = _clusters_of(["jieping ye", "ye jieping", "ann lee"])  # Ye known from one key only
    found = clusters.variant("jieping ye", "ye jieping")
    assert found is not None and found.cost == -1.5


def _bin_cui(paper: str, coauthor: str, title: list[str], org: str | None = None) -> Group:
    group = Group([0], keys=Counter({"bin cui": 1}), coauthors=Counter({coauthor: 1}),
                  words=Counter(title), items={paper})
    if org:
        group.orgs[org] = {2020}
    return group


COMMUNITY = {  # what each coauthor's papers are about
    "#1": Counter({"graph": 1, "neural": 1, "sampling": 1}),
    "#2": Counter({"graph": 1, "neural": 1, "scalable": 1}),
    "#3": Counter({"protein": 1, "folding": 1, "microscopy": 1}),
}
TITLES = [frozenset({"graph", "neural", "sampling", "scalable"}),
          frozenset({"protein", "folding", "microscopy"}), frozenset({"database", "query"}),
          frozenset({"federated", "privacy"}), frozenset({"graph", "federated"})]


def test_one_name_whose_coauthors_write_on_the_same_topic_gains_evidence_from_their_titles():
    field = field_of(["bin cui"], Counter(), list(TITLES))
    field.community_of = lambda group: sum((COMMUNITY[t] for t in group.coauthors), Counter())
    a = _bin_cui("p1", "#1", ["database"])
    near, _, facts = field.weigh(a, _bin_cui("p2", "#2", ["privacy"]))
    far, _, _ = field.weigh(a, _bin_cui("p3", "#3", ["federated"]))
    assert "coauthors' topics" in facts and near > far


def test_coauthors_topics_do_not_count_against_institutions_that_disagree():
    field = field_of(["bin cui"], Counter(), list(TITLES))
    field.community_of = lambda group: sum((COMMUNITY[t] for t in group.coauthors), Counter())
    a, b = _bin_cui("p1", "#1", ["database"], "pku"), _bin_cui("p2", "#2", ["privacy"], "eth")
    _, _, facts = field.weigh(a, b)
    assert "coauthors' topics" not in facts and "different institutions" in facts


def test_a_group_printing_no_institution_shares_the_one_its_coauthors_print():
    field = field_of(["bin ren"], Counter({"wm": 2, "mit": 400, "eth": 300}), list(TITLES))
    placed_by_coauthors = {"p1": {"wm": {2020}}}
    field.places_of = lambda group: {**group.orgs, **placed_by_coauthors.get(min(group.items), {})}
    a = Group([0], keys=Counter({"bin ren": 1}), items={"p1"})  # printed no affiliation in 2020
    at_wm = Group([1], keys=Counter({"bin ren": 1}), items={"p2"}, orgs={"wm": {2021}})
    at_eth = Group([2], keys=Counter({"bin ren": 1}), items={"p3"}, orgs={"eth": {2021}})
    near, positive, facts = field.weigh(a, at_wm)
    far, _, other = field.weigh(a, at_eth)
    assert "wm through coauthors" in facts and near > 1.0 and far == 0.0 and not other
    assert positive == 0.0  # a place at one remove does not vouch for two different names


def test_two_names_are_not_weighed_by_a_place_shared_through_coauthors():
    field = field_of(["adam lerer", "adam perer"], Counter({"cmu": 2, "mit": 400, "eth": 300}), list(TITLES))
    field.places_of = lambda group: {"cmu": {2020}, **group.orgs}
    a = Group([0], keys=Counter({"adam lerer": 1}), items={"p1"})
    b = Group([1], keys=Counter({"adam perer": 1}), items={"p2"}, orgs={"cmu": {2020}})
    assert field.weigh(a, b) == (0.0, 0.0, "")


def test_a_group_whose_own_institutions_disagree_is_not_placed_by_coauthors():
    field = field_of(["bin ren"], Counter({"wm": 2, "mit": 400, "eth": 300}), list(TITLES))
    field.places_of = lambda group: {"wm": {2020}, **group.orgs}
    a = Group([0], keys=Counter({"bin ren": 1}), items={"p1"}, orgs={"eth": {2020}})
    b = Group([1], keys=Counter({"bin ren": 1}), items={"p2"}, orgs={"wm": {2021}})
    _, _, facts = field.weigh(a, b)
    assert "through coauthors" not in facts and "different institutions" in facts
