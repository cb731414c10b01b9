"""ROR as a second registry: names it knows and the curated registry does not, and its twins' other names."""

from __future__ import annotations

from kg.ingest.printed import ImportedPaper
from kg.ingest.resolve import ror
from kg.ingest.resolve.organizations import resolve_organizations
from kg.ingest.resolve.resolution import Resolution
from kg.records.aliases import Aliases
from kg.records.models import Organization

# A tiny ROR, in the bundle's own format (id, name, kind, country, parent, other names, acronyms).
LINES = [
    "00pd74e08\tUniversity of Münster\tuniversity\tDE\t\t"
    "Universität Münster|Westfälische Wilhelms-Universität Münster\tUM",
    "02p0gd045\tUniversidad Complutense de Madrid\tuniversity\tES\t\tComplutense University of Madrid\tUCM",
    "05sbt2524\tInstitut polytechnique de Grenoble\tuniversity\tFR\t02rx3b187\t"
    "Grenoble INP|Grenoble Institute of Technology\t",
    "02rx3b187\tUniversité Grenoble Alpes\tuniversity\tFR\t\tGrenoble Alpes University\tUGA",
    "010pmpe69\tLomonosov Moscow State University\tuniversity\tRU\t\tMoscow State University|Statale\tMSU",
    "0aaaaaaa1\tNational Institute of Informatics\tinstitute\tJP\t\t\tNII",
    "0aaaaaaa2\tNational Institute of Informatics\tinstitute\tUS\t\t\t",
    "0aaaaaaa3\tInstituto de Investigaciones Químicas\tinstitute\tES\t\tInstitute for Chemical Research\t",
    "0aaaaaaa4\tDepartment of Biological Sciences\tuniversity\tUS\t\t\t",
    "0aaaaaaa5\tGatsby Computational Neuroscience Unit\tinstitute\tGB\t0aaaaaaa6\tGatsby Unit\t",
    "0aaaaaaa7\tDaegu Gyeongbuk Institute of Science and Technology\tuniversity\tKR\t\t\tDGIST",
    "0aaaaaaa8\tČeská informační agentura životního prostředí\tinstitute\tCZ\t\t\tCENIA",
    "0aaaaaaa9\tInstitut National de la Recherche Agronomique\tinstitute\tFR\t\t"
    "French National Institute for Agricultural Research\tINRA",
    "0aaaaaab1\tInstitut National de la Recherche Agronomique\tinstitute\tMA\t\t\tINRA",
    "0aaaaaab2\tUniversité Claude Bernard Lyon 1\tuniversity\tFR\t\tClaude Bernard University Lyon 1\tUCBL",
    "0aaaaaab3\tLaboratoire d'Informatique de Paris Nord\tlab\tFR\t0aaaaaab4\t\tLIPN",
    "0aaaaaab5\tArtificial Intelligence Research Institute\tinstitute\tES\t\t\t",
    "0aaaaaab6\tInstitut de Recerca i Tecnologia Agroalimentàries\tinstitute\tES\t\t"
    "Institute of Agrifood Research and Technology\tIRTA",
    "0aaaaaab7\tÉcole Centrale de Nantes\tuniversity\tFR\t\tCentrale Nantes\t",
    "0aaaaaab8\tFondazione Bruno Kessler\tinstitute\tIT\t\t\tFBK",
    "0aaaaaab9\tUniversité de Bretagne Sud\tuniversity\tFR\t0aaaaaac1\t\tUBS",
    "0aaaaaac2\tUniversité de Bretagne Sud\tuniversity\tFR\t\tUniversity of South Brittany\tUBS",
    "0aaaaaac3\tLaboratoire de Mathématiques de Bretagne Atlantique\tinstitute\tFR\t\t\tLMBA",
]
ROR = ror.Ror(ror.parse(LINES))
CURATED = [Organization(id="msu", name="Moscow State University", kind="university", country="RU"),
           Organization(id="wsu", name="Washington State University", kind="university", country="US")]


def paper(key: str, affiliations: list[str]) -> ImportedPaper:
    return ImportedPaper(key=key, title=key, year=2020, authors=["Ann Lee"] * len(affiliations),
                         affiliations=affiliations)


