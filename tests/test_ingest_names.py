"""Name resolution: people's name variants, institutions' spellings, and merges only on evidence."""

import pytest

from kg.ingest.printed import ImportedPaper
from kg.ingest.resolve import institutions, names
from kg.ingest.resolve.people import resolve
from kg.records.aliases import AliasEntry, Aliases
from kg.records.models import Organization, Person


@pytest.mark.parametrize("printed, expected", [
    ("Prof. Sanjeev Arora", "sanjeev arora"),
    ("Dr. RÉMI MUNOS", "remi munos"),
    ("Munos, R{\\'e}mi", "remi munos"),
    ("Michał Dereziński", "michal derezinski"),
    ("Wei-Ning Chen", "weining chen"),
])
def test_spellings_of_one_name_share_a_key(printed, expected):
    assert names.key(printed) == expected


@pytest.mark.parametrize("a, b, reason", [
    ("Ben Recht", "Benjamin Recht", "short form"),
    ("Peter Bartlett", "Peter L. Bartlett", "middle name"),
    ("Nikunj Saunshi", "Nikunj Umesh Saunshi", "middle name"),
    ("R. Munos", "Remi Munos", "initial"),
    ("Cristopher Moore", "Christopher Moore", "typo in the first name"),
    # a short first name, or one two letters off, when the full middle names after it agree
    ("Il Memming Park", "Ill Memming Park", "typo in the first name"),
    ("Shyam Sundar Rangapuram", "Syama Sundar Rangapuram", "typo in the first name"),
    ("Dimitris Papailiopoulos", "Dimitris Papailliopoulos", "typo in the last name"),
    ("Kpotufe Samory", "Samory Kpotufe", "names swapped"),
    ("J. Edward Hu", "Edward J. Hu", "initial moved"),
    ("Bernhard Schoelkopf", "Bernhard Schölkopf", "umlaut written out"),
    ("Jonathan Weed", "Jonathan Niles-Weed", "double family name"),
    ("Brendan McMahan", "H. Brendan McMahan", "first initial left out"),
    ("Loucas Pillaud Vivien", "Loucas Pillaud-Vivien", "spacing"),
    ("Mark Laan", "Mark van der Laan", "particle"),
    ("Tim Lillicrap", "Timothy Lillicrap", "short form"),
    ("Cyprien de Masson d&#x27", "Cyprien de Masson d'Autume", "name cut short"),
])
def test_variants_that_may_be_one_person(a, b, reason):
    assert names.compatible(names.key(a), names.key(b)) == reason


@pytest.mark.parametrize("a, b", [
    ("Wei Chen", "Wei-Ning Chen"), ("John Smith", "Jane Smith"), ("Michael I. Jordan", "Michael J. Jordan"),
    ("Daniel Hsu", "David Hsu"), ("Il Park", "Ill Park"), ("Shyam S. Rao", "Syama S. Rao"),
])
def test_names_that_are_not_variants(a, b):
    assert names.compatible(names.key(a), names.key(b)) is None


@pytest.mark.parametrize("printed, expected", [
    ("MIT", ["massachusetts institute of technology"]),
    ("USC", ["university of southern california"]),
    ("UCSD", ["university of california san diego"]),
    ("UPenn", ["university of pennsylvania"]),
    ("LMU Munich", ["ludwig maximilians universitat munchen"]),
    ("University of Texas at Austin", ["university of texas austin"]),
    ("The University of Texas, Austin", ["university of texas austin"]),
    ("University of California, San Diego, La Jolla, CA 92093", ["university of california san diego"]),
    ("Department of Statistics, Harvard University", ["harvard university"]),
    ("Department of Computer Science at the University of Toronto", ["university of toronto"]),
    ("Computer Science Purdue University", ["purdue university"]),
    ("Department of Computer Science UC Santa Cruz", ["university of california santa cruz"]),
    ("Department of Statistics at University of California, Davis", ["university of california davis"]),
    ("Department of Computer Science", []),  # which university: unknown, so no institution
    ("Dept of CS, United States", []),
    ("Blavatnik School of Computer Science, Tel Aviv University", ["tel aviv university"]),
    ("UC Berkeley + Google DeepMind", ["university of california berkeley", "google deepmind"]),
    ("NYU, Inria", ["new york university", "inria"]),
    ("Università degli Studi di Milano and Politecnico di Milano, Italy",
     ["universita degli studi di milano", "politecnico di milano"]),
])
def test_institutions_in_an_affiliation_string(printed, expected):
    assert [institutions.key(n) for n in institutions.institutions(printed)] == expected


