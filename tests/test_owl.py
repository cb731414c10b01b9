"""The ontology is OWL 2 DL: HermiT (through owlready2, on the machine's Java) loads it, finds it
consistent and every class satisfiable."""

from __future__ import annotations

import owlready2
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf.ontology import ontology_graph


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> owlready2.World:
    """The ontology loaded by owlready2 (which reads RDF/XML, not Turtle) and classified by HermiT."""
    path = tmp_path_factory.mktemp("owl") / "kg.owl"
    ontology_graph().serialize(path, format="xml")
    world = owlready2.World()
    ontology = world.get_ontology(path.as_uri()).load()
    with ontology:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return world


def test_hermit_finds_the_ontology_consistent_with_no_unsatisfiable_class(world):
    assert list(world.inconsistent_classes()) == []
    kg_classes = [c for c in world.classes() if c.iri.startswith("https://w3id.org/kg/ontology#")]
    assert len(kg_classes) > 20


def test_hermit_finds_a_contradiction_when_there_is_one(tmp_path):
    """The check can fail: two disjoint classes under a third make that one unsatisfiable."""
    graph = ontology_graph()
    kg = rdflib.Namespace("https://w3id.org/kg/ontology#")
    graph.add((kg.Talk, OWL.disjointWith, kg.Paper))
    graph.add((kg.Broken, RDF.type, OWL.Class))
    graph.add((kg.Broken, RDFS.subClassOf, kg.Talk))
    graph.add((kg.Broken, RDFS.subClassOf, kg.Paper))
    path = tmp_path / "broken.owl"
    graph.serialize(path, format="xml")
    world = owlready2.World()
    ontology = world.get_ontology(path.as_uri()).load()
    with ontology:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    found = {c.iri for c in world.inconsistent_classes()} - {str(OWL.Nothing)}
    assert found == {str(kg.Broken)}


def test_no_property_is_both_an_object_and_a_datatype_property():
    """OWL 2 DL forbids it, also for an external property two kg properties specialise."""
    graph = ontology_graph()
    kinds: dict[rdflib.term.Node, set[rdflib.term.Node]] = {}
    for prop, parent in graph.subject_objects(RDFS.subPropertyOf):
        for kind in graph.objects(prop, RDF.type):
            if kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
                kinds.setdefault(parent, set()).add(kind)
                kinds.setdefault(prop, set()).add(kind)
    assert {p: k for p, k in kinds.items() if len(k) > 1} == {}
