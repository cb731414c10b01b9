"""Reading a citation by its structure: cut it into segments, label each by its content, keep the
labelling that scores best.

A citation is cut at its sentence stops (not after an initial), at its line breaks, at an APA year
("(2024)."), at spaced dashes and bars, after a leading year or venue and year, and at its marked
runs (italics, links, bold that is no name). Each segment gets three scores from what it holds:
authors (every comma/"and" piece reads as a name, "Last, F." pairs included), title (several words,
no year, no venue word, no name list) and venue (a venue word, a year, volume and pages, a status
such as "in press"). The reading is the pair (authors, title) next to each other — authors then
title, or title then authors — whose scores with the venue scores of the other segments add up best.
Nothing here knows one page's layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.pages.blocks import Span
from kg.ingest.pages.fields import TITLE_WORDS, is_name, strip_honorifics

YEAR = re.compile(r"(?<![\d/.-])((?:19[89]|20[0-3])\d)(?![\d/])")
"""A publication year on its own (1980-2039), not part of a date written with slashes or dots."""
_YEAR_ALONE = re.compile(r"\W*(?:19|20)\d{2}[a-z+]?\W*")
_APA_YEAR = re.compile(r"\s*\(\s*(?:19|20)\d{2}[a-z+]?\s*\)\s*[.:,]?\s*")
_LINKS = re.compile(r"\{\{[<%].*?[%>]\}\}|"
                    r"\[\s*[^\[\]]{0,40}\]|\(\s*(?:pdf|code|slides|arxiv|video|poster|link|bib)[^()]{0,30}\)|"
                    r"https?://\S+", re.IGNORECASE)
_VENUE_WORDS = re.compile(
    r"\b(?:proceedings|proc\.|conference|journal|transactions|symposium|workshop|annals|review|letters|"
    r"bulletin|arxiv|preprint|in press|to appear|accepted|submitted|under review|forthcoming|in preparation|"
    r"manuscript|thesis|vol\.|volume|pp\.|pages|edition|springer|elsevier|ieee|acm|siam|journ[ée]es|"
    r"(?-i:[A-Z]{3,}[a-z]?|[A-Z][a-z]+[A-Z]{2,}[a-zA-Z]*)(?=\W|$))", re.IGNORECASE)
"""Words of a venue or a status; the last alternative is an acronym ("AISTATS", "CFIES", "NeurIPS")."""
_JOURNAL = re.compile(r"^(?:the\s+)?(?:journal|annals|transactions|proceedings|bulletin)\b|"
                      r"\b(?:journal|annals|transactions|proceedings) of\b", re.IGNORECASE)
"""A journal's or proceedings' name ("Journal of the American Statistical Association"), no title."""
_SURNAMES = re.compile(r"[A-Z][\w'’-]+(?:\s*(?:,|&|\band\b)\s*(?:and\s+)?[A-Z][\w'’-]+){2,}")
"""Three or more surnames in a row ("Cohen, Geiger, Koehler, Welling"): authors, not a title."""
MEETING_WORDS = r"conference|symposium|workshop|congress|meeting"
"""The words that name a meeting, as a regular expression's alternatives: what the readers of
citations, of venues and of programmes share when they ask whether a text names a meeting."""
_MEETING = re.compile(rf"\b(?:{MEETING_WORDS}|journal|proceedings|transactions|annual|school|seminar)\b",
                      re.IGNORECASE)
"""Words of a meeting's or a journal's name: a linked "31st European Conference on ..." is a venue."""
_ACRONYM = re.compile(r"\b(?:[A-Z]{2,}[a-zA-Z]*|[A-Z][a-z]+[A-Z]\w*)\b")
_NUMBERS = re.compile(r"\d+\s*[:(]\s*\d+|\d+\s*[-–]\s*\d+|\bvol|\bno\.|\bpp\b", re.IGNORECASE)
_STOP = re.compile(r"[A-Z]|[A-Z]\.-?[A-Z]|[A-Z]-[A-Z]|vs|Proc|Conf|Vol|pp|no|No|Jr|Sr|St|Inc|eds?|Ed|al",
                   re.ASCII)
_APA_NAME = re.compile(r"(?:(?<=\s)(?:and|&)\s+)?"
                       r"([^\W\d_][\w'’-]*(?:[ -][^\W\d_][\w'’-]+){0,2}),\s*((?:[A-Z]\.?\s?-?){1,3})"
                       r"(?=,|\s|$)")
_PIECES = re.compile(r",\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|;\s*")
_NAME_LIKE = re.compile(r"(?:(?:[A-Z]\.\s?-?)+\s*)?[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3}")
_ET_AL = re.compile(r",?\s*(?:\bet\.? al\b\.?|\band others\b|…)\s*", re.IGNORECASE)
_LINK_WORDS = re.compile(r"(?:\W*\b(?:pdf|paper|code|project|page|website|slides?|video|poster|bib(?:tex)?|"
                         r"abstract|github|demo|data(?:set)?|blog|supp(?:lementary)?|html|link|talk|cite|"
                         r"openreview|doi|media|press|news)\b\W*)+", re.IGNORECASE)
"""A segment of link labels only ("Paper ↗ Project ↗ Code ↗", "PDF | Slides"): the entry's buttons."""


