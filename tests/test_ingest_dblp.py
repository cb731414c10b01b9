"""DBLP dumps: streamed record by record, entities decoded offline, filtered by venue and year."""

import gzip
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from kg.cli import main
from kg.ingest.bulk import dblp
from kg.ingest.printed import ImportedPaper, Problem
from kg.store import LocalStore

FIXTURE = Path(__file__).parent / "data" / "ingest" / "dblp.xml"
TITLES = """PREFIX kg: <https://w3id.org/kg/ontology#>
SELECT ?paper ?title WHERE { ?paper a kg:Paper ; kg:title ?title } ORDER BY ?paper ?title"""


def read(path=FIXTURE, keep=None):
    return list(dblp.parse(path, path.name, keep or dblp.Filter()))


def papers(path=FIXTURE, keep=None):
    return {p.key: p for p in read(path, keep) if isinstance(p, ImportedPaper)}


def test_papers_have_ordered_authors_venue_year_and_link():
    paper = papers()["conf/colt/KallweitS11"]
    assert paper.authors == ["Michael Kallweit", "Hans Ulrich Simon"]
    assert (paper.title, paper.year, paper.venue, paper.pages) == (
        "A Close Look to Margin Complexity and Related Parameters", 2011, "COLT", "437-456")
    assert paper.url == "http://proceedings.mlr.press/v19/kallweit11a/kallweit11a.pdf"


def test_character_entities_are_decoded_without_the_dtd():
    found = papers()
    assert found["conf/colt/ClemenconMuller24"].authors[:2] == ["Stéphan Clémençon", "Klaus-Robert Müller"]
    assert found["journals/jmlr/Kotlowski21"].authors == ["Wojciech Kotłowski"]
    assert found["conf/colt/Chen20"].title == "Bandits with √T Regret for Renée"


def test_homonym_numbers_are_dropped_and_relative_links_made_absolute():
    chen = papers()["conf/colt/Chen20"]
    assert chen.authors == ["Wei Chen"]
    assert chen.url == "https://dblp.org/db/conf/colt/colt2020.html#Chen20"


def test_only_papers_are_kept_and_bad_records_listed():
    items = read()
    assert sorted(papers()) == ["conf/colt/Chen20", "conf/colt/ClemenconMuller24", "conf/colt/KallweitS11",
                                "journals/jmlr/Kotlowski21"]
    assert [str(p) for p in items if isinstance(p, Problem)] == [
        "inproceedings 'conf/colt/NoAuthor19': author: missing"]


def test_records_are_filtered_by_venue_and_year():
    assert sorted(papers(keep=dblp.Filter.of(["colt"], "2011-2020"))) == [
        "conf/colt/Chen20", "conf/colt/KallweitS11"]
    assert sorted(papers(keep=dblp.Filter.of(["J. Mach. Learn. Res."]))) == ["journals/jmlr/Kotlowski21"]
    assert sorted(papers(keep=dblp.Filter.of([], "2024"))) == ["conf/colt/ClemenconMuller24"]


def test_a_gzipped_dump_reads_the_same(tmp_path):
    packed = tmp_path / "dblp.xml.gz"
    packed.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    assert papers(packed) == {k: _renamed(p, "dblp.xml.gz") for k, p in papers().items()}


def _renamed(paper, source):
    from dataclasses import replace

    return replace(paper, at=paper.at.replace("dblp.xml", source, 1))


def test_progress_is_reported_in_bytes_of_the_file():
    seen = []
    list(dblp.parse(FIXTURE, "dblp.xml", progress=lambda done, total: seen.append((done, total))))
    assert seen and seen[-1] == (FIXTURE.stat().st_size, FIXTURE.stat().st_size)


def test_broken_xml_names_the_line_and_the_records_after_the_fault_still_import(tmp_path):
    broken = tmp_path / "broken.xml"
    text = FIXTURE.read_text().replace("<title>Learning Gaussian", "<title><b>Learning Gaussian")
    broken.write_text(text)
    items = read(broken)
    assert sorted(p.key for p in items if isinstance(p, ImportedPaper)) == [
        "conf/colt/Chen20", "conf/colt/KallweitS11", "journals/jmlr/Kotlowski21"]
    line = text.splitlines().index(next(ln for ln in text.splitlines() if "<b>Learning" in ln)) + 1
    problems = [str(p) for p in items if isinstance(p, Problem)]
    assert problems[0] == f"line {line}, column 63: not well-formed XML (mismatched tag)"
    assert problems[1:] == ["inproceedings 'conf/colt/NoAuthor19': author: missing"]


def test_a_fault_in_every_chunk_is_reported_once_each(tmp_path):
    record = ('<article key="journals/x/A{n}"><author>Ann Lee</author><title>T{n}{bad}</title>'
              "<year>2020</year><journal>X</journal></article>\n")
    lines = [record.format(n=n, bad="<b>" if n % 400 == 7 else "") for n in range(2000)]
    dump = tmp_path / "dump.xml"
    dump.write_text('<?xml version="1.0"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n'
                    + "".join(lines) + "</dblp>\n")
    items = read(dump)
    problems = [str(p) for p in items if isinstance(p, Problem)]
    assert [p.split(",")[0] for p in problems] == [f"line {n + 4}" for n in range(7, 2000, 400)]
    assert len([p for p in items if isinstance(p, ImportedPaper)]) == 2000 - 5


