"""bench/author_papers.py on the real corpus: paper recall and spurious papers of the author pages.

The thresholds sit a little under the figures in BENCHMARKS.md ("Round ten, publication lists"), so a
regression of the publication reader fails here.
"""

from __future__ import annotations

import importlib.util
import sys

from .conftest import ROOT


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("author_papers", ROOT / "bench" / "author_papers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_author_pages_papers_and_spurious_rows_per_group():
    bench = load_bench()
    groups, _ = bench.score()
    figures = bench.figures(groups)
    # the seventh and eighth sets joined the halves (dev 31 -> 38 pages, check 40 -> 45): their author pages
    # were read poorly (new sites 7: papers 0.34, new sites 8: 0.49); round twelve read entries by their
    # units and lines (paper_units, lines_as_entries): dev 0.80 -> 0.92, check 0.80 -> 0.88, 7 0.83, 8 0.91
    # the ninth set joined after round twelve (dev 38 -> 41 pages, check 45 -> 48): blind, papers 0.56
    # the tenth set joined after round thirteen (dev 41 -> 44 pages, check 48 -> 52): blind, papers 0.73
    # the eleventh set joined after round fourteen (dev 44 -> 47 pages, check 52 -> 53): blind, papers 0.65;
    # its three development pages (one a publication list of 82 papers) take dev to 0.87 (floor 0.90 -> 0.85)
    # the twelfth set joined after round fifteen (dev 47 -> 56 pages, check 53 -> 61): 17 author pages, most
    # of them researchers' own talk lists with 8 gold papers in all (0.88); rows read as papers 0.33
    # the thirteenth set joined before round sixteen (dev 56 -> 59 pages, check 61 -> 64): blind, papers 0.88
    # the fourteenth set joined before round 17 (dev 59 -> 62 pages, check 64 -> 69): blind, papers 0.80
    # the fifteenth set joined before round 18 (dev 62 -> 68 pages, check 69 -> 71): blind, papers 0.00 of 6
    # (one researcher's data file of papers, one of talks read as papers), rows read as papers 0.71; it takes
    # check's rows read as papers to 0.035
    assert groups["dev"].pages == 68 and groups["check"].pages == 71
    assert figures["new sites 15"][1] <= 0.72
    assert figures["new sites 14"][0] >= 0.78 and figures["new sites 14"][1] <= 0.12
    assert figures["new sites 13"][0] >= 0.86 and figures["new sites 13"][1] <= 0.10
    # round sixteen's publication lists (10af) and paper filters (10ae): dev 0.86 -> 0.93, rows read as papers
    # 0.069 -> 0.037; the eleventh set 0.65 -> 0.93, the ninth 0.58 -> 0.75
    assert figures["dev"][0] >= 0.91 and figures["dev"][1] <= 0.045 and figures["check"][1] <= 0.036
    assert figures["new sites 11"][0] >= 0.91 and figures["new sites 9"][0] >= 0.73
    assert figures["new sites 13"][0] >= 0.91
    assert figures["new sites 12"][0] >= 0.85 and figures["new sites 12"][1] <= 0.36
    assert figures["new sites 11"][0] >= 0.63 and figures["new sites 11"][1] <= 0.26
    assert figures["new sites 10"][0] >= 0.71 and figures["new sites 10"][1] <= 0.085
    assert figures["new sites 9"][0] >= 0.54 and figures["new sites 9"][1] <= 0.08
    assert figures["dev"][0] >= 0.85 and figures["dev"][1] <= 0.075
    assert figures["check"][0] >= 0.84 and figures["check"][1] <= 0.05  # 0.88 -> 0.85 with the tenth set
    assert figures["new sites 7"][0] >= 0.80 and figures["new sites 8"][0] >= 0.88
    assert figures["new sites 7"][1] <= 0.07 and figures["new sites 8"][1] <= 0.07
    assert figures["new sites"][0] >= 0.89 and figures["new sites 5"][0] >= 0.79
    assert figures["new sites 6"][0] >= 0.64 and figures["new sites 6"][1] <= 0.04