@dataclass
class Reading:
    """What a citation's structure gives: its authors in order, its title, its year, and how sure."""

    authors: list[str]
    title: str
    year: int | None
    venue: str
    score: float


def segments(text: str, spans: list[Span] = ()) -> list[str]:  # type: ignore[assignment]
    """The parts of a citation between its stops, its line breaks and around its marked runs."""
    text = _LINKS.sub(" ", text).replace("\n", " ¦ ")  # a line break ends a segment
    for span in spans:
        inner = " ".join(span.text.split())
        least = 2 if span.kind == "i" else 3  # a bold name ("**Li, Q.**") is no boundary
        if span.kind in ("i", "a", "b") and len(inner.split()) >= least and inner in text \
                and not author_names(inner) and not is_name(inner) and len(inner) < 0.9 * len(text):
            text = text.replace(inner, f" ¦ {inner} ¦ ", 1)
    text = _APA_YEAR.sub(lambda m: f" ¦ {m.group(0).strip(' .:,')} ¦ ", text)
    text = re.sub(r"\s[|·•—–-]\s", " ¦ ", text)  # "Title — Authors — Venue", "Title | Authors"
    text = re.sub(r"^\s*((?:19|20)\d{2})[.:]?\s+(?=\D)", r"\1 ¦ ", text)  # "2019 Title. Authors"
    text = re.sub(r"^([^¦:]{2,40}?(?:19|20)\d{2}):\s", r"\1 ¦ ", text)  # "NeurIPS 2019: Title. Authors"
    pieces: list[str] = []
    for part in text.split("¦"):
        pieces.extend(_sentences(part))
    return [p for p in (" ".join(p.split()).strip(" .,;:-–—") for p in pieces) if p]


def _sentences(text: str) -> list[str]:
    pieces, start = [], 0
    for match in re.finditer(r"[.?!]\s+|\s;\s", text):
        words = text[start:match.start()].split()
        last = words[-1].strip("(") if words else ""
        if match.group(0).startswith(".") and _STOP.fullmatch(last):
            continue
        pieces.append(text[start:match.end()].rstrip())
        start = match.end()
    pieces.append(text[start:])
    return pieces


def author_names(text: str) -> list[str]:
    """The authors a segment lists, in order ("Heiling, H., Rashid, N. Li, Q." or "A. Smith and
    B. Jones"); [] unless nearly every piece reads as a name."""
    text = _ET_AL.sub(" ", text)
    text = re.sub(r"\*|†|‡|(?<=[^\W\d])\d{1,2}(?=,|\s|$)", "", text).strip(" .,;:()")
    if not text or len(text) > 600 or YEAR.search(text):
        return []
    matches = list(_APA_NAME.finditer(text))
    apa = [f"{m.group(1)}, {m.group(2).strip().rstrip('.')}." for m in matches]  # the stop a cut took
    covered = sum(len(m.group(0)) for m in matches)
    bare = re.sub(r"\s*(?:,|\band\b|&)\s*", "", text)
    if len(apa) >= 2 and matches[0].start() == 0 and covered >= 0.75 * len(bare):
        return apa  # "Last, F." names, a comma missing between two of them or not
    pieces = [strip_honorifics(p.strip(" .")) for p in _PIECES.split(text) if p.strip(" .")]
    if not pieces:
        return []
    if len(pieces) >= 2 and len(pieces[0].split()) == len(pieces[1].split()) == 1 \
            and (len(pieces) == 2 or len(pieces[2].split()) >= 2) and is_name(f"{pieces[1]} {pieces[0]}"):
        pieces[:2] = [f"{pieces[0]}, {pieces[1]}"]  # "Fishman, Alon, Lisa Gottschalk": first name inverted
    names = []
    for piece in pieces:
        words = piece.split()
        inverted = " ".join(reversed(piece.split(", ")))
        if is_name(piece) or is_name(inverted) or (_NAME_LIKE.fullmatch(piece) and 2 <= len(words) <= 4
                              and all(w[0].isupper() for w in words)
                              and not any(w.lower().strip(".") in TITLE_WORDS for w in words)):
            names.append(piece)
        else:
            return []
    return names


def _venue_score(text: str) -> float:
    if YEAR.search(text) or _VENUE_WORDS.search(text) or _NUMBERS.search(text):
        return 1.0
    return 0.6 if len(text.split()) <= 4 else 0.2


