"""The kind of a page, decided from what its extraction holds by one scored decision."""

from __future__ import annotations

from datetime import time

from kg.ingest.pages.extracted import SpeakerText, TalkText
from kg.ingest.pages.kind import Evidence, page_kind, pieces, scores, span_days


def talk(speaker: str | None, day: str | None = None, clock: time | None = None) -> TalkText:
    return TalkText([SpeakerText(speaker)] if speaker else [], "A title", day=day, clock=clock)


def kind_of(talks: list[TalkText], papers: int = 0, title: str = "Page", headings: str = "",
            reading_group: bool = False) -> str | None:
    return page_kind(Evidence.of(talks, papers, title, headings, reading_group))


def test_a_page_with_neither_talks_nor_papers_has_no_kind():
    assert kind_of([]) is None


def test_one_talk_is_an_event_page_even_on_a_timed_workshop_day():
    one = [talk("Ada Lovelace", "2024-05-06", time(16))]
    assert kind_of(one, title="Workshop on engines") == "event_page"


def test_a_publication_list_is_an_author_page_and_a_groups_papers_a_listing():
    assert kind_of([talk("Ada Lovelace")], papers=12, title="Publications") == "author_page"
    assert kind_of([talk("Ada Lovelace")], papers=12, title="Reading group", reading_group=True) \
        == "talk_listing"


def test_a_workshops_timed_talks_outweigh_its_accepted_papers():
    """A workshop that lists more accepted papers than talks is still a programme when its talks
    are timed, several a day, under a meeting's title: two shapes of a programme outweigh the list."""
    talks = [talk(f"Speaker {n}", "2020-10-22", time(9 + n)) for n in range(5)]
    assert kind_of(talks, papers=19, title="Planning and RL workshop") == "meeting_programme"
    assert kind_of(talks[:1], papers=19, title="Planning and RL workshop") == "author_page"


def test_talks_dated_one_a_week_are_a_seminar_and_undated_ones_a_listing():
    weekly = [talk(f"Speaker {n}", f"2024-0{m}-1{n}") for n, m in zip(range(4), (2, 3, 4, 5), strict=True)]
    assert kind_of(weekly, title="Theory seminar") == "seminar_page"
    assert kind_of([talk(f"Speaker {n}") for n in range(4)]) == "talk_listing"
    assert kind_of(weekly, title="Past talks") == "talk_listing"  # an archive's words outweigh the days


def test_one_persons_talks_are_a_listing_even_when_dated():
    talks = [talk("Ada Lovelace", f"2024-0{m}-10") for m in range(1, 5)]
    assert kind_of(talks) == "talk_listing" and kind_of(talks[:2]) == "talk_listing"
    assert "one person's talks" in pieces(Evidence.of(talks, 0, "Talks"))


def test_several_talks_a_day_on_a_few_days_are_a_programme():
    talks = [talk(f"Speaker {n}", f"2024-06-0{1 + n % 2}") for n in range(8)]
    assert kind_of(talks, title="Summer days") == "meeting_programme"
    assert scores(Evidence.of(talks, 0, "Summer days"))["meeting_programme"] > 0


def test_span_days_reads_days_without_a_year():
    assert span_days(["--09-18", "--09-20"]) == 2 and span_days(["2023", "2024-01-01"]) == 1 << 16


def test_talks_close_together_are_a_meetings_and_a_weekly_series_is_not():
    """A school's talks, one or two a day for a week, untimed and under no meeting's words, make a
    programme; the same number of talks a week apart stay a seminar's."""
    school = [talk(f"Speaker {n}", f"2018-06-{25 + n // 2}") for n in range(9)]
    assert kind_of(school, title="Machine learning 2018") == "meeting_programme"
    weekly = [talk(f"Speaker {n}", f"2018-06-{4 + 7 * n:02d}") for n in range(4)]
    assert kind_of(weekly, title="Machine learning 2018") == "seminar_page"
    busy = [talk(f"Speaker {n}", f"2018-06-{4 + 3 * n:02d}") for n in range(4)]  # twice a week
    assert kind_of(busy, title="Machine learning 2018") == "seminar_page"