def resolved(*affiliations: str) -> Resolution:
    resolution = Resolution()
    resolve_organizations([paper(str(n), [a]) for n, a in enumerate(affiliations)], CURATED, Aliases(),
                          resolution, ROR)
    return resolution


def test_a_name_is_found_after_folding_accents_case_punctuation_and_the():
    assert ROR.named("the universitat munster").ror_id == "00pd74e08"  # type: ignore[union-attr]
    assert ROR.named("Westfalische Wilhelms Universitat, Munster").ror_id == "00pd74e08"  # type: ignore[union-attr]
    assert ROR.named("Universität Münster Hospital") is None  # a longer name is another name
    assert ROR.named("Westfälische Wilhelms-Universität Münster").name == "University of Münster"  # type: ignore[union-attr]


def test_a_name_two_records_share_names_neither():
    assert ROR.named("National Institute of Informatics") is None
    assert ROR.ids_named("National Institute of Informatics") == {"0aaaaaaa1", "0aaaaaaa2"}


def test_a_new_institution_known_to_ror_gets_its_english_name_kind_and_country():
    resolution = resolved("Dept. of Mathematics, Universidad Complutense de Madrid, Spain")
    [org] = resolution.new_organizations
    assert (org.name, org.kind, org.country) == ("Universidad Complutense de Madrid", "university", "ES")
    assert "Complutense University of Madrid" in org.alt_names


def test_two_printed_names_of_one_ror_record_are_one_institution():
    resolution = resolved("University of Münster, Germany", "Westfälische Wilhelms-Universität Münster")
    [org] = resolution.new_organizations
    assert org.name == "University of Münster"
    assert resolution.organizations("University of Münster, Germany") == [org.id]
    assert resolution.organizations("Westfälische Wilhelms-Universität Münster") == [org.id]


def test_a_name_of_two_ror_records_stays_as_printed_and_apart_from_neither():
    resolution = resolved("National Institute of Informatics, Tokyo")
    [org] = resolution.new_organizations
    assert org.country is None and org.name == "National Institute of Informatics"


def test_a_curated_institution_gains_the_names_of_its_ror_twin():
    resolution = resolved("Lomonosov Moscow State University, Russia")
    assert resolution.organizations("Lomonosov Moscow State University, Russia") == ["msu"]
    assert resolution.new_organizations == []


def test_a_one_word_alias_of_a_twin_is_not_read_inside_another_name():
    resolution = resolved("Washington State University")
    assert resolution.organizations("Washington State University⁴") == ["wsu"]


def test_a_ror_parent_printed_too_is_the_new_institutions_parent():
    resolution = resolved("Grenoble Institute of Technology, France", "Université Grenoble Alpes")
    by_name = {o.name: o for o in resolution.new_organizations}
    assert by_name["Institut polytechnique de Grenoble"].part_of == by_name["Université Grenoble Alpes"].id


def test_the_bundle_knows_real_institutions_by_their_other_names():
    bundled = ror.bundled()
    assert len(bundled.records) > 40_000
    complutense = bundled.named("Complutense University of Madrid")
    assert complutense is not None and complutense.country == "ES"
    assert bundled.named("Westfälische Wilhelms-Universität Münster").name == "University of Münster"  # type: ignore[union-attr]


def test_a_segment_without_an_institutions_word_that_ror_names_is_an_institution():
    resolution = resolved("Grenoble INP, France")
    [org] = resolution.new_organizations
    assert org.name == "Institut polytechnique de Grenoble"
    # not a name of ROR's: a place, printed after an institution elsewhere in the field
    assert resolved("Grenoble Alps, France", "Moscow State University, Grenoble Alps").new_organizations == []
    printed = "CNRS, Grenoble INP, Grenoble"  # printed after an institution, where places are
    assert len(resolved(printed).organizations(printed)) == 2  # CNRS and Grenoble INP