def paper(key, authors, affiliations=()):
    return ImportedPaper(key=key, title=key, year=2020, authors=list(authors),
                         affiliations=list(affiliations) or [None] * len(authors))


REGISTRY = [Person(id="sanjeev-arora", name="Sanjeev Arora")]
ORGS = [Organization(id="princeton-university", name="Princeton University", kind="university")]


def test_variants_with_a_shared_coauthor_are_merged():
    result = resolve([paper("a", ["Benjamin Recht", "Ann Lee"]), paper("b", ["Ben Recht", "Ann Lee"])],
                     REGISTRY, ORGS, Aliases())
    assert result.person("Ben Recht") == result.person("Benjamin Recht") == "benjamin-recht"
    assert [(m.canonical, m.variant, m.reason) for m in result.merges if m.kind == "person"] == [
        ("Benjamin Recht", "Ben Recht", "short form")]
    assert result.ambiguities == []
    [case] = [c for c in result.cases if c.status == "merged"]
    assert case.score >= 1 and "shared coauthor" in case.evidence and len(case.id) == 8


def test_variants_without_a_shared_fact_are_kept_apart_and_reported():
    result = resolve([paper("a", ["Samuel Hopkins", "Ann Lee"]), paper("b", ["Sam Hopkins", "Bo Li"]),
                      paper("c", ["Anna Hopkins", "Cy Doe"])], REGISTRY, ORGS, Aliases())
    assert result.person("Sam Hopkins") != result.person("Samuel Hopkins")
    assert [(a.name, a.other) for a in result.ambiguities] == [("Sam Hopkins", "Samuel Hopkins")]


def test_an_initial_that_fits_two_people_merges_with_neither():
    result = resolve([paper("a", ["John Smith", "Ann Lee"]), paper("b", ["Jane Smith", "Ann Lee"]),
                      paper("c", ["J. Smith", "Ann Lee"])], REGISTRY, ORGS, Aliases())
    assert result.person("John Smith") != result.person("Jane Smith")
    assert len({result.person(n) for n in ("John Smith", "Jane Smith", "J. Smith")}) >= 2
    assert any("more than one person" in a.reason for a in result.ambiguities)


def test_registry_people_and_organizations_keep_their_ids():
    result = resolve([paper("a", ["Prof. SANJEEV ARORA"], ["Princeton University+MIT"])],
                     REGISTRY, ORGS, Aliases())
    assert result.person("Sanjeev Arora") == "sanjeev-arora"
    assert result.organizations("Princeton University+MIT") == [
        "princeton-university", "massachusetts-institute-of-technology"]
    assert [p.id for p in result.new_people] == []


def test_a_misspelled_institution_is_merged_into_the_common_spelling():
    result = resolve([paper("a", ["Ann Lee"], ["Carnegie Mellon University"]),
                      paper("b", ["Bo Li"], ["Carnegie Mellon University"]),
                      paper("c", ["Cy Wu"], ["Carnegie Mellow University"])], [], [], Aliases())
    assert result.organizations("Carnegie Mellow University") == ["carnegie-mellon-university"]
    assert ("Carnegie Mellon University", "Carnegie Mellow University", "typo") in {
        (m.canonical, m.variant, m.reason) for m in result.merges}


def test_the_alias_file_settles_what_evidence_cannot():
    aliases = Aliases(people=[AliasEntry(name="Samuel B. Hopkins", aliases=["Sam Hopkins"])],
                      distinct_people=[["Ben Recht", "Benjamin Recht"]],
                      organizations=[AliasEntry(name="Vector Institute", aliases=["Vector"])])
    result = resolve([paper("a", ["Samuel B. Hopkins", "Ann Lee"]), paper("b", ["Sam Hopkins", "Bo Li"]),
                      paper("c", ["Benjamin Recht", "Ann Lee"], [None, "Vector"]),
                      paper("d", ["Ben Recht", "Ann Lee"])], [], [], aliases)
    assert result.person("Sam Hopkins") == result.person("Samuel B. Hopkins")
    assert result.person("Ben Recht") != result.person("Benjamin Recht")
    assert result.organizations("Vector") == ["vector-institute"]


