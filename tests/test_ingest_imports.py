"""Bulk imports: registered files go into every build; `kg ingest` registers; `kg resolve` reports."""

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from kg.build import build_folder
from kg.cli import main
from kg.store import LocalStore

DATA = Path(__file__).parent / "data" / "ingest"
PAPERS_OF = """PREFIX kg: <https://w3id.org/kg/ontology#>
SELECT ?title ?name ?position WHERE {
  ?paper kg:title ?title ; kg:authorship ?a . ?a kg:person/kg:name ?name ; kg:position ?position .
} ORDER BY ?title ?position"""


def run(*args, store):
    return CliRunner().invoke(main, ["--store", str(store), *args])


def test_ingesting_a_bibliography_registers_it_and_builds(mini_data, tmp_path):
    store = tmp_path / "store"
    result = run("ingest", str(DATA / "refs.bib"), "--data", str(mini_data), "--format", "csv",
                 store=store)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].endswith(",bibtex,added,data/imports/refs.bib,2,2")
    assert "Skipped:" in result.stderr and "'broken24'" in result.stderr
    assert yaml.safe_load((mini_data / "imports.yaml").read_text())[0]["kind"] == "bibtex"
    assert (mini_data / "imports" / "refs.bib").read_bytes() == (DATA / "refs.bib").read_bytes()
    rows = LocalStore.open_read_only(store).select(PAPERS_OF).values()
    assert [r["name"] for r in rows if r["title"].startswith("Learning Gaussian")] == [
        "Stéphan Clémençon", "Klaus-Robert Müller", "Tim Van Erven"]


def test_ingesting_the_same_file_twice_changes_nothing(mini_data, tmp_path):
    store = tmp_path / "store"
    run("ingest", str(DATA / "refs.bib"), "--data", str(mini_data), store=store)
    before = (mini_data / "imports.yaml").read_text()
    again = run("ingest", str(DATA / "refs.bib"), "--data", str(mini_data), "--format", "csv", store=store)
    assert again.exit_code == 0
    assert ",unchanged," in again.stdout
    assert (mini_data / "imports.yaml").read_text() == before


def test_dry_run_writes_nothing(mini_data, tmp_path):
    result = run("ingest", "--dry-run", str(DATA / "authorships.csv"), "--data", str(mini_data),
                 store=tmp_path / "store")
    assert result.exit_code == 0
    assert "added" in result.stdout
    assert not (mini_data / "imports.yaml").exists() and not (tmp_path / "store").exists()


def test_a_paper_in_two_files_is_one_paper_with_affiliations_and_link(mini_data, tmp_path):
    (mini_data / "imports").mkdir()
    for name in ("authorships.csv", "refs.bib"):
        shutil.copy(DATA / name, mini_data / "imports" / name)
    (mini_data / "imports.yaml").write_text(
        "- {id: table, kind: authorships, file: imports/authorships.csv}\n"
        "- {id: bib, kind: bibtex, file: imports/refs.bib}\n")
    report = build_folder(mini_data, tmp_path / "store")
    assert report.imported_papers == 2
    assert [p.split(": ", 1)[1] for p in report.problems] == [
        "line 6: position: not a positive number: 'two'",
        "line 14: entry 'broken24': unbalanced braces in a value",
        "line 25: entry 'noyear': year: missing"]
    store = LocalStore.open_read_only(tmp_path / "store")
    rows = store.select("""PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT ?title ?url ?g ?stated WHERE {
          ?paper kg:title ?title ; kg:url ?url .
          GRAPH ?g { ?paper kg:url ?url }
          ?aff kg:context ?paper ; kg:person/kg:name "Klaus-Robert Müller" ; kg:asStated ?stated .
        }""").values()
    # Title and authors from the table listed first; the link from the BibTeX, in its own graph.
    assert rows == [{"title": r"Learning Gaussian Mixtures with $\sqrt{n}$ Samples",
                     "url": "https://proceedings.mlr.press/v247/doe24a.html",
                     "g": "https://w3id.org/kg/id/source/bib", "stated": "TU Berlin+Google DeepMind"}]


