"""Every example in README.md, run as written (documentation tests, as datasette keeps them).

- The two commands: the first runs in a copy of the repository as a fresh clone holds it, with a
  virtual environment of its own made by ``install.sh``; the second is what CI runs.
- Each other section runs in its own copy of ``data/`` with a built store, its blocks in order:
  a ``console`` block's ``$`` commands must print what the README shows under them (stdout and
  stderr together, as a terminal shows them; a line ``...`` stands for lines left out), or,
  when it shows no output at all, succeed; a
  command shown failing (``Error:``) must exit with status 1; a ``sh`` block must succeed (``kg serve`` lines
  start a server on a free port, which the later blocks of the section reach); a ``yaml``
  block headed ``# data/<file>`` is written into that file; a ``console`` block without ``$``
  is the output of the block before it.
- Files the examples name but the repository does not hold (``refs.bib``, ``seminar.ics``,
  pages) are copied from ``tests/data`` under the README's names (``FILES``).
- A benchmark's recipe (a block running ``python bench/...``) reads ``../shared``, which tests
  never do: its scripts must exist and answer ``--help``; the benchmark itself is run by hand and
  its figures are dated in BENCHMARKS.md.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from kg.records.aliases import Aliases
from kg.store.server import free_port

from .conftest import ROOT
from .virtuoso import Virtuoso, start_virtuoso

TESTS = ROOT / "tests"
BIN = Path(sys.executable).parent
FILES = {
    "refs.bib": TESTS / "data" / "ingest" / "refs.bib",
    "seminar.ics": TESTS / "data" / "ingest" / "seminar.ics",
    "dblp.xml": TESTS / "data" / "ingest" / "dblp.xml",
    "seminar-2024-02-12.md": TESTS / "data" / "pages" / "seminar-alg-ml-2024-02-12.md",
    "schedule.md": TESTS / "data" / "pages" / "seminar-alg-ml-2024-02-12.md",
    "talks.md": TESTS / "data" / "pages" / "real" / "anand-talks" / "talks.md",
    "talks.html": TESTS / "data" / "pages" / "listing-summer-school.html",
    "talk.txt": TESTS / "data" / "pages" / "event-cs-seminar-2025-03-07.txt",
}
"""Files the examples name, and where a copy comes from; dblp.xml.gz, big.nq.gz and empty.bib are made."""
SHOWN_LANGUAGES = {"", "text"}
"""Blocks that are pictures, not examples (the ontology diagram)."""
README_PORTS = ("7878", "7879")
VIRTUOSO_PORT = "8890"
"""Virtuoso's port in the README's examples: a real Virtuoso is started for them."""


@dataclass(frozen=True)
class Block:
    """One fenced block of the README: its section, language and text, with its first line's number."""

    section: str
    language: str
    text: str
    line: int

    @property
    def commands(self) -> list[tuple[str, str]]:
        """A console block's ``$`` commands, each with the output shown under it."""
        found: list[tuple[str, list[str]]] = []
        for line in self.text.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found:
                found[-1][1].append(line)
        return [(command, "\n".join(output).strip("\n")) for command, output in found]


