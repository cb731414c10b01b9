"""A SPARQL endpoint as the store: every command against a real Oxigraph server on 127.0.0.1."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
import yaml
from click.testing import CliRunner

from kg import vocab
from kg.build import build_remote
from kg.cli import main
from kg.errors import StoreError
from kg.lookup import find_entities
from kg.queries import list_queries
from kg.remote import RemoteStore, endpoints_for, replace_graphs_request, with_values
from kg.server import Server, free_port
from kg.store import LocalStore

from .conftest import MINI

PERSON = vocab.term("Person")
ADA = vocab.resource("person", "ada-lovelace")
SAMPLE_VALUES = {
    "person": ox.NamedNode(ADA),
    "speaker": ox.NamedNode(ADA),
    "event": ox.NamedNode(vocab.resource("event", "mini-series")),
    "organization": ox.NamedNode(vocab.resource("org", "analytical-university")),
    "needle": ox.Literal("a. lovelace"),
    "class": ox.NamedNode(PERSON),
    "talk": ox.NamedNode(vocab.resource("talk", "engines-that-think")),
    "node": ox.NamedNode(ADA),
    "venue": ox.Literal("engine"),
    "until": ox.Literal("2020", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
}
"""A value for every parameter name the named queries use."""


def run(store: str | Path, *args: str):
    return CliRunner().invoke(main, ["--store", str(store), *args])


@pytest.fixture(scope="module")
def read_only_server(mini_store_path: Path):
    """``oxigraph serve-read-only`` on the tiny dataset's store."""
    with Server.start(mini_store_path, port=free_port()) as server:
        yield server


@pytest.fixture
def writable_server(tmp_path: Path):
    """An empty ``oxigraph serve`` (read-write) on a fresh directory."""
    with Server.start(tmp_path / "server-store", port=free_port(), read_write=True) as server:
        yield server


def count(store: RemoteStore | LocalStore, cls: str = "Person") -> int:
    query = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{vocab.term(cls)}> }}"
    return int(store.select(query).rows[0][0].value)


# Where requests go


def test_endpoint_urls_follow_the_server_layout():
    assert endpoints_for("http://127.0.0.1:7878") == endpoints_for("http://127.0.0.1:7878/")
    assert endpoints_for("http://h:7878/").update == "http://h:7878/update"
    assert endpoints_for("http://h:3030/ds/query").update == "http://h:3030/ds/update"
    assert endpoints_for("https://h/sparql").query == endpoints_for("https://h/sparql").update


# Binding parameters


def test_values_block_opens_the_where_group_and_skips_braces_in_comments_iris_and_strings():
    query = '# a { comment\nPREFIX x: <http://e/#>\nSELECT ?p WHERE { ?p x:n "{" }'
    bound = with_values(query, {"p": ox.NamedNode("http://e/a")})
    assert bound.endswith('WHERE {\n  VALUES (?p) { (<http://e/a>) }\n ?p x:n "{" }')


def test_a_hostile_value_stays_one_literal():
    hostile = 'x" } } ; DROP ALL ; #'
    bound = with_values("SELECT ?n WHERE { ?s ?p ?n }", {"n": ox.Literal(hostile)})
    assert '(?n) { ("x\\" } } ; DROP ALL ; #") }' in bound


def test_blank_nodes_cannot_be_bound():
    with pytest.raises(StoreError, match="only IRIs and literals"):
        with_values("SELECT ?x WHERE { ?x ?p ?o }", {"x": ox.BlankNode()})


# Reading: the same answers as the embedded store


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_named_query_answers_the_same_remotely(query, read_only_server, mini_store):
    remote_store = RemoteStore(read_only_server.url)
    if "CONSTRUCT" in query.text:
        remote_triples = set(remote_store.construct(query.text))
        assert remote_triples == set(mini_store.construct(query.text)) and remote_triples
        return
    bindings = {p.name: SAMPLE_VALUES[p.name] for p in query.params}
    remote = remote_store.select(query.text, bindings)
    local = mini_store.select(query.text, bindings)
    assert remote.columns == local.columns
    assert remote.rows == local.rows


def test_parameterised_query_finds_rows_remotely(read_only_server):
    query = next(q for q in list_queries() if q.name == "papers_by_author")
    table = RemoteStore(read_only_server.url).select(query.text, {"person": ox.NamedNode(ADA)})
    assert len(table.rows) == 2 and {r["person"] for r in table.values()} == {ADA}


def test_names_are_looked_up_remotely(read_only_server):
    store = RemoteStore(read_only_server.url)
    assert find_entities(store, "Lovelace, Ada", "person") == [(ADA, "Ada Lovelace")]


def test_construct_and_ask(read_only_server):
    store = RemoteStore(read_only_server.url)
    triples = store.construct(f"CONSTRUCT {{ ?p a <{PERSON}> }} WHERE {{ ?p a <{PERSON}> }}")
    assert len(triples) == 4
    assert store.ask("ASK { ?p a ?c }", {"c": ox.NamedNode(PERSON)})
    assert not store.ask("ASK { ?p a ?c }", {"c": ox.NamedNode("http://e/Nothing")})


def test_cli_query_through_the_endpoint_prints_what_the_local_store_prints(
    read_only_server, mini_store_path
):
    args = ("query", "talks_by_speaker", "-p", "speaker", "Ada Lovelace", "--format", "csv")
    remote = run(read_only_server.url, *args)
    assert remote.exit_code == 0, remote.stderr
    assert remote.stdout == run(mini_store_path, *args).stdout
    assert "Engines that think" in remote.stdout


