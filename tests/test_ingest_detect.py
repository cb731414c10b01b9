"""Telling documents apart, and refusing the unreadable ones without touching data/ or the store."""

import gzip
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import DataError
from kg.ingest.detect import PAGE, detect_kind
from kg.store import LocalStore

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.mark.parametrize(("name", "kind"), [
    ("refs.bib", "bibtex"), ("authorships.csv", "authorships"), ("seminar.ics", "calendar"),
    ("dblp.xml", "dblp"),
])
def test_kinds_are_told_by_name_and_content(name, kind, tmp_path):
    assert detect_kind(DATA / name) == kind
    renamed = tmp_path / "document"  # no telling suffix: the content decides
    shutil.copy(DATA / name, renamed)
    if kind in ("calendar", "dblp"):
        assert detect_kind(renamed) == kind


def test_a_gzipped_dblp_dump_is_told_by_its_content(tmp_path):
    packed = tmp_path / "dump.xml.gz"
    packed.write_bytes(gzip.compress((DATA / "dblp.xml").read_bytes()))
    assert detect_kind(packed) == "dblp"


@pytest.mark.parametrize("name", ["notes.md", "page.markdown", "index.html", "notes.txt"])
def test_a_page_opening_with_at_is_not_taken_for_bibtex(name, tmp_path):
    page = tmp_path / name  # Franklin.jl front matter, as on nyu-tcs-presentations2022
    page.write_text('@def title = "TCS @ NYU Presentations"\n\n# Talks\n')
    assert detect_kind(page) == PAGE


def test_bibtex_is_told_by_an_entry_opening_whatever_the_name(tmp_path):
    refs = tmp_path / "refs.txt"
    refs.write_text("@Article{lovelace1843, title = {Notes}, author = {Ada Lovelace}, year = 1843}\n")
    assert detect_kind(refs) == "bibtex"
    markdown = tmp_path / "refs.md"  # a Markdown page is a page by its name
    markdown.write_text(refs.read_text())
    assert detect_kind(markdown) == PAGE


def test_a_missing_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(DataError, match=r"nothing\.bib: cannot read"):
        detect_kind(tmp_path / "nothing.bib")


def ingest(store: Path, data: Path, *paths: Path):
    return CliRunner().invoke(main, ["--store", str(store), "ingest", *map(str, paths), "--data", str(data)])


def test_a_file_in_a_wrong_encoding_changes_nothing(mini_data, tmp_path):
    store = tmp_path / "store"
    assert ingest(store, mini_data, DATA / "refs.bib").exit_code == 0
    before = (mini_data / "imports.yaml").read_text()
    papers_before = LocalStore.open_read_only(store).select(
        "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/kg/ontology#Paper> }").values()
    latin1 = tmp_path / "latin1.ics"
    latin1.write_bytes((DATA / "seminar.ics").read_text().replace("Ada Lovelace", "Adà Lovelace")
                       .encode("latin-1"))
    result = ingest(store, mini_data, latin1)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {latin1}: line 11: not UTF-8 text")
    assert (mini_data / "imports.yaml").read_text() == before
    assert not (mini_data / "imports" / "latin1.ics").exists()
    papers_after = LocalStore.open_read_only(store).select(
        "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/kg/ontology#Paper> }").values()
    assert papers_after == papers_before


def test_a_broken_calendar_lists_its_bad_events_and_imports_the_rest(mini_data, tmp_path):
    result = ingest(tmp_path / "store", mini_data, DATA / "seminar.ics")
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("Skipped:")]
    assert len(skipped) == 3 and all("seminar.ics: event #" in line for line in skipped)


def test_an_unknown_document_is_refused(mini_data, tmp_path):
    blob = tmp_path / "blob.dat"
    blob.write_bytes(bytes(range(256)))
    result = ingest(tmp_path / "store", mini_data, blob)
    assert result.exit_code == 1 and "blob.dat: unknown kind of document" in result.stderr
    assert not (mini_data / "imports.yaml").exists()
