"""Text for readers: human dates in an event's time zone, safe addresses, search keys, page paths."""

import pytest

from kg.views.site.paths import ID, href, page_of
from kg.views.site.text import human_when, safe_url, search_key, sort_time


def test_a_talk_is_dated_as_people_write_it_in_the_zone_of_its_event():
    start, end = "2023-12-04T12:30:00-05:00", "2023-12-04T13:30:00-05:00"
    assert human_when(start, end, "America/New_York") == "Monday 4 December 2023, 12:30–13:30 EST"
    assert human_when("2023-12-04T17:30:00+00:00", None, "America/New_York") == \
        "Monday 4 December 2023, 12:30 EST"
    assert human_when(start, end) == "Monday 4 December 2023, 12:30–13:30 UTC-05:00"
    assert human_when("2024-07-01T09:00:00+02:00", None, "Europe/Paris") == "Monday 1 July 2024, 09:00 CEST"
    assert human_when("2024-09-26", "2024-09-27") == "Thursday 26 September 2024 – Friday 27 September 2024"
    assert human_when(None) is None and human_when("not a date") is None


def test_times_sort_by_the_instant_whatever_their_offset():
    times = ["2024-01-01T12:00:00+01:00", "2024-01-01T11:30:00+00:00", None]
    assert sorted(times, key=sort_time) == [times[0], times[1], None]


@pytest.mark.parametrize("url, safe", [
    ("https://proceedings.mlr.press/v75/arora18a.html", True),
    ("http://example.org/a?b=1&c=2", True),
    ("mailto:someone@example.org", True),
    ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False),
    (" javascript:alert(1)", False),
    ("data:text/html,<script>x</script>", False),
    ("https://example.org/\"onmouseover=alert(1)", False),
    ("//example.org/no-scheme", False),
    ("https:///no-host", False),
    ("", False),
])
def test_only_web_and_mail_addresses_become_links(url, safe):
    assert (safe_url(url) == url) is safe


def test_search_keys_ignore_accents_case_and_script():
    assert search_key("René Vidal") == search_key("RENE VIDAL") == "rene vidal"
    assert search_key("Wojciech Kotłowski") == "wojciech kotlowski"
    assert search_key("Gerard 't Hooft") == "gerard t hooft"
    assert search_key("Jürgen Schmidhuber") == "jurgen schmidhuber"


def test_an_entity_iri_has_its_page_at_kind_slash_id_and_links_are_relative():
    assert page_of(ID + "person/ada-lovelace") == "person/ada-lovelace.html"
    assert page_of(ID + "org/engine-lab") == "org/engine-lab.html"
    assert page_of(ID + "paper/pmlr-v75-arora18a") == "paper/pmlr-v75-arora18a.html"
    assert page_of(ID + "paper/x/author/1") is None
    assert page_of(ID + "affiliation/00ab") is None
    assert page_of("https://example.org/person/ada") is None
    assert page_of(ID + "person/../../etc/passwd") is None
    assert href("person/a.html", "paper/b.html") == "../paper/b.html"
    assert href("person/a.html", "person/c.html") == "c.html"
    assert href("index.html", "person/a.html") == "person/a.html"
    assert href("person/a.html", "index.html") == "../index.html"
