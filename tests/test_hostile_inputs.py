"""A newcomer's first week: every bad input ends in one clear line, and nothing is lost.

Each case runs the real ``kg`` command in a project of its own (the tiny dataset, a built store)
and checks the message, the exit status and what changed: for input that is refused, neither
``data/`` nor the store; for a file with a good part, the good part imported and the bad entries
listed. Faults that kill processes (builds at once, kill -9, Ctrl-C) are in ``test_faults.py``.
"""

from __future__ import annotations

import gzip
import hashlib
import http.server
import os
import pty
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import MINI, TESTS

KG = str(Path(sys.executable).parent / "kg")
INGEST = TESTS / "data" / "ingest"
TALKS = "SELECT ?talk WHERE { ?talk a <https://w3id.org/kg/ontology#Talk> } ORDER BY ?talk"
PAPERS = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/kg/ontology#Paper> }"
SERIES = ('SELECT ?event ?name WHERE { ?event a <https://w3id.org/kg/ontology#SeminarSeries> ; '
          '<https://w3id.org/kg/ontology#name> ?name } ORDER BY ?event')


class Project:
    """A folder holding ``data/`` (a copy of the tiny dataset) and its built store, ``.kg/store``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.store = root / ".kg" / "store"

    def kg(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
        return subprocess.run([KG, *args], cwd=self.root, env=env, capture_output=True, text=True,
                              input=stdin, timeout=600)

    def state(self) -> tuple[dict[str, str], str, list[str]]:
        """Every file of data/ with a hash of its bytes, the store link's target and the store's versions."""
        files = {str(p.relative_to(self.data)): hashlib.sha256(p.read_bytes()).hexdigest()
                 for p in sorted(self.data.rglob("*")) if p.is_file() and not p.is_symlink()}
        link = os.readlink(self.store) if self.store.is_symlink() else ""
        return files, link, sorted(p.name for p in self.store.parent.iterdir())

    def rows(self, sparql: str) -> list[str]:
        query = self.root / "q.rq"
        query.write_text(sparql)
        result = self.kg("query", "--file", str(query), "--format", "csv")
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()[1:]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    made = Project(tmp_path / "project")
    shutil.copytree(MINI, made.data)
    assert made.kg("build").returncode == 0
    return made


def refused(project: Project, args: list[str], message: str, status: int = 1) -> str:
    """Run a command that must fail with one error line holding ``message``, changing nothing."""
    before = project.state()
    result = project.kg(*args)
    assert result.returncode == status, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and message in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    assert project.state() == before
    return errors[0]


def record_file(project: Project, name: str, talk_start: str, *, quoted: bool = False) -> None:
    start = f"'{talk_start}'" if quoted else talk_start
    (project.data / "records" / name).write_text(
        "source: {id: bad-dates, title: Bad dates, kind: seminar_page}\n"
        "talks:\n"
        "  - id: a-talk\n"
        "    title: A talk\n"
        "    speakers: [{person: ada-lovelace}]\n"
        f"    start: {start}\n")


# Impossible and implausible dates --------------------------------------------------------------


@pytest.mark.parametrize(("value", "reason"), [
    ("2024-02-30T12:00:00+00:00", "day is out of range for month"),
    ("2024-02-01T25:00:00+00:00", "hour must be in 0..23"),
    ("2024-13-01T12:00:00+00:00", "month must be in 1..12"),
])
def test_an_impossible_date_written_unquoted_names_file_record_and_field(project, value, reason):
    record_file(project, "bad.yaml", value)
    line = refused(project, ["build"], f"data/records/bad.yaml: talk #1 (a-talk): start: {value} is not a "
                                       f"date: {reason}")
    assert line.count("\n") == 0


def test_a_talk_dated_2200_is_refused_naming_the_field(project):
    record_file(project, "bad.yaml", "2200-03-01T12:00:00+00:00")
    refused(project, ["build"], "data/records/bad.yaml: talk #1 (a-talk): start: 2200-03-01T12:00:00+00:00 "
                                "is not a plausible date: give one from 1900 to")


def test_a_quoted_impossible_date_is_named_the_same_way(project):
    record_file(project, "bad.yaml", "2024-02-30T12:00:00+00:00", quoted=True)
    refused(project, ["build"], "data/records/bad.yaml: talk #1 (a-talk): start: Input should be a valid "
                                "datetime")


def test_a_bibliography_year_2200_is_a_bad_entry_and_the_rest_goes_in(project, tmp_path):
    bib = tmp_path / "years.bib"
    bib.write_text("@article{good, title={Good}, author={Ada Lovelace}, year={2024}}\n"
                   "@article{future, title={Future}, author={Ada Lovelace}, year={2200}}\n")
    result = project.kg("ingest", str(bib))
    assert result.returncode == 0, result.stderr
    assert re.search(r"Skipped: .*years.bib: line 2: entry 'future': year: 2200 is not a plausible year",
                     result.stderr)
    assert any("Good" in row for row in project.rows(
        "SELECT ?t WHERE { ?p <https://w3id.org/kg/ontology#title> ?t }"))


# Record files that cannot be read ---------------------------------------------------------------


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: (d / "loop.yaml").symlink_to("loop.yaml"),
     "data/records/loop.yaml: cannot read: too many levels of symbolic links"),
    (lambda d: (d / "folder.yaml").mkdir(), "data/records/folder.yaml: a folder, not a file"),
    (lambda d: (d / "gone.yaml").symlink_to("nowhere.yaml"),
     "data/records/gone.yaml: file not found (a symbolic link to nowhere.yaml, which does not exist)"),
])
def test_a_broken_entry_of_the_records_folder_is_one_error_for_build_and_ingest(project, make, message):
    make(project.data / "records")
    refused(project, ["build"], message)
    page = project.root / "talk.md"
    shutil.copy(TESTS / "data" / "pages" / "event-ml-colloquium-labelled.md", page)
    refused(project, ["ingest", str(page)], message)


# Imports with nothing to import -----------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.bib", b"", "empty.bib: nothing to import: no paper found"),
    ("nul.bib", b"\0" * 2048, "nul.bib: nothing to import: no paper found"),
    ("empty.ics", b"", "empty.ics: nothing to import: no talk found; 1 bad entry, the first: calendar: "
                       "no VCALENDAR found"),
    ("bad.csv", b"year,bibkey,title,position,author\n2200,k,T,1,Ada Lovelace\n",
     "bad.csv: nothing to import: no paper found; 1 bad entry, the first: line 2: year: 2200"),
])
def test_an_empty_or_garbage_import_is_refused_and_not_registered(project, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    refused(project, ["ingest", str(path)], message)
    assert not (project.data / "imports.yaml").exists()


def test_one_bad_file_among_several_is_reported_and_the_others_go_in(project, tmp_path):
    empty = tmp_path / "empty.bib"
    empty.write_bytes(b"")
    result = project.kg("ingest", str(INGEST / "refs.bib"), str(empty))
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "1 of 2 files not ingested; the other files went in" in errors[0]
    assert "empty.bib: nothing to import" in errors[0] and "Traceback" not in result.stderr
    registered = (project.data / "imports.yaml").read_text()
    assert "refs.bib" in registered and "empty.bib" not in registered


def test_a_calendar_with_an_unclosed_alarm_skips_that_event_only(project, tmp_path):
    text = (INGEST / "seminar.ics").read_text()
    alarm = "LOCATION:Mudd Hall 3514\nBEGIN:VALARM\nTRIGGER:-PT15M\n"  # never ended
    broken = text.replace("LOCATION:Mudd Hall 3514\n", alarm)
    calendar = tmp_path / "alarm.ics"
    calendar.write_text(broken)
    result = project.kg("ingest", str(calendar))
    assert result.returncode == 0, result.stderr
    assert "no VCALENDAR found" not in result.stderr
    assert re.search(r"Skipped: .*alarm.ics: event #1 \(talk-2025-02-21@theory.example.edu\): "
                     r"BEGIN:VALARM on line \d+ has no END:VALARM; skipped", result.stderr)
    talks = project.rows(TALKS)
    assert any("talk-2025-03-14" in t for t in talks) and not any("talk-2025-02-21" in t for t in talks)


# Half-downloaded DBLP dumps ----------------------------------------------------------------------


def dump(records: int) -> bytes:
    """A DBLP dump of ``records`` papers."""
    body = "".join(f'<inproceedings key="conf/colt/P{i}"><author>Ada Lovelace</author>'
                   f"<title>Paper {i}.</title><year>2020</year><booktitle>COLT</booktitle></inproceedings>\n"
                   for i in range(records))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<dblp>\n{body}</dblp>\n'.encode()


@pytest.mark.parametrize("compressed", [True, False])
def test_a_half_downloaded_dump_keeps_the_records_before_the_cut(project, tmp_path, compressed):
    whole = dump(2000)
    cut = whole[: len(whole) // 2]
    path = tmp_path / ("dblp.xml.gz" if compressed else "dblp.xml")
    path.write_bytes(gzip.compress(whole)[: len(gzip.compress(whole)) // 2] if compressed else cut)
    result = project.kg("ingest", str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    how = "its gzip stream stops before the end" if compressed else "the XML stops inside a record"
    assert re.search(rf"Skipped: .*: line \d+, column \d+: the file is cut short \({how}", result.stderr)
    papers = int(project.rows(PAPERS)[0])
    assert 500 < papers < 2000


def test_a_dump_cut_before_its_first_record_is_refused(project, tmp_path):
    path = tmp_path / "dblp.xml.gz"
    path.write_bytes(gzip.compress(dump(2000))[:200])
    refused(project, ["ingest", str(path), "--kind", "dblp"],
            "dblp.xml.gz: nothing to import: no paper found")


# The same calendar under another name ----------------------------------------------------------


def test_the_same_calendar_saved_twice_neither_doubles_talks_nor_adds_a_series(project, tmp_path):
    first, second = tmp_path / "seminar.ics", tmp_path / "seminar (1).ics"
    shutil.copy(INGEST / "seminar.ics", first)
    shutil.copy(INGEST / "seminar.ics", second)
    assert project.kg("ingest", str(first)).returncode == 0
    talks, series = project.rows(TALKS), project.rows(SERIES)
    result = project.kg("ingest", str(second))
    assert result.returncode == 0, result.stderr
    assert project.rows(TALKS) == talks
    assert project.rows(SERIES) == series
    assert [s for s in series if "Theory Seminar" in s] == [
        "https://w3id.org/kg/id/event/seminar,Theory Seminar"]


# Smaller: servers, pipes, options, logs, encodings --------------------------------------------


@pytest.fixture
def malformed_endpoint() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 that answers every query with broken SPARQL JSON results."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "bogus"'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_malformed_results_from_a_server_are_one_error_line(project, malformed_endpoint):
    line = refused(project, ["--store", malformed_endpoint, "query", "talks"],
                   f"{malformed_endpoint}: the endpoint's answer is not valid SPARQL results")
    assert "bogus" in line


def test_the_store_option_after_the_command_is_accepted(project, malformed_endpoint):
    refused(project, ["query", "talks", "--store", malformed_endpoint], "not valid SPARQL results")
    result = project.kg("stats", "--store", str(project.store), "--format", "csv")
    assert result.returncode == 0 and "ontology#Talk" in result.stdout


def test_a_reader_that_stops_early_ends_the_command_quietly(project):
    for command in ("kg export --format ntriples | head -1", "kg query people --format csv | head -1"):
        result = subprocess.run(["bash", "-o", "pipefail", "-c", command.replace("kg ", f"{KG} ", 1)],
                                cwd=project.root, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, (command, result.stderr)
        assert result.stderr == "" and len(result.stdout.splitlines()) == 1


def test_progress_in_a_log_is_whole_lines(project, tmp_path):
    bib = tmp_path / "refs.bib"
    shutil.copy(INGEST / "refs.bib", bib)
    assert project.kg("ingest", str(bib), "--no-build").returncode == 0
    result = project.kg("build")
    assert result.returncode == 0
    assert "\r" not in result.stderr
    assert all(line.startswith(("Skipped: ", "Built ")) for line in result.stderr.splitlines()), result.stderr


def test_progress_on_a_terminal_is_redrawn_and_erased(project):
    """On a terminal (a pseudo-terminal here) the count is redrawn with carriage returns and erased."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: kg with the terminal as stdin, stdout and stderr
        os.chdir(project.root)
        os.execv(KG, [KG, "build", "--synthetic", "50k"])
    output = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    text = output.decode()
    assert "\r" in text and "Generating and loading" in text
    assert text.rstrip().splitlines()[-1].lstrip("\r ").startswith("Built ")


