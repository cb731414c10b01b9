"""Suggesting speakers: who is ranked, why, and what the organizers should know."""

import json
from datetime import date

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KGError
from kg.network import topics
from kg.network.suggest import suggest
from kg.network.taste import FEATURES
from kg.sparql.resolver import entity

ID = "https://w3id.org/kg/id/"
ADA, ALAN, GRACE, KURT = (ID + "person/" + p for p in
                          ("ada-lovelace", "alan-turing", "grace-hopper", "kurt-godel"))
SERIES = ID + "event/mini-series"
SESSION = ID + "event/mini-2024-01-08"


def test_people_who_spoke_or_organize_are_not_suggested(mini_store):
    result = suggest(mini_store, SERIES)
    assert result.speakers == ["Ada Lovelace", "Alan Turing"]
    assert result.organizers == ["Grace Hopper"]
    assert [c.person for c in result.candidates] == [KURT]


def test_a_candidate_explains_the_chain_to_a_speaker(mini_store):
    kurt = suggest(mini_store, SERIES).candidates[0]
    assert [step.describe() for step in kurt.path] == ["Kurt Gödel —PhD advisor of→ Alan Turing"]
    assert kurt.path[0].via.startswith(ID + "advising/")
    assert kurt.closeness == 1.0 and kurt.topic == 0.0  # Kurt has no papers or talks in the store


def test_a_session_is_judged_with_its_series(mini_store):
    assert [c.person for c in suggest(mini_store, SESSION).candidates] == [KURT]


def test_since_lets_earlier_speakers_be_suggested_again(mini_store):
    result = suggest(mini_store, SERIES, since=date(2024, 1, 10))
    assert [c.person for c in result.candidates] == [ADA, KURT]
    ada = result.candidates[0]
    # Her papers "Notes on the engine" and "Numbers again" against the series' talks (her own talk
    # there does not count towards her topics).
    assert set(ada.topic_words) == {"engine", "number"}
    # A colleague of the organizer is a normal speaker for a seminar: information, not a conflict.
    assert "same institution as organizer Grace Hopper (Analytical University)" in ada.relations
    assert not any("institution" in c for c in ada.conflicts)


def test_as_of_hides_later_talks_and_papers(mini_store):
    result = suggest(mini_store, SERIES, as_of=date(2024, 1, 10))
    assert result.speakers == ["Ada Lovelace"]  # Alan's talk of 15 January is not known yet
    alan = next(c for c in result.candidates if c.person == ALAN)
    # The series' own talks are hidden from every signal (they would tell who spoke there):
    # Alan's link to the series is his 2021 paper with Ada, not her talk he collaborated on.
    assert alan.last_year == 2021
    assert [s.kind for s in alan.path] == ["paper"]
    early = suggest(mini_store, SERIES, as_of=date(2020, 12, 31), since=date(2030, 1, 1))
    # On the last day of 2020 only the 2020 paper is known, and no talk: only the organizer is a seed.
    assert early.speakers == []
    assert {c.person for c in early.candidates} == {ADA, ALAN, KURT}  # advising has no date
    assert {step.year for c in early.candidates for step in c.path} == {2020, None}


def test_recent_coauthors_of_organizers_are_flagged(mini_store):
    result = suggest(mini_store, SERIES, as_of=date(2022, 1, 1), since=date(2030, 1, 1))
    ada = next(c for c in result.candidates if c.person == ADA)
    assert "coauthor of organizer Grace Hopper (2020)" in ada.conflicts


def test_excluded_people_are_left_out(mini_store):
    assert suggest(mini_store, SERIES, exclude=[KURT]).candidates == []


