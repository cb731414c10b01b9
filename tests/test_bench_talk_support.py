"""bench/talk_support.py: how it labels talk rows and leaves the weak ones out before scoring."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("talk_support", ROOT / "bench" / "talk_support.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLD = {"file": "x/p.md", "kind": "seminar_page", "papers": [], "talks": [
    {"speakers": ["Ada Lovelace"], "title": "Engines", "date": "2024-05-06", "time": None,
     "affiliation": None, "line": 3}]}


def row(speakers, title, support):
    return {"speakers": speakers, "title": title, "date": None, "time": None, "affiliation": None,
            "line": 1, "support": support}


def test_a_row_sharing_neither_speaker_nor_title_with_the_gold_is_spurious(bench):
    assert bench.spurious_talk(GOLD, row(["Lilla Hörsalen"], "Nodhuset", 0.2))
    assert not bench.spurious_talk(GOLD, row(["A. Lovelace"], None, 0.9))


def test_rows_under_the_threshold_are_left_out_before_scoring(bench):
    page = {"kind": "seminar_page", "papers": [],
            "talks": [row(["Ada Lovelace"], "Engines", 0.9), row(["Lilla Hörsalen"], "Nodhuset", 0.2)]}
    kind, talks, papers = bench.rows_of(page, 0.5)
    assert [t.speakers for t in talks] == [["Ada Lovelace"]] and papers == []
    assert len(bench.rows_of(page, 0.0)[1]) == 2
