"""Telling the kind of a page from its lines."""

import pytest

from kg.errors import DataError
from kg.ingest.detect import PAGE, detect_kind
from kg.ingest.pages.detect import detect_page_kind
from kg.ingest.pages.pipeline import extract_file
from kg.ingest.pages.text import read_page

from .pages_helpers import PAGES, SEED_FILES

EXPECTED = {
    "seed-000-alg-ml-seminar.html": "seminar_page", "seminar-alg-ml-2024-02-12.md": "seminar_page",
    "seminar-theory-two-talks.html": "seminar_page", "seminar-optimization-labelled.txt": "seminar_page",
    "seed-001-event-page.html": "event_page", "event-cs-seminar-2025-03-07.txt": "event_page",
    "event-statistics-colloquium.html": "event_page", "event-ml-colloquium-labelled.md": "event_page",
    "seed-002-talk-listing.html": "talk_listing", "listing-optimization.md": "talk_listing",
    "listing-summer-school.html": "talk_listing",
    "seed-003-meeting.html": "meeting_programme", "meeting-foundations-2025.md": "meeting_programme",
    "meeting-workshop.html": "meeting_programme", "meeting-symposium.md": "meeting_programme",
    "seed-004-author-page.html": "author_page", "author-elena-petrova.md": "author_page",
    "author-jonas-berg.html": "author_page",
}


def test_every_test_page_is_listed():
    assert sorted(p.name for p in PAGES.iterdir() if p.is_file()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_kind_of_each_test_page(name):
    assert detect_kind(PAGES / name) == PAGE  # a page: its kind comes from its content, read once
    assert detect_page_kind(read_page(PAGES / name)) == EXPECTED[name]


@pytest.mark.parametrize(("seed", "kind"), [("000", "seminar_page"), ("001", "event_page"),
                                            ("002", "talk_listing"), ("003", "meeting_programme"),
                                            ("004", "author_page")])
def test_the_kind_of_each_seed(seed, kind):
    assert detect_page_kind(read_page(SEED_FILES[seed])) == kind


def test_a_page_of_plain_prose_has_no_kind(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Some notes about nothing in particular.\nAnother line.\n")
    with pytest.raises(DataError, match=r"notes.txt: unknown kind of page: no talk and no paper found"):
        extract_file(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DataError, match="gone.html: cannot read"):
        detect_kind(tmp_path / "gone.html")
