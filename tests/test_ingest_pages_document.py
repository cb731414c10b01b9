"""Reading a page's text: Markdown as a site generator hands it to the parser."""

from __future__ import annotations

from kg.ingest.pages.document import read_document, simple_tables_as_pipes, template_links


def simple_table(rows: list[tuple[str, str, str]]) -> str:
    """Rows laid out as Pandoc writes a simple table: columns padded, a dash group under each header."""
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    return "\n".join([lines[0], "  ".join("-" * width for width in widths), *lines[1:]]) + "\n"


SPRING = [("Date", "Speaker", "Title"),
          ("5/30/23", "[Ada Lovelace](https://a.org) (Turin)", "[Notes on the analytical engine](/a.html)"),
          ("5/23/23", "Mary Somerville (Oxford)", "On the connexion of the sciences"),
          ("5/16/23", "[Charles Babbage](https://c.org) (UCL)", "[Passages of a life](/c)")]


def test_a_pandoc_simple_table_becomes_a_pipe_table_line_for_line():
    piped = simple_tables_as_pipes("# Spring 2023\n\n" + simple_table(SPRING) + "\nOlder: the archive.\n")
    assert piped.splitlines() == [
        "# Spring 2023", "",
        "| Date | Speaker | Title |", "|---|---|---|",
        "| 5/30/23 | [Ada Lovelace](https://a.org) (Turin) | [Notes on the analytical engine](/a.html) |",
        "| 5/23/23 | Mary Somerville (Oxford) | On the connexion of the sciences |",
        "| 5/16/23 | [Charles Babbage](https://c.org) (UCL) | [Passages of a life](/c) |",
        "", "Older: the archive."]


def test_front_matter_rules_and_headings_are_no_tables():
    text = "---\ntitle: Talks\n---\n\nTalks\n-----\n\nA line\n---   ---\n"
    assert simple_tables_as_pipes(text) == text  # a header and no row under the dashes


def test_the_rows_of_a_simple_table_are_talks(tmp_path):
    from kg.ingest.pages.pipeline import extract_file

    path = tmp_path / "past_seminars.md"
    path.write_text("---\ntitle: Past Seminars\n---\n\n# Spring 2023\n\n" + simple_table(SPRING),
                    encoding="utf-8")
    talks = [(t.speakers[0].name, t.title) for t in extract_file(path).talks]
    assert ("Ada Lovelace", "Notes on the analytical engine") in talks
    assert ("Charles Babbage", "Passages of a life") in talks


def test_a_table_printed_in_a_code_block_stays_code():
    text = ("```\nname     score\n-------  -----\nada      0.9\n```\n\n"
            "- 2024-03-05: Ada Lovelace, *On engines*\n")
    assert simple_tables_as_pipes(text) == text


def test_front_matter_with_tabs_ending_its_lines_is_read_as_yaml():
    from kg.ingest.pages.document import split_front_matter

    text = ("---\ntitle: Lecturers\nlecturers:\n - name: Ada Lovelace\t\n   topic: Engines\n"
            " - name: Mary Somerville \t\n   topic: Physical geography\n---\nBody\n")
    front, lines, _ = split_front_matter(text)
    assert front["lecturers"] == [{"name": "Ada Lovelace", "topic": "Engines"},
                                  {"name": "Mary Somerville", "topic": "Physical geography"}]
    assert lines == 8


def test_a_pandoc_raw_html_block_is_html_not_code(tmp_path):
    from kg.ingest.pages.document import raw_html_fences, read_document

    text = ("## Talks\n\n```{=html}\n<strong>Notes on engines.</strong><br> Turin seminar. May 2024."
            "<p style=\"margin-bottom:0.2cm;\"></p>\n```\n\n```python\nprint(1)\n```\n")
    assert raw_html_fences(text).splitlines()[2:5] == [
        "", "<strong>Notes on engines.</strong><br> Turin seminar. May 2024."
        "<p style=\"margin-bottom:0.2cm;\"></p>", ""]
    assert "```python" in raw_html_fences(text)  # a fence of code stays code
    path = tmp_path / "research.md"
    path.write_text(text, encoding="utf-8")
    root = read_document(path).root
    assert [s.text for s in root.iter("strong")] == ["Notes on engines."]
    assert not any("margin-bottom" in (c.text or "") for c in root.iter("code"))


def test_a_reference_links_target_holding_a_template_tag_stays_a_link(tmp_path):
    source = ("* [Notes on the analytical engine][engine], Turin Seminar 2017\n\n"
              "[engine]: {{ site.url }}/assets/talks/engine.pdf\n")
    assert template_links(source).endswith("[engine]: /assets/talks/engine.pdf\n")
    path = tmp_path / "talks.md"
    path.write_text(source, encoding="utf-8")
    link, = read_document(path).root.iter("a")
    assert (link.text, link.get("href")) == ("Notes on the analytical engine", "/assets/talks/engine.pdf")
