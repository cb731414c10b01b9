"""bench/affiliation_readings.py: two versions' readings of the field compared, the changes listed to read."""

from __future__ import annotations

import importlib.util
import json
import sys

from .conftest import ROOT


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))  # it imports its neighbour identity.py, as when run from bench/
    try:
        spec = importlib.util.spec_from_file_location("bench_affiliation_readings",
                                                      ROOT / "bench" / "affiliation_readings.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


def test_compare_lists_the_institutions_made_and_lost_and_the_affiliations_read_differently(tmp_path, capsys):
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(json.dumps({"readings": {"DGIST": [], "MIT": ["MIT"], "PNNL": ["PNNL"]},
                                  "new": ["PNNL"]}), encoding="utf-8")
    dgist = "Daegu Gyeongbuk Institute of Science and Technology"
    pnnl = "Pacific Northwest National Laboratory"
    after.write_text(json.dumps({"readings": {"DGIST": [dgist], "MIT": ["MIT"], "PNNL": [pnnl]},
                                 "new": [dgist, pnnl]}), encoding="utf-8")
    load_bench().main(["compare", str(before), str(after), "--sample", "5"])
    out = capsys.readouterr().out
    assert "2 of 3 affiliations read differently; new institutions 1 -> 2" in out
    assert "lost: ['PNNL']" in out
    assert "'DGIST': [] -> ['Daegu Gyeongbuk Institute of Science and Technology']" in out
    assert "'MIT'" not in out  # read alike: not listed
