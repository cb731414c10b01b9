"""Whose page a personal page is, when the page itself does not print the name in its entries.

Personal sites list "my talks" without the speaker's name. The owner is read, first found wins,
from the page (front matter ``author``, an HTML ``<meta name="author">``, an HTML ``<title>`` that
is a person's name, a description or title that says whose talks or papers these are: "Selected
talks by Ada Lovelace"), then from the site the page belongs to: the Jekyll ``_config.yml`` of the
folder the page is in or of one of its three parents (``author: name``, ``name``,
``first_name`` + ``last_name``, a ``title`` that is a name), or the Hugo Academic author page
marked ``superuser`` (``content/authors/NAME/_index.md``), then from a footer that gives the
copyright to a person ("© 2026 Ada Lovelace"), and last from an e-mail address ``first.last@...``
the page's text confirms ("I'm First"). Only files near the page are read;
nothing is fetched.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from kg.ingest.pages.document import Document, split_front_matter
from kg.ingest.pages.fields import is_name, is_organization, strip_honorifics

SITE_CONFIGS = ("_config.yml", "_config.yaml", "_quarto.yml", "_quarto.yaml")
"""Jekyll's and Quarto's site configurations (Quarto keeps the site's fields under ``website``)."""


def page_owner(document: Document) -> str | None:
    """The person a personal page is about, when the page or its site names one."""
    front = document.front_matter or {}
    tree = document.root.getroottree()
    meta = next((m.get("content") for m in tree.iter("meta")
                 if (m.get("name") or "").lower() == "author"), None)
    title = tree.findtext(".//title")
    heading = next((h.text_content() for h in document.root.iter("h1", "h2")), None)  # "# Ada Lovelace"
    for candidate in (_author_name(front.get("author")), meta, title, heading):
        name = _a_name(candidate)
        if name:
            return name
    described = [front.get(key) for key in ("description", "title", "subtitle", "heading")]
    described += [m.get("content") for m in tree.iter("meta")
                  if (m.get("name") or "").lower() == "description"]
    for text in (*described, title, heading):
        name = owner_by(text)
        if name:
            return name
    return site_owner(document.path) or copyright_owner(document.root.text_content()) \
        or mail_owner(document.source)


_WORKS = r"(?i:talks?|presentations?|lectures?|seminars?|publications?|papers?|slides|preprints?|articles?)"
_NAME_PIECE = r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)"
"""A capitalised name of two to four words, as a group."""
_BY = re.compile(_WORKS + r"\b[^.;:|]{0,60}?\b(?:by|of)\s+" + _NAME_PIECE)
_OWNED = re.compile(_NAME_PIECE + r"['’]s?\s+(?:\w+\s+){0,2}" + _WORKS + r"\b"  # "Ada's papers"
                    r"|^\s*" + _NAME_PIECE + r"\s*[|:·–—-]\s*(?:\w+\s+){0,2}"  # "Ada | Papers"
                    + _WORKS + r"\b"
                    r"|\b" + _WORKS + r"\s*[|:·–—-]\s*" + _NAME_PIECE + r"\s*$")  # "Publications - Ada"


_BIO = re.compile(r"^\W{0,3}((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+)\s+"
                  r"(?:is|was|has\s+been|is\s+currently)\s+"
                  r"(?:an?|the|currently\s+an?)\s+(?:[\w-]+\s+){0,3}(?i:professor|lecturer|researcher|scientist|"
                  r"student|candidate|fellow|postdoc\w*|engineer|director|chair)\b")
"""A biography in the third person opening with its subject: "Ada Lovelace is an Assistant Professor"."""


def bio_owner(texts: list[str]) -> str | None:
    """The person a page's biography in the third person is about, when one of ``texts`` (the
    paragraphs before the page's list) opens with a name and a position ("Ada Lovelace has been an
    Assistant Professor in ..."); ``None`` when none does."""
    for text in texts:
        found = _BIO.match(" ".join(text.split()))
        name = _a_name(found.group(1)) if found else None
        if name:
            return name
    return None


def owner_by(text: object) -> str | None:
    """The person a page's description or title gives its talks or papers to ("Selected invited
    and conference talks by Andreas Mang." → "Andreas Mang", "Publications of Ada Lovelace", "Ada
    Lovelace's papers", "Ada Lovelace | Publications"); ``None`` when it names nobody."""
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())
    found = _BY.search(text) or _OWNED.search(text)
    name = next((g for g in found.groups() if g), None) if found else None
    return _a_name(name)