def test_a_unit_printed_before_its_university_is_not_another_countrys_namesake_in_ror():
    printed = "Institute for Chemical Research, Moscow State University, Russia"
    assert resolved(printed).organizations(printed) == ["msu"]
    printed = "Department of Biological Sciences, Moscow State University"
    assert resolved(printed).organizations(printed) == ["msu"]
    printed = "Gatsby Unit, Moscow State University"  # ROR knows it as part of another, printed beside one
    assert resolved(printed).organizations(printed) == ["msu"]
    [alone] = resolved("Gatsby Unit, London").new_organizations
    assert alone.name == "Gatsby Computational Neuroscience Unit"


def test_a_twins_long_names_teach_no_acronym_written_out_before_a_place():
    from pathlib import Path

    from kg.ingest.resolve.organizations import registry_of
    from kg.records.folder import read_data_folder

    curated = list(read_data_folder(Path(__file__).parents[1] / "data").dataset.organizations)
    registry, _ = registry_of(curated, Aliases(), ror.bundled())
    # ETH Zurich's ROR twin is also "Eidgenössische Technische Hochschule Zürich": "ETH" is still ETH's
    assert [n.org_id for n in registry.read("ETH AI Center, Zurich, Switzerland")] == ["eth-zurich"]


def test_an_acronym_is_a_ror_record_whose_name_it_spells():
    assert ROR.spelled_by("DGIST").name == "Daegu Gyeongbuk Institute of Science and Technology"  # type: ignore[union-attr]
    assert ROR.spelled_by("UCBL").name == "Université Claude Bernard Lyon 1"  # type: ignore[union-attr]  # "1" left out
    assert ROR.spelled_by("CENIA") is None  # the record's acronym, but not the initials of its name
    assert ROR.spelled_by("INRA") is None  # two records spell it...
    assert ROR.spelled_by("INRA", frozenset({"FR"})).country == "FR"  # type: ignore[union-attr]  # ...the country tells
    assert ROR.spelled_by("DGIST", frozenset({"US"})) is None  # printed in another country


def test_countries_are_read_from_an_affiliations_segments():
    assert ror.countries_of(["MaIAGE", "INRA", "Jouy-en-Josas", "France"]) == {"FR"}
    assert ror.countries_of(["Daegu", "Korea"]) == {"KR"}
    assert ror.countries_of(["Stanford University", "USA"]) == {"US"}
    assert ror.countries_of(["Paris", "Texas"]) == frozenset()


def test_a_lone_acronym_ror_spells_is_a_new_institution_with_its_name():
    resolution = resolved("DGIST", "UCBL")
    assert sorted(o.name for o in resolution.new_organizations) == [
        "Daegu Gyeongbuk Institute of Science and Technology", "Université Claude Bernard Lyon 1"]
    assert resolution.organizations("DGIST") == [resolution.new_organizations[0].id]


def test_an_acronym_printed_with_places_takes_the_record_of_the_printed_country():
    [inra] = resolved("INRA, France").new_organizations
    assert inra.name == "Institut National de la Recherche Agronomique" and inra.country == "FR"
    [alone] = resolved("INRA").new_organizations  # no country: INRA of France or of Morocco?
    assert alone.name == "INRA" and alone.country is None  # a name as printed, no ROR record's
    [dgist] = resolved("Department of Robotics, DGIST, Korea").new_organizations  # a unit beside it
    assert dgist.name == "Daegu Gyeongbuk Institute of Science and Technology"


def test_an_acronym_beside_another_institution_is_read_as_no_ror_record():
    printed = "LIPN, Moscow State University"  # a lab of the university, as often as not
    assert resolved(printed).organizations(printed) == ["msu"]
    printed = "DGIST, Moscow State University"  # another country's namesake, as often as not
    assert resolved(printed).organizations(printed) == ["msu"]


def test_an_acronym_whose_letters_are_not_its_records_initials_names_nothing():
    assert [o.name for o in resolved("CENIA").new_organizations] == ["CENIA"]  # as printed, not ROR's


def test_an_acronym_printed_with_a_town_needs_the_country_too():
    # the field prints Daegu as a place; ROR's bundle knows no towns, so the country must be printed
    found = resolved("Moscow State University, Daegu", "DGIST Daegu").new_organizations
    assert [o.name for o in found] == ["DGIST Daegu"]  # a name as printed, no ROR record's
    found = resolved("Moscow State University, Daegu", "DGIST Daegu, Korea").new_organizations
    assert [o.name for o in found] == ["Daegu Gyeongbuk Institute of Science and Technology"]


