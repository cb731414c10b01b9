"""How well a page supports the talks read from it, and the weak readings `kg ingest` leaves out
(hand-written examples; bench/talk_support.py fits and scores the weights on real pages)."""

from __future__ import annotations

from datetime import time

from kg.ingest.documents import ingest_documents
from kg.ingest.pages import support
from kg.ingest.pages.extracted import EventText, PageExtract, SpeakerText, TalkText

from .pages_helpers import registry_only


def talk(name: str, title: str | None = None, day: str | None = None, clock: time | None = None,
         guessed: tuple[str, ...] = ()) -> TalkText:
    return TalkText([SpeakerText(name)], title, day=day, clock=clock, guessed=list(guessed))


def test_a_dated_titled_talk_by_a_person_is_well_supported():
    talks = [talk("Ada Lovelace", "Notes on the analytical engine", "2024-03-03", time(14)),
             talk("Mary Somerville", "On the connexion of the sciences", "2024-03-10", time(14))]
    assert support.support(talks[0], talks) > 0.95


def test_a_place_read_as_a_speaker_with_no_day_and_a_guessed_title_is_weak():
    talks = [talk("Lilla Hörsalen", "Nodhuset, Borgarfjordsgatan 12", guessed=("title",))]
    assert support.support(talks[0], talks) < support.ABSTAIN_BELOW


def test_the_same_undated_reading_is_better_supported_among_talks_by_people():
    alone = talk("Cuong")
    people = [talk(n, f"A talk of {n}", "2024-05-06") for n in ("Ada Lovelace", "Charles Babbage",
                                                                "Mary Somerville")]
    assert support.support(alone, [alone]) < support.support(alone, [alone, *people])


def test_a_talk_read_otherwise_than_the_pages_other_talks_is_less_supported():
    rows = [talk(n, f"A talk of {n}") for n in ("Ada Lovelace", "Charles Babbage", "Mary Somerville")]
    for row in rows:
        row.read_as = "table"
    stray = talk("Augustus De Morgan", "Notes")
    stray.read_as, like = "block", talk("Augustus De Morgan", "Notes")
    like.read_as = "table"
    assert support.support(stray, [*rows, stray]) < support.support(like, [*rows, like])


def test_weigh_lowers_confidence_and_kept_leaves_the_weak_talks_and_their_days_out():
    strong = [talk("Ada Lovelace", "Notes on engines", "2024-03-03"),
              talk("Mary Somerville", "On the sciences", "2024-03-10")]
    weak = talk("Organisers", guessed=("title",))
    weak.event, strong[0].event, strong[1].event = "s-2024-03-17", "s-2024-03-03", "s-2024-03-10"
    found = PageExtract("seminar_page", "Seminar", "s", talks=[*strong, weak], events=[
        EventText("s", "Seminar", "seminar_series"), EventText("s-2024-03-03", "3", "seminar", part_of="s"),
        EventText("s-2024-03-10", "10", "seminar", part_of="s"),
        EventText("s-2024-03-17", "17", "seminar", part_of="s")])
    support.weigh(found)
    assert [t.weak for t in found.talks] == [False, False, True]
    assert weak.confidence < support.ABSTAIN_BELOW
    taken = support.kept(found)
    assert [t.speakers[0].name for t in taken.talks] == ["Ada Lovelace", "Mary Somerville"]
    assert [e.key for e in taken.events] == ["s", "s-2024-03-03", "s-2024-03-10"]
    assert len(found.talks) == 3  # the reading itself keeps them, for --dry-run


def test_ingest_takes_nothing_from_a_page_whose_every_talk_is_weak_and_dry_run_lists_them(tmp_path):
    data = registry_only(tmp_path)
    page = tmp_path / "group.md"
    page.write_text("# Reading group\n\n| Presenter | Paper |\n|---|---|\n| Cuong | |\n| James | |\n",
                    encoding="utf-8")
    report = ingest_documents(data, [page], dry_run=True)
    listed = {row[4]: row for row in report.review.rows}
    assert set(listed) == {"Cuong", "James"} and "weak: left out" in listed["Cuong"][7]
    assert report.failed and "weakly supported" in report.failed[0]
    report = ingest_documents(data, [page])
    assert report.failed and not list((data / "records").glob("*.yaml"))