def _title_score(text: str) -> float:
    words = text.split()
    if len(words) < 3 or YEAR.search(text) or len(author_names(text)) >= 2 or is_name(text) \
            or _SURNAMES.fullmatch(text):
        return 0.0
    if re.match(r"(?:in|to appear|accepted|submitted|presented|(?:joint )?(?:work )?with)\b", text,
                re.IGNORECASE):
        return 0.0
    bare = re.sub(r"\s*\([^()]*\)", "", text)  # "E. Vilkul (Tuzhilina)": a name with its other name
    if bare != text and (is_name(bare) or author_names(bare)):
        return 0.0
    score = 1.0
    if _JOURNAL.search(text):
        return 0.1
    named = re.sub(r"^[\w-]+:\s+(?=\S)", "", text) if len(words) >= 4 else text  # "InfoVAE: Information ..."
    if _VENUE_WORDS.search(named) and not _ACRONYM.fullmatch(text):
        score -= 0.5 if len(words) <= 8 else 0.2
    return score


def read_citation(text: str, spans: list[Span] = (),  # type: ignore[assignment]
                  listed: bool = False) -> Reading | None:
    """The best reading of a citation as authors, title, venue and year; ``None`` when no segment
    lists authors next to one that reads as a title. ``listed``: the text is one entry of a list of
    papers, so its typography and its dated venue weigh more (a venue between title and authors, a
    card's notes after the venue, a bold or linked title) — not used for lists of talks, where the
    parts after the title are a speaker's affiliation."""
    parts = segments(text, spans)
    years = [int(y) for p in parts if _YEAR_ALONE.fullmatch(p) for y in YEAR.findall(p)]
    parts = _split_byline([p for p in parts if not _YEAR_ALONE.fullmatch(p)
                           and not (listed and _LINK_WORDS.fullmatch(p))])
    if len(parts) < 2 or len(parts) > 12:
        return None
    authors = [author_names(p) for p in parts]
    venues = [_venue_score(p) for p in parts]
    marked = {" ".join(s.text.split()).strip(" .,;:-–—") for s in spans if s.kind in ("a", "b")}
    titles = [_title_score(_title_and_tail(p)[0]) for p in parts]
    typeset = {k for k, part in enumerate(parts)  # (not a short link label, not a linked meeting)
               if listed and titles[k] > 0 and part in marked and len(part.split()) >= 4
               and not _MEETING.search(part)}
    for k, part in enumerate(parts):  # a bold or linked run of several words is the title, no venue
        if k in typeset:
            titles[k] += 0.4
            venues[k] = min(venues[k], 0.2) if len(part.split()) >= 5 else venues[k]
    best: Reading | None = None
    for a in range(min(len(parts), 3)):
        if not authors[a]:
            continue
        for t in (a + 1, a - 1, a - 2) if listed else (a + 1, a - 1):
            if not 0 <= t < len(parts) or titles[t] <= 0:
                continue
            if t == a - 2 and (not YEAR.search(parts[a - 1]) or authors[a - 1] or titles[a - 1] >= 1.0):
                continue  # "Title / Venue 2023 / Authors": only a venue and its year stand between them
            title, tail = _title_and_tail(parts[t])
            others = [k for k in range(len(parts)) if k not in (a, t)]
            rest = [venues[k] for k in others]
            dated = [k for k in others if YEAR.search(parts[k])]
            # a venue with its year stands for the rest (a card's notes or buttons after it cost nothing)
            support = 1.0 if listed and dated and venues[dated[0]] >= 1.0 else (
                sum(rest) / len(rest) if rest else 0.5)
            score = 1.0 + titles[t] + support - 0.3 * (t < a) - 0.1 * a - 0.4 * bool(typeset & set(others))
            if best is None or score > best.score:
                venue = " ".join([tail, *(parts[k] for k in range(len(parts)) if k not in (a, t))]).strip()
                found = years or [int(y) for y in YEAR.findall(venue)]
                best = Reading(authors[a], title, found[0] if found else None, venue, score)
    return best if best is not None and best.score >= 2.4 else None


def _title_and_tail(text: str) -> tuple[str, str]:
    """A title segment without the venue a comma joins to it ("Title, Statistica Sinica, 34: 527-546",
    "Title, 2022")."""
    for comma in re.finditer(r",\s*", text):
        head, tail = text[:comma.start()], text[comma.end():]
        if len(head.split()) >= 3 and (YEAR.search(tail) or _NUMBERS.search(tail)):
            return head, tail
    return text, ""


def _split_byline(parts: list[str]) -> list[str]:
    """A first segment "A. Smith, B. Jones, Title" cut after its names (the title follows a comma or
    a colon)."""
    if not parts or author_names(parts[0]):
        return parts
    colon = parts[0].find(": ")
    byline = author_names(parts[0][:colon]) if colon > 0 else []
    if len(byline) == 1 and not is_name(byline[0]):
        byline = []  # "Motion Annotation Programs: A Scalable Approach": a title's own colon
    if byline and len(parts[0][colon + 2:].split()) >= 3:
        return [parts[0][:colon], parts[0][colon + 2:], *parts[1:]]
    commas = [m.start() for m in re.finditer(",", parts[0])]
    for at in reversed(commas):
        head, tail = parts[0][:at], parts[0][at + 1:].strip()
        if len(head.split(",")) >= 2 and author_names(head) and len(tail.split()) >= 3:
            return [head, tail, *parts[1:]]
    return parts
