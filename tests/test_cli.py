"""The kg command as a user meets it: data on stdout, messages on stderr, honest exit codes."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
import rdflib
import yaml
from click.testing import CliRunner

from kg.cli import main

from .conftest import MINI


def run(*args: str, store: Path | None = None):
    prefix = ["--store", str(store)] if store else []
    return CliRunner().invoke(main, [*prefix, *args])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    result = run("build", "--data", str(MINI), store=store)
    assert result.exit_code == 0, result.output
    return store


def all_commands(group=main, prefix=()):
    context = click.Context(group)
    for name in group.list_commands(context):  # loads each command's module, as kg --help does
        command = group.get_command(context, name)
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("command", list(all_commands()), ids=" ".join)
def test_every_command_has_help_with_an_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_build_reports_on_stderr_only(tmp_path):
    result = run("build", "--data", str(MINI), store=tmp_path / "store")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "Built" in result.stderr and "2 source documents" in result.stderr


def test_build_with_a_bad_record_fails_cleanly(tmp_path, mini_data):
    store = tmp_path / "store"
    assert run("build", "--data", str(mini_data), store=store).exit_code == 0
    path = mini_data / "records" / "mini-author-page.yaml"
    content = yaml.safe_load(path.read_text())
    content["papers"][1]["authors"] = ["alan-turing", "nobody"]
    path.write_text(yaml.safe_dump(content))
    result = run("build", "--data", str(mini_data), store=store)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "paper #2 (2021-numbers): authors: unknown person 'nobody'" in result.stderr
    assert result.stdout == ""
    assert run("query", "papers", "--format", "json", store=store).exit_code == 0


def test_query_formats(built):
    as_json = json.loads(run("query", "papers", "--format", "json", store=built).stdout)
    assert as_json[0]["title"] == "Numbers again" and as_json[0]["year"] == "2021"
    as_csv = list(csv.DictReader(io.StringIO(run("query", "papers", "--format", "csv",
                                                 store=built).stdout)))
    assert as_csv[1]["authors"] == "Grace Hopper; Ada Lovelace; Alan Turing"
    as_tsv = run("query", "papers", "--format", "tsv", store=built).stdout.splitlines()
    assert as_tsv[0].split("\t") == ["paper", "title", "year", "authors", "kinds"]
    table = run("query", "papers", store=built).stdout.splitlines()
    assert table[0].startswith("paper") and set(table[1]) <= {"-", " "}


def test_construct_and_ask_queries_print_triples_and_answers(built, tmp_path):
    construct = tmp_path / "people.rq"
    construct.write_text("PREFIX kg: <https://w3id.org/kg/ontology#>\n"
                         "CONSTRUCT { ?p a kg:Person ; kg:name ?n } WHERE { ?p a kg:Person ; kg:name ?n }\n")
    triples = run("query", "--file", str(construct), "--format", "csv", store=built)
    assert triples.exit_code == 0, triples.stderr
    rows = list(csv.DictReader(io.StringIO(triples.stdout)))
    assert rows and set(rows[0]) == {"subject", "predicate", "object"}
    assert rows == sorted(rows, key=lambda r: (r["subject"], r["predicate"], r["object"]))
    ask = tmp_path / "ask.rq"
    ask.write_text("# a question\nPREFIX kg: <https://w3id.org/kg/ontology#>\nASK { ?p a kg:Person }\n")
    answer = run("query", "--file", str(ask), "--format", "csv", store=built)
    assert answer.exit_code == 0 and answer.stdout == "answer\ntrue\n"


def test_query_with_a_name_parameter(built):
    result = run("query", "coauthors", "-p", "person", "ada lovelace", "--format", "csv",
                 store=built)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["coauthorName"], r["jointPapers"]) for r in rows] == [
        ("Alan Turing", "2"), ("Grace Hopper", "1")
    ]


def test_hostile_parameter_finds_nothing_and_harms_nothing(built):
    result = run("query", "coauthors", "-p", "person", 'x" } ; DROP ALL ; #', "--format", "csv",
                 store=built)
    assert result.exit_code == 0
    assert result.stdout.strip() == "person,coauthor,coauthorName,jointPapers,firstYear,lastYear"
    assert "no person is named" in result.stderr
    assert len(json.loads(run("query", "people", "--format", "json", store=built).stdout)) == 4


def test_query_file(built, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("SELECT ?name WHERE { ?p <https://w3id.org/kg/ontology#name> ?name } "
                    "ORDER BY ?name LIMIT 1")
    result = run("query", "--file", str(path), "--format", "csv", store=built)
    assert result.stdout == "name\nAda Lovelace\n"


def test_query_errors(built, tmp_path):
    assert run("query", "nope", store=built).exit_code == 1
    assert "known queries" in run("query", "nope", store=built).stderr
    assert run("query", store=built).exit_code == 2
    assert run("query", "coauthors", store=built).exit_code == 1
    assert run("query", "talks", store=tmp_path / "missing").stderr.startswith("Error: ")
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT WHERE {")
    result = run("query", "--file", str(bad), store=built)
    assert result.exit_code == 1 and "SPARQL syntax error" in result.stderr


def test_queries_lists_every_named_query(built):
    names = [r["name"] for r in csv.DictReader(io.StringIO(run("queries", "--format",
                                                               "csv").stdout))]
    assert {"talks", "papers", "advisors", "people", "events", "coauthors",
            "speakers_of_event"} <= set(names)


def test_stats_counts_by_class_and_source(built):
    stats = json.loads(run("stats", "--format", "json", store=built).stdout)
    classes = {r["class"].rsplit("#", 1)[1]: r["count"] for r in stats["classes"]}
    assert classes["Person"] == 4 and classes["Paper"] == 2 and classes["Talk"] == 2
    graphs = {r["graph"] for r in stats["sources"]}
    assert "https://w3id.org/kg/id/source/mini-seminar" in graphs


@pytest.mark.parametrize("fmt,parser", [
    ("turtle", "turtle"), ("ntriples", "nt"), ("nquads", "nquads"), ("trig", "trig"),
    ("jsonld", "json-ld"),
])
def test_export_formats_parse(built, fmt, parser):
    result = CliRunner().invoke(main, ["--store", str(built), "export", "--format", fmt])
    assert result.exit_code == 0
    graph = rdflib.Dataset() if parser in ("nquads", "trig", "json-ld") else rdflib.Graph()
    graph.parse(data=result.stdout_bytes, format=parser)
    assert len(graph) > 0 or sum(1 for _ in graph.quads()) > 100


def test_export_to_a_file(built, tmp_path):
    out = tmp_path / "kg.nt"
    result = run("export", "--format", "ntriples", "-o", str(out), store=built)
    assert result.exit_code == 0 and result.stdout == ""
    assert len(rdflib.Graph().parse(out, format="nt")) > 100


def test_validate_passes_on_a_good_graph(built):
    result = run("validate", store=built)
    assert result.exit_code == 0, result.stdout
    assert "conforms" in result.stderr


def test_store_from_the_environment(built):
    result = CliRunner(env={"KG_STORE": str(built)}).invoke(main, ["query", "people"])
    assert result.exit_code == 0 and "Ada Lovelace" in result.stdout


def test_real_subprocess(tmp_path):
    store = tmp_path / "store"
    build = subprocess.run(
        [sys.executable, "-m", "kg", "--store", str(store), "build", "--data", str(MINI)],
        capture_output=True, text=True, check=False,
    )
    assert build.returncode == 0, build.stderr
    query = subprocess.run(
        [sys.executable, "-m", "kg", "--store", str(store), "query", "people", "--format",
         "csv"], capture_output=True, text=True, check=False,
    )
    assert query.returncode == 0 and query.stdout.startswith("person,name,altNames")
    assert query.stderr == ""


def test_query_pages_with_limit_and_offset_in_the_querys_order(built):
    whole = run("query", "people", "--format", "csv", store=built).stdout.splitlines()
    page = run("query", "people", "--format", "csv", "--limit", "2", "--offset", "1", store=built)
    assert page.exit_code == 0, page.stderr
    assert page.stdout.splitlines() == [whole[0], *whole[2:4]] and len(whole) > 4
    as_json = run("query", "people", "--format", "json", store=built).stdout
    assert json.loads(as_json) == json.loads(run("query", "people", "--format", "json", "--limit", "1000",
                                                 store=built).stdout)
    assert run("query", "people", "--format", "json", "--limit", "0", store=built).stdout == "[]\n"


def test_exports_write_prefixes_and_a_json_ld_context(built):
    turtle = run("export", "--format", "turtle", store=built).stdout
    assert "@prefix kg: <https://w3id.org/kg/ontology#> ." in turtle and "\tkg:name " in turtle
    trig = run("export", "--format", "trig", store=built).stdout
    assert "@prefix kg: <https://w3id.org/kg/ontology#> ." in trig
    document = json.loads(run("export", "--format", "jsonld", store=built).stdout)
    assert document["@context"]["kg"] == "https://w3id.org/kg/ontology#"
    as_jsonld = rdflib.Dataset().parse(data=json.dumps(document), format="json-ld")
    as_nquads = rdflib.Dataset().parse(data=run("export", "--format", "nquads", store=built).stdout,
                                       format="nquads")
    triples = {(s, p, o) for s, p, o, _ in as_nquads.quads()}
    assert {(s, p, o) for s, p, o, _ in as_jsonld.quads()} == triples and len(triples) > 100


def test_each_command_is_found_in_the_module_that_defines_it():
    import importlib

    for name, module in main.modules.items():
        importlib.import_module(module)
        command = main.commands[name]
        assert command.callback is not None and command.callback.__module__ == module, name
    assert set(main.commands) == set(main.modules)


def test_a_quick_command_does_not_load_the_suggester_or_the_page_reader():
    code = ("import sys; from kg.cli import main\n"
            "main(['queries', '--format', 'csv'], standalone_mode=False)\n"
            "print(sorted(m for m in ('kg.network.suggest', 'kg.ingest.pages.extract', 'rdflib', 'sklearn')"
            " if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
