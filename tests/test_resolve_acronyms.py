"""Acronyms learned from the field: a short form is the institution whose initials it spells, on evidence."""

from __future__ import annotations

from kg.ingest.printed import ImportedPaper
from kg.ingest.resolve.acronyms import forms_of, is_acronym, spells, tokens
from kg.ingest.resolve.organizations import resolve_organizations
from kg.ingest.resolve.resolution import Resolution
from kg.records.aliases import Aliases
from kg.records.models import Organization


def test_a_form_spells_a_name_by_its_initials_skipping_small_words():
    assert spells(tokens("SRIBD"), "Shenzhen Research Institute of Big Data", set())
    assert spells(tokens("CNRS"), "Centre National de la Recherche Scientifique", set())
    assert spells(tokens("Skolkovo IST"), "Skolkovo Institute of Science and Technology", set())
    # a place at the end of the name may be left out
    assert spells(tokens("OvGU"), "Otto-von-Guericke-Universität Magdeburg", {"magdeburg"})
    assert not spells(tokens("OvGU"), "Otto-von-Guericke-Universität Magdeburg", set())
    assert not spells(tokens("MIT"), "Microsoft Research India", set())


def test_what_is_a_form():
    assert is_acronym("SRIBD") and is_acronym("OvGU") and is_acronym("IISc")
    assert not is_acronym("McGill") and not is_acronym("DeepMind") and not is_acronym("TU")
    assert forms_of("The Chinese University of Hong Kong (Shenzhen) and SRIBD, 518172, China") == ["SRIBD"]
    assert tokens("the SRIBD group") is None


def paper(key: str, authors: list[str], affiliations: list[str]) -> ImportedPaper:
    return ImportedPaper(key=key, title=key, year=2020, authors=authors, affiliations=affiliations)


CUHK = "The Chinese University of Hong Kong"
REGISTRY = [Organization(id="cuhk-sz", name=f"{CUHK}, Shenzhen", kind="university"),
            Organization(id="puc-chile", name="Pontificia Universidad Católica de Chile", kind="university",
                         alt_names=["PUC Chile"])]


def test_an_acronym_printed_by_the_authors_of_the_full_name_is_that_institution():
    papers = [paper("a", ["Shuguang Cui"], ["The Chinese University of Hong Kong, Shenzhen + "
                                            "Shenzhen Research Institute of Big Data"]),
              paper("b", ["Shuguang Cui", "Feng Yin"],
                    ["The Chinese University of Hong Kong (Shenzhen) and SRIBD, 518172, China"] * 2)]
    resolution = Resolution()
    resolve_organizations(papers, REGISTRY, Aliases(), resolution)
    [_, institute] = resolution.organizations("The Chinese University of Hong Kong, Shenzhen + "
                                              "Shenzhen Research Institute of Big Data")
    assert resolution.organizations(f"{CUHK} (Shenzhen) and SRIBD, 518172, China") == ["cuhk-sz", institute]
    assert any(m.variant == "SRIBD" and m.reason == "acronym" for m in resolution.merges)


def test_an_acronym_printed_where_nobody_prints_the_full_name_is_not_learned():
    papers = [paper("a", ["Shuguang Cui"], ["Shenzhen Research Institute of Big Data"]),
              paper("b", ["Shuguang Cui"], ["SRIBD"]),
              paper("c", ["Ann Lee"], ["Harbin Institute, SRIBD"])]  # another SRIBD, for all we know
    resolution = Resolution()
    resolve_organizations(papers, REGISTRY, Aliases(), resolution)
    assert not any(m.reason == "acronym" for m in resolution.merges)


def test_a_learned_form_names_a_whole_segment_not_part_of_a_longer_name():
    papers = [paper("a", ["Ana Diaz"], ["Pontificia Universidad Católica de Chile, Santiago, Chile"]),
              paper("b", ["Ana Diaz"], ["PUC, Santiago"]),
              paper("c", ["Rui Costa"], ["PUC-Rio, Brazil"])]
    resolution = Resolution()
    resolve_organizations(papers, REGISTRY, Aliases(), resolution)
    assert resolution.organizations("PUC, Santiago") == ["puc-chile"]
    assert resolution.organizations("PUC-Rio, Brazil") != ["puc-chile"]


def test_an_acronym_joined_to_another_institution_is_the_one_the_field_spells_out_elsewhere():
    papers = [paper("a", ["Ann Lee"], ["Pacific Northwest National Laboratory, Richland, WA"]),
              paper("b", ["Bo Chen"], ["PNNL & Duke U."]),
              paper("c", ["Cy Young"], ["School of Information Science and Technology, Beijing"]),
              paper("d", ["Di Wu"], ["SIST, The Chinese University of Hong Kong, Shenzhen"])]
    resolution = Resolution()
    resolve_organizations(papers, REGISTRY, Aliases(), resolution)
    [lab] = resolution.organizations("Pacific Northwest National Laboratory, Richland, WA")
    assert lab in resolution.organizations("PNNL & Duke U.")
    assert any(m.variant == "PNNL" and m.reason == "acronym" for m in resolution.merges)
    # a segment of a registry institution's part: as often that institution's unit
    assert resolution.organizations("SIST, The Chinese University of Hong Kong, Shenzhen") == ["cuhk-sz"]
