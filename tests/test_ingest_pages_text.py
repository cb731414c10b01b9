"""Pages as numbered lines: Markdown decoration and HTML markup removed, encodings checked."""

import pytest

from kg.errors import DataError
from kg.ingest.pages.text import html_lines, markdown_lines, read_page

from .pages_helpers import SEED_FILES


def texts(lines):
    return [(line.number, line.text, line.level) for line in lines if line.text]


def test_markdown_keeps_heading_levels_and_line_numbers_and_drops_decoration():
    lines = markdown_lines("---\nlayout: x\n---\n# Title\n\n> **Ada** from Analytical U\n"
                           "<!-- hidden\ncomment -->\n- item one\n[list](https://x.org/a)\n")
    assert texts(lines) == [(4, "Title", 1), (6, "Ada from Analytical U", 0), (9, "item one", 0),
                            (10, "list https://x.org/a", 0)]


def test_markdown_list_items_in_html_become_lines():
    lines = markdown_lines("organized by:\n<ul>\n  <li>Ann Lee</li>\n  <li>Bo Chen</li>\n</ul>\n")
    assert [line.text for line in lines] == ["organized by:", "", "Ann Lee", "Bo Chen", ""]


def test_html_blocks_become_lines_and_scripts_vanish():
    lines = html_lines("<html><head><style>p{}</style></head><body><h2>Speaker</h2>\n"
                       "<p>Ada&nbsp;Lovelace,\n Analytical U</p><script>x()</script>"
                       "<table><tr><td>9:30 AM</td><td>Ada | Engines</td></tr></table></body></html>")
    assert texts(lines) == [(1, "Speaker", 2), (2, "Ada Lovelace, Analytical U", 0),
                            (3, "9:30 AM | Ada | Engines", 0)]


def test_a_seed_page_reads_as_lines():
    page = read_page(SEED_FILES["001"])
    assert not page.is_html
    assert page.lines[0].text == "Skip to main content"


def test_a_page_in_latin1_is_refused_naming_file_line_and_byte(tmp_path):
    path = tmp_path / "talk.txt"
    path.write_bytes("Speaker\nRené Vidal, Penn\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"talk.txt: line 2: not UTF-8 text \(byte 0xe9 at offset 11\)"):
        read_page(path)


def test_binary_and_empty_files_are_refused(tmp_path):
    binary = tmp_path / "x.html"
    binary.write_bytes(b"\x89PNG\r\n\x00\x00")
    with pytest.raises(DataError, match="x.html: a binary file"):
        read_page(binary)
    empty = tmp_path / "empty.md"
    empty.write_text("<!-- nothing -->\n\n")
    with pytest.raises(DataError, match="empty.md: the page holds no text"):
        read_page(empty)
