"""kg as a user installs it: a wheel, not this checkout, run from another folder.

The wheel is built from the repository, unpacked into a folder of its own and run with that
folder first on the path (its dependencies come from the test environment), from a working
directory outside the repository, on a copy of the bundled ``data/``: it must find its named
queries, its ontology and its page assets inside itself.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = {
    "person": "Sanjeev Arora", "speaker": "Misha Belkin", "event": "Princeton Alg-ML Seminar",
    "organization": "Princeton University", "needle": "Sanjeev Arora",
    "class": "https://w3id.org/kg/ontology#Person",
    "talk": "https://w3id.org/kg/id/talk/x", "node": "https://w3id.org/kg/id/person/sanjeev-arora",
    "venue": "learning", "until": "2020",
}
"""A value for every parameter the named queries take."""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel of this repository, installed (without dependencies) into a folder of its own."""
    where = tmp_path_factory.mktemp("wheel")
    # The wheel is built from a copy of what it is made of, as a fresh clone holds it: a local
    # build/ folder left by an earlier install would otherwise add files the sources no longer have.
    source = where / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("src", "queries", "ontology"):
        shutil.copytree(ROOT / name, source / name, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(where / "dist"),
                    str(source)], check=True, capture_output=True)
    (wheel,) = (where / "dist").glob("kg-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(where / "site"), str(wheel)],
                   check=True, capture_output=True)
    return where / "site"


def kg(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False)


def test_the_wheel_holds_its_queries_ontology_and_assets(installed):
    assert len(list((installed / "kg" / "sparql" / "queries").glob("*.rq"))) == \
        len(list((ROOT / "queries").glob("*.rq")))
    ontology = installed / "kg" / "rdf" / "ontology"
    assert (ontology / "kg.ttl").read_bytes() == (ROOT / "ontology" / "kg.ttl").read_bytes()
    assert (ontology / "shapes.ttl").is_file()
    assert (installed / "kg" / "views" / "assets" / "page.js").is_file()
    assert (installed / "kg" / "views" / "assets" / "site" / "graph.js").is_file()
    assert not (installed / "kg" / "sparql" / "queries").is_symlink()


def test_the_installed_kg_builds_queries_and_validates_the_bundled_data(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copytree(ROOT / "data", tmp_path / "data")
    probe = subprocess.run([sys.executable, "-c", "import kg; print(kg.__file__)"], cwd=elsewhere,
                           env={**os.environ, "PYTHONPATH": str(installed)}, capture_output=True, text=True)
    assert Path(probe.stdout.strip()).is_relative_to(installed), probe.stdout

    built = kg(installed, elsewhere, "--store", "store", "build", "--data", str(tmp_path / "data"))
    assert built.returncode == 0, built.stderr
    assert "1,402 imported papers" in built.stderr  # COLT less its 14 prefaces

    listed = kg(installed, elsewhere, "queries", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    queries = json.loads(listed.stdout)
    assert len(queries) == len(list((ROOT / "queries").glob("*.rq")))
    for query in queries:
        params = [p.split(":")[0] for p in query["params"].split()]
        args = [arg for name in params for arg in ("-p", name, SAMPLES[name])]
        answered = kg(installed, elsewhere, "--store", "store", "query", query["name"], *args,
                      "--format", "csv")
        assert answered.returncode == 0, f"{query['name']}: {answered.stderr}"
        assert answered.stdout.splitlines()[0], query["name"]  # a header, at least

    site = kg(installed, elsewhere, "--store", "store", "site", "--out", "site")
    assert site.returncode == 0, site.stderr
    assert (elsewhere / "site" / "person" / "sanjeev-arora.html").is_file()

    validated = kg(installed, elsewhere, "--store", "store", "validate")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "conforms" in validated.stderr + validated.stdout