def test_a_windows_1252_file_gets_a_conversion_that_keeps_curly_quotes(project, tmp_path):
    bib = tmp_path / "word.bib"
    text = "@article{w, title={“Engines” that think — again}, author={Ada Lovelace}, year={2024}}\n"
    bib.write_bytes(text.encode("cp1252"))
    line = refused(project, ["ingest", str(bib)], "word.bib: line 1: not UTF-8 text (byte 0x93 at offset 19)")
    command = line.split("convert it with ", 1)[1]
    assert command.startswith("iconv -f windows-1252 -t utf-8 ")
    subprocess.run(["bash", "-c", command], check=True, cwd=tmp_path)
    assert (tmp_path / "word.utf8.bib").read_text(encoding="utf-8") == text


# A store that cannot be rebuilt after an ingest wrote into data/ -----------------------------------


def test_an_ingest_whose_rebuild_fails_puts_data_back_as_it_was(project, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the store's folder would go\n")  # so the rebuild cannot write its store
    page = tmp_path / "seminar.md"
    page.write_text("# Theory Seminar\n\n## Upcoming talks\n\n"
                    "- **March 4, 2024, 3pm.** Ada Lovelace (Analytical Engines Ltd): *Notes on engines*\n"
                    "- **March 11, 2024, 3pm.** Charles Babbage (Cambridge): *Difference engines*\n")
    before = project.state()
    result = project.kg("--store", str(blocked / "store"), "ingest", str(page))
    assert result.returncode != 0 and "Error:" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert project.state() == before  # the page's records, people and copy are gone again
    assert not [p for p in project.root.iterdir() if p.name.startswith(".data.kept.")]


def test_an_ingest_whose_rebuild_succeeds_keeps_what_it_wrote(project, tmp_path):
    page = tmp_path / "seminar.md"
    page.write_text("# Theory Seminar\n\n## Upcoming talks\n\n"
                    "- **March 4, 2024, 3pm.** Ada Lovelace (Analytical Engines Ltd): *Notes on engines*\n"
                    "- **March 11, 2024, 3pm.** Charles Babbage (Cambridge): *Difference engines*\n")
    files_before = project.state()[0]
    result = project.kg("ingest", str(page))
    assert result.returncode == 0, result.stderr
    assert set(project.state()[0]) > set(files_before)  # the page's records went in
