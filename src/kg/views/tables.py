"""Tables of results → text in the formats the command line offers (table, csv, tsv, json)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from kg.store.terms import plain

FORMATS = ("table", "csv", "tsv", "json")
TABLE_CELL_WIDTH = 60


def text(value: Any) -> str:
    """The text of a cell: empty for missing values."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(plain(value))


def records(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    """Rows as JSON-ready dictionaries keyed by column."""
    return [{c: plain(v) for c, v in zip(columns, row, strict=True)} for row in rows]


def render(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> str:
    """Render rows (of RDF terms or plain values) as ``fmt``; the result ends with a newline."""
    if fmt == "json":
        return json.dumps(records(columns, rows), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(
            buffer, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n"
        )
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_one_line(text(v)) if fmt == "tsv" else text(v) for v in row])
        return buffer.getvalue()
    if fmt == "table":
        return _table(columns, rows)
    raise ValueError(f"unknown format {fmt!r}")


def _one_line(value: str) -> str:
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[_clip(_one_line(text(v))) for v in row] for row in rows]
    widths = [len(c) for c in columns]
    for row in cells:
        widths = [max(w, len(v)) for w, v in zip(widths, row, strict=True)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    return "\n".join(lines) + "\n"


def _clip(value: str) -> str:
    return value if len(value) <= TABLE_CELL_WIDTH else value[: TABLE_CELL_WIDTH - 1] + "…"