def test_an_acronym_in_another_part_beside_an_institution_is_read_as_no_ror_record():
    printed = "Moscow State University + DGIST"  # "MIT Math + SDSC": not San Diego's supercomputer centre
    resolution = resolved(printed)
    assert [o.name for o in resolution.new_organizations] == ["DGIST"]  # a name as printed, no ROR record's
    assert resolution.organizations(printed) == ["msu", "dgist"]


def test_a_ror_name_joined_by_and_to_a_registry_one_is_an_institution_of_its_own():
    printed = "Moscow State University and Grenoble Institute of Technology"
    resolution = resolved(printed)
    [grenoble] = resolution.new_organizations
    assert grenoble.name == "Institut polytechnique de Grenoble"
    assert resolution.organizations(printed) == ["msu", grenoble.id]


def test_two_ror_names_joined_by_and_are_two_institutions():
    printed = "Universidad Complutense de Madrid and Grenoble INP, Spain"
    assert len(resolved(printed).organizations(printed)) == 2


def test_an_affiliation_naming_nothing_else_is_the_ror_record_one_of_its_segments_names():
    [found] = resolved("Institute for Chemical Research, Spain").new_organizations
    assert found.name == "Instituto de Investigaciones Químicas"
    assert resolved("Institute for Chemical Research, Japan").new_organizations == []  # another country's
    assert resolved("Department of Biological Sciences").new_organizations == []  # a department
    printed = "Artificial Intelligence Research Institute"  # words of the field alone: whose?
    assert resolved(printed).new_organizations == []
    assert len(resolved(printed + ", Spain").new_organizations) == 1


def test_an_acronym_joined_by_and_to_a_registry_institution_is_the_ror_record_it_spells():
    printed = "IRTA and Moscow State University, Spain"  # "i" is Catalan's "and": IRTA spells the name
    resolution = resolved(printed)
    [irta] = resolution.new_organizations
    assert irta.name == "Institut de Recerca i Tecnologia Agroalimentàries"
    assert resolution.organizations(printed) == ["msu", irta.id]
    printed = "IRTA and Moscow State University, Italy"  # not in the printed country
    assert resolved(printed).organizations(printed) == ["msu"]
    printed = "LIPN and Moscow State University"  # a lab's acronym: ROR gives it a parent
    assert resolved(printed).organizations(printed) == ["msu"]
    printed = "LMBA and Moscow State University"  # named as a lab is, though ROR gives it no parent
    assert resolved(printed).organizations(printed) == ["msu"]
    assert [o.name for o in resolved("LMBA, France").new_organizations] == ["LMBA"]  # not the lab's record


def test_a_ror_name_joined_by_and_to_a_new_university_is_a_second_institution():
    printed = "University of Trento and Fondazione Bruno Kessler"
    names = sorted(o.name for o in resolved(printed).new_organizations)
    assert names == ["Fondazione Bruno Kessler", "University of Trento"]
    printed = "University of Trento and Bruno Kessler"  # no name of ROR's: one name as printed
    assert len(resolved(printed).new_organizations) == 1


def test_a_ror_name_printed_between_two_registry_institutions_is_one_of_the_list():
    # the field prints "Centrale Nantes" after an institution, where places are printed ...
    after = "Moscow State University, Centrale Nantes"
    listed = "Moscow State University, Centrale Nantes, Washington State University"
    resolution = resolved(after, listed)
    assert resolution.organizations(after) == ["msu"]
    # ... but between two institutions it is one more of a list of institutions
    [centrale] = resolution.new_organizations
    assert centrale.name == "École Centrale de Nantes"
    assert sorted(resolution.organizations(listed)) == sorted(["msu", centrale.id, "wsu"])


def test_one_name_recorded_twice_in_one_country_is_one_institution():
    record = ROR.spelled_by("UBS", frozenset({"FR"}))
    assert record is not None and record.ror_id == "0aaaaaac2"  # the one that is no other's part


