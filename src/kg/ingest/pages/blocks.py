"""A document tree as the units an extractor reads: blocks of text with their typography, and tables.

A block is the own text of one block element (a paragraph, a list item, a heading, a table cell, a
``div`` holding text): nested blocks are blocks of their own. Each keeps its line in the file, its
heading level, its list depth, the spans people use to mark fields (bold, italics, links with
their address, quotes, code) and whether it is struck through. Tables are read as grids of cells
with rowspans and colspans spread out, so that every row holds every column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kg.ingest.pages.document import Document, markdown_tree

SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "nav",
                          "button", "select", "form", "math", "object", "canvas"})
"""Elements whose text is no part of what a page states (code, navigation, forms, drawings)."""
_BLOCK = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "section",
                    "article", "blockquote", "pre", "header", "footer", "main", "aside", "figure",
                    "figcaption", "details", "summary", "ul", "ol", "dl", "center", "address",
                    "body", "html", "hr", "td", "th", "caption", "label"})
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em", "cite"})
_STRUCK = frozenset({"del", "s", "strike"})
HEADING_LEVELS = {f"h{i}": i for i in range(1, 7)}
"""The level of each HTML heading tag."""
_LATEX_ORDINAL = re.compile(r"\$\s*(\d{1,2})\s*\^\s*\{?\s*(st|nd|rd|th)\s*\}?\s*\$|"
                            r"(\d{1,2})\^(st|nd|rd|th)\^")
"""An ordinal written as LaTeX ("$10^{th}$") or as Pandoc's superscript ("14^th^")."""
_PIPE_TABLE = re.compile(r"^\s*\|.*\|\s*\n\s*\|?\s*:?-{3,}", re.MULTILINE)
YEAR_ALONE = re.compile(r"[\W_]*(?:19|20)\d{2}[\W_]*")
_TERM_YEAR = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?\b")
TERM_ALONE = re.compile(r"[\W_]*(?:(?:spring|summer|sommer|fall|autumn|winter)"
                        r"(?:\s*(?:term|semester|quarter))?|wise|sose|ws|ss)\s+"
                        r"(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?[\W_]*", re.IGNORECASE)
"""A term and its year standing alone on a line ("Summer 2018", "Wintersemester 2020/21", "WS 2019/20"):
the heading of the talks under it."""


def _bold_year_line(tag: str, text: str, spans: list[Span]) -> bool:
    """A short paragraph wholly in bold that names a year and no day or time ("Fall 2022 Schedule",
    "Talks 2019-20"): a heading written in bold, whose year the talks under it take."""
    if tag != "p" or len(spans) != 1 or spans[0].kind != "b" or spans[0].text != text:
        return False
    return len(text.split()) <= 6 and bool(_TERM_YEAR.search(text)) \
        and not re.search(r"\d", _TERM_YEAR.sub("", text))


_PERSON_VARIABLE = re.compile(
    r"\{\{-?\s*(?:site|page)\.[\w.]*\.(?P<key>(?:[A-Z][a-z'’-]+){2,4})\s*-?\}\}")
"""A site generator's variable whose key is a person's name run together
("{{ site.data.people.AdaLovelace }}")."""
_HARD_BREAK = "\u2028"
_ALIGNED = re.compile(r"(?<=[^\s|])[ \t]{3,}(?=[^\s|])")
_WRAPPED = re.compile(r"(?<=[,;(])[ \t]*\n|\n(?=[ \t]*[a-z])")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f\u200b\ue000-\uf8ff]+")


@dataclass
class Span:
    """A run of marked text inside a block: ``b`` bold, ``i`` italics, ``a`` link, ``code``."""

    kind: str
    text: str
    href: str | None = None


@dataclass
class Block:
    """One block element's own text, where it is and how it is marked."""

    text: str
    line: int
    tag: str
    level: int = 0
    depth: int = 0
    spans: list[Span] = field(default_factory=list)
    struck: bool = False
    section: str = ""
    """The text of the heading the block stands under."""
    index: int = 0
    context: tuple[str, ...] = ()
    """The headings the block stands under, outermost first (its own, for a heading, last)."""
    role: str | None = None
    """The field the page's markup says the block holds (``class="speaker"``, ``itemprop="startDate"``):
    ``speaker``, ``title``, ``date``, ``place``, ``affiliation`` or ``abstract``."""
    ruled: bool = False
    """A thematic break (``<hr>``, Markdown's ``***``) stands between the block and the one before."""

    @property
    def links(self) -> list[Span]:
        """The links of the block, in order."""
        return [s for s in self.spans if s.kind == "a" and s.href]