def namesake_papers():
    return [paper("a", ["Wei Chen", "Ann Lee"], ["Tsinghua University", None]),
            paper("b", ["Wei Chen", "Bo Li"], ["Microsoft Research", None]),
            paper("c", ["Wei Chen", "Cy Wu"], ["MIT EECS", None]),
            paper("d", ["Wei Chen", "Ann Lee"], ["Massachusetts Institute of Technology", None])]


def common_name_field():
    """A field where Wei and Chen are common: sixty given names with each of ten family names."""
    syllables = ["an", "bo", "da", "fei", "hao", "jie", "kai", "lei", "min", "ning", "peng", "rui"]
    given = ["Wei"] + [(a + b).capitalize() for a in syllables[:8] for b in syllables[4:]][:59]
    family = ["Chen", "Wang", "Zhang", "Liu", "Li", "Yang", "Zhao", "Wu", "Zhou", "Xu"]
    return [paper(f"f-{g}-{f}", [f"{g} {f}"]) for g in given for f in family if (g, f) != ("Wei", "Chen")]


def test_a_common_name_at_two_places_in_one_year_with_nothing_shared_is_two_people():
    papers = [paper("a", ["Wei Chen", "Ann Lee"], ["Tsinghua University", None]),
              paper("b", ["Wei Chen", "Bo Li"], ["Microsoft Research", None])]
    result = resolve(papers + common_name_field(), [], [], Aliases())
    assert result.person("Wei Chen", ("a", 0)) != result.person("Wei Chen", ("b", 0))
    [split] = [c for c in result.cases if c.status == "split"]
    assert split.name == "Wei Chen" and "different institutions" in split.evidence


def test_a_rare_name_at_two_places_is_one_person_who_moved():
    papers = [paper("a", ["Sebastien Bubeck", "Ann Lee"], ["Princeton University", None]),
              paper("b", ["Sebastien Bubeck", "Bo Li"], ["Microsoft Research", None])]
    result = resolve(papers, [], [], Aliases())
    assert result.person("Sebastien Bubeck", ("a", 0)) == result.person("Sebastien Bubeck", ("b", 0))


def test_a_name_checked_to_be_one_person_is_one_person():
    papers = [paper("a", ["Wei Chen", "Ann Lee"], ["Tsinghua University", None]),
              paper("b", ["Wei Chen", "Bo Li"], ["Microsoft Research", None])]
    result = resolve(papers + common_name_field(), [], [], Aliases(one_person=["Wei Chen"]))
    assert result.person("Wei Chen", ("a", 0)) == result.person("Wei Chen", ("b", 0))
    assert not [c for c in result.cases if c.status == "split"]


def test_one_campus_written_four_ways_with_a_misspelled_city_is_one_institution():
    printed = ["University of California, San Diego", "University of California at San Diego",
               "Univ. of California, San Deigo", "Dept. of Computer Science, UCSD"]
    result = resolve([paper(str(i), [name], [stated]) for i, (name, stated) in
                      enumerate(zip(["Ann Lee", "Bo Li", "Cy Wu", "Di Xu"], printed, strict=True))],
                     [], [], Aliases())
    assert {tuple(result.organizations(p)) for p in printed} == {("university-of-california-at-san-diego",)}
    assert ("Univ. of California San Deigo", "typo") in {(m.variant, m.reason) for m in result.merges}


def test_namesakes_in_the_alias_file_get_one_id_each():
    from kg.records.aliases import Namesake, NamesakeEntry

    aliases = Aliases(namesakes=[NamesakeEntry(name="Wei Chen", people=[
        Namesake(id="wei-chen-tsinghua", organizations=["Tsinghua University"], coauthors=["Ann Lee"]),
        Namesake(id="wei-chen-msr", organizations=["Microsoft Research"])])])
    result = resolve(namesake_papers(), [], [], aliases)
    assert [result.person("Wei Chen", (key, 0)) for key in "abcd"] == [
        "wei-chen-tsinghua", "wei-chen-msr", "wei-chen", "wei-chen-tsinghua"]
    assert {"wei-chen-tsinghua", "wei-chen-msr", "wei-chen"} <= {p.id for p in result.new_people}
    assert [(a.name, a.other) for a in result.ambiguities] == [("Wei Chen", "c #1")]  # MIT: neither


