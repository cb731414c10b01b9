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

from kg.build import build_folder
from kg.cli import main
from kg.errors import StoreError
from kg.rdf import vocab
from kg.sparql.catalog import list_queries
from kg.sparql.resolver import find_entities
from kg.store import LocalStore
from kg.store.loading import insert_data
from kg.store.remote import RemoteStore, endpoints_for
from kg.store.server import Server, free_port

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
    assert result.stderr.startswith(f"Error: {read_only_server.url}/store: the endpoint answered HTTP 403")
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
        build_folder(MINI, store)
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
    build_folder(MINI, store)
    graph = f"<{vocab.REGISTRY_GRAPH}>"
    good = [(f"<http://e/{i}>", "<http://e/p>", f'"{i}"', graph) for i in range(20_000)]
    broken = ("<http://e/x>", "<http://e/p>", "not a term", graph)
    with pytest.raises(StoreError, match="HTTP 400"):
        store.replace_graphs([*good, broken])
    assert count(store) == 4
    assert not store.ask("ASK { <http://e/1> ?p ?o }")


def test_an_insert_batch_groups_quads_by_graph():
    quads = [("<http://s>", "<http://p>", '"a"', "<http://g1>"),
             ("<http://s>", "<http://p>", '"b"', "<http://g1>"),
             ("<http://s>", "<http://p>", '"c"', "<http://g2>")]
    text = insert_data(quads)
    store = ox.Store()
    store.update(text)
    assert len(store) == 3 and text.count("GRAPH <http://g1>") == 1


def test_analyses_read_a_remote_store_as_rdflib_graph(read_only_server, mini_store):
    from kg.sparql.reads import data_graph as store_graph

    remote, local = store_graph(RemoteStore(read_only_server.url)), store_graph(mini_store)
    assert rdflib.compare.isomorphic(remote, local) and len(remote) > 100


def test_dump_writes_a_dataset(read_only_server):
    out = io.BytesIO()
    RemoteStore(read_only_server.url).dump(out, ox.RdfFormat.N_QUADS)
    graphs = {q.graph_name for q in ox.parse(out.getvalue(), ox.RdfFormat.N_QUADS)}
    assert ox.NamedNode(vocab.REGISTRY_GRAPH) in graphs


# Every command against the endpoint: the same output as on the embedded store

COMMANDS = {
    "analyze": ("analyze", "--format", "json"),
    "path": ("path", "Kurt Godel", "Grace Hopper", "--format", "csv"),
    "lineage": ("lineage", "Alan Turing", "--format", "tsv"),
    "suggest": ("suggest", "Mini Seminar", "--format", "csv"),
    "query": ("query", "coauthors", "-p", "person", "A. Lovelace", "--format", "json"),
    "stats": ("stats", "--format", "csv"),
    "validate": ("validate", "--format", "csv"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_read_command_prints_the_same_through_the_endpoint(
    command, read_only_server, mini_store_path
):
    args = COMMANDS[command]
    remote, local = run(read_only_server.url, *args), run(mini_store_path, *args)
    assert remote.exit_code == local.exit_code == 0, remote.stderr
    assert remote.stdout == local.stdout
    assert (remote.stdout or remote.stderr).strip()  # validate prints its verdict on stderr


def test_viz_pages_from_the_endpoint_are_the_pages_of_the_embedded_store(
    read_only_server, mini_store_path, tmp_path
):
    for store, out in ((read_only_server.url, tmp_path / "remote"), (mini_store_path, tmp_path / "local")):
        result = run(store, "viz", "all", "--out", str(out))
        assert result.exit_code == 0, result.stderr
    pages = sorted(p.name for p in (tmp_path / "local").iterdir())
    assert pages == sorted(p.name for p in (tmp_path / "remote").iterdir()) and len(pages) > 2
    for name in pages:
        assert (tmp_path / "remote" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_ingest_rebuilds_the_graph_on_the_endpoint(writable_server, mini_data):
    refs = Path(__file__).parent / "data" / "ingest" / "refs.bib"
    result = run(writable_server.url, "ingest", str(refs), "--data", str(mini_data), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert f"Built {writable_server.url}" in result.stderr
    titles = RemoteStore(writable_server.url).select(
        f"SELECT ?t WHERE {{ ?p a <{vocab.term('Paper')}> ; <{vocab.term('title')}> ?t }}")
    assert any(r["t"].startswith("Learning Gaussian") for r in titles.values())
    assert count(RemoteStore(writable_server.url)) > 4  # the bibliography's authors came too


def test_synthetic_data_and_nquads_files_load_into_the_endpoint(writable_server, tmp_path):
    url = writable_server.url
    result = run(url, "build", "--synthetic", "3k", "--seed", "2")
    assert result.exit_code == 0, result.stderr
    streamed = count(RemoteStore(url))
    assert streamed > 30
    made = CliRunner().invoke(main, ["synth", "--triples", "3k", "--seed", "2", "--gzip",
                                     "--out", str(tmp_path)])
    assert made.exit_code == 0, made.stderr
    run(url, "build", "--data", str(MINI))  # something else first: the load must replace it
    result = run(url, "build", "--nquads", made.stdout.strip())
    assert result.exit_code == 0, result.stderr
    store = RemoteStore(url)
    assert count(store) == streamed
    assert not store.ask(f"ASK {{ <{ADA}> ?p ?o }}")  # the mini graph is gone
    assert store.ask(f"ASK {{ ?c a <{vocab.term('Person')}> }}")


def test_a_command_needing_a_directory_refuses_an_endpoint(read_only_server):
    result = run(read_only_server.url, "serve")
    assert result.exit_code == 1 and "already a SPARQL endpoint" in result.stderr


def test_ingesting_a_page_rebuilds_the_graph_on_the_endpoint(writable_server, tmp_path):
    from .pages_helpers import PAGES, registry_only

    data = registry_only(tmp_path)
    result = run(writable_server.url, "ingest", "--data", str(data),
                 str(PAGES / "seminar-alg-ml-2024-02-12.md"))
    assert result.exit_code == 0, result.stderr
    assert f"Built {writable_server.url}" in result.stderr
    found = run(writable_server.url, "query", "talks_by_speaker", "-p", "speaker", "Marta Kowalczyk",
                "--format", "csv")
    assert "Implicit Regularization of Sharpness-Aware Minimization" in found.stdout
