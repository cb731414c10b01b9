"""bench/page_labeller.py and bench/train_labeller.py: the learned line labeller kept as a harness.

The labeller cuts a page's blocks into candidate pieces, scores them with a linear model and
assembles talks; the trainer learns the model from the development half only. These tests use a
small hand-written model, so they show the cutting and the assembly, not the trained weights
(``bench/labeller_eval.py`` measures those on the corpus; figures in BENCHMARKS.md).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from kg.ingest.pages.blocks import layout
from kg.ingest.pages.document import read_document

from .conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "pages" / "real"

TOY_MODEL = {
    "labels": ["speaker", "title", "other"],
    "intercept": [-4.0, -4.0, 0.0],
    "weights": {"is_name": [9.0, 0.0, 0.0], "words=7": [0.0, 8.0, 0.0], "words=15": [0.0, 9.0, 0.0],
                "grain=block": [-3.0, -3.0, 0.0], "has_date": [-9.0, -9.0, 0.0]},
}
"""Names are speakers, pieces of five to fifteen words are titles, whole blocks and dates neither."""

TABLE = """# Schedule

| Date | Speaker | Title |
|---|---|---|
| Mar 3, 2024 | Ada Lovelace | Notes on the analytical engine |

After the table.
"""
SPEAKER_FIRST = """# Seminar 2024

- March 3 — Ada Lovelace — Notes on the analytical engine and its tables of numbers
- March 10 — Alan Turing — Computable numbers and an application to the problem
"""
TITLE_FIRST = """# Reading group

Our reading list for this term of the group

- Notes on the analytical engine and its tables of numbers, presented by Ada Lovelace
- Computable numbers and an application to the problem, presented by Alan Turing
"""
"""A title-like line before all the talks: read title first, it is a title without a speaker."""


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        yield (importlib.import_module("page_labeller"), importlib.import_module("train_labeller"))
    finally:
        sys.path.remove(str(ROOT / "bench"))


def page(tmp_path: Path, text: str, name: str = "talks.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return layout(read_document(path))


def test_a_one_line_entry_is_cut_into_its_date_speaker_and_title(bench, tmp_path):
    labeller, _ = bench
    parts = page(tmp_path, "# Seminar\n\n- March 3, 2024 — Ada Lovelace — Notes on the analytical engine\n")
    texts = {p.text for p in labeller.pieces(labeller.reading_blocks(parts))}
    assert {"March 3, 2024", "Ada Lovelace", "Notes on the analytical engine"} <= texts


def test_table_rows_are_read_in_place_as_blocks_whose_cells_are_parts(bench, tmp_path):
    labeller, _ = bench
    parts = page(tmp_path, TABLE)
    blocks = labeller.reading_blocks(parts)
    rows = [b.text for b in blocks if b.tag == "tr"]
    assert "Mar 3, 2024 | Ada Lovelace | Notes on the analytical engine" in rows
    assert blocks[-1].text == "After the table."  # the rows stand where the table stands


def test_talks_are_assembled_speaker_first(bench, tmp_path):
    labeller, _ = bench
    parts = page(tmp_path, SPEAKER_FIRST)
    talks = labeller.learned_talks(parts, TOY_MODEL)
    assert [(t.speakers[0].name, t.title, t.day) for t in talks] == [
        ("Ada Lovelace", "Notes on the analytical engine and its tables of numbers", "2024-03-03"),
        ("Alan Turing", "Computable numbers and an application to the problem", "2024-03-10")]


def test_a_page_that_prints_the_title_first_is_assembled_title_first(bench, tmp_path):
    labeller, _ = bench
    parts = page(tmp_path, TITLE_FIRST)
    talks = labeller.learned_talks(parts, TOY_MODEL)
    assert [(t.speakers[0].name, t.title) for t in talks] == [
        ("Ada Lovelace", "Notes on the analytical engine and its tables of numbers"),
        ("Alan Turing", "Computable numbers and an application to the problem")]


def test_the_model_is_a_sum_of_weights_per_feature(bench):
    labeller, _ = bench
    probs = labeller.probabilities({"is_name": 1.0, "bias": 1.0}, TOY_MODEL)
    assert max(probs, key=probs.get) == "speaker" and abs(sum(probs.values()) - 1) < 1e-9
    nothing = labeller.probabilities({}, TOY_MODEL)
    assert max(nothing, key=nothing.get) == "other"


def test_training_reads_the_development_half_only_never_check_or_blind_sites(bench):
    _, trainer = bench
    from extract_real import fresh_site_lists, half_of

    sites = {g["file"].split("/")[0] for g in trainer.training_pages(CORPUS)}
    blind = set().union(*fresh_site_lists(CORPUS).values())
    assert sites and all(half_of(site) == "dev" for site in sites)
    assert not sites & blind


def test_pieces_are_labelled_from_the_gold_by_string_match(bench):
    _, trainer = bench
    speakers, titles = ["ada lovelace"], ["notes on the analytical engine"]
    assert trainer.label_of("Dr. Ada Lovelace", speakers, titles) == "speaker"
    assert trainer.label_of("“Notes on the Analytical Engine”", speakers, titles) == "title"
    assert trainer.label_of("University of London", speakers, titles) == "other"
