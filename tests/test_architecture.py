"""Module boundaries from CONTRIBUTING.md, checked on the source: who may import what, who prints."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "kg"

# module → names it must not import (top-level package or kg module)
FORBIDDEN = {
    "errors": {"pyoxigraph", "rdflib", "click", "pydantic", "kg"},
    "vocab": {"pyoxigraph", "rdflib", "click", "pydantic", "kg.records.models", "kg.store.local"},
    "models": {"pyoxigraph", "rdflib", "click", "kg.rdf.mapping", "kg.store.local"},
    "load": {"pyoxigraph", "rdflib", "click", "kg.rdf.mapping", "kg.store.local"},
    "rdf": {"pyoxigraph", "rdflib", "click", "kg.store.local", "kg.records.load"},
    "queries": {"click", "kg.store.local", "kg.rdf.mapping"},
    "store": {"click", "kg.records.models", "kg.records.load", "kg.rdf.mapping"},
    "build": {"click", "kg.views.tables"},
    "graphs": {"click", "pyvis", "kg.rdf.mapping", "kg.records.load"},
    "analysis": {"click", "pyvis", "pyoxigraph", "kg.store.local", "kg.network.graphs"},
    "topics": {"click", "networkx", "pyoxigraph", "kg.store.local"},
    "suggest": {"click", "pyvis", "kg.rdf.mapping", "kg.records.load"},
    "evaluate": {"click", "pyvis", "kg.records.load", "kg.build"},
    "output": {"click", "kg.store.local"},
    "bind": {"click", "rdflib", "kg.store.local", "kg.rdf.mapping", "kg.records.models"},
    "synth": {"click", "pyoxigraph", "rdflib", "kg.store.local", "kg.records.load"},
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def matches(name: str, forbidden: str) -> bool:
    return name == forbidden or name.startswith(forbidden + ".")


@pytest.mark.parametrize("module", sorted(FORBIDDEN))
def test_module_does_not_reach_past_its_neighbours(module):
    used = imports_of(SRC / f"{module}.py")
    reached = sorted(n for n in used for f in FORBIDDEN[module] if matches(n, f))
    assert reached == [], f"kg.{module} imports {reached}"


def library_modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "cli" not in p.relative_to(SRC).parts
                  and p.name != "__main__.py")


@pytest.mark.parametrize("path", library_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_only_the_command_line_prints_or_uses_click(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prints = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call)
              and isinstance(n.func, ast.Name) and n.func.id == "print"]
    assert prints == [], f"{path.name} prints at lines {prints}"
    assert not any(matches(n, "click") for n in imports_of(path)), f"{path.name} imports click"


def test_importing_kg_does_no_work():
    code = "import time, sys; t = time.perf_counter(); import kg; print(sorted(m for m in " \
           "sys.modules if m.startswith('kg')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "['kg']"


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "src", "tests"],
                            cwd=SRC.parents[1], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_mypy_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "src", "--ignore-missing-imports"],
        cwd=SRC.parents[1], capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout
