"""How well a page supports the talks read from it, and the weak readings `kg ingest` leaves out
(hand-written examples; bench/talk_support.py fits and scores the weights on real pages)."""

from __future__ import annotations

from datetime import time

from kg.ingest.documents import ingest_documents
from kg.ingest.pages import support
from kg.ingest.pages.blocks import layout
from kg.ingest.pages.document import read_document
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


def test_a_particle_is_no_evidence_of_a_name():
    assert not support.has_name_words(talk("Departamento de Estatística"))
    assert support.has_name_words(talk("Ana de Souza"))


def test_a_speaker_whose_affiliation_lists_coauthors_is_a_papers_first_author():
    rows = [talk(n, f"A talk of {n}", "2024") for n in ("Ada Lovelace", "Charles Babbage")]
    author = TalkText([SpeakerText("Mary Somerville", "Charles Babbage, Ada Lovelace and John Herschel")],
                      "On the connexion of the physical sciences", day="2024")
    speaker = TalkText([SpeakerText("Mary Somerville", "Royal Society")],
                       "On the connexion of the physical sciences", day="2024")
    assert support.evidence(author, [*rows, author])["author_list"] == 1.0
    assert support.support(author, [*rows, author]) < support.ABSTAIN_BELOW
    assert support.support(speaker, [*rows, speaker]) >= support.ABSTAIN_BELOW


def test_a_title_that_is_a_label_is_less_supported():
    rows = [talk(n, f"A talk of {n}") for n in ("Ada Lovelace", "Charles Babbage")]
    labelled, titled = talk("Mary Somerville", "Organisers:"), talk("Mary Somerville", "Tides")
    assert support.support(labelled, [*rows, labelled]) < support.support(titled, [*rows, titled])
    assert support.evidence(talk("Mary Somerville", "Speakers"), rows)["label_title"] == 1.0


def test_an_undated_entry_under_a_heading_of_publications_is_weak(tmp_path):
    page = tmp_path / "index.md"
    page.write_text("# Ada Lovelace\n\n## Talks\n\n- Notes on the engine, Royal Society\n\n"
                    "## Selected publications\n\n- Sketch of the analytical engine\n\n"
                    "## Workshop papers\n\n- Tables of Bernoulli numbers\n", encoding="utf-8")
    document = read_document(page)
    lines = support.paper_list_lines(layout(document).blocks, "Ada Lovelace")
    assert 9 in lines and not {3, 5, 11, 13} & lines  # the publications' entry; not the talks', nor
    # the papers of a workshop
    cited = TalkText([SpeakerText("Mary Somerville")], "Sketch of the analytical engine", day="1843", line=9)
    given = TalkText([SpeakerText("Mary Somerville")], "Notes on the engine", day="1843-06-12", line=5)
    shape = support.PageShape.of([cited, given], lines)
    assert support.evidence(cited, [cited, given], shape)["paper_entry"] == 1.0
    assert support.support(cited, [cited, given], shape) < support.ABSTAIN_BELOW
    unplaced = support.PageShape.of([cited, given])
    assert support.support(cited, [cited, given], unplaced) >= support.ABSTAIN_BELOW
    assert support.support(given, [cited, given], shape) >= support.ABSTAIN_BELOW
    cited.day, cited.clock = "1843-07-01", time(10)  # a day and a time: a programme's presented paper
    assert support.evidence(cited, [cited, given], shape)["paper_entry"] == 0.0


def test_a_byline_printed_family_name_first_is_a_references_and_weak():
    rows = [talk(n, f"A talk of {n}") for n in ("Ada Lovelace", "Charles Babbage")]
    title = "The blessings of multiple causes"
    cited = TalkText([SpeakerText("Wang, Y."), SpeakerText("Blei, D. M.")], title)
    given = TalkText([SpeakerText("Yixin Wang"), SpeakerText("David Blei")], title)
    assert support.evidence(cited, [*rows, cited])["cited_byline"] == 1.0
    assert support.support(cited, [*rows, cited]) < support.ABSTAIN_BELOW
    assert support.support(given, [*rows, given]) >= support.ABSTAIN_BELOW
    # one speaker written so among others (a talk list citing its owner) is no reference's byline
    owner = TalkText([SpeakerText("Lovelace, Ada"), SpeakerText("Mary Somerville")], "Tides")
    assert support.evidence(owner, [*rows, owner])["cited_byline"] == 0.0


def test_a_titled_entry_of_a_personal_list_whose_owner_is_not_named_is_kept():
    titles = ("Notes on the engine", "On looms", "Weaving")
    listed = [TalkText([], t, day="2024", guessed=["speaker"]) for t in titles]
    stray = TalkText([], "Notes on the engine", day="2024")
    assert support.support(listed[0], listed) >= support.ABSTAIN_BELOW > support.support(stray, [stray])
