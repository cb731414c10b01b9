"""Any page as one document tree: Markdown (with its HTML blocks and front matter) and HTML alike.

Bytes become text with UTF-8 first and charset-normalizer's guess second (a bad byte costs one
character, never the page); front matter (YAML between ``---`` lines, TOML between ``+++``) is
read apart; Markdown is rendered by markdown-it-py (tables, strikethrough and raw HTML on) and
the HTML by lxml, so that a schedule written as a Markdown table, an HTML table inside Markdown
or a rendered page reach the extractor as the same elements. Each element keeps the line of the
file it came from (``data-line`` for Markdown blocks, the parser's line for HTML).
"""

from __future__ import annotations

import html
import io
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import lxml.html
import yaml
from lxml import etree
from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin

from kg.errors import DataError
from kg.ingest.pages.jemdoc import jemdoc_html

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
RST_SUFFIXES = (".rst", ".rest")
_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LINE_TOKENS = frozenset({"fence", "code_block", "paragraph_open", "heading_open", "dl_open", "dt_open",
                          "list_item_open", "tr_open", "table_open",
                          "blockquote_open", "bullet_list_open", "ordered_list_open"})


@dataclass
class Document:
    """A page read once: its source lines, front matter, element tree and structured data."""

    path: Path
    source: str
    root: Any
    """The lxml root element of the page's body."""
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_lines: int = 0
    """How many lines the front matter takes at the top of the file (0 without one)."""
    json_ld: list[dict[str, Any]] = field(default_factory=list)
    is_html: bool = False
    decoded_with: str = "utf-8"

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines (numbered from 1 in every fact); split once, read by many extractors."""
        return self.source.splitlines()


def markdown_source(text: str) -> str:
    """Markdown as a site generator would hand it to the parser: Markdown inside HTML blocks read,
    HTML tables kept whole, kramdown attribute lists dropped, template links written out, Pandoc's
    simple tables written as pipe tables."""
    return simple_tables_as_pipes(template_links(without_attribute_lists(html_tables_whole(
        markdown_in_html(raw_html_fences(text))))))


def read_document(path: Path) -> Document:
    """Read ``path`` as a page; a ``DataError`` naming the file when it holds no text at all."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from None
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        offset = raw.index(b"\x00")
        raise DataError(f"{path}: a binary file, not a page (NUL byte at offset {offset})")
    text, encoding = decode(raw)
    if not text.strip():
        raise DataError(f"{path}: the page holds no text")
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text)
    front, front_lines, body = split_front_matter(text) if not is_html else ({}, 0, text)
    if not is_html and path.suffix.lower() in RST_SUFFIXES:
        is_html, body = True, restructured_html(body)
    elif not is_html and path.suffix.lower() == ".jemdoc":
        is_html, body = True, jemdoc_html(body)
    markdown = markdown_source(body) if not is_html else ""
    root = html_tree(body) if is_html else markdown_tree(markdown, front_lines)
    return Document(path, text, root, front, front_lines, json_ld(root), is_html, encoding)


def restructured_html(text: str) -> str:
    """A reStructuredText page (Sphinx and docutils sites) as HTML, by docutils: its list-tables,
    sections and links; no file is read, no raw HTML passed, and no error stops it (an unknown
    Sphinx role is printed as it stands)."""
    from docutils.core import publish_parts  # only for .rst pages

    settings = {"report_level": 5, "halt_level": 5, "file_insertion_enabled": False, "raw_enabled": False,
                "warning_stream": io.StringIO(), "input_encoding": "unicode", "output_encoding": "unicode",
                "embed_stylesheet": False, "_disable_config": True}
    try:
        parts = publish_parts(text, writer="html5", settings_overrides=settings)
    except Exception:  # noqa: BLE001  # docutils raises on what it cannot parse: the page is then plain text
        return "<html><body><pre>" + html.escape(text) + "</pre></body></html>"
    return f"<html><body>{parts['html_title']}{parts['body']}</body></html>"


def decode(raw: bytes) -> tuple[str, str]:
    """Text of a file and the encoding used: UTF-8 when it is, else the best guess of
    charset-normalizer, else UTF-8 with each bad byte replaced."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare page that is not UTF-8

    best = from_bytes(raw).best()
    if best is not None and best.encoding not in ("utf_8", "utf-8"):
        return str(best), best.encoding
    return raw.decode("utf-8", errors="replace"), "utf-8 (bad bytes replaced)"


def looks_like_html(text: str) -> bool:
    """Whether text starts like an HTML document."""
    head = text.lstrip("\ufeff \r\n\t")[:300].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and "<body" in text[:5000].lower())


def split_front_matter(text: str) -> tuple[dict[str, Any], int, str]:
    """Front matter as a mapping, the lines it takes, and the body with those lines blanked."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, 0, text
    lines = match.group(0).count("\n")
    data = _front_matter_data(match.group(2), toml=match.group(1) == "+++")
    return data, lines, "\n" * lines + text[match.end():]


