"""``kg viz`` as a user runs it: pages and an index written, messages on stderr, clear errors."""

from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.views.render import read_entry
from tests.test_viz import page_data


def run(store: Path, *args: str):
    return CliRunner().invoke(main, ["--store", str(store), "viz", *args])


def test_viz_all_writes_every_view_and_an_index_linking_them(mini_store_path, tmp_path):
    out = tmp_path / "viz"
    result = run(mini_store_path, "all", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "Wrote" in result.stderr and "index.html" in result.stderr
    pages = sorted(p.name for p in out.iterdir())
    assert pages == [
        "coauthors.html", "event-mini-2024-01-08.html", "event-mini-series.html", "index.html",
        "lineage-alan-turing.html", "person-ada-lovelace.html", "person-alan-turing.html",
        "person-grace-hopper.html", "suggest-mini-2024-01-08.html", "suggest-mini-series.html",
    ]
    index = (out / "index.html").read_text()
    for name in pages:
        if name != "index.html":
            assert f'href="{name}"' in index
    assert not (out / "lib").exists() and not list(out.glob(".*"))


def test_each_command_writes_its_page_and_keeps_the_others_in_the_index(mini_store_path, tmp_path):
    out = tmp_path / "viz"
    assert run(mini_store_path, "person", "Grace M. Hopper", "--out", str(out)).exit_code == 0
    assert run(mini_store_path, "event", "Mini Seminar", "--out", str(out)).exit_code == 0
    assert run(mini_store_path, "lineage", "Alan Turing", "--out", str(out)).exit_code == 0
    assert run(mini_store_path, "suggest", "Mini Seminar", "--top", "1", "--out", str(out)).exit_code == 0
    result = run(mini_store_path, "coauthors", "--max-nodes", "2", "--out", str(out))
    assert result.exit_code == 0 and "cut to stay readable" in result.stderr
    index = (out / "index.html").read_text()
    assert index.count("<a href=") == 5
    assert 'href="suggest-mini-series.html">Speakers to invite to Mini Seminar<' in index
    coauthors = read_entry(out / "coauthors.html")
    assert coauthors is not None and (coauthors.nodes, coauthors.edges) == (2, 1)


def test_an_unknown_name_is_one_error_line_and_writes_nothing(mini_store_path, tmp_path):
    out = tmp_path / "viz"
    result = run(mini_store_path, "person", "Nobody", "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr == "Error: no person is named 'Nobody'; 'kg query people' lists them\n"
    assert not out.exists()


def test_suggest_draws_the_event_its_speakers_and_the_candidates(mini_store_path, tmp_path):
    out = tmp_path / "viz"
    result = run(mini_store_path, "suggest", "Mini Seminar", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "suggest-mini-series.html: 5 nodes, 4 links" in result.stderr
    nodes = page_data((out / "suggest-mini-series.html").read_text())["nodes"]
    assert {n["fullLabel"]: n["kindName"] for n in nodes if n["kind"] == "candidate"} == {
        "1. Kurt Gödel": "suggested speaker"}


def test_the_viz_commands_share_the_page_size_of_the_views():
    from kg.cli import viz
    from kg.views.graph_pages import MAX_NODES

    assert viz.MAX_NODES == MAX_NODES


def test_a_missing_store_is_an_error_not_a_traceback(tmp_path):
    result = run(tmp_path / "none", "coauthors", "--out", str(tmp_path / "viz"))
    assert result.exit_code == 1 and "run 'kg build' first" in result.stderr


def test_viz_all_draws_no_suggestion_page_for_an_event_with_no_one_to_suggest(seed_store):
    from kg.views.selection import suggestions_if_any

    # Suggestions come from the whole field, so any event with a speaker or an organizer has
    # someone to suggest; an event the store does not know has no page.
    assert suggestions_if_any(seed_store, "https://w3id.org/kg/id/event/no-such-event", 150) is None
    tilos = suggestions_if_any(seed_store, "https://w3id.org/kg/id/event/tilos-seminar", 150)
    assert tilos is not None and tilos.name == "suggest-tilos-seminar"
