"""The package rules of CONTRIBUTING.md, checked on the source: who may import whom, and no circles.

Each package owns one step of the flow (sources → records → quads → store → rows → graphs →
views); a package may import only the packages listed for it below, and the third-party
libraries that stand for a step (Oxigraph for the store, click for the command line, pyvis for
views) are imported only where that step lives. mypy and ruff run from ``.ci/run``.
"""

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "kg"

ALLOWED = {
    # package     kg packages it may import
    "errors":  set(),
    "records": {"errors"},
    "ingest":  {"errors", "records"},
    "rdf":     {"errors", "records"},
    "store":   {"errors"},
    "sparql":  {"errors", "store", "rdf"},
    "network": {"errors", "store", "sparql", "rdf", "records"},
    "views":   {"errors", "store", "sparql", "network", "rdf"},
    "build":   {"errors", "records", "ingest", "rdf", "store", "network"},
    "cli":     {"errors", "records", "ingest", "rdf", "store", "sparql", "network", "views", "build"},
    "__main__": {"cli"},
    "__init__": set(),
}
"""Package → the kg packages it may import. Anything not listed is forbidden."""

ONLY_IN = {
    "pyoxigraph": {"store"},
    "click": {"cli"},
    "pyvis": {"views"},
    "pyshacl": {"rdf"},
    "icalendar": {"ingest", "views"},
}
"""Third-party library → the only packages that may import it."""


def package_of(path: Path) -> str:
    """``kg.store.local`` → ``store``; ``kg/build.py`` → ``build``."""
    parts = path.relative_to(SRC).with_suffix("").parts
    return parts[0]


def kg_imports(path: Path) -> set[str]:
    """Every module named in an import statement of ``path`` (``kg.x.y`` or a library)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "kg":  # from kg import build: a module; from kg import __version__: not
                names.update(f"kg.{alias.name}" for alias in node.names if not alias.name.startswith("_"))
    return names


def sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_every_package_is_in_the_table():
    assert {package_of(p) for p in sources()} <= set(ALLOWED)


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_a_module_imports_only_the_packages_its_step_may_know(path):
    package = package_of(path)
    reached = {name.split(".")[1] for name in kg_imports(path) if name.startswith("kg.")}
    reached.discard("__init__")
    assert reached - {package} <= ALLOWED[package], \
        f"kg.{package} may not import {sorted(reached - {package} - ALLOWED[package])}"


@pytest.mark.parametrize("library", sorted(ONLY_IN))
def test_libraries_of_one_step_stay_in_that_step(library):
    users = {package_of(p) for p in sources()
             if any(n == library or n.startswith(library + ".") for n in kg_imports(p))}
    assert users <= ONLY_IN[library], f"{library} imported in {sorted(users - ONLY_IN[library])}"


def test_there_are_no_import_circles():
    graph = nx.DiGraph()
    modules = {".".join(("kg", *p.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__"): p
               for p in sources()}
    for module, path in modules.items():
        graph.add_node(module)
        for name in kg_imports(path):
            target = name if name in modules else name.rsplit(".", 1)[0]
            if target in modules and target != module and not _is_parent(target, module):
                graph.add_edge(module, target)
    assert list(nx.simple_cycles(graph)) == []


def _is_parent(package: str, module: str) -> bool:
    return module.startswith(package + ".")


def test_the_table_forbids_what_the_issue_names():
    assert "store" not in ALLOWED["ingest"] and "rdf" not in ALLOWED["ingest"]
    assert "views" not in ALLOWED["network"]
    assert ONLY_IN["pyoxigraph"] == {"store"} and ONLY_IN["click"] == {"cli"}


@pytest.mark.parametrize("path", [p for p in sources() if package_of(p) != "cli"],
                         ids=lambda p: str(p.relative_to(SRC)))
def test_only_the_command_line_prints(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prints = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call)
              and isinstance(n.func, ast.Name) and n.func.id == "print"]
    assert prints == [], f"{path.name} prints at lines {prints}"


def test_importing_kg_does_no_work():
    code = "import sys; import kg; print(sorted(m for m in sys.modules if m.startswith('kg')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['kg']"
