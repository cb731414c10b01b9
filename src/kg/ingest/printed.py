"""What importers produce before name resolution: papers as printed, and problems found."""

from __future__ import annotations

from dataclasses import dataclass, field


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

    ``affiliations`` holds, per author position, the affiliation string printed (or ``None``).
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
    abstract: str | None = None
