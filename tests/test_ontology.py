"""The ontology and the SHACL shapes: they parse, declare exactly vocab's terms, and catch bad data."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pyoxigraph as ox
import pytest
import rdflib
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, SH, XSD, Literal, URIRef

from kg.rdf import vocab
from kg.records import models

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_FILE = ROOT / "ontology" / "kg.ttl"
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"
GOLDEN_FILE = ROOT / "tests" / "golden" / "mini.nq"

KG = rdflib.Namespace(vocab.ONTOLOGY)
WDT = rdflib.Namespace("http://www.wikidata.org/prop/direct/")
ALIGNMENT = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty)
# Targets in these namespaces are logic, not an alignment to an established vocabulary.
NOT_ALIGNMENT = (str(RDF), str(RDFS), str(OWL), str(XSD))
KINDS = {
    OWL.Class: vocab.CLASSES,
    OWL.ObjectProperty: vocab.OBJECT_PROPERTIES,
    OWL.DatatypeProperty: vocab.DATATYPE_PROPERTIES,
    OWL.NamedIndividual: vocab.INDIVIDUALS,
}


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_FILE, format="turtle")


def kg_local(node: rdflib.term.Node) -> str | None:
    """The local name of a kg: IRI, or None for anything else."""
    if isinstance(node, URIRef) and str(node).startswith(vocab.ONTOLOGY):
        return str(node)[len(vocab.ONTOLOGY) :]
    return None


def declared(ontology: rdflib.Graph, kind: URIRef) -> set[str]:
    """The kg: terms typed ``kind`` in the ontology."""
    return {name for s in ontology.subjects(RDF.type, kind) if (name := kg_local(s)) is not None}


def english(ontology: rdflib.Graph, term: URIRef, predicate: URIRef) -> list[str]:
    """The non-empty English values of ``predicate`` on ``term``."""
    return [
        str(o)
        for o in ontology.objects(term, predicate)
        if isinstance(o, Literal) and o.language == "en" and str(o).strip()
    ]


def external_alignments(ontology: rdflib.Graph, term: URIRef) -> set[URIRef]:
    """Non-kg terms reached from ``term`` by subClassOf/subPropertyOf/equivalent*, through kg terms."""
    seen, todo, found = {term}, [term], set()
    while todo:
        current = todo.pop()
        for predicate in ALIGNMENT:
            for target in ontology.objects(current, predicate):
                if not isinstance(target, URIRef) or target in seen:
                    continue
                seen.add(target)
                if kg_local(target) is not None:
                    todo.append(target)
                elif not str(target).startswith(NOT_ALIGNMENT):
                    found.add(target)
    return found


# --- the files ----------------------------------------------------------------------------------


def test_ontology_and_shapes_parse(ontology: rdflib.Graph, shapes: rdflib.Graph):
    assert (URIRef("https://w3id.org/kg/ontology"), RDF.type, OWL.Ontology) in ontology
    assert len(shapes) > 0
    assert set(shapes.subjects(RDF.type, SH.NodeShape))


def test_ontology_header(ontology: rdflib.Graph):
    header = URIRef("https://w3id.org/kg/ontology")
    assert english(ontology, header, RDFS.label)
    assert english(ontology, header, RDFS.comment)
    assert ontology.value(header, OWL.versionInfo) is not None
    created = ontology.value(header, rdflib.DCTERMS.created)
    assert created == Literal("2026-11-22", datatype=XSD.date)
    assert not list(ontology.objects(header, OWL.imports))


# --- the terms ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS), ids=lambda k: str(k).rsplit("#", 1)[-1])
def test_declared_terms_equal_vocab(ontology: rdflib.Graph, kind: URIRef):
    assert declared(ontology, kind) == set(KINDS[kind])


def test_every_kg_term_in_the_ontology_is_declared(ontology: rdflib.Graph):
    used = {name for triple in ontology for node in triple if (name := kg_local(node)) is not None}
    assert used == set(vocab.TERMS)


def test_every_term_has_an_english_label_comment_and_definer(ontology: rdflib.Graph):
    for name in vocab.TERMS:
        term = KG[name]
        assert english(ontology, term, RDFS.label), f"kg:{name} has no English rdfs:label"
        assert english(ontology, term, RDFS.comment), f"kg:{name} has no English rdfs:comment"
        assert ontology.value(term, RDFS.isDefinedBy) == URIRef("https://w3id.org/kg/ontology")


def test_every_class_and_property_is_aligned_outside_kg(ontology: rdflib.Graph):
    for name in vocab.CLASSES + vocab.OBJECT_PROPERTIES + vocab.DATATYPE_PROPERTIES:
        assert external_alignments(ontology, KG[name]), f"kg:{name} has no external alignment"


@pytest.mark.parametrize(
    ("name", "wikidata"),
    [
        ("author", "P50"),
        ("doctoralAdvisor", "P184"),
        ("doctoralStudent", "P185"),
        ("educatedAt", "P69"),
        ("speaker", "P823"),
        ("organizer", "P664"),
    ],
)
def test_wikidata_alignments(ontology: rdflib.Graph, name: str, wikidata: str):
    assert (KG[name], RDFS.subPropertyOf, WDT[wikidata]) in ontology


def test_affiliation_is_not_employment(ontology: rdflib.Graph):
    assert (KG.affiliatedWith, RDFS.subPropertyOf, WDT.P108) not in ontology
    assert (KG.affiliatedWith, RDFS.subPropertyOf, URIRef("http://schema.org/affiliation")) in ontology


@pytest.mark.parametrize(("name", "wikidata"), [("affiliatedWith", "P108"), ("partOf", "P179")])
def test_looser_wikidata_matches_are_related_not_implied(ontology: rdflib.Graph, name: str, wikidata: str):
    related = URIRef("http://www.w3.org/2004/02/skos/core#relatedMatch")
    assert (KG[name], related, WDT[wikidata]) in ontology
    assert (KG[name], RDFS.subPropertyOf, WDT[wikidata]) not in ontology


def test_doctoral_student_is_the_inverse_of_doctoral_advisor(ontology: rdflib.Graph):
    assert (KG.doctoralStudent, OWL.inverseOf, KG.doctoralAdvisor) in ontology


def test_source_is_a_prov_derivation(ontology: rdflib.Graph):
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    assert (KG.source, RDFS.subPropertyOf, prov.wasDerivedFrom) in ontology
    for name in ("SourceDocument", "Affiliation", "Education", "Advising", "AwardReceipt"):
        assert prov.Entity in external_alignments(ontology, KG[name]), name


def test_subclasses(ontology: rdflib.Graph):
    for kind in vocab.ORGANIZATION_CLASS.values():
        if kind != "Organization":
            assert (KG[kind], RDFS.subClassOf, KG.Organization) in ontology
    for kind in vocab.EVENT_CLASS.values():
        assert (KG[kind], RDFS.subClassOf, KG.Event) in ontology
    for kind in vocab.ADVISING_CLASS.values():
        assert (KG[kind], RDFS.subClassOf, KG.Advising) in ontology
    for individual in vocab.PRESENTATION_INDIVIDUAL.values():
        assert (KG[individual], RDF.type, KG.PresentationKind) in ontology


def test_shared_properties_have_no_single_class_domain(ontology: rdflib.Graph):
    """A property used on several kinds of node has no domain, or a union of classes."""
    for name in ("name", "title", "year", "start", "end", "partOf", "person", "source", "at"):
        for domain in ontology.objects(KG[name], RDFS.domain):
            assert ontology.value(domain, OWL.unionOf) is not None, f"kg:{name} has a single domain"
    assert ontology.value(KG.person, RDFS.range) == KG.Person


def test_datatype_ranges(ontology: rdflib.Graph, shapes: rdflib.Graph):
    # xsd:gYear is outside OWL 2 DL's datatypes: the ontology says rdfs:Literal, the shapes gYear
    assert ontology.value(KG.year, RDFS.range) == RDFS.Literal
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    year_shapes = [s for s in shapes.subjects(SH.path, KG.year)]
    assert year_shapes and all(shapes.value(s, SH.datatype) == XSD.gYear for s in year_shapes)
    assert ontology.value(KG.position, RDFS.range) == XSD.positiveInteger
    assert ontology.value(KG.current, RDFS.range) == XSD.boolean


# --- the shapes ---------------------------------------------------------------------------------


def test_shapes_use_only_declared_terms(shapes: rdflib.Graph):
    allowed = {KG[name] for name in vocab.TERMS} | {RDF.type}
    targets = set(shapes.objects(None, SH.targetClass))
    targets |= set(shapes.objects(None, SH.targetSubjectsOf))
    targets |= set(shapes.objects(None, SH.targetObjectsOf))
    paths = set(shapes.objects(None, SH.path))
    assert targets and paths
    assert targets <= allowed, targets - allowed
    assert paths <= allowed, paths - allowed
    classes = set(shapes.objects(None, SH["class"]))
    assert classes <= allowed, classes - allowed


def test_shapes_mention_no_undeclared_kg_term(shapes: rdflib.Graph):
    """Every kg: IRI in the shapes, and every kg:name in their SPARQL, is declared."""
    mentioned = {name for triple in shapes for node in triple if (name := kg_local(node)) is not None}
    for query in shapes.objects(None, SH.select):
        mentioned |= set(re.findall(r"\bkg:([A-Za-z]+)", str(query)))
    assert mentioned and mentioned <= set(vocab.TERMS), mentioned - set(vocab.TERMS)


def test_every_fact_class_has_a_shape(shapes: rdflib.Graph):
    targeted = {kg_local(t) for t in shapes.objects(None, SH.targetClass)}
    expected = {
        "Person", "Organization", "Event", "Talk", "Paper", "Authorship", "Affiliation",
        "Education", "Advising", "AwardReceipt", "ContactRole", "SourceDocument",
    }  # fmt: skip
    assert expected <= targeted


VALID = """
@prefix kg:  <https://w3id.org/kg/ontology#> .
@prefix id:  <https://w3id.org/kg/id/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

