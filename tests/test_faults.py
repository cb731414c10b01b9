"""Faults a build must survive: builds at once, kill -9 and Ctrl-C at any moment, a long query stopped.

Real ``kg`` processes and real signals. After each fault the store in use still answers as it
did, nothing half-written is left for long (the next build removes what a killed one left), and
the versions kept are the store in use and the one before it. The moments are drawn from a
seeded generator, so a failure can be replayed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

KG = str(Path(sys.executable).parent / "kg")
SIZE = "150k"
"""Synthetic triples per build: a few seconds of generating, loading and optimising."""


def kg(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KG, "--store", str(where / "store"), *args], capture_output=True, text=True,
                          timeout=600)


def start_build(where: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([KG, "--store", str(where / "store"), "build", "--synthetic", SIZE, "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def answer(where: Path) -> str:
    """What the store in use answers to a question about its people (the same for every build here)."""
    result = kg(where, "query", "stats_by_class", "--format", "csv")
    assert result.returncode == 0, result.stderr
    return result.stdout


def folder(where: Path) -> list[str]:
    return sorted(p.name for p in where.iterdir())


def settled(where: Path) -> list[str]:
    """The folder once a stopped build's version is gone: at once, or (when Oxigraph was still
    writing into it) removed by the small process that waits for the build's end."""
    deadline = time.monotonic() + 10
    while any(name.endswith(".building") for name in folder(where)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return folder(where)


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, float]:
    """A folder with one store built from synthetic data, and how long that build took."""
    started = time.monotonic()
    result = kg(tmp_path, "build", "--synthetic", SIZE, "-q")
    assert result.returncode == 0, result.stderr
    return tmp_path, time.monotonic() - started


def test_builds_at_once_all_succeed_and_keep_two_versions(built):
    where, _ = built
    before = answer(where)
    builds = [start_build(where) for _ in range(5)]
    for process in builds:
        _, errors = process.communicate(timeout=600)
        assert process.returncode == 0, errors
    assert answer(where) == before
    assert folder(where) == ["store", *sorted(n for n in folder(where) if n.startswith("store.v"))]
    assert len([n for n in folder(where) if n.startswith("store.v")]) == 2
    assert not [n for n in folder(where) if n.endswith(".building")]


def test_kill_9_at_random_moments_never_harms_the_store_in_use(built):
    where, duration = built
    before = answer(where)
    moments = random.Random(15)
    for _ in range(4):
        process = start_build(where)
        time.sleep(moments.uniform(0.2, duration))
        process.kill()
        process.wait()
        assert answer(where) == before  # the previous (or a finished) store answers as before
        assert os.path.isdir(where / "store")
    result = kg(where, "build", "--synthetic", SIZE, "-q")
    assert result.returncode == 0, result.stderr
    assert answer(where) == before
    versions = [n for n in folder(where) if n.startswith("store.v")]
    assert len(versions) == 2 and not [n for n in versions if n.endswith(".building")], folder(where)


def test_ctrl_c_at_random_moments_stops_the_build_and_leaves_nothing(built):
    where, duration = built
    before = answer(where)
    kept = folder(where)
    moments = random.Random(13)
    for _ in range(4):
        process = start_build(where)
        time.sleep(moments.uniform(0.2, duration * 0.8))
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=60)
        assert process.returncode in (130, 0), errors
        assert "Traceback" not in errors
        if process.returncode == 130:
            assert errors.strip().splitlines()[-1] == "Interrupted."
            assert settled(where) == kept  # the version it was writing is gone, the others untouched
        else:  # the build had finished
            kept = folder(where)
        assert answer(where) == before


def test_sigterm_stops_a_build_like_ctrl_c(built):
    where, duration = built
    kept = folder(where)
    process = start_build(where)
    time.sleep(duration / 3)
    process.terminate()
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 143, errors
    assert settled(where) == kept


def test_ctrl_c_stops_a_long_query(built, tmp_path):
    where, _ = built
    slow = tmp_path / "slow.rq"
    slow.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }")
    process = subprocess.Popen([KG, "--store", str(where / "store"), "query", "--file", str(slow)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    assert process.poll() is None  # still counting: a query that runs for minutes
    process.send_signal(signal.SIGINT)
    output, errors = process.communicate(timeout=30)  # it stops within a second; 30 s on a busy machine
    assert process.returncode == 130 and errors.strip() == "Interrupted." and output == ""
