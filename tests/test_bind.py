"""Parameters are bound by a VALUES block of serialized terms, in the embedded store and remotely."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.rdf import vocab
from kg.sparql.catalog import find_query
from kg.store import LocalStore
from kg.store.bind import where_group_start, with_values

ADA = vocab.resource("person", "ada-lovelace")
HOSTILE = 'x" } ; DROP ALL ; #'


def test_values_block_opens_the_where_group_and_skips_braces_in_comments_iris_and_strings():
    query = '# a { comment\nPREFIX x: <http://e/#>\nSELECT ?p WHERE { ?p x:n "{" }'
    bound = with_values(query, {"p": ox.NamedNode("http://e/a")})
    assert bound.endswith('WHERE {\n  VALUES (?p) { (<http://e/a>) }\n ?p x:n "{" }')


def test_long_strings_and_escaped_quotes_are_skipped():
    query = 'SELECT ?p WHERE { ?p <http://e/n> """{ \\"""" }'
    assert where_group_start(query) == query.index("{") + 1
    assert where_group_start("ASK { ?s ?p ?o }") == 5


def test_a_hostile_value_stays_one_literal():
    bound = with_values("SELECT ?n WHERE { ?s ?p ?n }", {"n": ox.Literal('x" } } ; DROP ALL ; #')})
    assert '(?n) { ("x\\" } } ; DROP ALL ; #") }' in bound
    assert len(ox.Store().query(bound).variables) == 1  # still a valid one-variable SELECT


def test_several_bindings_are_one_row_in_name_order():
    bound = with_values("SELECT ?b ?a WHERE { }", {"b": ox.Literal("1"), "a": ox.Literal("x", language="en")})
    assert 'VALUES (?a ?b) { ("x"@en "1") }' in bound


def test_blank_nodes_and_odd_names_cannot_be_bound():
    with pytest.raises(StoreError, match="only IRIs and literals"):
        with_values("SELECT ?x WHERE { ?x ?p ?o }", {"x": ox.BlankNode()})
    with pytest.raises(StoreError, match="not a SPARQL variable name"):
        with_values("SELECT ?x WHERE { ?x ?p ?o }", {"x) } DROP ALL": ox.Literal("1")})


def test_a_query_without_a_where_group_cannot_be_bound():
    with pytest.raises(StoreError, match="no WHERE group"):
        with_values("SELECT ?x", {"x": ox.Literal("1")})


def test_the_embedded_store_binds_a_hostile_value_as_data(mini_store: LocalStore):
    before = len(mini_store.raw)
    lookup = find_query("find_entity")
    table = mini_store.select(lookup.text, {"needle": ox.Literal(HOSTILE),
                                            "class": ox.NamedNode(vocab.term("Person"))})
    assert table.rows == [] and len(mini_store.raw) == before


def test_the_embedded_store_binds_iris(mini_store: LocalStore):
    table = mini_store.select(find_query("papers_by_author").text, {"person": ox.NamedNode(ADA)})
    assert len(table.rows) == 2 and {r["person"] for r in table.values()} == {ADA}
    assert mini_store.ask("ASK { ?p a ?c }", {"c": ox.NamedNode(vocab.term("Person"))})
