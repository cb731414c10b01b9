"""BibTeX files → bibliographic entries → imported papers with ordered authors.

A small parser of our own: BibTeX is simple enough, and the real files we read (PMLR's) need
only entries, braced or quoted values, ``#`` concatenation and ``@string`` macros. A broken entry
is reported with its line and skipped; the parser resumes at the next ``@``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.ingest.latex import decode
from kg.ingest.printed import ImportedPaper, Problem, doi_of
from kg.records.dates import implausible_year
from kg.records.models import WEB_ADDRESS

_NAME_RE = re.compile(r"[A-Za-z_][\w:.+/-]*")
_ENTRY_START_RE = re.compile(r"^[ \t]*@", re.MULTILINE)
_MONTHS = {m: m.capitalize() for m in
           ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")}


@dataclass(frozen=True)
class BibEntry:
    """One ``@type{key, field = value, ...}`` entry, values as written (LaTeX not yet decoded)."""

    kind: str
    key: str
    fields: dict[str, str]
    line: int


class BibSyntaxError(ValueError):
    """A malformed entry; ``position`` is the offset in the text where reading failed."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


@dataclass
class _Parser:
    text: str
    macros: dict[str, str] = field(default_factory=lambda: dict(_MONTHS))
    pos: int = 0
    _counted_to: int = 0
    _lines: int = 1

    def line_of(self, position: int) -> int:
        """The 1-based line of ``position``; cheap when positions only grow."""
        if position < self._counted_to:
            return self.text.count("\n", 0, position) + 1
        self._lines += self.text.count("\n", self._counted_to, position)
        self._counted_to = position
        return self._lines

    def skip_space(self) -> None:
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char.isspace():
                self.pos += 1
            elif char == "%":  # a comment runs to the end of the line
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end + 1
            else:
                return

    def expect(self, chars: str) -> str:
        self.skip_space()
        if self.pos >= len(self.text) or self.text[self.pos] not in chars:
            found = self.text[self.pos] if self.pos < len(self.text) else "end of file"
            raise BibSyntaxError(f"expected {' or '.join(repr(c) for c in chars)}, found {found!r}",
                                 self.pos)
        self.pos += 1
        return self.text[self.pos - 1]

    def name(self) -> str:
        self.skip_space()
        match = _NAME_RE.match(self.text, self.pos)
        if not match:
            raise BibSyntaxError("expected a name", self.pos)
        self.pos = match.end()
        return match.group(0)

    def braced(self) -> str:
        start, depth = self.pos, 0
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == "\\":
                self.pos += 2
                continue
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    self.pos += 1
                    return self.text[start + 1:self.pos - 1]
            elif char == "@" and depth == 1 and self.text[self.pos - 1] == "\n":
                break  # a new entry starts: this value was never closed
            self.pos += 1
        raise BibSyntaxError("unbalanced braces in a value", start)

    def quoted(self) -> str:
        start, depth = self.pos, 0
        self.pos += 1
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == "\\":
                self.pos += 2
                continue
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            elif char == '"' and depth == 0:
                self.pos += 1
                return self.text[start + 1:self.pos - 1]
            elif char == "\n" and self.text.startswith("@", self.pos + 1):
                break
            self.pos += 1
        raise BibSyntaxError("unterminated quoted value", start)

    def value(self) -> str:
        parts = []
        while True:
            self.skip_space()
            char = self.text[self.pos] if self.pos < len(self.text) else ""
            if char == "{":
                parts.append(self.braced())
            elif char == '"':
                parts.append(self.quoted())
            elif char.isdigit():
                match = re.compile(r"\d+").match(self.text, self.pos)
                assert match is not None
                self.pos = match.end()
                parts.append(match.group(0))
            else:
                word = self.name()
                if word.lower() not in self.macros:
                    raise BibSyntaxError(f"unknown macro {word!r}", self.pos - len(word))
                parts.append(self.macros[word.lower()])
            self.skip_space()
            if self.text.startswith("#", self.pos):
                self.pos += 1
                continue
            return "".join(parts)

    def entry(self) -> BibEntry | None:
        """Read one entry starting at ``@``; ``None`` for @comment, @preamble and @string."""
        start = self.pos
        self.expect("@")
        kind = self.name().lower()
        opening = self.expect("{(")
        closing = "}" if opening == "{" else ")"
        if kind == "comment":
            self.pos = start + 1
            return None
        if kind == "preamble":
            self.pos -= 1
            self.braced() if opening == "{" else self.value()
            return None
        if kind == "string":
            name = self.name().lower()
            self.expect("=")
            self.macros[name] = self.value()
            self.expect(closing)
            return None
        self.skip_space()
        key_match = re.compile(r"[^,{}()\n]+").match(self.text, self.pos)
        if not key_match:
            raise BibSyntaxError("missing citation key", self.pos)
        key = key_match.group(0).strip()
        self.pos = key_match.end()
        fields: dict[str, str] = {}
        while self.expect(","+closing) == ",":
            self.skip_space()
            if self.text.startswith(closing, self.pos):  # a trailing comma
                self.pos += 1
                break
            name = self.name().lower()
            self.expect("=")
            fields[name] = self.value()
        return BibEntry(kind, key, fields, self.line_of(start))


