"""Every command through three engines: the embedded store, Oxigraph's server and Virtuoso.

The graph is built by ``kg build`` (and ``kg ingest``) through each engine's SPARQL endpoint,
then every command prints the same through each of them. Two sizes:

- the seed documents with COLT 2011-2024 (77k quads, more than Virtuoso's default 10,000-row
  cap on answers): build, the queries Virtuoso answered wrongly, stats, export, analyze, path,
  lineage, suggest, viz, and builds broken half-way;
- the seed documents alone plus an ingested bibliography (3k quads) on a Virtuoso capped at
  1,000 rows an answer: ingest, every named query, validate (SHACL on the whole graph), stats,
  export.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.rdf import vocab
from kg.sparql.catalog import list_queries
from kg.store.ordering import order_keys
from kg.store.server import Server, free_port

from .conftest import SEED_DATA, TESTS
from .virtuoso import Virtuoso, start_virtuoso

REFS = TESTS / "data" / "ingest" / "refs.bib"


def run(store: str | Path, *args: str):
    return CliRunner().invoke(main, ["--store", str(store), *args])


@dataclass
class Engines:
    """The same graph in three places: an embedded store directory and two endpoint URLs."""

    local: Path
    oxigraph: str
    virtuoso: str
    built: dict[str, str]
    """What ``kg build`` (or ``kg ingest``) printed on stderr, by engine."""

    def each(self) -> dict[str, str]:
        return {"embedded": str(self.local), "oxigraph": self.oxigraph, "virtuoso": self.virtuoso}


@pytest.fixture(scope="module")
def colt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engines]:
    """data/ with its COLT imports, built by ``kg build`` into each engine."""
    root = tmp_path_factory.mktemp("engines-colt")
    with Server.start(root / "oxigraph", port=free_port(), read_write=True) as server, \
            start_virtuoso() as virtuoso:
        engines = Engines(root / "store", server.url, virtuoso.url, {})
        for name, store in engines.each().items():
            result = run(store, "build", "--data", str(SEED_DATA))
            assert result.exit_code == 0, f"{name}: {result.stderr}"
            engines.built[name] = summary(result.stderr).replace(store, "STORE")
        yield engines


def summary(stderr: str) -> str:
    """What a build says when it is done (its last line, without the progress before it)."""
    return stderr.strip().splitlines()[-1].rsplit("\r", 1)[-1]


def seed_only_data(target: Path) -> Path:
    """A copy of data/ without its bulk imports."""
    shutil.copytree(SEED_DATA, target, ignore=shutil.ignore_patterns("colt"))
    (target / "imports.yaml").write_text("[]\n")
    return target


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engines]:
    """The seed documents plus one ingested bibliography, through ``kg ingest`` into each engine;
    Virtuoso capped at 1,000 rows an answer."""
    root = tmp_path_factory.mktemp("engines-small")
    with Server.start(root / "oxigraph", port=free_port(), read_write=True) as server, \
            Virtuoso(_fresh(root / "virtuoso"), max_rows=1_000) as virtuoso:
        engines = Engines(root / "store", server.url, virtuoso.url, {})
        for name, store in engines.each().items():
            data = seed_only_data(root / f"data-{name}")
            result = run(store, "ingest", str(REFS), "--data", str(data), "--format", "csv")
            assert result.exit_code == 0, f"{name}: {result.stderr}"
            engines.built[name] = summary(result.stderr).replace(store, "STORE").replace(str(data), "DATA")
        yield engines


def _fresh(path: Path) -> Path:
    path.mkdir()
    return path


def same_everywhere(engines: Engines, *args: str, sort: bool = False) -> str:
    """Run ``kg ARGS`` on each engine; the output, after checking that it is the same on each
    (line for line, or as a set of lines with ``sort``)."""
    outputs = {}
    for name, store in engines.each().items():
        result = run(store, *args)
        assert result.exit_code == 0, f"{name}: kg {' '.join(args)}: {result.stderr}"
        outputs[name] = "".join(sorted(result.stdout.splitlines(keepends=True))) if sort else result.stdout
    assert outputs["oxigraph"] == outputs["embedded"], f"kg {' '.join(args)} differs on Oxigraph's server"
    assert outputs["virtuoso"] == outputs["embedded"], f"kg {' '.join(args)} differs on Virtuoso"
    return outputs["embedded"]


# Building: the counts printed are the counts stored, the same everywhere


def test_build_prints_the_same_counts_through_every_engine(colt):
    assert colt.built["oxigraph"] == colt.built["virtuoso"] == colt.built["embedded"]
    built = colt.built["embedded"]
    assert ("77," in built or "78," in built) and "quads" in built  # about 78k quads, as in README


def test_the_counts_printed_are_the_quads_each_engine_holds(colt):
    printed = int(colt.built["embedded"].split("STORE: ")[1].split(" quads")[0].replace(",", ""))
    query = ('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } '
             'FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg/")) }')
    for name, store in colt.each().items():
        table = json.loads(run(store, "query", "--file", _write_query(query), "--format", "json").stdout)
        assert table == [{"n": printed}], name


def _write_query(text: str) -> str:
    path = Path(__file__).parent.parent / "test-artifacts" / "engines-count.rq"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    return str(path)


def test_the_store_holds_no_blank_nodes(colt):
    exported = run(colt.virtuoso, "export", "--format", "nquads").stdout_bytes
    quads = list(ox.parse(exported, ox.RdfFormat.N_QUADS))
    assert quads and not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object))


def test_ingest_prints_the_same_through_every_engine(small):
    assert small.built["oxigraph"] == small.built["virtuoso"] == small.built["embedded"]
    assert "Built STORE" in small.built["embedded"]


# Reading: every named query, with parameters taken from the data, on the small graph (Virtuoso
# capped at 1,000 rows); the queries Virtuoso got wrong are checked on the large one too

VALUES = {
    "person": "Sanjeev Arora",
    "speaker": "Sadhika Malladi",
    "event": "Princeton Alg-ML Seminar",
    "organization": "Princeton University",
    "needle": "Sanjeev Arora",
    "class": vocab.term("Person"),
    "talk": vocab.resource("talk", "adam-tauman-kalai-unlearnable-facts-cause-hallucinations"),
    "node": vocab.resource("person", "sanjeev-arora"),
    "venue": "Conference on Learning Theory",
    "until": "2020",
}


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_named_query_prints_the_same_through_every_engine(query, small):
    params = [arg for p in query.params for arg in ("-p", p.name, VALUES[p.name])]
    if order_keys(query.text) is None:  # no ORDER BY (the index scans): the same rows, in any order
        printed = same_everywhere(small, "query", query.name, *params, "--format", "csv", sort=True)
        assert printed.count("\n") > 1 or query.name in NO_ROWS, f"{query.name} found nothing"
        return
    printed = same_everywhere(small, "query", query.name, *params, "--format", "json")
    assert json.loads(printed) or query.name in NO_ROWS, f"{query.name} found nothing"


NO_ROWS = {"evaluation_venue_presenters"}
"""Queries with nothing to find in the seed documents (COLT's papers are not in the small graph)."""


def test_booleans_and_alternative_names_are_read_as_the_data_says(colt):
    affiliations = json.loads(same_everywhere(colt, "query", "affiliations", "--format", "json"))
    assert {row["current"] for row in affiliations} >= {True}
    people = json.loads(same_everywhere(colt, "query", "people", "--format", "json"))
    assert sum(1 for row in people if row["altNames"]) > 10


def test_an_events_programme_gives_each_talk_its_own_title(colt):
    rows = json.loads(same_everywhere(colt, "query", "event_programme", "-p", "event",
                                      "Recorded Talks: Machine Learning", "--format", "json"))
    assert len({row["title"] for row in rows}) == len(rows) > 3


COMMANDS = {
    "stats": ("stats", "--format", "json"),
    "export-ntriples": ("export", "--format", "ntriples"),
    "export-turtle": ("export", "--format", "turtle"),
    "analyze": ("analyze", "--format", "json"),
    "path": ("path", "Sadhika Malladi", "Elad Hazan", "--format", "csv"),
    "lineage": ("lineage", "Sadhika Malladi", "--format", "csv"),
    "suggest": ("suggest", "Princeton Alg-ML Seminar", "--format", "json"),
    "suggest-as-of": ("suggest", "CS Seminar", "--as-of", "2025-03-01", "--format", "csv"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_read_command_prints_the_same_through_every_engine(command, colt):
    assert same_everywhere(colt, *COMMANDS[command]).strip()


def test_quad_exports_hold_the_same_dataset(colt):
    datasets = {}
    for name, store in colt.each().items():
        for fmt, rdf_format in (("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)):
            result = run(store, "export", "--format", fmt)
            assert result.exit_code == 0, f"{name}: {result.stderr}"
            datasets[name, fmt] = ox.Dataset(ox.parse(result.stdout_bytes, rdf_format))
    first = datasets["embedded", "nquads"]
    assert len(first) > 70_000
    assert all(dataset == first for dataset in datasets.values())


@pytest.mark.parametrize("view", [("all",), ("person", "Sanjeev Arora"),
                                  ("suggest", "Princeton Alg-ML Seminar")], ids=lambda v: v[0])
def test_viz_pages_are_the_same_through_every_engine(view, colt, tmp_path):
    pages: dict[str, dict[str, bytes]] = {}
    for name, store in colt.each().items():
        out = tmp_path / name
        result = run(store, "viz", *view, "--out", str(out))
        assert result.exit_code == 0, f"{name}: {result.stderr}"
        pages[name] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert pages["oxigraph"] == pages["embedded"]
    assert pages["virtuoso"] == pages["embedded"]
    assert len(pages["embedded"]) >= 2


# The small graph on a Virtuoso capped at 1,000 rows: answers longer than that are paged


SMALL_COMMANDS = {
    "validate": ("validate", "--format", "csv"),
    "stats": ("stats", "--format", "csv"),
    "export": ("export", "--format", "ntriples"),
    "people": ("query", "people", "--format", "csv"),
    "papers": ("query", "papers", "--format", "csv"),
    "graph_authorships": ("query", "graph_authorships", "--format", "csv"),
    "event_programme": ("query", "event_programme", "-p", "event", "Princeton Alg-ML Seminar"),
}


@pytest.mark.parametrize("command", sorted(SMALL_COMMANDS))
def test_answers_over_the_servers_cap_are_read_whole(command, small):
    printed = same_everywhere(small, *SMALL_COMMANDS[command])
    if command == "export":
        assert printed.count("\n") > 3_000  # three times Virtuoso's cap


# A build that fails half-way leaves the server as it was


def _broken_half_way(good: int):
    """Quads of a new graph that stop with an error after ``good`` of them."""
    graph = "<https://w3id.org/kg/id/graph/registry>"
    for i in range(good):
        yield (f"<http://example.org/new/{i}>", "<http://example.org/p>", f'"{i}"', graph)
    raise RuntimeError("the source broke half-way")


@pytest.mark.parametrize("engine", ["oxigraph", "virtuoso"])
def test_a_build_broken_half_way_leaves_the_server_as_it_was(engine, colt):
    from kg.store.remote import RemoteStore

    store = RemoteStore(getattr(colt, engine))
    before = store.count_quads()
    graphs = store.graph_names()
    with pytest.raises(RuntimeError, match="broke half-way"):
        store.replace_graphs(_broken_half_way(9_000))  # several batches went in before the break
    assert store.count_quads() == before and store.graph_names() == graphs
    assert not store.ask("ASK { <http://example.org/new/1> ?p ?o }")
    assert store.graph_names("urn:kg:staging:") == []  # the new graphs written so far are gone


@pytest.mark.parametrize("engine", ["oxigraph", "virtuoso"])
def test_a_batch_the_server_refuses_leaves_the_server_as_it_was(engine, colt):
    from kg.errors import StoreError
    from kg.store.remote import RemoteStore

    store = RemoteStore(getattr(colt, engine))
    before = store.count_quads()
    good = [(f"<http://example.org/new/{i}>", "<http://example.org/p>", f'"{i}"',
             "<https://w3id.org/kg/id/graph/registry>") for i in range(5_000)]
    bad = ("<http://example.org/x>", "<http://example.org/p>", "not a term", "<https://w3id.org/kg/id/graph/registry>")
    with pytest.raises(StoreError, match="HTTP 4"):
        store.replace_graphs([*good, bad])
    assert store.count_quads() == before
    assert store.graph_names("urn:kg:staging:") == []


def test_virtuosos_blank_node_labels_are_read_as_blank_nodes(colt):
    from kg.store.remote import RemoteStore

    store = RemoteStore(colt.virtuoso)
    store.update('INSERT { GRAPH <http://example.org/blank> { _:x <http://example.org/p> "x" } } WHERE {}')
    try:
        rows = store.select("SELECT ?s WHERE { GRAPH <http://example.org/blank> { ?s ?p ?o } }").rows
        assert len(rows) == 1 and isinstance(rows[0][0], ox.BlankNode)
        assert rows[0][0].value.startswith("nodeID")  # Virtuoso's nodeID://b... made a label
    finally:
        store.update("DROP SILENT GRAPH <http://example.org/blank>")