def test_cli_stats_and_export_through_the_endpoint(read_only_server, mini_store_path):
    for args in (("stats", "--format", "json"), ("export", "--format", "ntriples")):
        remote, local = run(read_only_server.url, *args), run(mini_store_path, *args)
        assert remote.exit_code == 0, remote.stderr
        assert remote.stdout == local.stdout
    nquads = run(read_only_server.url, "export", "--format", "nquads").stdout_bytes
    remote_graph = ox.Dataset(ox.parse(nquads, ox.RdfFormat.N_QUADS))
    local_graph = ox.Dataset(LocalStore.open_read_only(mini_store_path).quads())
    assert remote_graph == local_graph


def test_graph_questions_through_the_endpoint_answer_as_the_local_store_does(
    read_only_server, mini_store_path
):
    for args in (("suggest", "Mini Seminar", "--since", "2024-01-10", "--format", "json"),
                 ("analyze", "--format", "json"),
                 ("path", "Kurt Gödel", "Grace Hopper", "--format", "csv"),
                 ("lineage", "Alan Turing", "--format", "csv")):
        remote, local = run(read_only_server.url, *args), run(mini_store_path, *args)
        assert remote.exit_code == 0, remote.stderr
        assert remote.stdout == local.stdout and remote.stdout
    suggested = json.loads(run(read_only_server.url, "suggest", "Mini Seminar", "--since",
                               "2024-01-10", "--format", "json").stdout)
    assert [c["name"] for c in suggested["candidates"]] == ["Ada Lovelace", "Kurt Gödel"]


# Errors name the endpoint


def test_a_server_that_is_down_gets_a_one_line_error_naming_it():
    url = f"http://127.0.0.1:{free_port()}"
    result = run(url, "query", "people")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {url}/query: cannot reach the SPARQL endpoint: "
        "connection refused (is the server running?)\n"
    )


def test_a_read_only_server_refuses_a_build_clearly(read_only_server):
    result = run(read_only_server.url, "build", "--data", str(MINI))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {read_only_server.url}/update: the endpoint answered HTTP")
    assert "read-only" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_bad_query_gets_the_servers_message(read_only_server):
    with pytest.raises(StoreError, match=r"/query: the endpoint answered HTTP 400"):
        RemoteStore(read_only_server.url).select("SELECT nonsense")


# Writing: kg build against a read-write server


def test_build_through_the_endpoint_then_query_it(writable_server, mini_store):
    result = run(writable_server.url, "build", "--data", str(MINI))
    assert result.exit_code == 0, result.stderr
    assert f"Built {writable_server.url}" in result.stderr
    store = RemoteStore(writable_server.url)
    assert count(store) == count(mini_store) == 4
    query = next(q for q in list_queries() if q.name == "papers")
    assert store.select(query.text).rows == mini_store.select(query.text).rows


def test_rebuilding_replaces_kg_graphs_and_keeps_other_graphs(writable_server):
    store = RemoteStore(writable_server.url)
    store.update('INSERT DATA { GRAPH <http://other/g> { <http://other/s> <http://other/p> "kept" } }')
    for _ in range(2):
        build_remote(MINI, store)
    assert count(store) == 4
    assert store.ask('ASK { GRAPH <http://other/g> { ?s ?p "kept" } }')


def test_a_bad_record_sends_nothing(writable_server, mini_data):
    assert run(writable_server.url, "build", "--data", str(MINI)).exit_code == 0
    people = mini_data / "people.yaml"
    records = yaml.safe_load(people.read_text())
    people.write_text(yaml.safe_dump([*records, {"id": "Bad Id", "name": "Bad"}]))
    result = run(writable_server.url, "build", "--data", str(mini_data))
    assert result.exit_code == 1 and "people.yaml: record #5 (Bad Id): id" in result.stderr
    assert count(RemoteStore(writable_server.url)) == 4


def test_a_build_the_server_rejects_half_way_leaves_the_old_graph(writable_server):
    store = RemoteStore(writable_server.url)
    build_remote(MINI, store)
    graph = f"<{vocab.REGISTRY_GRAPH}>"
    good = [(f"<http://e/{i}>", "<http://e/p>", f'"{i}"', graph) for i in range(20_000)]
    broken = ("<http://e/x>", "<http://e/p>", "not a term", graph)
    with pytest.raises(StoreError, match="HTTP 400"):
        store.replace_graphs([*good, broken])
    assert count(store) == 4
    assert not store.ask("ASK { <http://e/1> ?p ?o }")


def test_the_update_request_groups_quads_by_graph():
    quads = [("<http://s>", "<http://p>", '"a"', "<http://g1>"),
             ("<http://s>", "<http://p>", '"b"', "<http://g1>"),
             ("<http://s>", "<http://p>", '"c"', "<http://g2>")]
    text = b"".join(replace_graphs_request(quads)).decode()
    store = ox.Store()
    store.update(text)
    assert len(store) == 3 and text.count("GRAPH <http://g1>") == 1


def test_analyses_read_a_remote_store_as_rdflib_graph(read_only_server, mini_store):
    from kg.validate import store_graph

    remote, local = store_graph(RemoteStore(read_only_server.url)), store_graph(mini_store)
    assert rdflib.compare.isomorphic(remote, local) and len(remote) > 100


def test_dump_writes_a_dataset(read_only_server):
    out = io.BytesIO()
    RemoteStore(read_only_server.url).dump(out, ox.RdfFormat.N_QUADS)
    graphs = {q.graph_name for q in ox.parse(out.getvalue(), ox.RdfFormat.N_QUADS)}
    assert ox.NamedNode(vocab.REGISTRY_GRAPH) in graphs