def readme_blocks() -> list[Block]:
    """Every fenced block of the README, in order, unindented (list items indent theirs)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = [(m.start(), m.group(1)) for m in re.finditer(r"^#{2,3} (.*)$", text, re.M)]
    blocks = []
    for match in re.finditer(r"^( *)```(\w*) *\n(.*?)^\1``` *$", text, re.M | re.S):
        indent = len(match.group(1))
        body = "\n".join(line[indent:] for line in match.group(3).splitlines())
        section = [title for at, title in headings if at < match.start()][-1]
        blocks.append(Block(section, match.group(2), body, text.count("\n", 0, match.start()) + 1))
    return blocks


BLOCKS = readme_blocks()
SECTIONS = sorted({b.section for b in BLOCKS if b.language not in SHOWN_LANGUAGES} - {"Two commands"})


def test_every_block_is_an_example_this_test_runs_or_a_picture():
    for block in BLOCKS:
        assert block.language in {"sh", "console", "yaml", "python", *SHOWN_LANGUAGES}, block
        if block.language in SHOWN_LANGUAGES:
            assert not re.search(r"^\s*(\$ |kg )", block.text, re.M), f"README line {block.line}: an example?"


def test_the_second_command_is_what_ci_runs():
    (two,) = [b for b in BLOCKS if b.section == "Two commands"]
    assert "bash tests/run.sh" in two.text.splitlines()
    assert "bash tests/run.sh -q" in (ROOT / ".ci" / "run").read_text()


def test_the_first_command_works_in_a_fresh_clone(tmp_path):
    """Install with install.sh into the clone's own .venv, then build, count and draw, as written."""
    (two,) = [b for b in BLOCKS if b.section == "Two commands"]
    first = next(line for line in two.text.splitlines() if line and not line.startswith("#"))
    assert first.startswith("bash install.sh && ")
    clone = tmp_path / "clone"
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() or source.is_symlink():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name, follow_symlinks=False)
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": os.environ.get("HOME", str(tmp_path)),
           "LANG": "C.UTF-8"}
    result = subprocess.run(["bash", "-c", first], cwd=clone, env=env, capture_output=True, text=True,
                            timeout=1800)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (clone / ".venv" / "bin" / "kg").is_file() and (clone / ".venv" / "bin" / "oxigraph").is_file()
    assert "https://w3id.org/kg/ontology#Person" in result.stdout  # kg stats
    assert (clone / "site" / "index.html").is_file()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A copy of data/ with its store built by `kg build`, for each section to start from."""
    where = tmp_path_factory.mktemp("readme") / "project"
    shutil.copytree(ROOT / "data", where / "data")
    result = subprocess.run([str(BIN / "kg"), "build"], cwd=where, env=environment(), capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    return where


def environment() -> dict[str, str]:
    """The shell the examples run in: this environment's kg first on PATH, no KG_STORE."""
    env = {key: value for key, value in os.environ.items() if key != "KG_STORE"}
    env["PATH"] = f"{BIN}:{env.get('PATH', '/usr/bin:/bin')}"
    return env


def project(built: Path, where: Path) -> Path:
    """A fresh copy of the built project, with the files the examples name."""
    shutil.copytree(built, where, symlinks=True)
    for name, source in FILES.items():
        shutil.copy(source, where / name)
    (where / "dblp.xml.gz").write_bytes(gzip.compress(FILES["dblp.xml"].read_bytes()))
    (where / "empty.bib").write_bytes(b"")
    dump = subprocess.run([str(BIN / "kg"), "export", "--format", "nquads"], cwd=where, env=environment(),
                          capture_output=True, check=True).stdout
    (where / "big.nq.gz").write_bytes(gzip.compress(dump))
    return where


@pytest.mark.parametrize("section", SECTIONS)
def test_the_examples_of_each_section_work_as_written(section, built, tmp_path):
    where = project(built, tmp_path / "project")
    with Servers(where) as servers:
        previous: subprocess.CompletedProcess[str] | None = None
        for block in [b for b in BLOCKS if b.section == section]:
            place = f"README line {block.line}"
            if block.language == "yaml":
                write_yaml(where, block)
            elif block.language == "console" and block.commands:
                listed_only = not any(shown for _, shown in block.commands)  # commands, no output shown
                for command, shown in block.commands:
                    result = shell(servers.rewrite(command), where)
                    printed = servers.unrewrite(result.stdout).strip("\n")
                    if not listed_only:
                        assert matches(without_progress(lines(printed)), lines(shown)), \
                            f"{place}: $ {command}\n{printed}"
                    if not shown.startswith("Error:"):
                        assert result.returncode == 0, f"{place}: $ {command}\n{printed}"
                    else:
                        assert result.returncode == 1, f"{place}: $ {command}\n{printed}"
            elif block.language == "console":
                assert previous is not None, f"{place}: output of what?"
                assert matches(lines(previous.stdout), lines(block.text)), f"{place}\n{previous.stdout}"
            elif block.language == "python":
                previous = subprocess.run([sys.executable, "-c", servers.rewrite(block.text)], cwd=where,
                                          env=environment(), capture_output=True, text=True, timeout=600)
                assert previous.returncode == 0, f"{place}: {previous.stderr[-2000:]}"
            elif block.language == "sh":
                previous = run_sh(block, where, servers)
                assert previous.returncode == 0, f"{place}: {previous.stdout[-2000:]}"


def shell(command: str, where: Path) -> subprocess.CompletedProcess[str]:
    """One command of an example, in bash, stderr with stdout as a terminal shows both."""
    return subprocess.run(["bash", "-c", command], cwd=where, env=environment(), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=900)