id:person\\/ada a kg:Person ; kg:name "Ada Lovelace" ; kg:altName "A. Lovelace" ;
    kg:wikidataEntity <http://www.wikidata.org/entity/Q7259> ;
    kg:affiliatedWith id:org\\/au .
id:person\\/alan a kg:Person ; kg:name "Alan Turing" .
id:org\\/au a kg:University ; kg:name "Analytical University" .

id:source\\/page a kg:SourceDocument ; kg:title "A seminar page" ; kg:documentKind "seminar_page" ;
    kg:file "data/sources/page.txt" ; kg:url <https://example.org/seminar> ;
    kg:retrieved "2024-01-02"^^xsd:date .

id:event\\/series a kg:SeminarSeries ; kg:name "Mini Seminar" ; kg:host id:org\\/au ;
    kg:organizer id:person\\/alan ; kg:timezone "Europe/London" ; kg:source id:source\\/page .
id:event\\/day a kg:Seminar ; kg:name "Mini Seminar, 8 January 2024" ; kg:partOf id:event\\/series ;
    kg:start "2024-01-08"^^xsd:date ; kg:source id:source\\/page .

id:talk\\/engines a kg:Talk ; kg:title "Engines that think" ; kg:speaker id:person\\/ada ;
    kg:partOf id:event\\/day ;
    kg:start "2024-01-08T12:30:00+00:00"^^xsd:dateTime ;
    kg:end "2024-01-08T13:30:00+00:00"^^xsd:dateTime ;
    kg:source id:source\\/page ; kg:at "Speakers, entry 1" .

