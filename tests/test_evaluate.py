"""Measuring suggestions as recommender systems are: hide a series after a cutoff, find who came next."""

import json
from datetime import date

from click.testing import CliRunner

from kg.cli import main
from kg.network import evaluate
from kg.network.index import derive_index

ID = "https://w3id.org/kg/id/"
SERIES = ID + "event/mini-series"
ALAN = ID + "person/alan-turing"


def test_recall_and_mean_reciprocal_rank():
    ranked = ["a", "b", "c", "d"]
    assert evaluate.recall_at(ranked, {"b", "x"}, 2) == 0.5
    assert evaluate.recall_at(ranked, set(), 2) == 0.0
    assert evaluate.mean_reciprocal_rank(ranked, {"b", "d"}) == (1 / 2 + 1 / 4) / 2
    assert evaluate.mean_reciprocal_rank(ranked, {"x"}) == 0.0


def test_a_series_is_read_from_the_store_and_split_at_a_cutoff(mini_store):
    index = derive_index(mini_store)
    days = evaluate.speaker_days(index, SERIES)
    assert [d for d, _ in days] == [date(2024, 1, 8), date(2024, 1, 15)]
    past, later = evaluate.split(days, date(2024, 1, 10))
    assert later == {ALAN} and ALAN not in past
    assert evaluate.middle_cutoff(days) == date(2024, 1, 8)


def test_suggest_finds_the_next_speaker_and_every_baseline_is_measured(mini_store):
    index = derive_index(mini_store)
    results = evaluate.evaluate(index, SERIES, date(2024, 1, 10), ks=(1, 10))
    assert [r.method for r in results] == list(evaluate.METHODS)
    found = {r.method: r for r in results}
    # Alan wrote a paper with Ada, who spoke before the cutoff: the walk finds him first.
    assert found["suggest"].recall[1] == 1.0 and found["suggest"].mrr == 1.0
    assert found["personalized PageRank"].recall[10] == 1.0
    assert all(r.later_speakers == 1 and r.known == 1 for r in results)
    averages = evaluate.summary(results, ks=(1, 10))
    assert averages["suggest"]["recall@1"] == 1.0


def test_cli_evaluate_suggest_prints_rows_and_averages(mini_store_path):
    result = CliRunner().invoke(main, ["--store", str(mini_store_path), "evaluate-suggest", "Mini Seminar",
                                       "--cutoff", "2024-01-10", "--k", "1", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert {r["method"] for r in payload["results"]} == set(evaluate.METHODS)
    assert payload["average"]["suggest"]["recall@1"] == 1.0
    assert "cutoff 2024-01-10" in result.stderr
    none = CliRunner().invoke(main, ["--store", str(mini_store_path), "evaluate-suggest", "Mini Seminar",
                                     "--cutoff", "2030-01-01"])
    assert none.exit_code == 1 and "no speakers before or after 2030-01-01" in none.stderr
