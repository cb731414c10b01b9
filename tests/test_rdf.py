"""Records → RDF: stable IRIs, author order, time zones and names survive the round trip."""

from pathlib import Path

import rdflib
from rdflib.compare import isomorphic

from kg.rdf import mapping as rdf
from kg.rdf import vocab
from kg.records.load import load_dataset

from .conftest import MINI, TESTS

KG = rdflib.Namespace(vocab.ONTOLOGY)
ID = rdflib.Namespace(vocab.RESOURCE)


def mini_nquads() -> str:
    return "".join(rdf.to_nquads(rdf.dataset_quads(load_dataset(MINI))))


def parse(nquads: str) -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    dataset.parse(data=nquads, format="nquads")
    return dataset


def union(dataset: rdflib.Dataset) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


def test_same_input_gives_the_same_quads():
    assert mini_nquads() == mini_nquads()


def test_graph_matches_the_golden_file():
    golden = parse((TESTS / "golden" / "mini.nq").read_text(encoding="utf-8"))
    assert isomorphic(union(parse(mini_nquads())), union(golden))


def test_iris_are_readable_and_built_from_ids():
    graph = union(parse(mini_nquads()))
    assert (ID["person/ada-lovelace"], KG.name, rdflib.Literal("Ada Lovelace")) in graph
    assert (ID["talk/engines-that-think"], KG.partOf, ID["event/mini-2024-01-08"]) in graph


def test_author_order_survives_the_round_trip():
    graph = union(parse(mini_nquads()))
    paper = ID["paper/2020-notes"]
    ordered = sorted(
        (int(graph.value(a, KG.position)), graph.value(a, KG.person))
        for a in graph.objects(paper, KG.authorship)
    )
    assert [str(person).rsplit("/", 1)[1] for _, person in ordered] == [
        "grace-hopper", "ada-lovelace", "alan-turing"
    ]


def test_times_keep_their_offset():
    dataset = load_dataset(MINI)
    talk = dataset.documents[1].talks[0]
    line = next(q for q in rdf.talk_quads(talk, "<g>") if q[1] == rdf.kg("start"))
    assert line[2] == f'"2024-01-08T12:30:00+00:00"^^<{vocab.XSD}dateTime>'
    graph = union(parse(mini_nquads()))
    start = graph.value(ID["talk/engines-that-think"], KG.start)
    assert start.toPython().utcoffset() is not None


def test_alternative_names_are_kept():
    graph = union(parse(mini_nquads()))
    alt = set(graph.objects(ID["person/ada-lovelace"], KG.altName))
    assert alt == {rdflib.Literal("A. Lovelace"), rdflib.Literal("Lovelace, Ada")}


def test_every_fact_is_in_its_source_graph_and_says_so():
    dataset = parse(mini_nquads())
    source = ID["source/mini-author-page"]
    graph = dataset.graph(source)
    assert (ID["paper/2020-notes"], KG.source, source) in graph
    registry = dataset.graph(rdflib.URIRef(vocab.REGISTRY_GRAPH))
    assert (ID["person/ada-lovelace"], KG.name, rdflib.Literal("Ada Lovelace")) in registry


def test_literals_are_escaped():
    assert rdf.literal('say "hi"\nand \\ bye') == '"say \\"hi\\"\\nand \\\\ bye"'
    hostile = rdf.literal('x" } ; DROP ALL ; #')
    parsed = parse(f"<http://a> <http://b> {hostile} <http://g> .\n")
    assert str(next(parsed.quads())[2]) == 'x" } ; DROP ALL ; #'


def test_only_declared_terms_are_used():
    graph = union(parse(mini_nquads()))
    used = {p for p in graph.predicates()} | {o for o in graph.objects(None, rdflib.RDF.type)}
    kg_terms = {str(t)[len(vocab.ONTOLOGY):] for t in used if str(t).startswith(vocab.ONTOLOGY)}
    assert kg_terms <= set(vocab.TERMS)
    assert used - {rdflib.RDF.type} <= {rdflib.URIRef(vocab.ONTOLOGY + t) for t in vocab.TERMS}


def write_golden() -> None:  # pragma: no cover - run by hand when the mapping changes on purpose
    (TESTS / "golden" / "mini.nq").write_text(mini_nquads(), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    Path(TESTS / "golden").mkdir(exist_ok=True)
    write_golden()
