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


def test_the_links_of_an_ingested_talk_are_shown_by_talk_details(tmp_path):
    from kg.build import build_folder
    from kg.sparql.catalog import find_query
    from kg.sparql.resolver import bind_parameters
    from kg.store.local import LocalStore

    data = registry_only(tmp_path)
    page = tmp_path / "talk.md"
    page.write_text("---\ntitle: Notes on engines\nspeaker: Ada Lovelace\nhomepage: https://ada.example/\n"
                    "date: 2024-05-06 16:00\nslides: https://ada.example/slides.pdf\n"
                    "video: https://www.youtube.com/watch?v=abcdefghijk\n---\n\nAbstract.\n",
                    encoding="utf-8")
    ingest_documents(data, [page])
    talk, = [t for d in load_dataset(data).documents for t in d.talks]
    store_path = tmp_path / "store"
    build_folder(data, store_path)
    store = LocalStore.open_read_only(store_path)
    query = find_query("talk_details")
    bindings = bind_parameters(store, query, [("talk", f"https://w3id.org/kg/id/talk/{talk.id}")])
    rows = {(str(r["property"]), str(r["value"])) for r in store.select(query.text, bindings.terms).values()}
    assert ("slides", "https://ada.example/slides.pdf") in rows
    assert ("video", "https://www.youtube.com/watch?v=abcdefghijk") in rows
    assert ("speaker homepage", "https://ada.example/") in rows