def test_when_every_use_is_placed_the_shared_name_is_no_one():
    from kg.records.aliases import Namesake, NamesakeEntry

    aliases = Aliases(namesakes=[NamesakeEntry(name="Wei Chen", people=[
        Namesake(id="wei-chen-a", coauthors=["Ann Lee"]), Namesake(id="wei-chen-b", coauthors=["Bo Li"])])])
    result = resolve(namesake_papers()[:2], [], [], aliases)
    assert sorted(p.id for p in result.new_people if "chen" in p.id) == ["wei-chen-a", "wei-chen-b"]
    assert result.ambiguities == []


def test_a_pet_name_of_a_given_name_is_a_variant_that_needs_evidence():
    assert names.variant("gerry fallon", "gerald fallon").reason == "diminutive"  # "ger" + "r" + "y"
    assert names.variant("freddie moss", "frederic moss").reason == "diminutive"
    assert names.variant("gerry fallon", "gerald fallon").cost <= -3.0  # as a name cut short: never on names
    assert names.variant("raju menon", "rajkumar menon") is None  # "-u" ends whole names too: cut only
    assert names.variant("veeru menon", "veerabhadra menon", cut=True).reason == "diminutive"
    assert names.variant("mary hale", "marcus hale") is None  # three letters undoubled: another name


def test_a_full_name_spelled_with_another_vowel_keeps_its_short_form():
    assert names.variant("alex petrov", "aleksandar petrov").reason == "short form"  # table: aleksander
    assert names.variant("andy hale", "andrea hale") is None  # not andrew: a letter other than a vowel


def test_a_given_name_cut_short_is_a_variant_only_when_the_caller_allows_it():
    assert names.variant("eli bingham", "elias bingham") is None
    assert names.variant("eli bingham", "elias bingham", cut=True).reason == "first name cut"
    assert names.variant("becca roelofs", "rebecca roelofs", cut=True).reason == "first name cut"
    assert names.variant("jan meyer", "jana meyer", cut=True) is None  # one letter more: another name
    assert names.variant("ian lee", "brian lee", cut=True) is None  # an end of three letters: another name


def test_the_and_of_a_list_of_authors_left_before_a_name_is_no_given_name():
    assert names.clean("and Ada Lovelace") == "Ada Lovelace"
    assert names.clean("& Ada Lovelace") == "Ada Lovelace"
    assert names.clean("And Ada") == "And Ada"  # two words: maybe a name, kept as printed


def test_dj_and_d_are_one_letter_of_serbian_and_croatian():
    assert names.key("Đorđe Petrović") == "dorde petrovic"  # unidecode writes đ as d
    assert names.variant("djordje petrovic", "dorde petrovic").reason == "transliteration"
    assert names.variant("dragan petrovic", "dorde petrovic") is None


def test_the_russian_ending_of_a_family_name_in_each_transliteration_is_one_name():
    for written in ("dvurechenskii", "dvurechenskiy", "dvurechenskij", "dvurechensky"):
        assert names.russian_ending(written) == "dvurechensky"
    assert names.russian_ending("dvurechenskaia") == names.russian_ending("dvurechenskaya")
    assert names.variant("pavel dvurechenskii", "pavel dvurechensky").reason == "ending transliterated"
    assert names.variant("dmitrii ostrovskii", "dmitry ostrovsky") is not None  # the given name a typo too
    assert names.variant("anna dvurechenskaya", "pavel dvurechenskii") is None  # two given names
    assert names.russian_ending("kowalska") == "kowalska"  # a Polish feminine ending is another name
    assert names.russian_ending("smith") == "smith"


def test_a_family_name_transliterated_two_ways_with_a_shared_coauthor_is_one_person():
    papers = [paper("a", ["Pavel Dvurechensky", "Ann Lee"]), paper("b", ["Pavel Dvurechenskii", "Ann Lee"]),
              paper("c", ["Pavel Dvurechenskiy", "Bo Li"])]
    result = resolve(papers, REGISTRY, ORGS, Aliases())
    assert result.person("Pavel Dvurechenskii") == result.person("Pavel Dvurechensky")
    assert result.person("Pavel Dvurechenskiy") != result.person("Pavel Dvurechensky")  # nothing shared