@dataclass
class Table:
    """A table as a grid: rows of cells (blocks), rowspans and colspans spread out."""

    rows: list[list[Block]]
    header: list[str] | None
    line: int
    section: str = ""
    context: tuple[str, ...] = ()
    before: str = ""
    """The short line just above the table, in its section ("October 22nd" over a day's schedule)."""


@dataclass
class Layout:
    """The blocks of a page in reading order, and its tables apart."""

    blocks: list[Block]
    tables: list[Table]


def _person_of_variable(match: re.Match[str]) -> str:
    """The name a site generator's variable stands for, from its key: ``DinoOglic`` → "Dino Oglic"."""
    return " ".join(re.findall(r"[A-Z][a-z'’-]+|[A-Z](?=[A-Z]|$)", match.group("key")))


def _soft_breaks(text: str) -> str:
    """A Markdown block's text with the breaks of reflowed lines (after a comma, before a word in
    lower case) read as spaces; the line breaks that stay may separate fields or entries, and the
    hard breaks (``<br>``) always do."""
    return _WRAPPED.sub(" ", text).replace(_HARD_BREAK, "\n")


def clean(text: str) -> str:
    """Spaces collapsed, lines trimmed, empty lines dropped; LaTeX and Pandoc ordinals ("$10^{th}$",
    "14^th^") as text."""
    text = _LATEX_ORDINAL.sub(lambda m: (m[1] or m[3]) + (m[2] or m[4]), text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class _Reader:
    """Walks a tree once, cutting it into blocks and tables."""

    def __init__(self, document: Document, lines: list[str] | None = None) -> None:
        self.document = document
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.section = ""
        self.headings: dict[int, str] = {}
        self.lines = lines if lines is not None else [_plain(line) for line in document.lines]
        self.last_line = document.front_matter_lines + 1
        self.ruled = False  # a thematic break since the last block

    # -- lines --------------------------------------------------------------------------

    def line_of(self, element: Any, text: str) -> int:
        """The file line of an element's text: exact for HTML, searched from Markdown's hint."""
        if self.document.is_html:
            return int(element.sourceline or self.last_line)
        hint = None
        node = element
        while node is not None and hint is None:
            hint = node.get("data-line") if isinstance(node.tag, str) else None
            node = node.getparent()
        start = int(hint) if hint else self.last_line
        found = self._search(text, start)
        line = found or start
        self.last_line = max(self.last_line, line) if hint is None else line
        return line

    def _search(self, text: str, start: int) -> int | None:
        words = _plain(text).split()[:5]
        if not words:
            return None
        probe = " ".join(words)[:40]
        for number in range(max(start, 1), min(len(self.lines), start + 400) + 1):
            if probe in self.lines[number - 1]:
                return number
        first = words[0]
        for number in range(max(start, 1), min(len(self.lines), start + 400) + 1):
            if first in self.lines[number - 1]:
                return number
        return None

    # -- walking ------------------------------------------------------------------------

    def walk(self, element: Any, depth: int = 0) -> None:
        """Blocks of ``element`` and of everything under it."""
        if self._markdown_in_code(element, depth):
            return
        parts: list[str] = []
        spans: list[Span] = []
        struck: list[int] = [0, 0]

        def flush() -> None:
            joined = "".join(parts)
            text = clean(joined.replace(_HARD_BREAK, "\n") if self.document.is_html else _soft_breaks(joined))
            if text:
                self._add(element, text, spans[:], struck[0] > 0 and struck[0] >= struck[1] * 0.6,
                          depth)
            parts.clear()
            spans.clear()
            struck[0] = struck[1] = 0

        def inline(node: Any, marks: tuple[str, ...]) -> None:
            for child in node:
                if not isinstance(child.tag, str):  # comments, processing instructions
                    if child.tail:
                        add(child.tail, marks)
                    continue
                tag = child.tag.lower()
                if tag == "button" and _heads_a_panel(child):
                    flush()
                    self.walk(child, depth)
                elif tag in SKIPPED_TAGS:
                    pass
                elif tag == "table":
                    flush()
                    self.table(child)
                elif tag in _BLOCK:
                    flush()
                    self.ruled = self.ruled or tag == "hr"
                    self.walk(child, depth + (1 if tag in ("ul", "ol", "dl") else 0))
                elif tag == "br":
                    parts.append(_HARD_BREAK)
                else:
                    if _classed_spans_apart(child):
                        parts.append(_HARD_BREAK)  # '<span class="authors">..</span><span class="venue">'

                    start = len("".join(parts))
                    mark = ("s" if tag in _STRUCK else "b" if tag in _BOLD else
                            "i" if tag in _ITALIC else "code" if tag == "code" else
                            "a" if tag == "a" else "u" if tag == "u" else "")
                    if child.text:
                        add(child.text, marks + ((mark,) if mark else ()))
                    inline(child, marks + ((mark,) if mark else ()))
                    text = "".join(parts)[start:]
                    if mark and mark != "s" and text.strip():
                        spans.append(Span(mark, clean(re.sub(r"[\n\u2028]", " ", text)),
                                          child.get("href") if mark == "a" else None))
                if child.tail:
                    add(child.tail, marks)

        def add(text: str, marks: tuple[str, ...]) -> None:
            if self.document.is_html and element.tag != "pre":
                text = text.replace("\n", " ")  # Markdown keeps its line breaks: entries span lines
            elif not self.document.is_html and set(marks) - {"s"}:
                text = text.replace("\n", " ")  # a line wrapped inside bold, italics or a link
            text = _PERSON_VARIABLE.sub(_person_of_variable, text)
            if not self.document.is_html and element.tag != "pre":
                text = _ALIGNED.sub(" | ", text)  # columns aligned with spaces (pandoc simple tables)
            parts.append(text)
            size = len(text.strip())
            struck[1] += size
            if "s" in marks:
                struck[0] += size

        if element.text:
            add(element.text, ())
        inline(element, ())
        flush()

    def _markdown_in_code(self, element: Any, depth: int) -> bool:
        """A code block of a Markdown page that holds a pipe table (a fence a site generator reads
        as raw HTML, left open): its text is read as Markdown. ``True`` when it was."""
        if self.document.is_html or not isinstance(element.tag, str) or element.tag.lower() != "pre":
            return False
        content = element.text_content()
        if not _PIPE_TABLE.search(content):
            return False
        hint = element.get("data-line") or (element[0].get("data-line") if len(element) else None)
        start = int(hint) if hint else self.line_of(element, content.strip().split("\n")[0])
        self.walk(markdown_tree("\n" * start + content), depth)
        return True

    def _add(self, element: Any, text: str, spans: list[Span], struck: bool, depth: int) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else "div"
        level = HEADING_LEVELS.get(tag, 0)
        if not level and tag != "td" and (YEAR_ALONE.fullmatch(text) or _bold_year_line(tag, text, spans)
                                             or tag in ("p", "div", "summary", "button")
                                             and TERM_ALONE.fullmatch(text)):
            level = 6  # a year standing alone ("<div class="year">2024</div>"), a term in bold or alone
            # ("**Spring 2024 Schedule**"), or an accordion's "Fall 2024" that opens its talks, heads
            # what follows
        if level:
            self.headings = {k: v for k, v in self.headings.items() if k < level}
            self.headings[level] = text
            self.section = text
        elif tag == "p" and len(spans) == 1 and spans[0].kind == "b" and spans[0].text == text \
                and len(text.split()) <= 3 and not re.search(r"[\d:]", text):
            self.section = text  # "**Posters**" alone on a line: a heading in bold
        block = Block(text, self.line_of(element, text), tag, level, depth, spans, struck,
                      self.section, len(self.blocks), self.context(), role_of(element), self.ruled)
        self.ruled = False
        self.blocks.append(block)

    def context(self) -> tuple[str, ...]:
        """The headings in force, outermost first."""
        return tuple(self.headings[k] for k in sorted(self.headings))

    def table(self, element: Any) -> None:
        """A table's grid, with spans spread; its first row is a header when made of ``th`` or
        when no other row is. A table that lays out a page (a cell holding whole sections) is read
        as the blocks it holds. A table standing straight in another's body, outside any cell (an
        unclosed ``<table>`` before the next one), is read first, as a browser shows it."""
        for stray in _stray_tables(element):
            self.table(stray)
        if _is_layout_table(element):
            for cell in element.iter("td", "th"):
                if _own_table(cell.getparent(), element):
                    self.walk(cell)
            return
        grid: list[list[Block]] = []
        carried: dict[int, tuple[Block, int]] = {}
        header: list[str] | None = None
        rows = [r for r in element.iter("tr") if _own_table(r, element)]
        for n, row in enumerate(rows):
            cells: list[Block] = []
            column = 0
            raw_cells = [c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            queue = list(raw_cells)
            while queue or column in carried:
                if column in carried:
                    block, left = carried[column]
                    cells.append(block)
                    if left > 1:
                        carried[column] = (block, left - 1)
                    else:
                        del carried[column]
                    column += 1
                    continue
                cell = queue.pop(0)
                block = self._cell(cell)
                span = _int(cell.get("colspan"), 1)
                down = _int(cell.get("rowspan"), 1)
                for _ in range(min(span, 20)):
                    cells.append(block)
                    if down > 1:
                        carried[column] = (block, min(down, 60) - 1)
                    column += 1
            if n == 0 and raw_cells and all(c.tag.lower() == "th" for c in raw_cells):
                header = [c.text for c in cells]
                continue
            if cells:
                grid.append(cells)
        line = self.line_of(element, grid[0][0].text if grid and grid[0] else "")
        last = self.blocks[-1] if self.blocks else None
        before = last.text if last is not None and not last.level and last.section == self.section \
            and len(last.text) <= 60 else ""
        self.tables.append(Table(grid, header, line, self.section, self.context(), before))

    def _cell(self, cell: Any) -> Block:
        """A table cell as one block (nested blocks joined by line breaks)."""
        inner = _Reader(self.document, self.lines)
        inner.last_line = self.last_line
        inner.section = self.section
        inner.headings = dict(self.headings)
        inner.walk(cell)
        text = "\n".join(b.text for b in inner.blocks)
        spans = [s for b in inner.blocks for s in b.spans]
        struck = bool(inner.blocks) and all(b.struck for b in inner.blocks)
        line = inner.blocks[0].line if inner.blocks else self.line_of(cell, "")
        self.tables.extend(inner.tables)  # a table inside a cell is a table of its own
        return Block(clean(text), line, "td", spans=spans, struck=struck, section=self.section,
                     context=self.context())


_ROLES = [
    ("speaker", re.compile(r"speaker|presenter|lecturer|performer|(?<![a-z])author(?!s)", re.I)),
    ("affiliation", re.compile(r"affiliation|institution|organi[sz]ation|university", re.I)),
    ("title", re.compile(r"(?:talk|event|seminar|paper)[-_]?(?:title|name)|^title$|^summary$", re.I)),
    ("date", re.compile(r"(?<![a-z])(?:date|datetime|when|startdate|event-time|talk-time)(?![a-z])", re.I)),
    ("place", re.compile(r"(?<![a-z])(?:location|venue|room)(?![a-z])", re.I)),
    ("abstract", re.compile(r"abstract|description", re.I)),
]


def _classed_spans_apart(element: Any) -> bool:
    """Whether an element is a classed span right after another (``<span class="authors">`` then
    ``<span class="venue">``, nothing between): two fields the style sheet sets apart."""
    before = element.getprevious()
    return element.tag.lower() == "span" and bool(element.get("class")) and before is not None \
        and isinstance(before.tag, str) and before.tag.lower() == "span" and bool(before.get("class")) \
        and not (before.tail or "").strip()


def _heads_a_panel(button: Any) -> bool:
    """Whether a button is the heading of a panel that opens (an accordion's "Jun 03, 2026 - Ada
    Lovelace - Cambridge", or its year or term over its panel: "Spring 2025"): a line of words, or a
    year before what it opens, not a control ("Toggle menu", "Search") nor one of a row of filter
    chips ("2017", "2018", ...)."""
    text = " ".join(button.itertext()).strip()
    if YEAR_ALONE.fullmatch(text) or TERM_ALONE.fullmatch(text):
        panel = next((e for e in button.itersiblings() if isinstance(e.tag, str)), None)
        return panel is not None and panel.tag.lower() not in ("button", "input", "a", "span") \
            and button.getparent() is not None and button.getparent().tag.lower() != "form"
    return len(text) >= 25 and len(text.split()) >= 4 and button.getparent() is not None \
        and button.getparent().tag.lower() != "form"


def role_of(element: Any) -> str | None:
    """The field an element's class, id or microdata ``itemprop`` names, if any."""
    names = " ".join(filter(None, (element.get("itemprop"), element.get("class"), element.get("id"))))
    if not names:
        return None
    for token in names.split():
        for role, pattern in _ROLES:
            if pattern.search(token):
                return role
    return None


def _is_layout_table(table: Any) -> bool:
    """Whether a table lays out a page rather than listing rows: few rows, a cell holding headings,
    lists or tables of its own, or much text."""
    rows = [r for r in table.iter("tr") if _own_table(r, table)]
    if len(rows) > 6:
        return False
    for row in rows:
        for cell in row:
            if not isinstance(cell.tag, str):
                continue
            nested = sum(1 for e in cell.iter() if isinstance(e.tag, str) and e.tag.lower() in
                         ("h1", "h2", "h3", "h4", "table", "ul", "ol", "p"))
            if nested >= 4 or len(cell.text_content()) > 1500:
                return True
    return False


def _stray_tables(table: Any) -> list[Any]:
    """The tables nested in ``table`` outside any of its rows (``<table><tbody><table>...``): what
    a page that leaves a table open holds, which a browser moves out and shows before it."""
    found: list[Any] = []
    for child in table.iterdescendants("table"):
        node = child.getparent()
        while node is not None and node is not table and node.tag.lower() not in ("tr", "td", "th", "table"):
            node = node.getparent()
        if node is table:
            found.append(child)
    return found


def _own_table(row: Any, table: Any) -> bool:
    """Whether a row belongs to ``table`` itself, not to a table nested in one of its cells."""
    node = row.getparent()
    while node is not None and node is not table:
        if isinstance(node.tag, str) and node.tag.lower() == "table":
            return False
        node = node.getparent()
    return True


def _int(value: str | None, default: int) -> int:
    try:
        return max(1, int(str(value).strip()))
    except (TypeError, ValueError):
        return default


_MARKUP = re.compile(r"<[^>]*>|[*_`#>|\[\]]|\]\([^)]*\)")


def _plain(text: str) -> str:
    """A source line as comparable text: tags and Markdown marks out, spaces collapsed."""
    text = re.sub(r"\]\([^)]*\)", " ", text)
    text = _MARKUP.sub(" ", text)
    text = re.sub(r"&(?:amp|nbsp|quot|#\d+);", " ", text)
    return _SPACES.sub(" ", text).strip().casefold()


def layout(document: Document) -> Layout:
    """The blocks and tables of a document, in reading order."""
    reader = _Reader(document)
    reader.walk(document.root)
    for n, block in enumerate(reader.blocks):
        block.index = n
    return Layout(reader.blocks, reader.tables)


def plain_lines(document: Document) -> list[str]:
    """The lines of a document's file as comparable text (for ``element_blocks``)."""
    return [_plain(line) for line in document.lines]


def element_blocks(document: Document, element: Any, lines: list[str] | None = None) -> list[Block]:
    """The blocks of one element of a document and of everything under it (tables left out);
    ``lines`` are the document's ``plain_lines``, computed once by a caller that reads many elements."""
    reader = _Reader(document, lines)
    hint = element.get("data-line") if isinstance(element.tag, str) else None
    reader.last_line = int(hint) if hint else (int(element.sourceline or 1) if document.is_html else 1)
    reader.walk(element)
    return reader.blocks


__all__ = ["Block", "Layout", "Span", "Table", "clean", "element_blocks", "layout", "plain_lines"]
