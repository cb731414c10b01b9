"""Writing pages into data/: new files, re-ingestion, newer versions, curated files, bad pages."""

import shutil
from pathlib import Path

import pytest
import yaml

from kg.errors import DataError
from kg.ingest.documents import ingest_page, plan_page_file
from kg.ingest.pages import writer
from kg.records.load import load_dataset

from .conftest import SEED_DATA
from .pages_helpers import PAGES, SEED_FILES, registry_only


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def actions(plan) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for change in plan.changes:
        counts[(change.action, change.record)] = counts.get((change.action, change.record), 0) + 1
    return counts


@pytest.fixture
def data(tmp_path) -> Path:
    return registry_only(tmp_path)


def test_a_new_page_gets_its_record_file_new_people_and_a_copy(data):
    plan = ingest_page(data, PAGES / "seminar-alg-ml-2024-02-12.md")
    record_file = data / "records" / "princeton-alg-ml-seminar-2024-02-12.yaml"
    assert plan.record_file == record_file
    assert record_file.read_text().startswith(writer.MARKER)
    assert (data / "sources" / "seminar-alg-ml-2024-02-12.md").read_bytes() == \
        (PAGES / "seminar-alg-ml-2024-02-12.md").read_bytes()
    dataset = load_dataset(data)
    talk, = dataset.documents[0].talks
    assert talk.speakers[0].person == "marta-kowalczyk"
    assert talk.collaborators == ["tobias-reinhardt", "mikhail-belkin"]  # "Misha Belkin" is known
    people = {p.id: p.name for p in dataset.people}
    assert people["marta-kowalczyk"] == "Marta Kowalczyk"
    assert ("added", "person") in actions(plan)


def test_ingesting_the_same_page_twice_changes_nothing(data):
    ingest_page(data, PAGES / "meeting-foundations-2025.md")
    before = snapshot(data)
    again = ingest_page(data, PAGES / "meeting-foundations-2025.md")
    assert not again.changed
    assert {a for a, _ in actions(again)} == {"unchanged"}
    assert snapshot(data) == before


def test_a_newer_version_of_a_page_updates_its_records_in_place(data, tmp_path):
    page = tmp_path / "theory-seminar.md"
    first = (PAGES / "seminar-theory-two-talks.html").read_text()
    page.write_text(first)
    ingest_page(data, page)
    page.write_text(first.replace("<p>Title: TBA</p>", "<p>Title: Kernels at the Edge of Stability</p>"))
    plan = ingest_page(data, page)
    assert actions(plan)[("updated", "talk")] == 1 and ("added", "talk") not in actions(plan)
    talks = load_dataset(data).documents[0].talks
    assert [t.title for t in talks] == ["Kernels at the Edge of Stability",
                                        "Learning Curves of Kernel Ridge Regression"]
    assert len({t.id for t in talks}) == 2


def test_a_talk_dropped_from_the_newer_version_is_removed(data, tmp_path):
    page = tmp_path / "theory-seminar.html"
    text = (PAGES / "seminar-theory-two-talks.html").read_text()
    page.write_text(text)
    ingest_page(data, page)
    page.write_text(text.split("<h3>Wednesday")[0] + "</body></html>")
    plan = ingest_page(data, page)
    assert actions(plan)[("removed", "talk")] == 1
    assert len(load_dataset(data).documents[0].talks) == 1


def test_a_curated_file_keeps_its_facts_and_only_gains_missing_ones(data):
    ingest_page(data, PAGES / "event-cs-seminar-2025-03-07.txt")
    record_file = next((data / "records").glob("*.yaml"))
    content = yaml.safe_load(record_file.read_text())
    content["talks"][0]["abstract"] = "Edited by hand."
    removed = content.pop("advising")
    record_file.write_text("# Curated by hand.\n" + yaml.safe_dump(content, sort_keys=False))
    plan = ingest_page(data, PAGES / "event-cs-seminar-2025-03-07.txt")
    assert actions(plan)[("added", "advising")] == len(removed)
    assert ("updated", "talk") not in actions(plan) and ("removed", "talk") not in actions(plan)
    text = record_file.read_text()
    assert text.startswith("# Curated by hand.\n")
    document = load_dataset(data).documents[0]
    assert document.talks[0].abstract == "Edited by hand."
    assert [(a.student, a.advisor, a.kind) for a in document.advising] == [
        ("lena-okafor", "trevor-hastie", "phd"), ("lena-okafor", "elchanan-mossel", "postdoc")]


def test_ingesting_a_seed_into_the_curated_data_changes_nothing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SEED_DATA, data, ignore=shutil.ignore_patterns("colt"))
    before = snapshot(data)
    for path in SEED_FILES.values():
        plan = ingest_page(data, data / "sources" / path.name)
        assert not plan.changed
        assert {a for a, _ in actions(plan)} <= {"kept"}
    assert snapshot(data) == before


