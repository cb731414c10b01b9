"""A page's tree cut into blocks and tables (``blocks.layout``), as a browser shows the page."""

from __future__ import annotations

from kg.ingest.pages.blocks import layout
from kg.ingest.pages.document import read_document


def test_a_table_left_open_keeps_the_tables_that_follow_it(tmp_path):
    # a template copied section by section: one "<table><tbody>" never closed, the next table inside it
    row = "<tr><td><img src='{n}.png'></td><td><a href='https://arxiv.org/abs/{n}'>{title}</a><br>" \
          "<strong>Ada Lovelace</strong>, <em>Charles Babbage</em><br><em>COLT 2019</em></td></tr>"
    papers = "".join(row.format(n=n, title=t) for n, t in enumerate(
        ["Notes on the analytical engine", "On the numbers of Bernoulli in practice"]))
    path = tmp_path / "index.html"
    path.write_text("<html><body><table><tbody><tr><td>"
                    "<table><tbody><tr><td><p>I study engines.</p></td></tr></tbody></table>"
                    "<table><tbody>"  # left open
                    "<table><tbody><tr><td><h2>Publications</h2></td></tr></tbody></table>"
                    f"<table><tbody>{papers}</tbody></table>"
                    "</td></tr></tbody></table></body></html>", encoding="utf-8")
    parts = layout(read_document(path))
    texts = [b.text for b in parts.blocks] + [c.text for t in parts.tables for r in t.rows for c in r]
    assert any("Publications" in t for t in texts)
    assert any(t.startswith("Notes on the analytical engine\nAda Lovelace, Charles Babbage") for t in texts)
    assert sum("On the numbers of Bernoulli" in t for t in texts) == 1  # read once, not once per table
