"""jemdoc pages (the light markup many researchers' home pages are written in) as HTML.

jemdoc's source is read as its generator reads it: ``= Heading`` (one to three ``=``), list items
``-``, ``--`` and ``.`` (numbered), ``# comments``, paragraphs of lines, ``~~~`` blocks (``{}{raw}``
ones are HTML), and inline ``[URL text]`` links, ``*bold*``, ``/italics/``, ``+monospace+``,
``{{raw HTML}}``, ``\\n`` line breaks and backslash escapes. Each source line gives one line of
HTML, so the lines of what is read keep their numbers.

Why our own reader: the one jemdoc package on PyPI (``jemdoc`` 0.8.0) is its generator script, for
Python 2.7 only, and writes whole pages through its templates, with no line kept; what kg needs is
the markup's structure with the source's line numbers, for the provenance of every row.
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r"^(=+)\s*(.*)$")
_ITEM = re.compile(r"^\s*(-{1,3}|\.{1,3})\s+(.*)$")
_LINK = re.compile(r"\[(\S+?)(?:\s+([^\[\]]*?))?\]", re.DOTALL)
_RAW = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)


def jemdoc_html(text: str) -> str:
    """The HTML a jemdoc source stands for, one line of HTML for each line of the source."""
    lines = text.split("\n")
    out: list[str] = []
    depth: list[str] = []  # the open lists, outermost first: "ul" or "ol"
    block: list[str] = []
    block_kind = prefix = ""
    fenced: str | None = None

    def flush() -> None:
        nonlocal block, block_kind, prefix
        if not block:
            return
        body = inline("\n".join(block)).split("\n")
        body[-1] += "</p>" if block_kind == "p" else ""
        body[0] = prefix + ("<p>" if block_kind == "p" else "") + body[0]  # the lists it closes first
        out.extend(body)
        block, block_kind, prefix = [], "", ""

    def close_lists(level: int) -> str:
        closing = ""
        while len(depth) > level:
            closing += f"</li></{depth.pop()}>"
        return closing

    for line in lines:
        if fenced == "start":  # the line after ~~~: "{}{raw}" passes HTML through, "{Title}" is a caption
            fenced = "raw" if re.match(r"\{[^}]*\}\{raw\}", line.strip()) else "pre"
            caption = re.match(r"\{[^}]*\}(?:\{[^}]*\})?\s*$", line.strip())
            out.append("" if fenced == "raw" else "<pre>" + ("" if caption else html.escape(line)))
            continue
        if fenced is not None:
            if line.strip().startswith("~~~"):
                out.append("" if fenced == "raw" else "</pre>")
                fenced = None
            else:
                out.append(line if fenced == "raw" else html.escape(line))
            continue
        if line.strip().startswith("~~~"):
            flush()
            fenced = "start"
            out.append(close_lists(0))
            continue
        stripped = line.strip()
        if line.startswith("#") or not stripped:
            flush()
            out.append("")
            continue
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 6)
            out.append(f"{close_lists(0)}<h{level}>{inline(heading.group(2))}</h{level}>")
            continue
        if item:
            flush()
            marker = item.group(1)
            level, tag = len(marker), "ol" if marker[0] == "." else "ul"
            opening = close_lists(level)
            if len(depth) == level:
                opening += "</li><li>"
            while len(depth) < level:
                opening += f"<{tag}><li>"
                depth.append(tag)
            block, block_kind, prefix = [item.group(2)], "li", opening
            continue
        if block:
            block.append(line)
            continue
        block, block_kind, prefix = [line], "p", close_lists(0)
    flush()
    out[-1] += close_lists(0)
    return "<html><body>" + "\n".join(out) + "</body></html>"


def inline(text: str) -> str:
    """jemdoc's inline markup of one block as HTML."""
    raws: list[str] = []

    def keep(found: re.Match[str]) -> str:
        raws.append(found.group(1))
        return f"\x00{len(raws) - 1}\x00"

    text = _RAW.sub(keep, text)
    text = re.sub(r"\\([\\*/+\[\]{}~#-])", lambda m: f"\x01{ord(m.group(1))}\x01", text)
    text = html.escape(text, quote=False)
    links: list[str] = []

    def link(found: re.Match[str]) -> str:
        target = found.group(1)
        label = " ".join((found.group(2) or target).split()) or target
        newlines = "\n" * found.group(0).count("\n")  # the lines the link spans stay lines
        links.append(f'<a href="{html.escape(target)}">{label}</a>')
        return f"\x02{len(links) - 1}\x02{newlines}"

    text = _LINK.sub(link, text)
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])", r"<b>\1</b>", text)
    text = re.sub(r"(?<![\w/:<])/(?=\S)([^/\n]*?[^\s<])/(?![\w/])", r"<i>\1</i>", text)
    text = re.sub(r"(?<![\w+])\+(?=\S)([^+\n]*?\S)\+(?![\w+])", r"<code>\1</code>", text)
    text = text.replace("\\n", "<br>")
    text = re.sub(r"\x02(\d+)\x02", lambda m: _inline_label(links[int(m.group(1))]), text)
    text = re.sub(r"\x01(\d+)\x01", lambda m: html.escape(chr(int(m.group(1)))), text)
    return re.sub(r"\x00(\d+)\x00", lambda m: raws[int(m.group(1))], text)


def _inline_label(anchor: str) -> str:
    """A link whose text holds jemdoc's bold or italics marks."""
    head, _, rest = anchor.partition(">")
    label, _, tail = rest.rpartition("</a")
    label = re.sub(r"(?<![\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])", r"<b>\1</b>", label)
    return f"{head}>{label}</a{tail}"