def test_a_given_name_written_in_another_languages_letters_is_a_variant_that_needs_evidence():
    found = names.variant("nicholas sidiropoulos", "nikolaos sidiropoulos", cut=True)
    assert found is not None and found.reason == "transliterated" and found.cost <= -2.5
    assert names.skeleton("nicholas") == names.skeleton("nikolaos") == ("nkls", 3)
    assert names.variant("nicholas sidiropoulos", "nikolaos sidiropoulos") is None  # not in a dense culture
    assert names.variant("christian moss", "kristina moss", cut=True) is None  # one syllable more
    assert names.variant("mark moss", "marco moss", cut=True) is None  # another name, two consonants


def test_a_word_read_as_a_particle_is_a_given_name_when_another_spelling_prints_it_so():
    assert names.parse("andrew an bian").particles == ("an",)
    assert names.variant("an bian", "andrew an bian").reason == "first name left out"
    assert names.variant("ulrike von luxburg", "ulrike luxburg").reason == "particle"  # a particle stays one


def test_a_pet_name_ending_in_o_is_a_variant_outside_dense_name_cultures():
    assert names.variant("shubho sengupta", "shubhabrata sengupta", cut=True).reason == "diminutive"
    assert names.variant("shubho sengupta", "shubhabrata sengupta") is None


def test_a_name_printed_family_name_first_may_also_shorten_its_middle_name():
    assert names.variant("nguyen viet cuong", "cuong v nguyen").reason == "names swapped, middle initial"
    assert names.variant("nguyen viet cuong", "cuong nguyen").reason == "names swapped, middle name"
    assert names.variant("nguyen viet cuong", "cuong t nguyen") is None  # another middle initial


@pytest.mark.parametrize(("a", "b"), [
    ("yannis paschalidis", "ioannis paschalidis"),  # Greek: the everyday form of Ioannis
    ("nikos vlassis", "nikolaos vlassis"),
    ("manu orsini", "emmanuel orsini"),  # French
    ("beppe rossi", "giuseppe rossi"),  # Italian
    ("paco garcia", "francisco garcia"),  # Spanish
    ("nacho ruiz", "ignacio ruiz"),
])
def test_greek_french_italian_and_spanish_short_forms_are_variants_that_need_evidence(a, b):
    found = names.variant(a, b)
    assert found is not None and found.reason == "short form" and found.cost < 0


def test_short_forms_of_the_table_do_not_join_unrelated_given_names():
    assert names.variant("manu sharma", "maria sharma") is None
    assert names.variant("yannis ioannou", "georgios ioannou") is None


def test_a_greek_short_form_with_a_shared_coauthor_is_merged_and_without_one_is_not():
    merged = resolve([paper("a", ["Ioannis Paschalidis", "Ann Lee"]),
                      paper("b", ["Yannis Paschalidis", "Ann Lee"])], [], [], Aliases())
    assert merged.person("Yannis Paschalidis") == merged.person("Ioannis Paschalidis")
    apart = resolve([paper("a", ["Ioannis Paschalidis", "Ann Lee"]),
                     paper("b", ["Yannis Paschalidis", "Bo Li"])], [], [], Aliases())
    assert apart.person("Yannis Paschalidis") != apart.person("Ioannis Paschalidis")


@pytest.mark.parametrize(("printed", "expected"), [
    ("Helmut Bölcskei", "helmut boelcskei"),
    ("Jörg Müller", "joerg mueller"),
    ("Søren Hauberg", "soeren hauberg"),
    ("Johan Håstad", "johan haastad"),
    ("Helmut Boelcskei", None),  # already written out
    ("Helmut Bolcskei", None),  # nothing printed to write out
    ("Wolfgang Weiß", None),  # ß folds to "ss" already
    ("Michał Dereziński", None),  # no letter its language writes out
])
def test_umlauts_and_nordic_letters_written_out_as_their_languages_do(printed, expected):
    assert names.written_out(printed) == expected
