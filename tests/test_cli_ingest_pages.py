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


def test_a_page_in_latin1_is_read_and_goes_in(tmp_path):
    data = registry_only(tmp_path)
    page = tmp_path / "week.md"
    page.write_bytes("Welcome to the Theory Seminar page!\n\n## May 6, 2024 | Room 1\n\n"
                     "René Vidal (Université de Montréal): Théorie des réseaux profonds\n".encode("latin-1"))
    result = run("ingest", "--data", str(data), "--no-build", str(page))
    assert result.exit_code == 0, result.stderr
    records = next((data / "records").glob("*.yaml")).read_text(encoding="utf-8")
    assert "Théorie des réseaux profonds" in records


def test_a_bad_file_is_reported_and_the_others_go_in(tmp_path):
    data = registry_only(tmp_path)
    prose = tmp_path / "notes.md"
    prose.write_text("Some notes about nothing in particular.\n", encoding="utf-8")
    result = run("ingest", "--data", str(data), "--no-build", str(prose),
                 str(PAGES / "author-jonas-berg.html"))
    assert result.exit_code == 1
    assert "notes.md: unknown kind of page" in result.stderr
    assert "1 of 2 files not ingested; the other files went in" in result.stderr
    assert any("jonas" in p.name for p in (data / "records").glob("*.yaml"))


def test_a_kind_given_is_the_label_of_the_page(tmp_path):
    data = registry_only(tmp_path)
    result = run("ingest", "--data", str(data), "--no-build", "--kind", "talk_listing",
                 str(PAGES / "listing-optimization.md"))
    assert result.exit_code == 0, result.stderr
    assert "talk_listing" in result.stderr


def test_a_dry_run_lists_every_talk_with_its_line_and_confidence(tmp_path):
    data = registry_only(tmp_path)
    page = tmp_path / "schedule.md"
    page.write_text("# Reading group\n\n- **May 6, 2024**: Ada Lovelace, Notes on the engine\n"
                    "- **May 13, 2024**: Charles Babbage (Cambridge): Difference engines\n", encoding="utf-8")
    result = run("ingest", "--data", str(data), "--dry-run", "--format", "tsv", str(page))
    assert result.exit_code == 0, result.stderr
    rows = [line.split("\t") for line in result.stderr.splitlines() if "\t" in line]
    assert rows[0][:4] == ["file", "line", "record", "confidence"]
    talks = {r[4]: r for r in rows[1:] if len(r) > 5 and r[2] == "talk"}
    assert talks["Ada Lovelace"][1] == "3" and talks["Ada Lovelace"][6] == "2024-05-06"
    assert talks["Charles Babbage (Cambridge)"][5] == "Difference engines"
    assert talks["Ada Lovelace"][7] == "title"  # read from its place in the line, not from a label
    assert 0 < float(talks["Ada Lovelace"][3]) <= 1
    assert not list((data / "records").glob("*.yaml"))


def test_a_talk_file_without_a_speaker_is_listed_and_goes_in_only_with_speaker(tmp_path):
    data = registry_only(tmp_path)
    page = tmp_path / "2017-11-08-talk.md"
    page.write_text("---\ntitle: Notes on the Analytical Engine\ncollection: talks\ntype: Invited talk\n"
                    "venue: Royal Society\ndate: 2017-11-08\n---\n", encoding="utf-8")
    alone = run("ingest", "--data", str(data), "--dry-run", "--format", "tsv", str(page))
    assert alone.exit_code == 0, alone.stderr
    listed = [line.split("\t") for line in alone.stderr.splitlines() if "\ttalk\t" in line]
    assert [(r[4], r[5], r[6]) for r in listed] == [("", "Notes on the Analytical Engine", "2017-11-08")]
    assert "names no speaker" in alone.stderr and "--speaker" in alone.stderr
    assert not [line for line in alone.stdout.splitlines() if "\ttalk\t" in line]  # no talk record
    named = run("ingest", "--data", str(data), "--dry-run", "--format", "tsv", "--speaker", "Ada Lovelace",
                str(page))
    assert [line.split("\t")[4] for line in named.stdout.splitlines() if "\ttalk\t" in line] == [
        "ada-lovelace: Notes on the Analytical Engine"]


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


def test_a_one_talk_announcement_adds_its_talk_speaker_and_day_and_no_series(tmp_path):
    """Given without --speaker or --kind, a talk's own page adds the talk, its speaker and the day
    it was given; it invents no series named after the talk."""
    data = registry_only(tmp_path)
    page = tmp_path / "2021-06-14-moraga.md"
    page.write_text("---\ntitle: Geospatial data science for public health\nspeaker: Paula Moraga\n"
                    "institution: King Abdullah University\ndate: 2021-06-14\n---\n\n## Abstract\n\n"
                    "Maps of disease risk.\n", encoding="utf-8")
    result = run("ingest", "--dry-run", "--data", str(data), "--format", "csv", str(page))
    assert result.exit_code == 0, result.stderr
    added = [(r["record"], r["summary"]) for r in rows(result.stdout) if r["action"] == "added"]
    assert [s for r, s in added if r == "event"] == ["Geospatial data science for public health, 2021-06-14 "
                                                     "(seminar)"]
    assert [r for r, _ in added].count("talk") == 1 and ("person", "Paula Moraga") in added
    assert "event_page" in result.stderr


def test_a_site_generators_data_file_is_ingested_without_a_kind(tmp_path):
    data = registry_only(tmp_path)
    talks = tmp_path / "site" / "_data" / "talks.yml"
    talks.parent.mkdir(parents=True)
    talks.write_text("- speaker: Ada Lovelace\n  title: Notes on the analytical engine\n  date: 2017-04-28\n"
                     "- speaker: Mary Somerville\n  title: On the connexion of the physical sciences\n"
                     "  date: 2017-05-05\n", encoding="utf-8")
    result = run("ingest", "--dry-run", "--data", str(data), "--format", "csv", str(talks))
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in rows(result.stdout) if r["record"] == "talk"] == [
        "site-talks-2017-04-28-ada-lovelace", "site-talks-2017-05-05-mary-somerville"]  # the site's, once
