"""Named queries: each file is documented, parses, and binds its parameters as RDF terms."""

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.sparql.catalog import Param, find_query, list_queries, parse_query_file, to_term
from kg.sparql.resolver import NOTHING, bind_parameters, find_entities

ALL_QUERIES = list_queries()
REQUIRED = {
    "talks": ["talk", "speakerName", "affiliationName", "title", "eventName", "start", "source"],
    "papers": ["paper", "title", "year", "authors"],
    "advisors": ["studentName", "advisorName", "kind", "source"],
    "people": ["person", "name", "altNames", "affiliations"],
    "events": ["event", "name", "kind", "start", "end", "partOf", "organizers"],
    "coauthors": ["coauthorName", "jointPapers"],
    "speakers_of_event": ["speakerName"],
}


@pytest.mark.parametrize("query", ALL_QUERIES, ids=lambda q: q.name)
def test_every_query_is_documented_parses_and_projects_its_parameters(query, mini_store):
    assert query.summary, f"{query.path} has no '#+ summary:' line"
    if "CONSTRUCT" in query.text:
        assert mini_store.construct(query.text)
        return
    # A whole-store scan that a program sorts itself says so in an '#+ unordered:' line (ORDER BY
    # made such scans 10x slower on Oxigraph): every other query has a total order.
    assert "ORDER BY" in query.text or "#+ unordered:" in query.text
    projected = mini_store.select(query.text).columns  # parses and runs unbound
    for param in query.params:
        assert param.name in projected, f"{query.name} does not project ?{param.name}"
        assert param.description


@pytest.mark.parametrize("name,columns", sorted(REQUIRED.items()))
def test_required_queries_have_their_columns(name, columns, mini_store):
    table = mini_store.select(find_query(name).text)
    assert set(columns) <= set(table.columns)


def test_a_person_is_found_by_any_of_their_names(mini_store):
    for name in ["Ada Lovelace", "ada lovelace", "Lovelace, Ada", "A. Lovelace"]:
        found = find_entities(mini_store, name, "person")
        assert [iri for iri, _ in found] == ["https://w3id.org/kg/id/person/ada-lovelace"]


def test_an_organization_is_found_by_abbreviation(mini_store):
    found = find_entities(mini_store, "AU", "organization")
    assert found == [("https://w3id.org/kg/id/org/analytical-university", "Analytical University")]


def test_coauthors_by_name_and_by_iri_agree(mini_store):
    query = find_query("coauthors")
    by_name = bind_parameters(mini_store, query, [("person", "Ada Lovelace")])
    by_iri = bind_parameters(
        mini_store, query, [("person", "https://w3id.org/kg/id/person/ada-lovelace")]
    )
    assert by_name.terms == by_iri.terms
    rows = mini_store.select(query.text, by_name.terms).values()
    assert [(r["coauthorName"], r["jointPapers"]) for r in rows] == [
        ("Alan Turing", "2"), ("Grace Hopper", "1")
    ]


@pytest.mark.parametrize(
    "hostile", ['x" } ; DROP ALL ; #', "x> } ; DROP ALL ; #", "') } UNION { ?s ?p ?o } #"]
)
def test_parameter_values_cannot_change_the_query(hostile, mini_store, mini_store_path):
    query = find_query("coauthors")
    bindings = bind_parameters(mini_store, query, [("person", hostile)])
    assert bindings.terms["person"] == NOTHING
    assert bindings.notes == [f"no person is named {hostile!r}"]
    assert mini_store.select(query.text, bindings.terms).rows == []
    assert find_entities(mini_store, "Ada Lovelace", "person")  # nothing was dropped


def test_string_parameters_are_literals_even_when_hostile(mini_store):
    needle = Param("needle", "string", "")
    term = to_term(needle, 'AU" } ; DROP ALL ; #')
    assert isinstance(term, ox.Literal) and term.value == 'AU" } ; DROP ALL ; #'
    table = mini_store.select(
        find_query("find_entity").text,
        {"needle": term, "class": ox.NamedNode("https://w3id.org/kg/ontology#Organization")},
    )
    assert table.rows == []


def test_typed_parameters_are_checked():
    assert to_term(Param("y", "year", ""), "2019") == ox.Literal(
        "2019", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear")
    )
    with pytest.raises(QueryError, match="not an integer"):
        to_term(Param("n", "integer", ""), "ten")
    with pytest.raises(QueryError, match="not a valid IRI"):
        to_term(Param("i", "iri", ""), "http://a b")


def test_missing_and_unknown_parameters_are_errors(mini_store):
    query = find_query("coauthors")
    with pytest.raises(QueryError, match="needs parameter"):
        bind_parameters(mini_store, query, [])
    with pytest.raises(QueryError, match="no parameter 'who'"):
        bind_parameters(mini_store, query, [("who", "Ada")])


def test_unknown_query_lists_the_known_ones():
    with pytest.raises(QueryError, match="known queries: .*coauthors"):
        find_query("coauthor")


def test_bad_param_header_is_reported(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("#+ summary: x\n#+ param: who human  someone\nSELECT ?who WHERE {}\n")
    with pytest.raises(QueryError, match=r"bad.rq:2: bad '#\+ param:' line"):
        parse_query_file(path)


def test_papers_list_authors_in_order(mini_store):
    rows = {r["title"]: r for r in mini_store.select(find_query("papers").text).values()}
    assert rows["Notes on the engine"]["authors"] == "Grace Hopper; Ada Lovelace; Alan Turing"
    assert rows["Numbers again"]["authors"] == "Alan Turing; Ada Lovelace"


def test_event_programme_is_in_time_order(mini_store):
    query = find_query("event_programme")
    bindings = bind_parameters(mini_store, query, [("event", "Mini Seminar")])
    rows = mini_store.select(query.text, bindings.terms).values()
    assert [r["title"] for r in rows] == ["Engines that think", "On computable numbers"]


def test_a_name_as_written_is_found_by_the_exact_lookup_alone(mini_store):
    bindings = {"needle": ox.Literal("Lovelace, Ada"), "class": ox.NamedNode(
        "https://w3id.org/kg/ontology#Person")}
    exact = mini_store.select(find_query("find_entity_exact").text, bindings).values()
    assert [r["entity"] for r in exact] == ["https://w3id.org/kg/id/person/ada-lovelace"]
    bindings["needle"] = ox.Literal("lovelace, ada")
    assert mini_store.select(find_query("find_entity_exact").text, bindings).rows == []
