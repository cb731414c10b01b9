"""The Oxigraph server on a store: started, queried with real clients, stopped."""

from __future__ import annotations

import csv
import ctypes
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
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


def test_a_request_during_a_restart_waits_for_the_new_server(mini_store_path):
    import threading

    server = Server.start(mini_store_path, port=free_port())
    runner = threading.Thread(target=server.wait, daemon=True)  # wait() starts the new process
    runner.start()
    try:
        first = server.process.pid
        restarting = threading.Thread(target=server.restart)
        restarting.start()
        while server.process.pid == first and restarting.is_alive():
            time.sleep(0.001)
        server.settled()  # the new process exists: settled() returns once it answers
        assert server.process.pid != first and server.answers() and people_count(server.url) == 4
        restarting.join()
    finally:
        server.stop()
        runner.join(10)


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
    assert banner.startswith("Serving ") and f"{url}/sparql" in banner and "read-only" in banner

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
    assert "read-write" in banner and f"{url}/store" in banner
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


# What SPARQL users expect of kg serve

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
ADA = vocab.resource("person", "ada-lovelace")


def fetch(url: str, accept: str = "*/*", method: str = "GET", data: bytes | None = None,
          headers: dict[str, str] | None = None):
    """(status, headers, body) of one request, errors included, redirects not followed."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Accept": accept, **(headers or {})})
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


@pytest.fixture
def site(tmp_path):
    """A site as 'kg site' writes it: one page per entity, <kind>/<id>.html."""
    root = tmp_path / "site"
    (root / "person").mkdir(parents=True)
    (root / "index.html").write_text("<html><title>home</title></html>")
    (root / "person" / "ada-lovelace.html").write_text("<html><title>Ada Lovelace</title></html>")
    return root


def start_kg_serve(store: Path, *extra: str, cwd: Path | None = None):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "--store", str(store), "serve", "--port", str(port), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd,
    )
    banner = process.stderr.readline()
    assert banner.startswith("Serving "), banner + process.stderr.read()
    return process, f"http://127.0.0.1:{port}"


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(20)


@pytest.fixture
def served_site(mini_store_path, site):
    process, url = start_kg_serve(mini_store_path, "--site", str(site), "--cors")
    yield url
    stop(process)


def test_an_entity_iri_gives_a_browser_its_page_and_a_client_its_rdf(served_site):
    status, headers, _ = fetch(f"{served_site}/id/person/ada-lovelace",
                               accept="text/html,application/xhtml+xml,*/*;q=0.8")
    assert status == 303 and headers["Location"] == "/person/ada-lovelace.html"
    status, headers, body = fetch(served_site + headers["Location"], accept="text/html")
    assert status == 200 and b"<title>Ada Lovelace</title>" in body

    status, headers, body = fetch(f"{served_site}/id/person/ada-lovelace", accept="text/turtle")
    assert status == 200 and headers.get_content_type() == "text/turtle"
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert (rdflib.URIRef(ADA), rdflib.URIRef(vocab.term("name")), rdflib.Literal("Ada Lovelace")) in graph

    status, headers, body = fetch(f"{served_site}/id/person/ada-lovelace", accept="application/n-triples")
    assert status == 200 and headers.get_content_type() == "application/n-triples" and b"Ada Lovelace" in body
    assert fetch(f"{served_site}/id/person/nobody", accept="text/turtle")[0] == 404
    assert fetch(f"{served_site}/", accept="text/html")[2] == b"<html><title>home</title></html>"
    assert fetch(f"{served_site}/../../etc/passwd")[0] == 404


def test_the_service_and_its_dataset_describe_themselves(served_site):
    status, headers, body = fetch(f"{served_site}/sparql", accept="text/turtle")
    assert status == 200 and headers.get_content_type() == "text/turtle"
    service = rdflib.Graph().parse(data=body, format="turtle")
    endpoint = rdflib.URIRef(f"{served_site}/sparql")
    assert (endpoint, rdflib.RDF.type, SD.Service) in service
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Query) in service
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Update) not in service  # read-only

    void = rdflib.Graph().parse(data=fetch(f"{served_site}/void", accept="text/turtle")[2], format="turtle")
    dataset = rdflib.URIRef(f"{served_site}/void")
    assert (dataset, VOID.sparqlEndpoint, endpoint) in void
    triples = int(void.value(dataset, VOID.triples))
    counted = RemoteStore(served_site).select(
        'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } '
        'FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg/")) }')
    assert triples == int(counted.rows[0][0].value) > 100


def test_cors_headers_and_preflight(served_site):
    status, headers, _ = fetch(f"{served_site}/sparql?query=ASK%7B%7D",
                               accept="application/sparql-results+json", headers={"Origin": "http://other"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = fetch(f"{served_site}/sparql", method="OPTIONS",
                               headers={"Origin": "http://other", "Access-Control-Request-Method": "POST"})
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]


def test_every_endpoint_path_is_accepted_by_store(served_site, mini_store_path):
    args = ("query", "talks_by_speaker", "-p", "speaker", "Ada Lovelace", "--format", "csv")
    local = CliRunner().invoke(main, ["--store", str(mini_store_path), *args]).stdout
    for path in ("", "/", "/sparql", "/query"):
        result = CliRunner().invoke(main, ["--store", served_site + path, *args])
        assert result.exit_code == 0, (path, result.stderr)
        assert result.stdout == local and "Engines that think" in local


def test_updates_with_with_and_using_in_read_write_mode(mini_store_path, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(mini_store_path.resolve(), store)
    process, url = start_kg_serve(store, "--read-write")
    try:
        remote = RemoteStore(url + "/sparql")
        graph = "<http://example.org/notes>"
        remote.update(f"INSERT DATA {{ GRAPH {graph} {{ <{ADA}> <http://example.org/note> 1 }} }}")
        remote.update(f"WITH {graph} DELETE {{ ?s ?p 1 }} INSERT {{ ?s ?p 2 }} WHERE {{ ?s ?p 1 }}")
        remote.update("INSERT { GRAPH <http://example.org/copy> { ?s ?p ?o } } "
                      f"USING {graph} WHERE {{ ?s ?p ?o }}")
        # without WITH or USING an update reads every graph, as queries do
        remote.update("INSERT { GRAPH <http://example.org/names> { ?s <http://example.org/n> ?n } } "
                      f"WHERE {{ ?s <{vocab.term('name')}> ?n }}")
        assert remote.ask("ASK { GRAPH <http://example.org/copy> { ?s <http://example.org/note> 2 } }")
        names = remote.select("SELECT ?n WHERE { GRAPH <http://example.org/names> { ?s ?p ?n } }")
        assert len(names.rows) >= 4
        # kg build through /sparql (INSERT DATA batches) and through the base URL (Graph Store Protocol)
        for endpoint in (url + "/sparql", url):
            result = CliRunner().invoke(main, ["--store", endpoint, "build", "--data", str(MINI)])
            assert result.exit_code == 0, result.stderr
            assert people_count(url) == 4
    finally:
        stop(process)


def test_a_query_past_the_timeout_is_stopped(mini_store_path):
    process, url = start_kg_serve(mini_store_path, "--timeout", "1")
    try:
        values = " ".join(str(i) for i in range(300))
        endless = ("SELECT (COUNT(*) AS ?n) WHERE { "
                   + " ".join(f"VALUES ?{v} {{ {values} }}" for v in "abcde") + " }")
        with pytest.raises(StoreError, match="HTTP 503.*timeout of 1 s"):
            RemoteStore(url, timeout=120).select(endless)
        assert people_count(url) == 4  # and the server answers on
    finally:
        stop(process)


def child_processes(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_the_oxigraph_server_stops_with_kg_serve_whatever_the_signal(mini_store_path, how):
    process, url = start_kg_serve(mini_store_path)
    children = child_processes(process.pid)
    assert len(children) == 1 and "oxigraph" in Path(f"/proc/{children[0]}/cmdline").read_text()
    process.send_signal(how)
    process.wait(20)
    for _ in range(100):
        if not Path(f"/proc/{children[0]}").exists() or "Z" in _state(children[0]):
            break
        time.sleep(0.1)
    assert not Path(f"/proc/{children[0]}").exists() or "Z" in _state(children[0])


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_a_query_its_client_abandons_is_stopped(mini_store_path):
    process, url = start_kg_serve(mini_store_path, "--timeout", "600")
    try:
        first_oxigraph = child_processes(process.pid)
        values = " ".join(str(i) for i in range(300))
        endless = ("SELECT (COUNT(*) AS ?n) WHERE { "
                   + " ".join(f"VALUES ?{v} {{ {values} }}" for v in "abcde") + " }")
        body = urllib.parse.urlencode({"query": endless}).encode()
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"POST /sparql HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                           + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            time.sleep(1)
        # the client is gone: Oxigraph, busy with the query, is replaced by a fresh one
        for _ in range(200):
            now = child_processes(process.pid)
            if now and now != first_oxigraph:
                break
            time.sleep(0.1)
        assert now and now != first_oxigraph
        assert people_count(url) == 4
    finally:
        stop(process)


TGKILL = {"x86_64": 234, "aarch64": 131}  # the syscall that signals one thread of a process


def test_kg_serve_stops_on_a_sigterm_taken_by_another_thread_than_the_main_one(mini_store_path):
    process, url = start_kg_serve(mini_store_path)
    try:
        assert people_count(url) == 4
        threads = sorted(int(task.name) for task in Path(f"/proc/{process.pid}/task").iterdir())
        others = [tid for tid in threads if tid != process.pid]  # the main thread's id is the pid
        assert others, threads
        libc = ctypes.CDLL(None, use_errno=True)
        assert libc.syscall(TGKILL[os.uname().machine], process.pid, others[0], signal.SIGTERM) == 0
        assert process.wait(20) == 0  # the main thread's handler runs: the server stops cleanly
        assert "Stopped." in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
