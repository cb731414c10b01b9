"""Week after week: versions of one page, and one-talk posts, build a series without duplicates."""

from __future__ import annotations

from collections import Counter

from kg.ingest.documents import ingest_documents
from kg.records.load import load_dataset

from .pages_helpers import PAGES, registry_only

REAL = PAGES / "real"


def talk_keys(data):
    return Counter((t.speakers[0].person, t.event, t.title) for d in load_dataset(data).documents
                   for t in d.talks)


def test_the_versions_of_a_seminar_page_make_one_series_without_duplicates(tmp_path):
    data = registry_only(tmp_path)
    for version in sorted((REAL / "nyu-mad").glob("seminar@*.md")):
        ingest_documents(data, [version])
    documents = load_dataset(data).documents
    assert len(documents) == 1  # one series page, its versions one after another
    keys = talk_keys(data)
    assert keys and max(keys.values()) == 1


def test_one_talk_posts_ingested_twice_are_each_one_talk(tmp_path):
    data = registry_only(tmp_path)
    posts = sorted((REAL / "mtl-mlopt").glob("*.markdown"))[:8]
    ingest_documents(data, posts)
    first = talk_keys(data)
    again = ingest_documents(data, posts)
    assert not again.changed and not again.failed
    assert talk_keys(data) == first and sum(first.values()) == 8


def test_past_talks_a_newer_version_no_longer_lists_stay_in_the_series(tmp_path):
    data = registry_only(tmp_path)
    page = tmp_path / "reading-group.md"
    page.write_text("# Reading group\n\n- **May 6, 2024**: Ada Lovelace, Notes on the engine\n"
                    "- **May 13, 2024**: Charles Babbage (Cambridge): Difference engines\n", encoding="utf-8")
    ingest_documents(data, [page])
    page.write_text("# Reading group\n\n- **May 13, 2024**: Charles Babbage (Cambridge): Difference engines, "
                    "revised\n- **May 20, 2024**: Mary Somerville, On the connexion of the sciences\n",
                    encoding="utf-8")
    report = ingest_documents(data, [page])
    talks = {t.speakers[0].person: t for d in load_dataset(data).documents for t in d.talks}
    assert set(talks) == {"ada-lovelace", "charles-babbage", "mary-somerville"}
    assert talks["charles-babbage"].title == "Difference engines, revised"  # the newer page updates it
    assert ("updated", "talk") in {(r[1], r[2]) for r in report.pages.rows}