def test_a_variant_spelling_of_a_known_person_becomes_an_alt_name(tmp_path):
    data = tmp_path / "data"  # the curated records say who wrote with whom
    shutil.copytree(SEED_DATA, data, ignore=shutil.ignore_patterns("colt"))
    page = tmp_path / "author.md"
    page.write_text("Author Information\nSanjeev Arora (Princeton University)\n"
                    "2021 Poster: A Made-up Paper on Contrastive Learning »\n"
                    "Nikunj U. Saunshi · Sanjeev Arora -\n")
    plan = ingest_page(data, page)
    assert writer.Change("updated", "person", "nikunj-saunshi", "alt_names + Nikunj U. Saunshi") \
        in plan.changes
    people = {p.id: p for p in load_dataset(data).people}
    assert "Nikunj U. Saunshi" in people["nikunj-saunshi"].alt_names
    # the page is the author page of the seed (same author): its new paper joins that file
    paper, = [p for d in load_dataset(data).documents for p in d.papers if p.title.startswith("A Made-up")]
    assert paper.authors == ["nikunj-saunshi", "sanjeev-arora"]


def test_a_dry_run_plan_writes_nothing(data):
    before = snapshot(data)
    plan = plan_page_file(data, PAGES / "listing-optimization.md")
    assert plan.changed and actions(plan)[("added", "talk")] == 3
    assert snapshot(data) == before


def test_a_bad_page_leaves_the_data_untouched(data, tmp_path):
    ingest_page(data, PAGES / "author-jonas-berg.html")
    before = snapshot(data)
    prose = tmp_path / "notes.md"
    prose.write_text("Some notes about nothing in particular.\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown kind of page"):
        ingest_page(data, prose)
    assert snapshot(data) == before


def test_records_that_would_not_load_are_not_written(data, tmp_path):
    ingest_page(data, PAGES / "author-jonas-berg.html")
    before = snapshot(data)
    with pytest.raises(DataError, match="nothing written: .*broken.yaml: talk #1 \\(t\\): "
                                        "speakers.0.person: unknown person 'nobody-at-all'"):
        writer.apply(plan_naming_nobody(data, tmp_path))
    assert snapshot(data) == before


def plan_naming_nobody(data: Path, tmp_path: Path) -> writer.Plan:
    """A plan that writes a record file naming a person nobody knows."""
    from kg.records.folder import read_data_folder
    from kg.records.models import SourceDocument

    record_file = data / "records" / "broken.yaml"
    text = "source:\n  id: broken\n  title: Broken\n  kind: other\ntalks:\n- id: t\n  speakers:\n" \
           "  - person: nobody-at-all\n"
    broken = SourceDocument.model_validate({
        "source": {"id": "broken", "title": "Broken", "kind": "other"},
        "talks": [{"id": "t", "speakers": [{"person": "nobody-at-all"}]}]})
    folder = writer._with_document(read_data_folder(data), record_file, broken)
    return writer.Plan(tmp_path / "page.md", record_file, folder, texts={record_file: text})


def test_next_weeks_page_under_the_same_file_name_gets_its_own_record_file_and_copy(data, tmp_path):
    page = tmp_path / "index.md"
    page.write_text((PAGES / "seminar-alg-ml-2024-02-12.md").read_text())
    ingest_page(data, page)
    page.write_text((PAGES / "seminar-alg-ml-2024-02-12.md").read_text()
                    .replace("February 12, 2024", "February 19, 2024"))
    plan = ingest_page(data, page)
    assert plan.record_file.name == "princeton-alg-ml-seminar-2024-02-19.yaml"
    sources = sorted(p.name for p in (data / "sources").iterdir())
    assert sources == ["index.md", "princeton-alg-ml-seminar-2024-02-19-index.md"]
    documents = load_dataset(data).documents
    assert [d.source.file for d in documents] == [
        "data/sources/index.md", "data/sources/princeton-alg-ml-seminar-2024-02-19-index.md"]
    # the series is defined once, by the first page; the second week refers to it
    assert [e.id for d in documents for e in d.events].count("princeton-alg-ml-seminar") == 1
    assert documents[1].talks[0].event == "princeton-alg-ml-seminar-2024-02-19"


def test_each_biography_paragraph_is_about_the_speaker_it_names(data):
    ingest_page(data, PAGES / "listing-optimization.md")
    document = load_dataset(data).documents[0]
    assert [(a.student, a.advisor, a.kind, a.institution) for a in document.advising] == [
        ("pedro-alves", "ana-souza", "phd", "instituto-superior-tecnico"),
        ("ingrid-holm", "knut-larsen", "phd", "university-of-oslo"),
        ("ingrid-holm", "pietro-perona", "postdoc", "caltech")]
    assert [(e.person, e.institution, e.year) for e in document.education] == [
        ("ana-souza", "epfl", 2015),  # the registry knows EPFL
        ("ingrid-holm", "university-of-oslo", 2018)]
    assert document.advising[0].at == "biography of Pedro Alves"
