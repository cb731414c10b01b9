"""``kg site`` as a user runs it: a complete folder swapped in, a message on stderr, clear errors."""

from click.testing import CliRunner

from kg.cli import main


def run(store, *args):
    return CliRunner().invoke(main, ["--store", str(store), "site", *args])


def test_kg_site_writes_a_page_per_entity_and_replaces_the_old_site_whole(mini_store_path, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "stale.html").write_text("left from before")
    result = run(mini_store_path, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"Wrote {out}/" in result.stderr
    assert not (out / "stale.html").exists()
    assert (out / "person" / "ada-lovelace.html").is_file() and (out / "index.html").is_file()
    assert sorted(p.name for p in out.iterdir()) == [
        "assets", "coauthors.html", "event", "index.html", "org", "paper", "person", "search-index.js",
        "search.html", "source", "talk"]
    assert sorted(p.name for p in (out / "assets").iterdir()) == [
        "graph.js", "search.js", "site.css", "vis-network.css", "vis-network.min.js"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"], "nothing half-written left beside it"


def test_a_missing_store_is_one_error_line_and_the_old_site_stays(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the old site")
    result = run(tmp_path / "none", "--out", str(out))
    assert result.exit_code == 1 and "run 'kg build' first" in result.stderr
    assert (out / "index.html").read_text() == "the old site"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_the_command_says_how_to_use_it():
    result = CliRunner().invoke(main, ["site", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "kg site --out site/" in result.output