def test_a_rebuild_from_the_same_files_is_identical(mini_data, tmp_path):
    (mini_data / "imports.yaml").write_text("- {id: table, kind: authorships, file: table.csv}\n")
    shutil.copy(DATA / "authorships.csv", mini_data / "table.csv")
    dumps = []
    for n in (1, 2):
        build_folder(mini_data, tmp_path / f"store{n}")
        store = LocalStore.open_read_only(tmp_path / f"store{n}")
        # The ontology's blank nodes get fresh labels on every load; everything else is compared.
        dumps.append(sorted(str(q) for q in store.quads() if "_:" not in str(q)))
    assert dumps[0] == dumps[1]


def test_resolve_reports_merges_and_ambiguous_cases(mini_data, tmp_path):
    (mini_data / "imports.yaml").write_text("- {id: table, kind: authorships, file: table.csv}\n")
    (mini_data / "table.csv").write_text(
        "year,bibkey,title,position,author,affiliation\n"
        "2020,a,A,1,Benjamin Recht,UC Berkeley\n2020,a,A,2,Ann Lee,\n"
        "2021,b,B,1,Ben Recht,\"University of California, Berkeley\"\n2021,b,B,2,Ann Lee,\n"
        "2022,c,C,1,Sam Hopkins,MIT\n2022,d,D,1,Samuel Hopkins,Princeton University\n")
    result = run("resolve", "--data", str(mini_data), "--format", "csv", store=tmp_path / "s")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "status,kind,name,other,reason,evidence"
    assert "ambiguous,person,Sam Hopkins,Samuel Hopkins," in "\n".join(lines)
    assert "merged,person,Ben Recht,Benjamin Recht,short form,shared coauthor ann lee" in lines
    assert "1 ambiguous cases" in result.stderr


def test_colt_is_in_the_full_store_with_names_resolved(colt_store):
    rows = colt_store.select("""PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT (COUNT(DISTINCT ?paper) AS ?papers) WHERE {
          ?paper kg:source <https://w3id.org/kg/id/source/colt-2011-2024-authorships> ; a kg:Paper }
        """).values()
    assert rows == [{"papers": "1416"}]
    # The registry's Sanjeev Arora is the COLT author, not a second person of the same name.
    arora = colt_store.select("""PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT DISTINCT ?p WHERE { ?p kg:name "Sanjeev Arora" }""").values()
    assert arora == [{"p": "https://w3id.org/kg/id/person/sanjeev-arora"}]


def test_a_store_with_imports_passes_the_shapes(mini_data, tmp_path):
    """A paper listed by two imports has two sources and an author affiliation in its context."""
    from kg.rdf.shapes import validate_graph
    from kg.sparql.reads import data_graph as store_graph

    (mini_data / "imports").mkdir()
    for name in ("authorships.csv", "refs.bib"):
        shutil.copy(DATA / name, mini_data / "imports" / name)
    (mini_data / "imports.yaml").write_text(
        "- {id: table, kind: authorships, file: imports/authorships.csv}\n"
        "- {id: bib, kind: bibtex, file: imports/refs.bib}\n")
    build_folder(mini_data, tmp_path / "store")
    report = validate_graph(store_graph(LocalStore.open_read_only(tmp_path / "store")))
    assert report.violations == []


def test_namesakes_settled_in_the_alias_file_are_two_people_in_the_store(mini_data, tmp_path):
    (mini_data / "imports.yaml").write_text("- {id: table, kind: authorships, file: table.csv}\n")
    (mini_data / "table.csv").write_text(
        "year,bibkey,title,position,author,affiliation\n"
        "2020,a,Graphs,1,Wei Chen,Tsinghua University\n2020,a,Graphs,2,Ann Lee,\n"
        "2020,b,Bandits,1,Wei Chen,Microsoft Research\n2020,b,Bandits,2,Bo Li,\n")
    (mini_data / "aliases.yaml").write_text(
        "namesakes:\n- name: Wei Chen\n  people:\n"
        "  - {id: wei-chen-tsinghua, organizations: [Tsinghua University]}\n"
        "  - {id: wei-chen-msr, organizations: [Microsoft Research]}\n")
    build_folder(mini_data, tmp_path / "store")
    rows = LocalStore.open_read_only(tmp_path / "store").select(
        PAPERS_OF.replace("kg:person/kg:name ?name", "kg:person ?name")).values()
    firsts = [(r["title"], r["name"].rsplit("/", 1)[-1]) for r in rows if r["position"] == "1"]
    assert [f for f in firsts if f[0] in ("Bandits", "Graphs")] == [
        ("Bandits", "wei-chen-msr"), ("Graphs", "wei-chen-tsinghua")]
