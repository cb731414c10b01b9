"""A page as numbered lines of plain text, from Markdown/plain text or HTML.

Markdown decoration (``#`` headings, ``>`` quotes, ``**bold**``, list bullets) is removed but a
heading keeps its level; HTML block elements become lines, scripts, styles and comments are
dropped. Each line keeps its line number in the file, so every fact can say where it came from.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import DataError
from kg.ingest.encoding import not_utf8

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "br", "tr", "table", "section", "article", "header", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "dl", "blockquote", "hr", "main", "nav",
    "pre", "title", "aside", "figure", "figcaption", "details", "summary",
})
_SKIP_TAGS = frozenset({"script", "style", "iframe", "noscript", "template", "svg", "head"})
_HEADINGS = {f"h{i}": i for i in range(1, 7)}


@dataclass(frozen=True)
class Line:
    """One line of a page: its number in the file, its text, its heading level (0 for text)."""

    number: int
    text: str
    level: int = 0


@dataclass(frozen=True)
class Page:
    """A page read from a file: where it came from, whether it was HTML, and its lines."""

    path: Path
    lines: tuple[Line, ...]
    is_html: bool

    @property
    def text(self) -> str:
        """All lines joined with newlines (for searching)."""
        return "\n".join(line.text for line in self.lines)


def read_page(path: Path) -> Page:
    """Read ``path`` as a page; a ``DataError`` naming the file when it cannot be read as text."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from None
    text = decode(path, raw)
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text)
    lines = html_lines(text) if is_html else markdown_lines(text)
    if not any(line.text for line in lines):
        raise DataError(f"{path}: the page holds no text")
    return Page(path, tuple(lines), is_html)


def decode(path: Path, raw: bytes) -> str:
    """The text of a file in UTF-8 (a byte-order mark allowed); a clear error for anything else."""
    if b"\x00" in raw[:4096]:
        offset = raw.index(b"\x00")
        raise DataError(f"{path}: a binary file, not a page (NUL byte at offset {offset})")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(path, raw, exc) from None


def looks_like_html(text: str) -> bool:
    """Whether text starts like an HTML document."""
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def clean_text(text: str) -> str:
    """Collapse spaces (non-breaking ones included) and trim."""
    return re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", text).strip()


# --- Markdown / plain text -------------------------------------------------------------

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(_BLOCK_TAGS)) + r")\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_SKIPPED_ELEMENT = re.compile(r"<(iframe|script|style)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def markdown_lines(text: str) -> list[Line]:
    """Lines of a Markdown or plain-text page, decoration removed, numbers kept."""
    text = _blank_out(_COMMENT, text)
    text = _blank_out(_SKIPPED_ELEMENT, text)
    text = _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines: list[Line] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        pieces = [_markdown_line(number, piece) for piece in _BLOCK_TAG.split(raw)]
        kept = [line for line in pieces if line.text]
        lines.extend(kept or [Line(number, "")])
    return lines


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _blank_out(pattern: re.Pattern[str], text: str) -> str:
    """Remove matches but keep their newlines, so line numbers stay true."""
    return pattern.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _markdown_line(number: int, raw: str) -> Line:
    text = _ANY_TAG.sub("", raw)
    text = html.unescape(text)
    text = re.sub(r"^\s*(?:>\s?)+", "", text)
    level = 0
    heading = re.match(r"^\s*(#{1,6})\s+", text)
    if heading:
        level = len(heading.group(1))
        text = text[heading.end():]
    text = re.sub(r"^\s*(?:[*+•]|-(?=\s+\S))\s+", "", text)
    text = _LINK.sub(r"\1 \2", text)
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"\[\^\d+\]:?", "", text)
    return Line(number, clean_text(text.rstrip("#")), level)


# --- HTML ------------------------------------------------------------------------------

class _LineCollector(HTMLParser):
    """Collects text into lines, one per block element, with the source line of each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self._parts: list[str] = []
        self._start = 1
        self._level = 0
        self._skip = 0
        self._cell = False
        self._pending_href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self._flush()
            self._level = _HEADINGS.get(tag, 0)
        elif tag in ("td", "th"):
            self._parts.append(" | " if self._cell else "")
            self._cell = True
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://")):
                self._pending_href = href

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag == "a" and self._pending_href:
            text = "".join(self._parts)
            if self._pending_href not in text:
                self._parts.append(f" {self._pending_href}")
            self._pending_href = ""

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not "".join(self._parts).strip():
            self._start = self.getpos()[0]
        self._parts.append(data.replace("\n", " "))

    def _flush(self) -> None:
        text = clean_text("".join(self._parts))
        if text:
            self.lines.append(Line(self._start, text, self._level))
        self._parts = []
        self._level = 0
        self._cell = False

    def close(self) -> None:
        super().close()
        self._flush()


def html_lines(text: str) -> list[Line]:
    """Lines of an HTML page: one per block element, headings with their level."""
    collector = _LineCollector()
    collector.feed(text)
    collector.close()
    return collector.lines
