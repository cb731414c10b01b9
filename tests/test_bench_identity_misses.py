"""bench/identity_misses.py: why two authorships ended in one group (the chain of merges) or in two."""

from __future__ import annotations

import importlib.util
import sys

from kg.ingest.printed import ImportedPaper
from kg.ingest.resolve import people as people_module
from kg.records.aliases import Aliases

from .conftest import ROOT


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        path = ROOT / "bench" / "identity_misses.py"
        spec = importlib.util.spec_from_file_location("identity_misses", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


def test_the_chain_of_a_group_lists_each_merge_with_its_names_and_evidence(monkeypatch):
    bench = load_bench()
    monkeypatch.setattr(people_module._People, "_assign", people_module._People._assign)
    monkeypatch.setattr(bench, "_KEPT", [])
    bench._keep_runs()
    papers = [ImportedPaper(key="a", title="Ensemble diversity trees", year=2015,
                            authors=["Gavin Brown", "Ann Lee"], affiliations=[None, None]),
              ImportedPaper(key="b", title="Ensemble diversity forests", year=2021,
                            authors=["Gavin Brown", "Bo Chen"], affiliations=[None, None]),
              *[ImportedPaper(key=f"c{i}", title=f"filler {i}", year=2020, authors=[f"Filler{i} Person"],
                              affiliations=[None]) for i in range(20)]]
    people_module.resolve(papers, [], [], Aliases())
    lines = bench.chain(bench._KEPT[-1], ("a", 0), ("b", 0))
    assert lines[0].startswith("  keys 'gavin brown' / 'gavin brown'; one group of 2 authorships")
    [merge] = [line for line in lines if line.startswith("  merge ")]
    assert "[same name]" in merge and "topics" in merge
    assert any(f"took in {{'gavin brown': 1}} years [{year}]" in merge for year in (2015, 2021))
