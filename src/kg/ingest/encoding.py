"""Text that is not UTF-8: one error naming the file, the line and the byte, and how to convert it.

The conversion named is the one that keeps the text: a file that reads as Windows-1252 (what
Word and Outlook save, with curly quotes and dashes in bytes 0x80-0x9f) is converted from
``windows-1252``; converting it from ``latin1`` would turn its quotes into invisible control
characters. UTF-16 (a byte-order mark) and Latin-1 are named when they fit better.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from kg.errors import DataError


def not_utf8(path: Path, raw: bytes, exc: UnicodeDecodeError) -> DataError:
    """The error for ``raw``, the bytes of ``path``, which failed to decode as UTF-8 at ``exc.start``."""
    line = raw.count(b"\n", 0, exc.start) + 1
    encoding = likely_encoding(raw)
    converted = path.with_name(f"{path.stem}.utf8{path.suffix}")
    command = f"iconv -f {encoding} -t utf-8 {shlex.quote(str(path))} > {shlex.quote(str(converted))}"
    return DataError(f"{path}: line {line}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
                     f"{exc.start}); it reads as {encoding}: convert it with {command}")


def likely_encoding(raw: bytes) -> str:
    """The encoding (as ``iconv`` names it) that most likely wrote ``raw``, given it is not UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes Windows-1252 leaves undefined
        return "latin1"
    return "windows-1252"
