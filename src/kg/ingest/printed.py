"""What importers produce before name resolution: papers as printed, and problems found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DOI = re.compile(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)?\s*(10\.\d{4,9}/\S+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    """One bad entry of an input file: where it is (``line 12``) and what is wrong with it."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class ImportedPaper:
    """A paper as a bibliography prints it: names are still strings, not person ids.

    ``affiliations`` holds, per author position, the affiliation string printed (or ``None``);
    ``author_at`` where each author is printed (``file line 12``), when a source has one line per
    author; ``more_authors`` that the source ends the list with "and others".
    """

    key: str
    title: str
    year: int
    authors: list[str]
    venue: str | None = None
    pages: str | None = None
    url: str | None = None
    at: str | None = None
    affiliations: list[str | None] = field(default_factory=list)
    doi: str | None = None
    """The paper's DOI, lower case (``10.1145/3357713.3384290``): one paper wherever it is listed."""
    author_at: list[str] = field(default_factory=list)
    more_authors: bool = False
    organization_authors: list[str] = field(default_factory=list)
    """Authors that are organizations (BibTeX ``{OpenAI}``), as printed."""
    abstract: str | None = None


def doi_of(text: str | None) -> str | None:
    """The DOI in a ``doi`` field or a ``https://doi.org/...`` link, lower case; ``None`` if there is none."""
    match = _DOI.match((text or "").strip())
    return match.group(1).lower() if match else None
