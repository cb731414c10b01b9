"""An author page: the author, maybe a talk abstract, and papers listed by year with kind and authors.

Expected layout (see README "Ingesting pages"): "Author Information" followed by "Name
(Affiliation)"; optionally "Title: ..." and "Abstract: ..." for a talk by the author; then
entries of two lines each: "2023 Poster: Title »" (the kind word may be Poster, Oral, Spotlight,
Talk, Tutorial, Workshop or absent; 🎤 marks a workshop talk) and the authors joined by " · ".
An entry without a kind word is a workshop paper. One paper listed twice (poster and spotlight,
or with a one-letter typo in the title) becomes one paper with both kinds.
"""

from __future__ import annotations

import difflib
import re

from kg.errors import DataError
from kg.ingest.pages import common
from kg.ingest.pages.extracted import PageExtract, PaperText, SpeakerText, TalkText
from kg.ingest.pages.text import Line, Page
from kg.ingest.resolve import names
from kg.records.ids import slugify

_ENTRY = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*(?P<kind>[A-Za-z][A-Za-z ]*?)?\s*:\s*"
                    r"(?P<mic>🎤\s*)?(?P<title>.+?)\s*»?\s*(?:https?://\S+)?\s*$")
KIND_WORDS = {"poster": "poster", "oral": "oral", "spotlight": "spotlight", "talk": "talk",
              "invited talk": "talk", "tutorial": "tutorial", "workshop": "workshop",
              "contributed talk": "talk", "keynote": "talk"}
_AUTHOR_SEPARATOR = re.compile(r"\s*[·•]\s*")


def extract(page: Page) -> PageExtract:
    """The author, the talk abstract the page may show, and every listed paper."""
    lines = [line for line in page.lines if line.text]
    author = _author(lines)
    papers: list[PaperText] = []
    for i, line in enumerate(lines[:-1]):
        entry = _ENTRY.match(line.text)
        if entry is None or "·" not in lines[i + 1].text and not _single_author(lines[i + 1]):
            continue
        kind_word = (entry["kind"] or "").strip().lower()
        if kind_word and kind_word not in KIND_WORDS:
            continue
        kind = KIND_WORDS.get(kind_word) or ("workshop_talk" if entry["mic"] else "workshop")
        authors = [common.clean_name(a) for a in _AUTHOR_SEPARATOR.split(
            re.sub(r"\s*-\s*$", "", lines[i + 1].text)) if a.strip(" -")]
        papers.append(PaperText(entry["title"].strip(), int(entry["year"]), authors, [kind],
                                at=f"More from the Same Authors, line {line.number}"))
    if author is None and not papers:
        raise DataError(f"{page.path}: no author or paper found: an author page needs 'Author "
                        f"Information' and entries such as '2023 Poster: Title »' followed by "
                        f"the authors joined by ' · '")
    name = author.name if author else papers[0].authors[0]
    result = PageExtract("author_page", f"{name} author page", f"{slugify(name)}-author-page",
                         papers=merge_duplicates(papers))
    talk = _talk(lines, author)
    if talk is not None:
        result.talks.append(talk)
    if author is not None:
        result.people.append(author)
    return result


def _single_author(line: Line) -> bool:
    text = re.sub(r"\s*-\s*$", "", line.text)
    return common.looks_like_name(text)


def _author(lines: list[Line]) -> SpeakerText | None:
    for i, line in enumerate(lines[:-1]):
        if re.fullmatch(r"author information:?", line.text, re.IGNORECASE):
            speakers = common.speaker_line(lines[i + 1].text)
            return speakers[0] if speakers else None
    return None


def _talk(lines: list[Line], author: SpeakerText | None) -> TalkText | None:
    if author is None:
        return None
    abstract_at = next((i for i, line in enumerate(lines)
                        if re.match(r"^abstract\s*:", line.text, re.IGNORECASE)), None)
    if abstract_at is None:
        return None
    first = re.sub(r"^abstract\s*:\s*", "", lines[abstract_at].text, flags=re.IGNORECASE)
    texts = [first] if first else []
    for line in lines[abstract_at + 1:]:
        if re.fullmatch(r"author information:?", line.text, re.IGNORECASE) or _ENTRY.match(line.text):
            break
        texts.append(line.text)
    title_line = next((line for line in lines[:abstract_at]
                       if re.match(r"^title\s*:", line.text, re.IGNORECASE)), None)
    title = re.sub(r"^title\s*:\s*", "", title_line.text, flags=re.IGNORECASE) if title_line else None
    return TalkText([SpeakerText(author.name, author.affiliation, author.role)], title or None,
                    abstract="\n\n".join(texts) or None,
                    at=f"Abstract, line {lines[abstract_at].number}; Author Information")


def merge_duplicates(papers: list[PaperText]) -> list[PaperText]:
    """One paper per (year, authors, title up to a typo), kinds gathered in listed order."""
    merged: list[PaperText] = []
    for paper in papers:
        same = next((m for m in merged if m.year == paper.year and m.authors == paper.authors
                     and _same_title(m.title, paper.title)), None)
        if same is None:
            merged.append(PaperText(paper.title, paper.year, list(paper.authors), list(paper.kinds),
                                    at=paper.at))
            continue
        for kind in paper.kinds:
            if kind not in same.kinds:
                same.kinds.append(kind)
        if paper.title != same.title and paper.title not in [t for t, _ in same.alt_titles]:
            same.alt_titles.append((paper.title, paper.at or ""))
        same.at = f"{same.at}; line {paper.at.rsplit(' ', 1)[-1]}" if paper.at else same.at
    return merged


def _same_title(a: str, b: str) -> bool:
    fa, fb = a.casefold(), b.casefold()
    return fa == fb or names.edit_distance_at_most_one(fa, fb) or (
        min(len(fa), len(fb)) >= 20 and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.95)
