"""The Oxigraph server on a store: started, queried with real clients, stopped."""

from __future__ import annotations

import csv
import io
import shutil
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from kg.cli import main
from kg.errors import StoreError
from kg.rdf import vocab
from kg.store.remote import RemoteStore
from kg.store.server import Server, free_port

from .conftest import MINI

PERSON = rdflib.URIRef(vocab.term("Person"))


def people_count(url: str) -> int:
    query = f"SELECT (COUNT(?p) AS ?n) WHERE {{ ?p a <{PERSON}> }}"
    return int(RemoteStore(url).select(query).rows[0][0].value)


def test_a_read_only_server_answers_and_stops(mini_store_path):
    server = Server.start(mini_store_path, port=free_port())
    try:
        assert server.answers() and people_count(server.url) == 4
    finally:
        server.stop()
    assert server.process.returncode is not None and not server.answers()


def test_a_missing_store_is_reported_before_starting(tmp_path):
    with pytest.raises(StoreError, match="no store here; run 'kg build' first"):
        Server.start(tmp_path / "nothing", port=free_port())


def test_a_port_in_use_is_reported(mini_store_path):
    with Server.start(mini_store_path, port=free_port()) as first:
        port = int(first.url.rsplit(":", 1)[1])
        with pytest.raises(StoreError, match=rf"127.0.0.1:{port}: the port is in use"):
            Server.start(mini_store_path, port=port)
        assert first.answers()


def test_a_server_that_cannot_start_says_why(tmp_path):
    (tmp_path / "not-a-store").write_text("a file, not a directory")
    with pytest.raises(StoreError, match="the Oxigraph server stopped: "):
        Server.start(tmp_path / "not-a-store", port=free_port())


@pytest.fixture
def kg_serve(mini_store_path, tmp_path, request):
    """``kg serve`` in a real subprocess on a copy of the tiny store; stopped with SIGTERM."""
    store = tmp_path / "store"
    shutil.copytree(mini_store_path.resolve(), store)
    port = free_port()
    extra = getattr(request, "param", [])
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "--store", str(store), "serve", "--port", str(port), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    banner = process.stderr.readline()
    yield process, f"http://127.0.0.1:{port}", banner
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(20)


def test_kg_serve_answers_rdflib_and_curl_style_requests_then_stops(kg_serve):
    process, url, banner = kg_serve
    assert banner.startswith("Serving ") and f"{url}/query" in banner and "read-only" in banner

    graph = rdflib.Graph(store=SPARQLStore(f"{url}/query", returnFormat="json"))
    names = sorted(str(row.name) for row in graph.query(
        f"SELECT ?name WHERE {{ ?p a <{PERSON}> ; <{vocab.term('name')}> ?name }}"))
    assert names == ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Kurt Gödel"]

    query = urllib.parse.urlencode({"query": f"SELECT ?p WHERE {{ ?p a <{PERSON}> }} ORDER BY ?p"})
    request = urllib.request.Request(f"{url}/query?{query}", headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode())))
    assert rows[0]["p"] == vocab.resource("person", "ada-lovelace")

    with urllib.request.urlopen(urllib.request.Request(url + "/", headers={"Accept": "text/html"})) as page:
        assert "<title>Oxigraph server</title>" in page.read().decode()

    refused = CliRunner().invoke(main, ["--store", url, "build", "--data", str(MINI)])
    assert refused.exit_code == 1 and "HTTP 403" in refused.stderr

    process.send_signal(signal.SIGTERM)
    assert process.wait(20) == 0
    assert "Stopped." in process.stderr.read()
    assert not Server(process, url, io.BytesIO()).answers()


@pytest.mark.parametrize("kg_serve", [["--read-write"]], indirect=True)
def test_kg_serve_read_write_accepts_a_remote_build(kg_serve):
    process, url, banner = kg_serve
    assert "read-write" in banner and f"{url}/update" in banner
    before = people_count(url)
    result = CliRunner().invoke(main, ["--store", url, "build", "--data", str(MINI)])
    assert result.exit_code == 0, result.stderr
    assert people_count(url) == before == 4


def test_kg_serve_refuses_an_endpoint_as_store():
    result = CliRunner().invoke(main, ["--store", "http://127.0.0.1:1", "serve"])
    assert result.exit_code == 1 and "already a SPARQL endpoint" in result.stderr


def test_kg_serve_on_a_missing_store(tmp_path: Path):
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "none"), "serve", "--port", "0"])
    assert result.exit_code == 1 and "run 'kg build' first" in result.stderr
