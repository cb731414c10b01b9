"""bench/identity_variants.py: people resolved again from a kept state, under a variant and as they stand."""

from __future__ import annotations

import importlib.util
import sys

from kg.ingest.printed import ImportedPaper
from kg.ingest.resolve import clusters
from kg.ingest.resolve import people as people_module
from kg.records.aliases import Aliases

from .conftest import ROOT


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        path = ROOT / "bench" / "identity_variants.py"
        spec = importlib.util.spec_from_file_location("identity_variants", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["identity_variants"] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


PAPERS = [ImportedPaper(key="a", title="Ensemble diversity trees", year=2015,
                        authors=["Gavin Brown", "Ann Lee"], affiliations=[None, None]),
          ImportedPaper(key="b", title="Ensemble diversity forests", year=2021,
                        authors=["Gavin Brown", "Bo Chen"], affiliations=[None, None]),
          *[ImportedPaper(key=f"c{i}", title=f"filler {i}", year=2020, authors=[f"Filler{i} Person"],
                          affiliations=[None]) for i in range(20)]]


def test_a_variant_is_scored_beside_the_resolver_as_it_stands_and_then_undone(tmp_path):
    bench = load_bench()
    identity = sys.modules["identity"]
    with bench.capture() as frozen:
        people_module.resolve(PAPERS, [], [], Aliases())
    assert people_module._People.run.__name__ == "run"  # the capture is taken off after the block
    gold = {"main": [identity.Pair(pid, "x:a#1", "x:b#1", True, "exact_same")
                     for pid in ("p1", "p2", "p3", "p4")]}
    split = {identity.split_of(pid) for pid in ("p1", "p2", "p3", "p4")}
    assert split == {"tune", "check"}
    file = tmp_path / "never_merge.py"
    file.write_text("from kg.ingest.resolve import clusters\n"
                    "KEPT = clusters.MERGE_AT\n"
                    "def apply():\n    clusters.MERGE_AT = 100.0\n"
                    "def undo():\n    clusters.MERGE_AT = KEPT\n", encoding="utf-8")
    variant = bench.load_variant(file)
    kept = clusters.MERGE_AT

    before = bench.figures(bench.resolve_people(frozen), gold)
    variant.apply()
    try:
        after = bench.figures(bench.resolve_people(frozen), gold)
    finally:
        variant.undo()

    assert clusters.MERGE_AT == kept
    assert before.parts == {"tune": (1.0, 1.0), "check": (1.0, 1.0)}
    assert after.parts == {"tune": (1.0, 0.0), "check": (1.0, 0.0)}
    assert after.people > before.people
    lines = bench.changes(before, after)
    assert len(lines) == 4 and all(line.startswith("  + ") and "apart, same" in line for line in lines)
    line = before.line("as it stands")
    assert line.startswith(f"as it stands: {before.people:,} people | tune 1.000 / 1.000")


def test_a_variant_file_without_undo_is_refused(tmp_path):
    bench = load_bench()
    file = tmp_path / "half.py"
    file.write_text("def apply():\n    pass\n", encoding="utf-8")
    try:
        bench.load_variant(file)
    except ValueError as error:
        assert "undo()" in str(error)
    else:
        raise AssertionError("a variant without undo() was accepted")