def test_a_universitys_acronym_in_a_list_of_registry_institutions_is_one_of_them():
    town = "Moscow State University, Vannes, France"  # the field prints Vannes as a place
    listed = "Moscow State University, UBS-Vannes, Washington State University, France"
    lab = "Moscow State University, LMBA, Washington State University, France"
    resolution = resolved(town, listed, lab)
    [ubs] = resolution.new_organizations
    assert ubs.name == "Université de Bretagne Sud"
    assert sorted(resolution.organizations(listed)) == sorted(["msu", ubs.id, "wsu"])
    assert sorted(resolution.organizations(lab)) == ["msu", "wsu"]  # an institute's acronym: a unit


# Names printed another way than ROR's: links and accents left out, the town left out.
OTHERWISE = ror.Ror(ror.parse([
    *LINES,
    "0aaaaaac4\tUniversité Jean Monnet\tuniversity\tFR\t\tUniversité de Saint-Étienne\tUJM",
    "0aaaaaac5\tGoethe University Frankfurt\tuniversity\tDE\t\tGoethe-Universität Frankfurt am Main\t",
    "0aaaaaac6\tShanghai Jiao Tong University\tuniversity\tCN\t\t\tSJTU",
    "0aaaaaac7\tBeijing Jiao Tong University\tuniversity\tCN\t\t\tBJTU",
]))


def read_otherwise(*affiliations: str) -> tuple[Resolution, dict[str, str]]:
    resolution = Resolution()
    resolve_organizations([paper(str(n), [a]) for n, a in enumerate(affiliations)], CURATED, Aliases(),
                          resolution, OTHERWISE)
    return resolution, {o.id: o.name for o in resolution.new_organizations}


def test_a_registry_name_printed_without_its_links_or_its_town_is_that_institution():
    resolution, names = read_otherwise(
        "Université Saint-Etienne, Laboratoire Hubert Curien", "Goethe University, Mathematics Institute",
        "Moscow State University, Frankfurt", "Moscow State University, Shanghai",
        "Moscow State University, Beijing", "Jiao Tong University")
    [saint_etienne] = resolution.organizations("Université Saint-Etienne, Laboratoire Hubert Curien")
    assert names[saint_etienne] == "Université Jean Monnet"
    [goethe] = resolution.organizations("Goethe University, Mathematics Institute")
    assert names[goethe] == "Goethe University Frankfurt"
    # two universities of that name in two towns: the name without its town names neither
    [jiao_tong] = resolution.organizations("Jiao Tong University")
    assert names[jiao_tong] == "Jiao Tong University"



# Towns: ROR's town of each record, read against the towns an affiliation prints.
TOWNS = ror.Ror(ror.parse([
    "0bbbbbbb1\tUniversity of California, Berkeley\tuniversity\tUS\t\t\tUCB\tBerkeley",
    "0bbbbbbb2\tUniversité Claude Bernard Lyon 1\tuniversity\tFR\t\tClaude Bernard University Lyon 1\tUCBL"
    "\tVilleurbanne",
    "0bbbbbbb3\tÉcole Normale Supérieure de Lyon\tuniversity\tFR\t\tENS de Lyon\t\tLyon",
    "0bbbbbbb4\tInstitute for Advanced Study\tinstitute\tUS\t\t\tIAS\tPrinceton",
    "0bbbbbbb5\tInstitute for Advanced Study\tinstitute\tDE\t\t\t\tDelmenhorst",
    "0bbbbbbb6\tTechnical University of Darmstadt\tuniversity\tDE\t\t\tTUDa\tDarmstadt",
    "0bbbbbbb7\tNational Research Centre\tinstitute\tFR\t\t\tNRC\tParis",
    "0bbbbbbb8\tNRC Lille Centre\tinstitute\tFR\t0bbbbbbb7\t\t\tLille",
    "0bbbbbbb9\tNRC Nantes Centre\tinstitute\tFR\t0bbbbbbb7\t\t\tNantes",
    "0bbbbbbc1\tNRC Rennes Centre\tinstitute\tFR\t0bbbbbbb7\t\t\tRennes",
    "0bbbbbbc2\tAcme Corporation\tcompany\tUS\t\t\tACME\tSpringfield",
    "0bbbbbbc3\tUniversity Centre of Mila\tuniversity\tDZ\t\t\t\tMila",
]))
TOWN_CURATED = [
    Organization(id="uc-berkeley", name="University of California, Berkeley", kind="university",
                 alt_names=["UCB"], country="US"),
    Organization(id="ens-lyon", name="École Normale Supérieure de Lyon", kind="university", country="FR"),
    Organization(id="ias", name="Institute for Advanced Study", kind="institute", alt_names=["IAS"],
                 country="US"),
    Organization(id="tu-darmstadt", name="Technical University of Darmstadt", kind="university",
                 alt_names=["TU Darmstadt"], country="DE"),
    Organization(id="nrc", name="National Research Centre", kind="institute", alt_names=["NRC"],
                 country="FR"),
    Organization(id="mila", name="Mila", kind="institute", country="CA")]