def parse(text: str) -> Iterator[BibEntry | Problem]:
    """Yield every entry of a BibTeX text, and a ``Problem`` for each one that cannot be read."""
    parser = _Parser(text)
    for match in _ENTRY_START_RE.finditer(text):
        at = match.end() - 1
        if at < parser.pos:
            continue  # inside an entry already read
        parser.pos = at
        try:
            entry = parser.entry()
        except BibSyntaxError as exc:
            key = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s]*)").match(text, at)
            label = f"entry {key.group(1)!r}" if key and key.group(1) else "entry"
            yield Problem(f"line {parser.line_of(exc.position)}", f"{label}: {exc}")
            parser.pos = at + 1
            continue
        if entry is not None:
            yield entry


def split_authors(value: str) -> list[str]:
    """Authors of a BibTeX ``author`` field as "First Last" names, in order ("and others" left out).

    Handles "Last, First", "Last, Jr., First", "First Last" and "{Van Erven}, Tim"; the word
    ``and`` only separates names at brace depth zero.
    """
    return [_first_last(decode(n)) for n in _author_fields(value) if n.strip().lower() != "others"]


@dataclass(frozen=True)
class Byline:
    """A BibTeX author list: people, organizations (a name wholly in braces), "and others"."""

    people: list[str]
    organizations: list[str]
    more: bool


def byline(value: str) -> Byline:
    """The people, corporate authors (``{OpenAI}``) and "and others" marker of an ``author`` field."""
    people, organizations, more = [], [], False
    for name in _author_fields(value):
        stripped = name.strip()
        if stripped.lower() == "others":
            more = True
        elif _corporate(stripped):
            organizations.append(decode(stripped[1:-1]).strip())
        elif stripped:
            people.append(_first_last(decode(stripped)))
    return Byline(people, organizations, more)


def _corporate(name: str) -> bool:
    """Whether a name is one braced group ("{OpenAI}", "{The ATLAS Collaboration}"), not a person's."""
    if not (name.startswith("{") and name.endswith("}")):
        return False
    depth = 0
    for i, char in enumerate(name):
        depth += char == "{"
        depth -= char == "}"
        if depth == 0 and i < len(name) - 1:
            return False
    return True


def _author_fields(value: str) -> list[str]:
    """The names of an ``author`` field as written, split on ``and`` at brace depth zero."""
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for token in re.split(r"(\{|\}|\s+and\s+)", value):
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        if re.fullmatch(r"\s+and\s+", token) and depth == 0:
            names.append("".join(current))
            current = []
        else:
            current.append(token)
    names.append("".join(current))
    return [n for n in names if n.strip()]


def _first_last(name: str) -> str:
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2:
        return f"{parts[1]} {parts[0]}".strip()
    if len(parts) == 3:  # Last, Jr., First
        return f"{parts[2]} {parts[0]} {parts[1]}".strip()
    return name.strip()


def paper_of(entry: BibEntry, source: str) -> ImportedPaper | Problem:
    """The paper an entry describes, or a ``Problem`` naming the missing or bad field."""
    where = f"line {entry.line}"
    fields = entry.fields
    for required in ("title", "author", "year"):
        if not fields.get(required, "").strip():
            return Problem(where, f"entry {entry.key!r}: {required}: missing")
    year = fields["year"].strip()
    if not year.isdigit():
        return Problem(where, f"entry {entry.key!r}: year: not a year: {year!r}")
    if implausible_year(int(year)):
        return Problem(where, f"entry {entry.key!r}: year: {implausible_year(int(year))}")
    printed = byline(fields["author"])
    authors = printed.people
    if not authors:
        return Problem(where, f"entry {entry.key!r}: author: no person among the authors")
    venue = fields.get("booktitle") or fields.get("journal") or fields.get("series")
    url = _link(fields)
    pages = fields.get("pages", "").strip()
    abstract = " ".join(fields.get("abstract", "").split())
    return ImportedPaper(
        key=entry.key,
        title=decode(fields["title"]),
        year=int(year),
        authors=authors,
        venue=decode(venue) if venue else None,
        pages=decode(pages) if pages else None,
        url=url,
        at=f"{source} {where} @{entry.kind}{{{entry.key}}}",
        doi=doi_of(fields.get("doi")),
        more_authors=printed.more,
        organization_authors=printed.organizations,
        abstract=decode(abstract) if abstract else None,
    )


def _link(fields: dict[str, str]) -> str | None:
    """The entry's web address: its ``url``, else its DOI as a link, else its ``pdf``."""
    doi = fields.get("doi", "").strip().removeprefix("https://doi.org/")
    candidates = [fields.get("url", ""), f"https://doi.org/{doi}" if doi else "", fields.get("pdf", "")]
    for candidate in (c.strip() for c in candidates):
        if WEB_ADDRESS.fullmatch(candidate):
            return candidate
    return None
