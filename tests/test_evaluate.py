"""Measuring suggestions: hide a series' later speakers, suggest as of the cutoff, count who is found."""

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KGError
from kg.network.evaluate import (
    History,
    HistoryTalk,
    evaluate,
    evaluation_store,
    popularity_ranking,
    read_history,
    recall_at,
    split_history,
    venue_history,
)

ID = "https://w3id.org/kg/id/"
ADA, ALAN, GRACE, KURT = (ID + "person/" + p for p in
                          ("ada-lovelace", "alan-turing", "grace-hopper", "kurt-godel"))
MINI_HISTORY = Path(__file__).parent / "data" / "evaluation" / "mini-history.yaml"
CUTOFF = date(2022, 12, 31)


def test_recall_counts_the_targets_among_the_first_k():
    ranked = ["a", "b", "c", "d"]
    assert recall_at(ranked, {"b", "d", "x"}, 1) == 0.0
    assert recall_at(ranked, {"b", "d", "x"}, 2) == pytest.approx(1 / 3)
    assert recall_at(ranked, {"b", "d", "x"}, 50) == pytest.approx(2 / 3)
    assert recall_at(ranked, set(), 10) == 0.0


def test_a_history_splits_into_past_speakers_and_newcomers():
    talks = (HistoryTalk(date(2020, 1, 1), "a", ""), HistoryTalk(date(2021, 1, 1), "b", ""),
             HistoryTalk(date(2021, 6, 1), "a", ""), HistoryTalk(date(2021, 7, 1), "c", ""))
    past, later = split_history(History("h", "H", talks), date(2020, 12, 31))
    assert past == {"a"}
    assert later == {"b", "c"}  # a speaks again, but is not new


def test_popularity_ranks_by_count_then_name_and_skips_the_excluded():
    counts = {"x": 2, "y": 3, "z": 2, "w": 0, "v": 5}
    names = {"x": "Bea", "y": "Cid", "z": "Abe", "v": "Vic"}
    assert popularity_ranking(counts, names, excluded={"v"}) == ["y", "z", "x"]


def test_a_history_file_names_speakers_by_name(mini_store):
    history = read_history(mini_store, MINI_HISTORY)
    assert history.name == "Mini history"
    assert [t.speaker for t in history.talks] == [GRACE, ADA, ALAN, KURT, ADA]


def test_a_bad_history_file_names_the_talk_and_field(mini_store, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nname: X\ntalks:\n  - {date: 2021-01-01, speaker: Nobody Known}\n")
    with pytest.raises(KGError, match=r"bad.yaml: talk #1: speaker: no person is named 'Nobody Known'"):
        read_history(mini_store, bad)
    bad.write_text("id: x\nname: X\ntalks:\n  - {date: 1 March 2021, speaker: Ada Lovelace}\n")
    with pytest.raises(KGError, match=r"talk #1: date: '1 March 2021' is not YYYY-MM-DD"):
        read_history(mini_store, bad)


def test_suggest_finds_both_newcomers_where_the_baselines_miss_the_advisor(mini_store):
    history = read_history(mini_store, MINI_HISTORY)
    results = {r.method: r for r in evaluate(evaluation_store(mini_store, history), history,
                                             [CUTOFF], ks=(1, 2))}
    assert sorted(results) == ["most coauthors", "most papers", "suggest",
                               "suggest, whole neighbourhood"]
    ours = results["suggest"]
    assert (ours.past_speakers, ours.targets, ours.known_targets) == (2, 2, 1)
    # Alan (coauthor of Grace and Ada) first, then Kurt (Alan's advisor, no papers).
    assert ours.recall == {1: 0.5, 2: 1.0}
    assert ours.found[2] == (ALAN, KURT)
    assert results["suggest, whole neighbourhood"].recall == {1: 0.5, 2: 1.0}
    # Kurt has no papers, so counting papers or coauthors never reaches him.
    assert results["most papers"].recall == {1: 0.5, 2: 0.5}
    assert results["most coauthors"].recall == {1: 0.5, 2: 0.5}
    assert results["most papers"].recall_known == {1: 1.0, 2: 1.0}


def test_the_evaluation_copy_leaves_the_store_unchanged(mini_store):
    history = read_history(mini_store, MINI_HISTORY)
    evaluation_store(mini_store, history)
    assert not mini_store.ask(f"ASK {{ <{history.series}> ?p ?o }}")


def test_a_venue_history_takes_first_authors_as_presenters(colt_store):
    history = venue_history(colt_store, "Conference on Learning Theory")
    assert len(history.talks) == 1402  # every COLT 2011-2024 paper (the 14 prefaces are no papers)
    assert history.talks[0].day == date(2011, 7, 1)
    bandits = venue_history(colt_store, "Conference on Learning Theory", "bandit")
    assert 0 < len(bandits.talks) < 200
    assert all("bandit" in t.title.lower() for t in bandits.talks)


def test_cli_prints_the_recall_table(mini_store_path):
    result = CliRunner().invoke(main, ["--store", str(mini_store_path), "evaluate-suggest",
                                       "--venue", "", "--history", str(MINI_HISTORY),
                                       "--cutoff", "2022-12-31", "--k", "1", "--k", "2",
                                       "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["method"], r["recall@1"], r["recall@2"]) for r in rows] == [
        ("suggest", 0.5, 1.0), ("suggest, whole neighbourhood", 0.5, 1.0),
        ("most papers", 0.5, 0.5), ("most coauthors", 0.5, 0.5)]
    assert "Mini history: 5 talks." in result.stderr


def test_cli_without_any_history_is_an_error(mini_store_path):
    result = CliRunner().invoke(main, ["--store", str(mini_store_path), "evaluate-suggest"])
    assert result.exit_code == 1
    assert "No papers at a venue named like 'Conference on Learning Theory'" in result.stderr
    assert "Error: no history to evaluate on" in result.stderr