def test_ranking_is_deterministic_with_ties_broken_by_name(seed_store):
    event = entity(seed_store, "Princeton Alg-ML Seminar, December 4, 2023", "event")
    first = suggest(seed_store, event, top=20)
    again = suggest(seed_store, event, top=20)
    assert first.candidates == again.candidates
    scores = [c.score for c in first.candidates]
    assert scores == sorted(scores, reverse=True)
    # A shown score is rounded to four decimals, so two people shown level may still differ below
    # that (ranked by the full score); true ties, the same features, go by name
    # (tests/test_suggest_fast_paths.py checks the tie-breaking itself).
    for a, b in zip(first.candidates, first.candidates[1:], strict=False):
        assert a.features != b.features or a.name <= b.name
    # Each has a chain to a speaker or organizer, or, without any (three or more steps away), is
    # there for the series' subject and says so.
    assert all(c.path or any(r.startswith("topic") for r in c.reasons) for c in first.candidates)
    assert sum(bool(c.path) for c in first.candidates) >= 15
    names = [c.name for c in first.candidates]
    assert "Noam Razin" not in names  # the speaker
    # Sanjeev Arora's group is the seminar's audience (kg:attendedByGroupOf): a host, never a candidate.
    assert "Sanjeev Arora" not in names
    assert "Sadhika Malladi" in names[:3]  # coauthor of an organizer, on the series' topics


def test_an_unknown_event_is_a_clear_error(mini_store):
    with pytest.raises(KGError, match="no event is named 'Nope'; 'kg query events' lists them"):
        entity(mini_store, "Nope", "event")


def test_topic_words_fold_case_accents_and_plurals():
    assert topics.words("Réseaux of Neural Networks, via Bandits!") == ["reseaux", "neural", "network",
                                                                         "bandit"]
    idf = topics.inverse_document_frequency([["bandit", "regret"], ["bandit"]])
    a = topics.tfidf(["bandit", "regret"], idf, 2.0)
    b = topics.tfidf(["regret"], idf, 2.0)
    assert topics.shared_words(a, b) == ["regret"]
    assert 0 < topics.cosine(a, b) < 1