def test_a_bad_gzip_file_is_a_problem_not_a_crash(tmp_path):
    bad = tmp_path / "dblp.xml.gz"
    bad.write_bytes(b"this is not gzip")
    assert [str(p).split(":")[0] for p in read(bad)] == ["file"]


def test_ingest_registers_the_filters_and_builds_the_kept_papers(mini_data, tmp_path):
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["--store", str(store), "ingest", str(FIXTURE), "--venue", "colt",
                                       "--year", "2011-2020", "--data", str(mini_data), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].endswith(",dblp,added,data/imports/dblp-colt-2011-2020.xml,2,1")
    entry = yaml.safe_load((mini_data / "imports.yaml").read_text())[0]
    assert (entry["kind"], entry["venues"], entry["years"]) == ("dblp", ["colt"], "2011-2020")
    extract = list(dblp.parse(mini_data / "imports" / "dblp-colt-2011-2020.xml", "extract"))
    assert sorted(p.key for p in extract) == ["conf/colt/Chen20", "conf/colt/KallweitS11"]  # only those
    titles = [r["title"] for r in LocalStore.open_read_only(store).select(TITLES).values()]
    assert "A Close Look to Margin Complexity and Related Parameters" in titles
    assert "Bandits in Poznań" not in titles  # a journal: not kept


def test_filters_apply_to_dblp_only(mini_data, tmp_path):
    shutil.copy(FIXTURE.with_name("refs.bib"), tmp_path / "refs.bib")
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "s"), "ingest", str(tmp_path / "refs.bib"),
                                       "--year", "2020", "--data", str(mini_data)])
    assert result.exit_code == 2 and "--venue and --year apply to DBLP dumps only" in result.stderr


def test_a_paper_in_dblp_and_in_a_bibliography_under_two_keys_is_one_paper(mini_data, tmp_path):
    store = tmp_path / "store"
    runner = CliRunner()
    for path in (FIXTURE.with_name("refs.bib"), FIXTURE):
        result = runner.invoke(main, ["--store", str(store), "ingest", str(path), "--data", str(mini_data)])
        assert result.exit_code == 0, result.output
    rows = LocalStore.open_read_only(store).select(TITLES).values()
    gaussian = [r for r in rows if r["title"].startswith("Learning Gaussian")]
    assert [r["paper"].rsplit("/", 1)[-1] for r in gaussian] == ["doe24a"]
    report = runner.invoke(main, ["resolve", "--data", str(mini_data), "--format", "tsv"])
    assert "merged\tpaper\tLearning Gaussian Mixtures with $\\sqrt{n}$ Samples (doe24a)\t" in report.stdout


def test_each_selection_of_a_dump_is_its_own_extract(mini_data, tmp_path):
    runner = CliRunner()
    args = ["--store", str(tmp_path / "s"), "ingest", str(FIXTURE), "--data", str(mini_data), "--no-build",
            "--format", "csv"]
    assert ",added," in runner.invoke(main, [*args, "--venue", "colt"]).stdout
    again = runner.invoke(main, [*args, "--venue", "J. Mach. Learn. Res."])
    assert again.exit_code == 0 and ",added,data/imports/dblp-colt-j-mach-learn-res.xml," not in again.stdout
    assert ",added,data/imports/dblp-j-mach-learn-res.xml,1,0" in again.stdout
    entries = yaml.safe_load((mini_data / "imports.yaml").read_text())
    assert [e["venues"] for e in entries] == [["colt"], ["J. Mach. Learn. Res."]]
    assert ",unchanged," in runner.invoke(main, [*args, "--venue", "colt"]).stdout


def test_a_dry_run_reads_the_dump_and_writes_nothing(mini_data, tmp_path):
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "s"), "ingest", str(FIXTURE), "--dry-run",
                                       "--venue", "colt", "--data", str(mini_data), "--format", "csv"])
    assert result.exit_code == 0 and result.stdout.splitlines()[1].endswith(",added,"
                                                                             "data/imports/dblp-colt.xml,3,1")
    assert not (mini_data / "imports").exists() and not (mini_data / "imports.yaml").exists()


def test_a_dump_that_cannot_be_read_registers_nothing(mini_data, tmp_path):
    bad = tmp_path / "dblp.xml.gz"
    bad.write_bytes(b"this is not gzip")
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "s"), "ingest", str(bad), "--kind", "dblp",
                                       "--data", str(mini_data)])
    assert result.exit_code == 1 and "dblp.xml.gz: cannot be read as gzip" in result.stderr
    assert not (mini_data / "imports.yaml").exists()
    assert list((mini_data / "imports").iterdir()) == []  # no extract, no temporary file left