_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)(?:[ \t]*©)?[ \t]*(?:(?:19|20)\d{2}"
                        r"(?:[ \t]*[-–][ \t]*(?:19|20)?\d{2})?[ \t]*,?[ \t]*)?([^\W\d][^©.,;|·•\n\d]{2,60})"
                        r"|([^\W\d][^©.,;|·•\n\d]{2,60}?)[ \t]*(?:©|\(c\))", re.IGNORECASE)
"""A footer's copyright line, on one line: the holder after the sign and the year, or before the sign."""


def copyright_owner(text: str) -> str | None:
    """The person a site's footer gives its copyright to ("© 2026 Ada Lovelace. Powered by Jekyll",
    "Ada Lovelace © 2026"); ``None`` when it is a lab, a series or nobody."""
    for found in _COPYRIGHT.finditer(text[-5000:]):
        name = _a_name((found.group(1) or found.group(2) or "").split(" - ")[0])
        if name and len(name.split()) <= 4 and not is_organization(name):
            return name
    return None


_MAIL = re.compile(r"(?:mailto:)?\b([a-z]{2,})[._-]([a-z]{2,})@[\w.-]+\.[a-z]{2,}", re.IGNORECASE)


def mail_owner(text: str) -> str | None:
    """The owner a personal page names by its e-mail address ``first.last@...`` and confirms in
    its text, by the full name or a first-person introduction ("I'm Ahmed", "I am Ahmed")."""
    for found in _MAIL.finditer(text[:20000]):
        first, last = found.group(1).capitalize(), found.group(2).capitalize()
        name = f"{first} {last}"
        introduced = re.search(rf"\b(?:I['’]m|I am|my name is)\s+{first}\b", text, re.IGNORECASE)
        if is_name(name) and (introduced or re.search(rf"\b{first}\s+{last}\b", text, re.IGNORECASE)):
            return name
    return None


def site_owner(path: Path) -> str | None:
    """The owner named by the site configuration nearest above ``path`` (``None`` without one)."""
    folder = path.resolve().parent
    for _ in range(4):
        for config in SITE_CONFIGS:
            candidate = folder / config
            if candidate.is_file():
                return _config_owner(candidate)
        authors = folder / "content" / "authors"
        if authors.is_dir():  # Hugo Academic (Wowchemy): the author page marked ``superuser``
            return _hugo_owner(authors)
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent
    return None


def _config_owner(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    data = None
    for attempt in (text, text.replace("\t", " ")):  # Jekyll's reader takes tabs, PyYAML does not
        try:
            data = yaml.safe_load(attempt)
            break
        except yaml.YAMLError:
            continue
    if not isinstance(data, dict):
        return None
    website = data.get("website")
    if isinstance(website, dict):  # Quarto: a footer's holder before a site title that may read as a name
        return _fields_owner(data) or _footer_owner(website.get("page-footer")) or _fields_owner(website)
    return _fields_owner(data)


def _fields_owner(data: dict[str, Any]) -> str | None:
    first, last = data.get("first_name"), data.get("last_name")
    joined = f"{first} {last}" if isinstance(first, str) and isinstance(last, str) else None
    for candidate in (_author_name(data.get("author")), data.get("name"), joined, data.get("title")):
        name = _a_name(candidate)
        if name:
            return name
    return None


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _footer_owner(footer: Any) -> str | None:
    """The person a site's configured footer gives its copyright to (Quarto's ``page-footer``, a
    text or its ``left``/``center``/``right`` parts, in Markdown: "&copy; [Ada Lovelace](url) 2026")."""
    parts = list(footer.values()) if isinstance(footer, dict) else [footer]
    for part in parts:
        if isinstance(part, str):
            name = copyright_owner(_LINK.sub(r"\1", part.replace("&copy;", "©")))
            if name:
                return name
    return None


def _hugo_owner(authors: Path) -> str | None:
    for page in sorted(authors.glob("*/_index.md")):
        front = split_front_matter(page.read_text(encoding="utf-8", errors="replace"))[0]
        if front.get("superuser") is True:
            return _a_name(front.get("title") or front.get("name"))
    return None


def _author_name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value if isinstance(value, str) else None


def _a_name(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split()).strip(" |-")
    return strip_honorifics(text) if text and is_name(text) else None