def test_cli_suggest_prints_json_with_reasons(mini_store_path):
    result = CliRunner().invoke(main, ["--store", str(mini_store_path), "suggest", "Mini Seminar",
                                       "--since", "2024-01-10", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [c["name"] for c in payload["candidates"]] == ["Ada Lovelace", "Kurt Gödel"]
    assert payload["candidates"][1]["path"][0]["relation"] == "PhD advisor of"
    assert "2 speakers, 1 organizers" in result.stderr


def test_cli_suggest_csv_and_errors(mini_store_path):
    store = ["--store", str(mini_store_path)]
    result = CliRunner().invoke(main, [*store, "suggest", "Mini Seminar", "--format", "csv"])
    assert result.stdout.splitlines()[1].startswith("1,Kurt Gödel,")
    unknown = CliRunner().invoke(main, [*store, "suggest", "Mini Seminar", "-x", "Nobody"])
    assert unknown.exit_code == 1 and "no person is named 'Nobody'" in unknown.stderr
    bad_date = CliRunner().invoke(main, [*store, "suggest", "Mini Seminar", "--as-of", "2024-13-01"])
    assert bad_date.exit_code == 2


def test_nobody_to_suggest_is_said(mini_store):
    result = suggest(mini_store, SERIES, as_of=date(2020, 12, 31), exclude=[ADA, ALAN, KURT])
    assert result.candidates == []
    assert result.notes == [
        "nobody who may be suggested is known as of 2020-12-31"]


def test_hosts_are_never_candidates_and_conflicts_can_be_dropped(mini_store):
    # Grace organizes the series; Ada wrote a paper with her in 2020: a conflict as of 2022.
    result = suggest(mini_store, SERIES, as_of=date(2022, 1, 1), since=date(2030, 1, 1), top=10)
    assert GRACE not in [c.person for c in result.candidates]
    assert ADA in [c.person for c in result.candidates]
    dropped = suggest(mini_store, SERIES, as_of=date(2022, 1, 1), since=date(2030, 1, 1), top=10,
                      exclude_conflicts=True)
    assert ADA not in [c.person for c in dropped.candidates]
    # Five years later the same paper is only information.
    later = suggest(mini_store, SERIES, as_of=date(2026, 1, 1), since=date(2030, 1, 1), top=10)
    ada = next(c for c in later.candidates if c.person == ADA)
    assert "coauthor of organizer Grace Hopper (2020)" in ada.relations
    assert not any("coauthor" in c for c in ada.conflicts)


def test_every_candidate_explains_itself(seed_store):
    event = entity(seed_store, "Princeton Alg-ML Seminar, December 4, 2023", "event")
    result = suggest(seed_store, event, top=5)
    assert result.taste and set(result.taste) == set(FEATURES)
    for candidate in result.candidates:
        assert candidate.reasons, candidate
        assert set(candidate.features) == set(FEATURES)


OTHER_SERIES = """\
source:
  id: other-seminar
  title: The Other Seminar page
  kind: seminar_page
  file: data/sources/other.txt
events:
  - id: other-series
    name: Other Seminar
    kind: seminar_series
talks:
  - id: incompleteness-2022
    title: On incompleteness
    speakers:
      - person: kurt-godel
    event: other-series
    start: 2022-03-01T12:00:00+00:00
  - id: incompleteness-2025
    title: Incompleteness again
    speakers:
      - person: kurt-godel
    event: other-series
    start: 2025-03-01T12:00:00+00:00
  - id: undated-talk
    title: A talk with no date
    speakers:
      - person: grace-hopper
    event: other-series
"""


def test_the_series_someone_spoke_at_are_named_with_the_year_as_known_on_the_day(tmp_path):
    import shutil

    from kg.build import build_folder
    from kg.network import signals
    from kg.network.index import day_number, index_for
    from kg.store import LocalStore

    from .conftest import MINI

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "records" / "other-seminar.yaml").write_text(OTHER_SERIES, encoding="utf-8")
    build_folder(data, tmp_path / "store")
    index = index_for(LocalStore.open_read_only(tmp_path / "store"))
    kurt, grace = index.person_index[KURT], index.person_index[GRACE]
    in_2024 = signals.view(index, day_number(date(2024, 1, 1)))
    assert signals.series_spoken(in_2024, kurt) == [(2022, "Other Seminar")]
    later = signals.view(index, day_number(date(2026, 1, 1)))
    assert signals.series_spoken(later, kurt) == [(2025, "Other Seminar")]
    # A talk without a date is known as of no day.
    assert signals.series_spoken(later, grace) == []


def test_a_series_name_with_its_own_article_is_not_given_a_second_one():
    from kg.network.suggest import _the

    assert _the("MoDL Collaboration Meeting") == "the MoDL Collaboration Meeting"
    assert _the("the MaD+ Seminar") == "the MaD+ Seminar"


def test_a_career_like_the_past_speakers_fits_better_than_a_longer_one():
    import numpy as np

    from kg.network.signals import Counts
    from kg.network.suggest import career_fit

    # Six people of the field: three early-career past speakers (0-2), a fourth like them (3),
    # a prolific senior (4) and someone with no paper (5).
    papers = np.array([4.0, 5.0, 6.0, 5.0, 120.0, 0.0])
    counts = Counts(papers=papers, recent_papers=np.array([3.0, 4.0, 5.0, 4.0, 40.0, 0.0]),
                    career_years=np.array([2.0, 3.0, 4.0, 3.0, 25.0, 0.0]),
                    talks=np.zeros(6), works=papers)
    fit = career_fit(counts, [0, 1, 2])
    assert fit[3] == 0.0  # exactly the speakers' median profile
    # The senior is at the top of the field and the paperless at its bottom: both far from them.
    assert fit[4] < -0.4 and fit[5] < -0.4
    # Without a past speaker the field knows, nobody is more alike than anyone else.
    assert not career_fit(counts, [5]).any()



def test_without_a_tie_to_the_series_the_subject_counts_more_and_papers_less():
    import numpy as np

    from kg.network.suggest import unlinked_adjusted

    topic, papers = FEATURES.index("topic"), FEATURES.index("papers")
    links, hosts = FEATURES.index("coauthored_speakers"), FEATURES.index("organizer_links")
    # A coauthor of a past speaker (0) and one of a host (1), both scored 0.5, and two people with
    # no tie scored 0: one squarely on the subject with few papers (2), one off it and prolific (3).
    x = np.zeros((4, len(FEATURES)))
    x[:, topic] = [-9.0, -9.0, -1.0, -9.0]
    x[:, papers] = [np.log1p(40), np.log1p(40), np.log1p(5), np.log1p(200)]
    x[0, links] = x[1, hosts] = np.log1p(1)
    scores = np.array([0.5, 0.5, 0.0, 0.0])
    adjusted = unlinked_adjusted(x, np.arange(4), scores)
    assert adjusted[:2].tolist() == scores[:2].tolist()  # the tied keep their scores
    assert adjusted[2] > scores[2] > adjusted[3]  # on topic, few papers: up; off topic, prolific: down
    # Nothing to move against: one person, or scores that do not vary.
    assert unlinked_adjusted(x, np.array([2]), scores[2:3]).tolist() == [0.0]
    assert unlinked_adjusted(x, np.arange(4), np.zeros(4)).tolist() == [0.0] * 4
    # In a larger pool the taste's own first ten stay first: the lifted come in below them.
    many = np.zeros((30, len(FEATURES)))
    many[:, topic] = -9.0
    many[:, papers] = np.log1p(20)
    many[:12, links] = np.log1p(1)  # twelve tied people, scored 12 down to 1
    many[29, topic], many[29, papers] = -0.5, np.log1p(2)  # on the subject, untied, scored 0
    ranked = np.concatenate([np.arange(12, 0, -1.0), np.zeros(18)])
    lifted = unlinked_adjusted(many, np.arange(30), ranked)
    assert lifted[:10].tolist() == ranked[:10].tolist()
    assert ranked[9] > lifted[29] > lifted[10] > lifted[11]  # past the eleventh, not into the first ten
    assert np.argsort(-lifted, kind="stable")[10] == 29


def test_an_empty_pool_is_left_as_it_is_without_a_warning():
    import warnings

    import numpy as np

    from kg.network.suggest import unlinked_adjusted

    x = np.zeros((3, len(FEATURES)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # numpy's "Degrees of freedom <= 0" on an empty pool's spread
        assert unlinked_adjusted(x, np.array([], dtype=int), np.array([])).tolist() == []


def test_the_recent_talks_are_the_last_third_of_the_series_talks():
    from kg.network.suggest import recent_talks

    talks = [(day, 100 + day, 200 + day) for day in range(10)]  # (day, speaker, talk), in time order
    assert recent_talks(talks) == talks[7:]  # a third of ten: the last three
    assert recent_talks(talks[:2]) == talks[1:2]  # at least one
    assert recent_talks([]) == []


def test_without_a_tie_a_fit_to_the_recent_talks_lifts_more_than_one_to_the_older_ones():
    import numpy as np

    from kg.network.suggest import unlinked_adjusted

    topic, papers = FEATURES.index("topic"), FEATURES.index("papers")
    links = FEATURES.index("coauthored_speakers")
    # Twelve tied people scored 12 down to 1; two untied people scored 0, alike in topic fit over
    # all the talks and in papers: person 12 fits the recent talks, person 13 only the older ones.
    x = np.zeros((14, len(FEATURES)))
    x[:, topic], x[:, papers] = -3.0, np.log1p(20)
    x[:12, links] = np.log1p(1)
    x[12:, topic] = -1.0
    recent = np.full(14, -3.0)
    recent[12], recent[13] = -0.5, -2.5
    scores = np.concatenate([np.arange(12, 0, -1.0), np.zeros(2)])
    moved = unlinked_adjusted(x, np.arange(14), scores, recent)
    assert moved[:10].tolist() == scores[:10].tolist()  # the taste's first ten stay first
    assert moved[12] > moved[13]
    assert np.argsort(-moved, kind="stable")[10] == 12  # the recent fit comes in first after them
    # Without the recent fit the topic fit counts for both: the two stay level.
    alone = unlinked_adjusted(x, np.arange(14), scores)
    assert alone[12] == alone[13] > alone[10]


def test_an_untied_candidate_says_it_fits_the_series_recent_talks(seed_store):
    event = entity(seed_store, "Princeton Alg-ML Seminar, December 4, 2023", "event")
    result = suggest(seed_store, event, top=40)
    untied = [c for c in result.candidates if not c.shared_coauthors and not c.features["organizer_links"]]
    assert untied
    recent = "on the subject of the series' recent talks: "
    assert any(r.startswith(recent) for c in untied for r in c.reasons), [c.reasons for c in untied]
    assert not any(r.startswith(recent) for c in result.candidates if c.shared_coauthors for r in c.reasons)
