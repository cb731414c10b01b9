"""bench/identity_changed.py: the people of the field that two runs group differently, to judge by hand."""

from __future__ import annotations

import importlib.util

from .conftest import ROOT


def load_bench():
    spec = importlib.util.spec_from_file_location("identity_changed", ROOT / "bench" / "identity_changed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_people_joined_are_listed_and_a_renamed_person_is_not(tmp_path):
    bench = load_bench()
    before = tmp_path / "before.tsv"
    after = tmp_path / "after.tsv"
    before.write_text("a#1\tnikos-kargas\tNikos Kargas\nb#2\tnikolaos-kargas\tNikolaos Kargas\n"
                      "c#1\tann-lee\tAnn Lee\n", encoding="utf-8")
    after.write_text("a#1\tnikolaos-kargas\tNikos Kargas\nb#2\tnikolaos-kargas\tNikolaos Kargas\n"
                     "c#1\tann-lee-2\tAnn Lee\n", encoding="utf-8")
    lines = bench.changed(bench.read_dump(before), bench.read_dump(after))
    assert lines[0] == "nikolaos-kargas from nikolaos-kargas, nikos-kargas"
    assert len([line for line in lines if not line.startswith(" ")]) == 1
