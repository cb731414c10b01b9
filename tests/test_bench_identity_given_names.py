"""bench/identity_given_names.py: people who carry two unrelated full given names of one family name."""

from __future__ import annotations

import importlib.util

from .conftest import ROOT


def load_bench():
    path = ROOT / "bench" / "identity_given_names.py"
    spec = importlib.util.spec_from_file_location("identity_given_names", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_john_and_james_in_one_person_are_listed_and_an_initial_or_middle_name_is_not(tmp_path):
    dump = tmp_path / "dump.tsv"
    dump.write_text("a#1\tjohn-smith\tJohn Smith\nb#1\tjohn-smith\tJ. Smith\nc#1\tjohn-smith\tJames Smith\n"
                    "d#1\tpedro-ortega\tPedro Ortega\ne#1\tpedro-ortega\tPedro A. Ortega\n", encoding="utf-8")
    lines = load_bench().clashes(dump)
    assert lines == ["john-smith\t['j smith', 'james smith', 'john smith']\tjames smith / john smith"]