def read_towns(*affiliations: str) -> Resolution:
    resolution = Resolution()
    resolve_organizations([paper(str(n), [a]) for n, a in enumerate(affiliations)], TOWN_CURATED, Aliases(),
                          resolution, TOWNS)
    return resolution


def test_the_bundle_gives_each_record_its_town_and_an_institution_of_many_towns_none():
    assert TOWNS.records["0bbbbbbb2"].city == "Villeurbanne"
    assert TOWNS.town_of("0bbbbbbb1") == "berkeley"
    assert TOWNS.town_of("0bbbbbbb7") is None  # its centres lie in three other towns
    assert TOWNS.town_of("0bbbbbbc2") is None  # a company has offices anywhere
    assert ror.parse(LINES[:1])[0].city == ""  # a line without a town
    assert TOWNS.spelled_in("UCB", ["lyon"]).ror_id == "0bbbbbbb2"  # type: ignore[union-attr]


def test_an_acronym_of_an_institution_of_another_town_than_the_one_printed_names_it_not():
    lyon = "ENS de Lyon, UCB Lyon 1, LIP, Lyon, France"
    darmstadt = "CLAS/IAS, TU Darmstadt, Darmstadt, Germany"
    resolution = read_towns(lyon, darmstadt, "UCB, Berkeley, CA", "IAS, Princeton, NJ",
                            "NRC, ENS de Lyon, Lyon, France", "ENS de Lyon, UCB, Berkeley",
                            "UCB, Technical University of Darmstadt", "UCB & ENS de Lyon, Lyon, France",
                            "Mila, IAS Fellow")
    names = {o.id: o.name for o in resolution.new_organizations}
    lyon_read = resolution.organizations(lyon)
    assert "uc-berkeley" not in lyon_read and "ens-lyon" in lyon_read
    assert sorted(names[o] for o in lyon_read if o in names) == ["Université Claude Bernard Lyon 1"]
    assert resolution.organizations(darmstadt) == ["tu-darmstadt"]  # IAS is Princeton's (US), not printed
    assert resolution.organizations("UCB, Berkeley, CA") == ["uc-berkeley"]
    assert resolution.organizations("IAS, Princeton, NJ") == ["ias"]
    # an institution whose centres lie in many towns is of none
    assert sorted(resolution.organizations("NRC, ENS de Lyon, Lyon, France")) == ["ens-lyon", "nrc"]
    assert sorted(resolution.organizations("ENS de Lyon, UCB, Berkeley")) == ["ens-lyon", "uc-berkeley"]
    # the other town printed only in the other's name, or a list joined by "&": each its own
    assert sorted(resolution.organizations("UCB, Technical University of Darmstadt")) == ["tu-darmstadt",
                                                                                         "uc-berkeley"]
    assert sorted(resolution.organizations("UCB & ENS de Lyon, Lyon, France")) == ["ens-lyon", "uc-berkeley"]
    assert sorted(resolution.organizations("Mila, IAS Fellow")) == ["ias", "mila"]  # a name, though a town's


def test_towns_in_reads_towns_of_one_to_three_words_for_both_the_registry_and_affiliations():
    from kg.ingest.resolve import ror

    words = "universite jean monnet saint etienne lyon".split()
    assert ror.towns_in(words, {"saint etienne", "lyon", "paris"}) == {"saint etienne", "lyon"}
    assert ror.towns_in([], {"lyon"}) == set()
