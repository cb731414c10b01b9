"""`kg ingest` on pages, as a user meets it: a table of changes, honest errors, data untouched."""

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

from .pages_helpers import PAGES, registry_only


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def rows(output: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output)))


def test_dry_run_prints_the_changes_and_writes_nothing(tmp_path):
    data = registry_only(tmp_path)
    before = snapshot(data)
    result = run("ingest", "--dry-run", "--data", str(data), "--format", "csv",
                 str(PAGES / "meeting-workshop.html"))
    assert result.exit_code == 0, result.output
    table = rows(result.stdout)
    assert list(table[0]) == ["file", "action", "record", "id", "summary"]
    talks = [r for r in table if r["record"] == "talk"]
    assert [(r["action"], r["id"]) for r in talks] == [("added", "2024-11-02-mikhail-belkin"),
                                                       ("added", "2024-11-02-priya-raman")]
    assert "meeting_programme" in result.stderr and "would change" in result.stderr
    assert snapshot(data) == before


def test_ingesting_twice_reports_everything_unchanged(tmp_path):
    data = registry_only(tmp_path)
    page = str(PAGES / "event-statistics-colloquium.html")
    first = run("ingest", "--no-build", "--data", str(data), "--format", "csv", page)
    assert first.exit_code == 0, first.output
    assert {r["action"] for r in rows(first.stdout)} == {"added"}
    second = run("ingest", "--no-build", "--data", str(data), "--format", "csv", page)
    assert {r["action"] for r in rows(second.stdout)} == {"unchanged"}
    assert "nothing to do" not in second.stderr and "wrote" not in second.stderr


def test_ingesting_builds_a_store_where_the_talk_is_found(tmp_path):
    data = registry_only(tmp_path)
    store = tmp_path / "store"
    result = run("--store", str(store), "ingest", "--data", str(data),
                 str(PAGES / "seminar-alg-ml-2024-02-12.md"))
    assert result.exit_code == 0, result.output
    assert "Built" in result.stderr
    found = run("--store", str(store), "query", "talks_by_speaker", "-p", "speaker", "Marta Kowalczyk",
                "--format", "csv")
    assert "Implicit Regularization of Sharpness-Aware Minimization" in found.stdout


def test_a_page_in_a_wrong_encoding_is_an_error_naming_file_and_line(tmp_path):
    data = registry_only(tmp_path)
    page = tmp_path / "week.md"
    page.write_bytes("Welcome to the Theory Seminar page!\n\n## May 6, 2024 | Room 1\n\nRené Vidal\n"
                     .encode("latin-1"))
    before = snapshot(data)
    result = run("ingest", "--data", str(data), str(PAGES / "author-jonas-berg.html"), str(page))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "week.md: line 5: not UTF-8 text" in result.stderr
    assert snapshot(data) == before  # the good page before it was not written either


def test_a_page_of_the_wrong_kind_says_what_was_expected(tmp_path):
    data = registry_only(tmp_path)
    result = run("ingest", "--data", str(data), "--kind", "meeting_programme",
                 str(PAGES / "listing-optimization.md"))
    assert result.exit_code == 1
    assert "listing-optimization.md: no agenda found" in result.stderr


def test_the_graph_of_every_test_page_conforms_to_the_shapes(tmp_path):
    data = registry_only(tmp_path)
    pages = [str(p) for p in sorted(PAGES.iterdir()) if p.is_file() and not p.name.startswith("seed-")]
    store = tmp_path / "store"
    result = run("--store", str(store), "ingest", "--data", str(data), *pages)
    assert result.exit_code == 0, result.output
    assert len(list((data / "records").glob("*.yaml"))) == 13
    validated = run("--store", str(store), "validate")
    assert validated.exit_code == 0, validated.output
    advisors = run("--store", str(store), "query", "advisors", "--format", "csv")
    assert "Pedro Alves,Ana Souza,phd" in advisors.stdout
