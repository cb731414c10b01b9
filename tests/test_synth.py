"""Synthetic data: deterministic, the requested size, and answerable by every query and kg suggest."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.build import FromNQuads, FromQuads, build
from kg.cli import main
from kg.network.suggest import suggest
from kg.rdf import vocab
from kg.rdf.synthetic import SyntheticGraph, person_name, read_summary, write_synthetic
from kg.records.ids import slugify
from kg.sparql.catalog import list_queries
from kg.store import LocalStore

SIZE = 30_000


@pytest.fixture(scope="module")
def synth_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic dataset of about 30k triples, gzipped."""
    path, _ = write_synthetic(tmp_path_factory.mktemp("synth"), SIZE, seed=3, compress=True)
    return path


@pytest.fixture(scope="module")
def synth_store(synth_file: Path, tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    """The synthetic dataset loaded with ``kg build --nquads``."""
    path = tmp_path_factory.mktemp("synth-store") / "store"
    result = CliRunner().invoke(main, ["--store", str(path), "build", "--nquads", str(synth_file)])
    assert result.exit_code == 0, result.stderr
    return LocalStore.open_read_only(path)


def test_same_size_and_seed_give_the_same_bytes(tmp_path, synth_file):
    again, _ = write_synthetic(tmp_path, SIZE, seed=3, compress=True)
    assert again.read_bytes() == synth_file.read_bytes()
    other, _ = write_synthetic(tmp_path, SIZE, seed=4, compress=True)
    assert gzip.decompress(other.read_bytes()) != gzip.decompress(synth_file.read_bytes())


def test_the_file_holds_about_the_requested_number_of_valid_quads(synth_file):
    quads = list(ox.parse(gzip.decompress(synth_file.read_bytes()), ox.RdfFormat.N_QUADS))
    summary = read_summary(synth_file)
    assert len(quads) == summary.quads and SIZE <= len(quads) < SIZE + 500
    assert len(set(quads)) > 0.99 * len(quads)  # a shortcut such as affiliatedWith may repeat
    assert {q.predicate.value for q in quads} <= {vocab.RDF_TYPE} | {vocab.term(t) for t in vocab.TERMS}


def test_coauthorship_has_hubs(synth_store):
    query = f"""SELECT ?a (COUNT(?p) AS ?n) WHERE {{ ?p <{vocab.term('author')}> ?a }}
                GROUP BY ?a ORDER BY DESC(?n)"""
    counts = [int(row[1].value) for row in synth_store.select(query).rows]
    median = counts[len(counts) // 2]
    assert counts[0] > 20 * median  # preferential attachment: a few authors write a lot


def test_people_names_are_unique_even_beyond_the_name_lists():
    names = [person_name(i) for i in range(0, 60_000, 7)]
    assert len(set(names)) == len(names)
    slugs = {slugify(n) for n in names}
    assert len(slugs) == len(names)


def sample_bindings(summary) -> dict[str, ox.NamedNode | ox.Literal]:
    s = summary.samples
    return {
        "person": ox.NamedNode(s["mid_person"]),
        "speaker": ox.NamedNode(s["hub_person"]),
        "event": ox.NamedNode(s["series"]),
        "organization": ox.NamedNode(s["university"]),
        "needle": ox.Literal(summary.names["mid_person"]),
        "class": ox.NamedNode(vocab.term("Person")),
        "talk": ox.NamedNode(s["talk"]),
        "node": ox.NamedNode(s["hub_person"]),
        "venue": ox.Literal("synthetic"),
        "until": ox.Literal("9999", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
    }


# A store built from N-Quads files holds what the files hold: no build stamp.
@pytest.mark.parametrize("query", [q for q in list_queries() if q.name != "suggest_index_stamp"],
                         ids=lambda q: q.name)
def test_every_named_query_finds_rows_in_synthetic_data(query, synth_store, synth_file):
    bindings = sample_bindings(read_summary(synth_file))
    if "CONSTRUCT" in query.text:
        assert synth_store.construct(query.text)
        return
    table = synth_store.select(query.text, {p.name: bindings[p.name] for p in query.params})
    assert table.rows, f"{query.name} found nothing"


def test_suggest_ranks_candidates_for_a_synthetic_series(synth_store, synth_file):
    summary = read_summary(synth_file)
    answer = suggest(synth_store, summary.samples["series"], top=5)
    assert len(answer.candidates) == 5 and answer.speakers
    assert not set(c.person for c in answer.candidates) & set(answer.speakers)


def facts(store: LocalStore) -> set[ox.Quad]:
    """Every quad outside the ontology graph and the build stamp's graph."""
    kept_out = {ox.NamedNode("https://w3id.org/kg/ontology"), ox.NamedNode("https://w3id.org/kg/id/graph/build")}
    return {q for q in store.quads() if q.graph_name not in kept_out}


def test_streamed_build_and_file_build_hold_the_same_graph(tmp_path, synth_file, synth_store):
    streamed = tmp_path / "streamed"
    count = build(FromQuads(SyntheticGraph(SIZE, seed=3).quads()), streamed).quads
    in_store = LocalStore.open_read_only(streamed)
    assert count == len(set(in_store.quads())) > read_summary(synth_file).quads  # the ontology too
    assert facts(in_store) == facts(synth_store)
    assert build(FromNQuads([synth_file]), tmp_path / "again").quads == len(set(synth_store.quads()))


def test_cli_synth_writes_the_file_it_prints(tmp_path):
    result = CliRunner().invoke(main, ["synth", "--triples", "2k", "--out", str(tmp_path), "--seed", "9"])
    assert result.exit_code == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path == tmp_path / "synthetic-2000-s9.nq" and path.exists()
    assert "Wrote 2," in result.stderr


def test_cli_build_synthetic_streams_into_a_store(tmp_path):
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["--store", str(store), "build", "--synthetic", "3k"])
    assert result.exit_code == 0, result.stderr
    assert "synthetic quads (seed 1)" in result.stderr
    assert len(LocalStore.open_read_only(store).raw) > 3000


def test_a_broken_nquads_file_is_named_and_the_old_store_kept(tmp_path, synth_file):
    store = tmp_path / "store"
    assert CliRunner().invoke(main, ["--store", str(store), "build", "--synthetic", "1k"]).exit_code == 0
    before = len(LocalStore.open_read_only(store).raw)
    bad = tmp_path / "bad.nq"
    bad.write_text('<http://e/s> <http://e/p> "ok" .\n<http://e/s> <http://e/p> nonsense .\n')
    result = CliRunner().invoke(main, ["--store", str(store), "build", "--nquads", str(bad)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [result.stderr.splitlines()[-1]]
    assert errors[0].startswith(f"Error: {bad}: invalid N-Quads: ") and "line 2" in errors[0]
    assert len(LocalStore.open_read_only(store).raw) == before


def test_counts_accept_suffixes(tmp_path):
    bad = CliRunner().invoke(main, ["synth", "--triples", "lots", "--out", str(tmp_path)])
    assert bad.exit_code == 2 and "not a count" in bad.stderr