class ClockLoader(yaml.SafeLoader):
    """YAML's safe loader reading a clock time ("14:00", "9:30:00") as the text it is: YAML 1.1
    reads it as a number in base 60 (840), which no page means."""


ClockLoader.yaml_implicit_resolvers = {first: list(found) for first, found
                                       in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for _digit in "0123456789":
    ClockLoader.yaml_implicit_resolvers.setdefault(_digit, []).insert(
        0, ("tag:yaml.org,2002:str", re.compile(r"^\d{1,2}:[0-5]\d(?::[0-5]\d)?$")))


def _front_matter_data(text: str, toml: bool) -> dict[str, Any]:
    """The fields of front matter; a block YAML refuses only for the tabs or spaces ending its lines
    (which Jekyll's reader lets pass) is read without them; any other invalid block is read line by
    line as ``key: value``."""
    attempts = [text] if toml else [text, re.sub(r"[ \t]+$", "", text, flags=re.MULTILINE)]
    for attempt in attempts:
        try:
            data = tomllib.loads(attempt) if toml else yaml.load(attempt, Loader=ClockLoader)
            if isinstance(data, dict):
                return data
        except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError):
            continue
        break
    found: dict[str, Any] = {}
    for line in text.splitlines():
        pair = re.match(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$", line)
        if pair:
            found[pair.group(1)] = pair.group(2).strip().strip("'\"")
    return found


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(deflist_plugin)


_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_TEMPLATE_LINK = re.compile(r"\]\(([^()\n]*?(?:\{\{|\{%)[^\n]*?(?:\}\}|%\})[^()\s]*)\)")


_TEMPLATE_REFERENCE = re.compile(r"^(?P<label> {0,3}\[[^\]\n]+\]:[ \t]*)"
                                 r"(?P<target>(?:\{\{.*?\}\}|\{%.*?%\}|[^\s{])*(?:\{\{|\{%).*?(?:\}\}|%\})\S*)",
                                 re.MULTILINE)
"""A link reference definition whose target holds a tag (``[talk]: {{ site.url }}/talk.pdf``)."""


def template_links(text: str) -> str:
    """Markdown whose link targets hold site-generator tags (``[Slides]({{ site.url }}/s.pdf)``,
    ``[Title]({{< relref "post.md" >}})``, a reference's ``[slides]: {{ site.url }}/s.pdf``) with the
    tags taken out, so that the links stay links."""
    def untagged(target: str) -> str:
        return _TEMPLATE.sub(lambda t: next(iter(re.findall(r"\"([^\"]*)\"", t.group(0))), ""),
                             target).replace(" ", "")

    text = _TEMPLATE_REFERENCE.sub(lambda m: m["label"] + untagged(m["target"]), text)
    return _TEMPLATE_LINK.sub(lambda m: "](" + untagged(m.group(1)) + ")", text)


_HTML_TABLE = re.compile(r"<!--.*?-->|<table\b.*?</table\s*>|<([ou]l)\b[^>]*>(?:(?!<\1\b).)*?</\1\s*>",
                         re.IGNORECASE | re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")


def html_tables_whole(text: str) -> str:
    """Markdown whose HTML tables and lists (``<ul>``, ``<ol>``) hold no blank line (a site
    generator's loop, or a hand-indented list, leaves them between rows or items): CommonMark ends
    an HTML block at a blank line and reads the indented rows after it as code, where kramdown
    reads the table to its end. Each blank line becomes an empty comment, so the lines keep their
    numbers."""
    def whole(found: re.Match[str]) -> str:
        table = found.group(0)
        return table if table.startswith("<!--") else _BLANK_LINE.sub("\n<!-- -->", table)

    return _HTML_TABLE.sub(whole, text)  # a table commented out stays as it is


_MARKDOWN_BLOCK_TAG = re.compile(r"^[ \t]*<(?P<tag>div|section|article|td|li)\b[^<>]*\smarkdown="
                                 r"[\"']?(?:1|block)[\"']?[^<>]*>[ \t]*$", re.IGNORECASE)


_RAW_HTML_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})\s*\{=html5?\}\s*$", re.IGNORECASE)


