"""Tables of results → text in the formats the command line offers (table, csv, tsv, json)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
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


def render_stream(columns: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str) -> Iterator[str]:
    """``render`` piece by piece as the rows come, for csv, tsv and json (the same text in the
    end); a table needs every row for its widths and comes whole."""
    if fmt == "table":
        yield render(columns, list(rows), fmt)
        return
    if fmt == "json":
        first = True
        for row in rows:
            item = json.dumps(dict(zip(columns, (plain(v) for v in row), strict=True)),
                              ensure_ascii=False, indent=2)
            yield ("[\n" if first else ",\n") + "\n".join("  " + line for line in item.splitlines())
            first = False
        yield "[]\n" if first else "\n]\n"
        return
    if fmt not in ("csv", "tsv"):
        raise ValueError(f"unknown format {fmt!r}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    writer.writerow(columns)
    for number, row in enumerate(rows, start=1):
        writer.writerow([_one_line(text(v)) if fmt == "tsv" else text(v) for v in row])
        if number % 1000 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


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