id:affiliation\\/1 a kg:Affiliation ; kg:person id:person\\/ada ; kg:organization id:org\\/au ;
    kg:asStated "AU" ; kg:current true ; kg:context id:talk\\/engines ; kg:source id:source\\/page .

id:advising\\/1 a kg:DoctoralAdvising ; kg:student id:person\\/alan ; kg:advisor id:person\\/ada ;
    kg:institution id:org\\/au ; kg:evidence "Alan was advised by Ada." ; kg:source id:source\\/page .
id:person\\/alan kg:doctoralAdvisor id:person\\/ada .
id:person\\/ada kg:doctoralStudent id:person\\/alan .

id:paper\\/notes a kg:Paper ; kg:title "Notes on the engine" ; kg:year "2020"^^xsd:gYear ;
    kg:author id:person\\/ada , id:person\\/alan ;
    kg:authorship id:paper\\/notes\\/author\\/1 , id:paper\\/notes\\/author\\/2 ;
    kg:presentedAs kg:Poster ; kg:source id:source\\/page .
id:paper\\/notes\\/author\\/1 a kg:Authorship ; kg:person id:person\\/ada ;
    kg:position "1"^^xsd:positiveInteger .
id:paper\\/notes\\/author\\/2 a kg:Authorship ; kg:person id:person\\/alan ;
    kg:position "2"^^xsd:positiveInteger .