def run_sh(block: Block, where: Path, servers: Servers) -> subprocess.CompletedProcess[str]:
    """A shell block: `kg serve` lines start servers, anything else runs as one script."""
    script = block.text
    recipes = re.findall(r"^python (bench/\S+\.py)", script, re.M)
    if recipes:  # a benchmark's recipe: it reads ../shared, which tests never do; its script must run
        for recipe in recipes:
            helped = subprocess.run([sys.executable, str(ROOT / recipe), "--help"], cwd=ROOT,
                                    env=environment(), capture_output=True, text=True, timeout=300)
            if helped.returncode != 0:
                return helped
        return subprocess.CompletedProcess(recipes, 0, "", "")
    if any(line.startswith("kg serve") for line in script.splitlines()):
        for line in script.splitlines():
            servers.start(line.split("#")[0].strip())
        return subprocess.CompletedProcess(["kg serve"], 0, "", "")
    result = subprocess.run(["bash", "-e", "-c", servers.rewrite(script)], cwd=where, env=environment(),
                            capture_output=True, text=True, timeout=900)
    return subprocess.CompletedProcess(result.args, result.returncode,
                                       servers.unrewrite(result.stdout) if result.returncode == 0
                                       else result.stdout + result.stderr, result.stderr)


def lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").strip("\n").splitlines()]


PROGRESS = re.compile(r"[A-Z][a-z]+ing .+: [\d,]+ [a-z]+")
"""A line of progress, which a command logs off a terminal only when its work runs long
("Building .kg/store: 10,000 quads", after five seconds): how long depends on the machine's load."""


def without_progress(printed: list[str]) -> list[str]:
    """The lines a command printed, less its lines of progress (the README shows none)."""
    return [line for line in printed if not PROGRESS.fullmatch(line)]


def matches(printed: list[str], shown: list[str]) -> bool:
    """Whether the output is what the README shows, where a line ``...`` stands for any lines."""
    if not shown:
        return not printed
    if shown[0].strip() == "...":
        return any(matches(printed[i:], shown[1:]) for i in range(len(printed) + 1))
    return bool(printed) and printed[0] == shown[0] and matches(printed[1:], shown[1:])


def write_yaml(where: Path, block: Block) -> None:
    """A record-file block: appended to the registry it names, or written as the new file it names."""
    first = block.text.splitlines()[0]
    match = re.match(r"# (data/\S+?)(:.*)?$", first)
    if match is None:  # a part of data/aliases.yaml, shown as an example
        Aliases.model_validate(yaml.safe_load(block.text))
        return
    path = where / match.group(1)
    body = block.text.split("\n", 1)[1] + "\n"
    if "new file" in (match.group(2) or ""):
        assert not path.exists(), f"README line {block.line}: {path.name} exists already"
        path.write_text(body, encoding="utf-8")
    else:
        assert path.exists(), f"README line {block.line}: no {match.group(1)} to add to"
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + body, encoding="utf-8")


class Servers:
    """The `kg serve` commands of a section, each on a free port in place of the README's 7878/7879.

    A read-write server serves a copy of the store: two servers never share the files of one.
    """

    def __init__(self, where: Path) -> None:
        self.where = where
        self.ports: dict[str, str] = {}
        self.running: list[subprocess.Popen[str]] = []
        self.virtuoso: Virtuoso | None = None

    def __enter__(self) -> Servers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.virtuoso is not None:
            self.virtuoso.stop()
        for process in self.running:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def start(self, command: str) -> None:
        assert command.startswith("kg serve"), command
        readme_port = re.search(r"--port (\d+)", command)
        port = readme_port.group(1) if readme_port else "7878"
        mine = str(free_port())
        self.ports[port] = mine
        line = re.sub(r"--port \d+", "", command).strip() + f" --port {mine}"
        env = environment()
        if "--read-write" in command:
            copy = self.where / f".kg-{port}"
            shutil.copytree(Path(os.path.realpath(self.where / ".kg" / "store")), copy / "store")
            env["KG_STORE"] = str(copy / "store")
        process = subprocess.Popen(["bash", "-c", f"exec {line}"], cwd=self.where, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.running.append(process)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{mine}/", timeout=2):
                    return
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                time.sleep(0.2)
        raise AssertionError(f"{command}: no server on port {mine} after 60 s")

    def rewrite(self, text: str) -> str:
        """The README's URLs pointed at the servers this test started (a Virtuoso for its 8890)."""
        if f"127.0.0.1:{VIRTUOSO_PORT}" in text and self.virtuoso is None:
            self.virtuoso = start_virtuoso()
            self.ports[VIRTUOSO_PORT] = str(self.virtuoso.http_port)
        for readme, mine in self.ports.items():
            text = text.replace(f"127.0.0.1:{readme}", f"127.0.0.1:{mine}")
        return text

    def unrewrite(self, text: str) -> str:
        for readme, mine in self.ports.items():
            text = text.replace(f"127.0.0.1:{mine}", f"127.0.0.1:{readme}")
        return text

