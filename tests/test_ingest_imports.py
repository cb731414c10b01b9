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


TABLE = ("year,bibkey,title,position,author,affiliation\n"
         "2020,a,Bandit learning,1,Benjamin Recht,UC Berkeley\n2020,a,Bandit learning,2,Ann Lee,\n"
         "2021,b,Bandit regret,1,Ben Recht,\"University of California, Berkeley\"\n"
         "2021,b,Bandit regret,2,Ann Lee,\n"
         "2022,c,Graph sparsifiers,1,Sam Hopkins,MIT\n"
         "2022,d,Protein folding kinetics,1,Samuel Hopkins,Princeton University\n")


def cases(data, tmp_path):
    result = run("resolve", "--data", str(data), "--format", "csv", store=tmp_path / "s")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "id,status,kind,name,other,score,reason,evidence"
    return {tuple(line.split(",")[1:5]): line.split(",")[0] for line in lines[1:]}, result


def test_resolve_lists_merges_and_open_cases_with_stable_ids(mini_data, tmp_path):
    (mini_data / "imports.yaml").write_text("- {id: table, kind: authorships, file: table.csv}\n")
    (mini_data / "table.csv").write_text(TABLE)
    found, result = cases(mini_data, tmp_path)
    assert ("merged", "person", "Benjamin Recht", "Ben Recht") in found
    assert ("open", "person", "Sam Hopkins", "Samuel Hopkins") in found
    assert "1 open cases" in result.stderr
    assert cases(mini_data, tmp_path)[0] == found  # the same IDs run after run


def test_resolve_accept_and_reject_settle_cases_in_the_alias_file(mini_data, tmp_path):
    (mini_data / "imports.yaml").write_text("- {id: table, kind: authorships, file: table.csv}\n")
    (mini_data / "table.csv").write_text(TABLE)
    (mini_data / "aliases.yaml").write_text(
        "# Decisions kept by hand.\none_person:\n- Gaurav Mahajan  # moved\n")
    found, _ = cases(mini_data, tmp_path)
    hopkins = found[("open", "person", "Sam Hopkins", "Samuel Hopkins")]
    recht = found[("merged", "person", "Benjamin Recht", "Ben Recht")]
    settled = run("resolve", "--data", str(mini_data), "--accept", hopkins, "--reject", recht,
                  store=tmp_path / "s")
    assert settled.exit_code == 0, settled.output
    text = (mini_data / "aliases.yaml").read_text()
    assert text.startswith("# Decisions kept by hand.\n") and "- Gaurav Mahajan  # moved" in text
    assert "aliases:\n  - Samuel Hopkins" in text and "- [Benjamin Recht, Ben Recht]" in text
    after, _ = cases(mini_data, tmp_path)
    assert ("merged", "person", "Samuel Hopkins", "Sam Hopkins") in after or \
        ("merged", "person", "Sam Hopkins", "Samuel Hopkins") in after
    assert not any(k[2:] == ("Benjamin Recht", "Ben Recht") for k in after)
    build_folder(mini_data, tmp_path / "store")
    rows = LocalStore.open_read_only(tmp_path / "store").select(
        "PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?p WHERE { ?p kg:name ?n "
        "FILTER(CONTAINS(?n, 'Recht')) } ORDER BY ?p").values()
    assert len(rows) == 2  # two people now, as decided


def test_resolve_with_an_unknown_id_fails_and_writes_nothing(mini_data, tmp_path):
    (mini_data / "imports.yaml").write_text("- {id: table, kind: authorships, file: table.csv}\n")
    (mini_data / "table.csv").write_text(TABLE)
    result = run("resolve", "--data", str(mini_data), "--accept", "deadbeef", store=tmp_path / "s")
    assert result.exit_code == 1 and "no case with ID deadbeef" in result.stderr
    assert not (mini_data / "aliases.yaml").exists()


def test_prefaces_are_not_papers_and_each_affiliation_cites_its_own_line(mini_data, tmp_path):
    (mini_data / "imports.yaml").write_text("- {id: table, kind: authorships, file: table.csv}\n")
    (mini_data / "table.csv").write_text(
        "year,bibkey,title,position,author,affiliation\n"
        "2020,p,Conference on Learning Theory 2020: Preface,1,Ann Lee,MIT\n"
        "2020,p,Conference on Learning Theory 2020: Preface,2,Bo Li,Princeton University\n"
        "2020,a,Bandits,1,Ann Lee,MIT\n2020,a,Bandits,2,Cy Wu,Princeton University\n")
    build_folder(mini_data, tmp_path / "store")
    store = LocalStore.open_read_only(tmp_path / "store")
    titles = store.select("PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?t WHERE { ?p a kg:Paper ; "
                          "kg:title ?t } ORDER BY ?t").values()
    preface = "Conference on Learning Theory 2020: Preface"
    assert [r["t"] for r in titles if r["t"] in ("Bandits", preface)] == ["Bandits"]
    cited = store.select("PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?at WHERE { "
                         "?s a kg:Affiliation ; kg:at ?at } ORDER BY ?at").values()
    assert {r["at"] for r in cited} >= {"table.csv line 4", "table.csv line 5", "table.csv line 2",
                                         "table.csv line 3"}


def test_colt_is_in_the_full_store_with_names_resolved(colt_store):
    rows = colt_store.select("""PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT (COUNT(DISTINCT ?paper) AS ?papers) WHERE {
          ?paper kg:source <https://w3id.org/kg/id/source/colt-2011-2024-authorships> ; a kg:Paper }
        """).values()
    assert rows == [{"papers": "1402"}]  # 1,416 entries less the 14 prefaces
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


def test_corporate_authors_become_organizations_and_and_others_a_note(mini_data, tmp_path):
    (mini_data / "imports.yaml").write_text("- {id: bib, kind: bibtex, file: refs.bib}\n")
    (mini_data / "refs.bib").write_text(
        "@article{gpt4, title = {A Technical Report}, year = 2023,\n"
        "  author = {{OpenAI} and Achiam, Josh and {The Hail Collaboration} and others}}\n")
    build_folder(mini_data, tmp_path / "store")
    rows = LocalStore.open_read_only(tmp_path / "store").select(
        "PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?org ?note WHERE { "
        "?p kg:title 'A Technical Report' ; kg:organizationAuthor/kg:name ?org ; kg:authorListNote ?note } "
        "ORDER BY ?org").values()
    assert rows == [{"org": "OpenAI", "note": "and others"},
                    {"org": "The Hail Collaboration", "note": "and others"}]
