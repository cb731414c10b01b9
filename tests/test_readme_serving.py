"""The README's "Serving and remote stores" examples, run as written against a real server."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.store.server import Server, free_port

from .conftest import ROOT

README_URL = "http://127.0.0.1:7878"


def section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Serving and remote stores", 1)[1].split("\n## ", 1)[0]


def blocks(language: str) -> list[tuple[str, str]]:
    """(code, the console block that follows it) for each code block in ``language``."""
    pattern = rf"```{language}\n(.*?)```\s*(?:```console\n(.*?)```)?"
    return [(m.group(1), m.group(2) or "") for m in re.finditer(pattern, section(), re.S)]


@pytest.fixture(scope="module")
def server(colt_store_path: Path):
    """The README's server: the project's data with its imports, read-only, on a free port."""
    with Server.start(colt_store_path, port=free_port()) as running:
        yield running


def test_the_curl_example_prints_what_the_readme_shows(server):
    (code, expected), = [(c, e) for c, e in blocks("sh") if c.startswith("curl")]
    result = subprocess.run(["bash", "-c", code.replace(README_URL, server.url)],
                            capture_output=True, text=True, check=True)
    assert result.stdout.replace("\r\n", "\n") == expected


def test_the_python_example_prints_what_the_readme_shows(server):
    (code, expected), = blocks("python")
    result = subprocess.run([sys.executable, "-c", code.replace(README_URL, server.url)],
                            capture_output=True, text=True, check=True)
    assert result.stdout == expected


def test_the_kg_example_queries_the_endpoint(server):
    (code, _), = [(c, e) for c, e in blocks("sh") if c.startswith("kg --store")]
    first = code.splitlines()[0].replace(README_URL, server.url)
    assert first.startswith("kg --store ")
    result = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m {first}"], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert "Emergence and Grokking" in result.stdout
