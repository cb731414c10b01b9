"""bench/run.py end to end at a tiny size: it measures, and writes only its own section."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from .conftest import ROOT

BENCH = ROOT / "bench" / "run.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_run", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_tiny_run_writes_its_section_between_the_markers_and_nothing_else(tmp_path):
    output = tmp_path / "BENCHMARKS.md"
    output.write_text("# Benchmarks\n\n## Someone else's section\n\nKept as it is.\n")
    command = [sys.executable, str(BENCH), "--sizes", "2k,4k", "--runs", "2", "--budget", "0.1",
               "--queries", "coauthors,talks", "--work", str(tmp_path / "work"),
               "--output", str(output)]
    subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT,
                   env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    text = output.read_text()
    assert text.startswith("# Benchmarks\n\n## Someone else's section\n\nKept as it is.\n")
    section = text.split("<!-- bench/run.py:start -->", 1)[1].split("<!-- bench/run.py:end -->")[0]
    assert "| 2k | Oxigraph `Store.bulk_load(path=…)`" in section
    assert "| 4k | `kg build --synthetic N` (records → triples → loader)" in section
    assert "| coauthors (hub) |" in section and "| talks |" in section
    assert "### kg suggest" in section and "### Growth from 2k to 4k" in section


def test_writing_the_section_again_replaces_only_the_section(tmp_path):
    bench = load_bench()
    path = tmp_path / "B.md"
    path.write_text("intro\n")
    bench.write_section(path, "first\n")
    path.write_text(path.read_text() + "\n## after\n")
    bench.write_section(path, "second\n")
    assert path.read_text() == ("intro\n\n<!-- bench/run.py:start -->\nsecond\n"
                                "<!-- bench/run.py:end -->\n\n## after\n")


def test_sizes_and_percentiles():
    bench = load_bench()
    assert [bench.parse_size(s) for s in ("1M", "250k", "1500")] == [1_000_000, 250_000, 1500]
    assert [bench.label(n) for n in (10_000_000, 2_000, 1234)] == ["10M", "2k", "1234"]
    values = [float(i) for i in range(1, 101)]
    assert bench._percentile(values, 50) == 50.0 and bench._percentile(values, 95) == 95.0
