"""Whole-graph listings kept by ``kg build`` beside a new store, and read back by ``kg query``."""

from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.sparql.listings import listing_queries
from kg.store.answers import FOLDER


def kg(store: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--store", str(store), *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def kept_answers(store: Path) -> list[Path]:
    return sorted((store.resolve() / FOLDER).glob("*.tsv"))


def test_the_listings_are_the_four_whole_graph_queries():
    assert sorted(q.name for q in listing_queries()) == ["affiliations", "papers", "people", "talks"]


def test_a_build_keeps_the_listings_and_kg_query_reads_them(tmp_path, mini_data):
    plain, kept = tmp_path / "plain", tmp_path / "kept"
    kg(plain, "build", "--data", str(mini_data), "--no-keep-listings")
    kg(kept, "build", "--data", str(mini_data), "--keep-listings")
    assert kept_answers(plain) == [] and len(kept_answers(kept)) == 4
    for name in ("people", "papers", "talks", "affiliations"):
        assert kg(kept, "query", name, "--format", "csv") == kg(plain, "query", name, "--format", "csv")
    # What kg query prints comes from the kept answer: a row changed there shows.
    people = next(p for p in kept_answers(kept) if "alan-turing" in p.read_text(encoding="utf-8"))
    people.write_text(people.read_text(encoding="utf-8").replace('"Alan Turing"', '"Alan M. Turing"'),
                      encoding="utf-8")
    assert "Alan M. Turing" in kg(kept, "query", "people", "--limit", "50")


def test_a_small_store_keeps_no_listings_unless_asked(tmp_path, mini_data):
    store = tmp_path / "store"
    kg(store, "build", "--data", str(mini_data))
    assert kept_answers(store) == []


def test_a_rebuild_by_kg_ingest_keeps_the_listings_as_kg_build_does(tmp_path, mini_data, monkeypatch):
    store = tmp_path / "store"
    kg(store, "build", "--data", str(mini_data), "--keep-listings")
    monkeypatch.setattr("kg.sparql.listings.WORTH_KEEPING", 1)  # the mini data as a large store
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{a, title={Engines}, author={Ada Lovelace}, year={2020}}\n", encoding="utf-8")
    kg(store, "ingest", str(bib), "--data", str(mini_data))
    assert len(kept_answers(store)) == 4  # in the new version the rebuild swapped in
    assert "Engines" in kg(store, "query", "papers", "--format", "csv")