def raw_html_fences(text: str) -> str:
    """Markdown whose Pandoc raw blocks (```` ```{=html} ````, as Quarto's and R Markdown's kept
    Markdown writes its HTML) are the HTML they hold, as the site shows it, not code: the fence lines
    become blank (the lines keep their numbers) and the HTML stands apart from the text around it."""
    lines = text.split("\n")
    n = 0
    unclosed: set[str] = set()  # fences already looked for to the end in vain: each is looked for once
    while n < len(lines):
        opening = _RAW_HTML_FENCE.match(lines[n])
        closing = None
        if opening is not None:
            fence = opening["fence"]
            closer = re.compile(r" {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*")
            if fence not in unclosed:
                closing = next((m for m in range(n + 1, len(lines)) if closer.fullmatch(lines[m])), None)
            if closing is None:
                unclosed.add(fence)
        if opening is None or closing is None:
            n += 1
            continue
        lines[n] = lines[closing] = ""
        n = closing + 1
    return "\n".join(lines)


def markdown_in_html(text: str) -> str:
    """Markdown whose HTML blocks marked ``markdown="1"`` (kramdown reads Markdown inside them) hold
    Markdown that CommonMark would leave raw: the lines of their opening and closing tags, when the
    tags stand alone, become blank, so that what they hold is read as Markdown (the lines keep their
    numbers)."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        opening = _MARKDOWN_BLOCK_TAG.match(line)
        if opening is None:
            continue
        closing = f"</{opening['tag'].lower()}>"
        end = next((m for m in range(n + 1, min(len(lines), n + 200)) if lines[m].strip().lower() == closing
                    or _MARKDOWN_BLOCK_TAG.match(lines[m])), None)
        if end is not None and lines[end].strip().lower() == closing:
            lines[n], lines[end] = "", ""
    return "\n".join(lines)


_COLUMN_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(?:`{3,}|~{3,})")


def simple_tables_as_pipes(text: str) -> str:
    """Markdown whose Pandoc simple tables (a header line over a line of dash groups, one per column,
    then one line per row up to a blank line: what Quarto and R Markdown keep) are pipe tables that
    CommonMark's table rule reads. Each cell is cut where its column's dashes start; the text keeps
    its lines, so every row still says its own line."""
    lines = text.split("\n")
    fenced = False
    for at, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced  # a code block's text is printed as it is, tables and all
        if fenced or at == 0 or not _COLUMN_RULE.match(line) or not lines[at - 1].strip():
            continue
        starts = [m.start() for m in re.finditer(r"-+", line)]
        end = at + 1
        while end < len(lines) and lines[end].strip() and not _COLUMN_RULE.match(lines[end]) \
                and not _FENCE.match(lines[end]):
            end += 1
        if end == at + 1:
            continue  # a header and no row: not a table
        for row in [at - 1, *range(at + 1, end)]:
            cells = [lines[row][a:b].strip().replace("|", "\\|")
                     for a, b in zip(starts, [*starts[1:], None], strict=True)]
            lines[row] = "| " + " | ".join(cells) + " |"
        lines[at] = "|" + "---|" * len(starts)
    return "\n".join(lines)


_ATTRIBUTE_LIST = re.compile(r"\{:[^{}\n]*\}")


def without_attribute_lists(text: str) -> str:
    """Markdown without kramdown's attribute lists (``[Talk](url){:target="_blank"}``, a ``{: .note}``
    line), which Jekyll reads as attributes and CommonMark would leave in the text."""
    return _ATTRIBUTE_LIST.sub("", text)


def markdown_tree(text: str, first_line: int = 0) -> Any:
    """The element tree of a Markdown page; each Markdown block says its line in ``data-line``."""
    parser = _markdown()
    tokens = parser.parse(text)
    for token in tokens:
        if token.type in _LINE_TOKENS and token.map:
            token.attrSet("data-line", str(token.map[0] + 1))
    rendered = parser.renderer.render(tokens, parser.options, {})
    return html_tree(rendered, fragment=True)


def html_tree(text: str, fragment: bool = False) -> Any:
    """The body element of an HTML page (or of a rendered Markdown page)."""
    text = re.sub(r"^<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
    if not text.strip():
        return lxml.html.fromstring("<div></div>")
    try:
        if fragment:
            return lxml.html.fromstring(f"<div>{text}</div>")
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return lxml.html.fromstring("<div></div>")
    body = document.find("body")
    if body is None:
        return document
    for stray in list(body.itersiblings()):  # a page that closes its body early ("<body ...></body>")
        body.append(stray)
    return body


def json_ld(root: Any) -> list[dict[str, Any]]:
    """The schema.org JSON-LD objects a page embeds (``@graph`` lists flattened)."""
    found: list[dict[str, Any]] = []
    for script in root.getroottree().iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict):
                found.extend(i for i in item.get("@graph", [item]) if isinstance(i, dict))
    return found
