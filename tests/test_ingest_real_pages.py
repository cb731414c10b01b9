"""Real pages that once stopped a whole `kg ingest`: each now goes in, with what it had to leave out
named by file and line; and every page of the recent blind lists reaches RDF triples without raising."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import yaml
from click.testing import CliRunner

from kg.cli import main
from kg.errors import DataError
from kg.ingest.detect import PAGE, detect_kind
from kg.ingest.pages.pipeline import extract_file, plan_page
from kg.ingest.pages.records import to_records, web_address
from kg.rdf import mapping as rdf
from kg.records.folder import read_data_folder

from .pages_helpers import PAGES, registry_only

REAL = PAGES / "real"
TRUNCATED_LINK = REAL / "jiashuo-jiang" / "pubs.html"
LINK_ENDING_IN_NEWLINE = REAL / "ml4h-2019" / "schedule.md"
FAMILY_NAME_FIRST = REAL / "einar-holsbo" / "research-index.md"
OPENS_WITH_AT = REAL / "nyu-tcs-presentations2022" / "tcs_presentations.md"
ONCE_CRASHED = (TRUNCATED_LINK, LINK_ENDING_IN_NEWLINE, FAMILY_NAME_FIRST, OPENS_WITH_AT)


def ingest(tmp_path: Path, data: Path, *files: Path):
    store = tmp_path / "store"
    return CliRunner().invoke(main, ["--store", str(store), "ingest", "--data", str(data),
                                     *map(str, files)])


def records_of(data: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text()) for p in sorted((data / "records").glob("*.yaml"))]


def test_a_link_is_cut_of_spaces_and_a_broken_one_is_no_web_address():
    assert web_address(" https://slideslive.com/38921881/talk\n") == "https://slideslive.com/38921881/talk"
    assert web_address("https://example.org/a%20b") == "https://example.org/a%20b"
    assert web_address("https://openreview.net/forum?id=x&referrer=%5BAuthor%2") is None
    assert web_address("https://example.org/a b") is None
    assert web_address("slides.pdf") is None  # relative: cannot be followed later


def test_a_truncated_link_is_left_out_with_its_line_and_the_page_goes_in(tmp_path):
    data = registry_only(tmp_path)
    result = ingest(tmp_path, data, TRUNCATED_LINK)
    assert result.exit_code == 0, result.output
    assert (f"{TRUNCATED_LINK}: line 68: link 'https://openreview.net/forum?id=psG4LXlDNs"
            f"&referrer=%5BAuthor%2' left out: not a valid web address") in result.stderr
    assert (tmp_path / "store").is_dir()
    papers = [p for r in records_of(data) for p in r.get("papers", [])]
    assert len(papers) > 10
    assert not any(p.get("url", "").endswith("%2") for p in papers)


def test_a_link_ending_in_a_newline_is_kept_clean(tmp_path):
    data = registry_only(tmp_path)
    result = ingest(tmp_path, data, LINK_ENDING_IN_NEWLINE)
    assert result.exit_code == 0, result.output
    slides = [t["slides"] for r in records_of(data) for t in r.get("talks", []) if t.get("slides")]
    assert ("https://slideslive.com/38921881/machine-learning-for-health-ml4h-what-makes-machine-"
            "learning-in-medicine-different-4") in slides


def test_a_talk_whose_field_still_fails_is_reported_and_the_others_go_in(tmp_path):
    folder = read_data_folder(registry_only(tmp_path))
    page = extract_file(LINK_ENDING_IN_NEWLINE)
    broken = page.talks[0]
    broken.keywords = ["  "]  # an empty keyword: no record may hold it
    extraction = to_records(page, "sources/schedule.md", folder.dataset, folder.aliases)
    assert len(extraction.document.talks) == len(page.talks) - 1
    problem = next(p for p in page.problems if "left out: keywords.0" in p)
    assert problem.startswith(f"line {broken.line}: talk {broken.title!r}")


def test_authors_printed_family_name_first_are_the_same_people(tmp_path):
    data = registry_only(tmp_path)
    result = ingest(tmp_path, data, FAMILY_NAME_FIRST)  # "Bongo L. A" on line 15, "L. A. Bongo" elsewhere
    assert result.exit_code == 0, result.output
    papers = {p["at"]: p["authors"] for r in records_of(data) for p in r.get("papers", [])}
    assert "l-a-bongo" in papers["line 15"] and "l-a-bongo" in papers["line 11"]


def test_a_markdown_page_opening_with_at_is_a_page_and_a_broken_bib_stops_only_itself(tmp_path):
    assert detect_kind(OPENS_WITH_AT) == PAGE  # "@def title = ..." is Franklin front matter
    broken = tmp_path / "broken.bib"
    broken.write_text("@article{broken, title = {No end\n")
    data = registry_only(tmp_path)
    result = ingest(tmp_path, data, broken, OPENS_WITH_AT)
    assert result.exit_code == 1
    assert f"{broken}: nothing to import" in result.stderr and "line 1" in result.stderr
    assert "the other files went in" in result.stderr
    talks = [t for r in records_of(data) for t in r.get("talks", [])]
    assert len(talks) > 5
    assert not (data / "imports.yaml").exists()


def _blind_pages() -> list[Path]:
    sites = [line.strip() for name in ("fresh-sites-5.txt", "fresh-sites-6.txt")
             for line in (REAL / name).read_text().splitlines() if line.strip()]
    found = sorted(p for site in sites for p in (REAL / site).iterdir() if p.is_file())
    return found + [p for p in ONCE_CRASHED if p not in found]


def test_every_page_of_the_blind_lists_reaches_triples_without_raising(tmp_path):
    """The path `kg ingest` takes (extract → records → quads), with no store: each page either is
    refused with a DataError naming it or gives N-Quads that Oxigraph's parser accepts."""
    folder = read_data_folder(registry_only(tmp_path))
    pages = _blind_pages()
    assert len(pages) > 50
    turned = 0
    for path in pages:
        try:
            if detect_kind(path) != PAGE:
                continue
            extracted = extract_file(path)
        except DataError as exc:
            assert str(exc).startswith(str(path))
            continue
        plan = plan_page(folder, path, extracted)
        text = "".join(rdf.to_nquads(rdf.placed_quads(rdf.dataset_records(plan.folder.dataset))))
        quads = list(ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS))
        assert quads, path
        turned += 1
    assert turned > 40


def test_the_pages_that_crashed_go_in_together(tmp_path):
    data = registry_only(tmp_path)
    result = ingest(tmp_path, data, *ONCE_CRASHED)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (data / "sources").iterdir()) == sorted(p.name for p in ONCE_CRASHED)
    assert "Built" in result.stderr and (tmp_path / "store").is_dir()
