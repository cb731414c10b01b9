"""Talks written as a top item over nested items that label the speaker and the event."""

from kg.ingest.pages.extract import extract_path


def _read(tmp_path, text: str):
    path = tmp_path / "talks.md"
    path.write_text(text, encoding="utf-8")
    return extract_path(path)


def test_a_list_of_recorded_talks_with_labelled_sub_items_gives_its_talks(tmp_path):
    page = _read(tmp_path, "# Recorded talks\n\n"
                 "- [Notes on the Analytical Engine](https://example.org/v1)\n"
                 "  - **Author**: Ada Lovelace (University of London)\n  - **Year**: 2024\n"
                 "  - **Event**: Summer Institute\n\n"
                 "- [Compilers for Everyone](https://example.org/v2) - (2021)\n"
                 "  - **Author**: Grace Hopper (Yale University)\n  - **Year**: 2021\n"
                 "  - **Event**: Online Computing Seminar\n")
    found = [(tuple(s.name for s in t.speakers), t.title, t.day, t.speakers[0].affiliation)
             for t in page.talks]
    assert found == [(("Ada Lovelace",), "Notes on the Analytical Engine", "2024", "University of London"),
                     (("Grace Hopper",), "Compilers for Everyone", "2021", "Yale University")]
    assert not page.papers


def test_a_paper_list_with_authors_venue_and_year_sub_items_gives_no_talks(tmp_path):
    page = _read(tmp_path, "# Publications\n\n"
                 "- Notes on the Analytical Engine\n"
                 "  - **Authors**: Ada Lovelace, Charles Babbage\n  - **Venue**: Journal of Engines\n"
                 "  - **Year**: 2019\n\n"
                 "- Compilers for Everyone\n"
                 "  - **Authors**: Grace Hopper, Ada Lovelace\n  - **Venue**: Computing Letters\n"
                 "  - **Year**: 2021\n")
    assert not page.talks