"""

PAPER = "id:paper\\/notes a kg:Paper"
AUTHORSHIPS = "kg:authorship id:paper\\/notes\\/author\\/1 , id:paper\\/notes\\/author\\/2 ;"
SPEAKER = "kg:speaker id:person\\/ada ;"

BROKEN = {
    "paper without authorship": (AUTHORSHIPS, ""),
    "authorship position is a string": ('kg:position "1"^^xsd:positiveInteger', 'kg:position "first"'),
    "speaker is an organization": (SPEAKER, "kg:speaker id:org\\/au ;"),
    "speaker is an untyped resource": (SPEAKER, "kg:speaker <https://example.org/somebody> ;"),
    "talk without speaker": (SPEAKER, ""),
    "talk with two sources": (
        "kg:source id:source\\/page ; kg:at",
        "kg:source id:source\\/page , <https://example.org/other> ; kg:at",
    ),
    "paper with two titles": (PAPER, PAPER + ' ; kg:title "Another title"'),
    "paper year is an integer": ('kg:year "2020"^^xsd:gYear', "kg:year 2020"),
    "affiliation with a person as organization": (
        "kg:organization id:org\\/au",
        "kg:organization id:person\\/alan",
    ),
    "event part of a talk": ("kg:partOf id:event\\/series", "kg:partOf id:talk\\/engines"),
    "talk time without offset": ('"2024-01-08T12:30:00+00:00"', '"2024-01-08T12:30:00"'),
    "two authors in one position": ('"2"^^xsd:positiveInteger', '"1"^^xsd:positiveInteger'),
    "author shortcut without authorship": (
        "kg:author id:person\\/ada , id:person\\/alan",
        "kg:author id:person\\/ada",
    ),
    "unknown presentation kind": ("kg:presentedAs kg:Poster", "kg:presentedAs kg:Talk"),
    "bad wikidata entity": ("entity/Q7259", "wiki/Q7259"),
    "authorship position zero": ('"1"^^xsd:positiveInteger', '"0"^^xsd:integer'),
    "unknown document kind": ('kg:documentKind "seminar_page"', 'kg:documentKind "web page"'),
    "source without title": ('kg:title "A seminar page" ;', ""),
    "advisor advises themself": ("kg:student id:person\\/alan", "kg:student id:person\\/ada"),
}

# Variants that must still conform: what a store or a builder may legitimately write.
ACCEPTED = {
    "position as xsd:integer (as Oxigraph stores it)": (
        '"1"^^xsd:positiveInteger',
        '"1"^^xsd:integer',
    ),
    "talk without title": ('kg:title "Engines that think" ;', ""),
    "event times as dateTime": (
        'kg:start "2024-01-08"^^xsd:date',
        'kg:start "2024-01-08T12:00:00Z"^^xsd:dateTime',
    ),
    "organization of the base class": ("a kg:University", "a kg:Organization"),
    "strings typed explicitly": ('"Ada Lovelace"', '"Ada Lovelace"^^xsd:string'),
}


def data_graph(turtle: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=turtle, format="turtle")


def conforms(data: rdflib.Graph, shapes: rdflib.Graph, ontology: rdflib.Graph, inference: str) -> bool:
    result, _, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference=inference)
    return bool(result)


@pytest.mark.parametrize("inference", ["rdfs", "none"])
def test_valid_data_conforms(shapes: rdflib.Graph, ontology: rdflib.Graph, inference: str):
    result, _, text = validate(data_graph(VALID), shacl_graph=shapes, ont_graph=ontology, inference=inference)
    assert result, text


@pytest.mark.parametrize("inference", ["rdfs", "none"])
@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_data_does_not_conform(
    shapes: rdflib.Graph, ontology: rdflib.Graph, case: str, inference: str
):
    old, new = BROKEN[case]
    assert VALID.count(old) == 1, f"the {case!r} edit does not apply to the valid graph"
    assert not conforms(data_graph(VALID.replace(old, new)), shapes, ontology, inference)


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_accepted_variants_conform(shapes: rdflib.Graph, ontology: rdflib.Graph, case: str):
    old, new = ACCEPTED[case]
    assert VALID.count(old) == 1, f"the {case!r} edit does not apply to the valid graph"
    for inference in ("rdfs", "none"):
        data = data_graph(VALID.replace(old, new))
        result, _, text = validate(data, shacl_graph=shapes, ont_graph=ontology, inference=inference)
        assert result, text


def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
    """An Oxigraph term as rdflib reads it back from a store (plain strings typed xsd:string)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def test_valid_data_conforms_after_a_round_trip_through_oxigraph(
    shapes: rdflib.Graph, ontology: rdflib.Graph
):
    store = ox.Store()
    store.load(VALID.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    data = rdflib.Graph()
    for quad in store:
        data.add((from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object)))
    assert len(data) == len(data_graph(VALID))
    result, _, text = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert result, text


def test_document_kinds_match_the_model(shapes: rdflib.Graph):
    kg = rdflib.Namespace(vocab.ONTOLOGY)
    patterns = {
        str(shapes.value(prop, SH.pattern))
        for prop in shapes.subjects(SH.path, kg.documentKind)
        if shapes.value(prop, SH.pattern) is not None
    }
    assert patterns == {"^(" + "|".join(get_args(models.SourceKind)) + ")$"}


def test_golden_build_output_conforms(shapes: rdflib.Graph, ontology: rdflib.Graph):
    """The builder's output for tests/data/mini (tests/golden/mini.nq) satisfies the shapes."""
    dataset = rdflib.Dataset()
    dataset.parse(GOLDEN_FILE, format="nquads")
    data = rdflib.Graph()
    for s, p, o, _ in dataset.quads():
        data.add((s, p, o))
    assert len(data) > 0
    result, _, text = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert result, text
