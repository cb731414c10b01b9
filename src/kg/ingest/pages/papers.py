"""Publication lists: entries as list items, paragraphs or cards in the common citation styles.

An entry holds authors, a title and a venue with a year, in any order. The title is the quoted,
linked or bold part (italics only when they are not the venue), else the sentence after the
authors; authors are names joined by commas, "and", "&" or semicolons, initials and the APA
"Last, F." form included, "et al." and "and others" dropped. A year comes from the entry or, when
it has none, from the heading it stands under. The page's owner is the name most entries share
(often printed in bold). Papers a reading group lists under a ``Paper:`` label are kept too, with
their authors when printed. BibTeX files the page embeds in ``<pre>`` blocks are read as BibTeX.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html

from kg.errors import DataError
from kg.ingest.bulk import bibtex
from kg.ingest.pages.blocks import YEAR_ALONE, Block, Layout, Span, layout
from kg.ingest.pages.data import data_trees, paper_like
from kg.ingest.pages.document import Document, markdown_source, markdown_tree, read_document
from kg.ingest.pages.entries import clean_title, label_of
from kg.ingest.pages.extracted import PaperText
from kg.ingest.pages.fields import (
    TITLE_WORDS,
    find_dates,
    find_times,
    fold,
    is_name,
    strip_honorifics,
    word_leaning,
)
from kg.ingest.pages.own_talks import in_talks_only, page_title_of
from kg.ingest.pages.owner import page_owner
from kg.ingest.pages.paper_units import UnitPaper, unit_papers
from kg.ingest.pages.segments import MEETING_WORDS, YEAR, author_names, read_citation, segments
from kg.ingest.printed import Problem

_SECTION = re.compile(r"publication|papers?\b|preprints?|articles?|journal|conference|proceedings|"
                      r"working|in progress|manuscripts?|reports?|thes[ie]s|books?|chapters?|selected|"
                      r"research|submitted|in preparation|under review|workshop|revise and resubmit|"
                      r"forthcoming",
                      re.IGNORECASE)
_NOT_SECTION = re.compile(r"talks?\b|presentations?|teaching|students|news|awards|service|"
                          r"reviewing|seminars?", re.IGNORECASE)
_ET_AL = re.compile(r",?\s*(?:\*?\bet\.? al\b\.?\*?|\band others\b|…|\.\.\.)\s*", re.IGNORECASE)
VENUE = re.compile(r"\b(?:proceedings|conference|journal|transactions|symposium|workshop|arxiv|"
                    r"preprint|neurips|nips|icml|iclr|colt|aistats|uai|aaai|ijcai|cvpr|iccv|eccv|acl|"
                    r"emnlp|kdd|siam|ieee|acm|annals|biometrika|jmlr|review|letters|submitted|"
                    r"in press|to appear|accepted|under review|thesis|manuscript|springer|elsevier|"
                    r"mathematical programming|statistics|probability|vol\.|pp\.|pages)\b", re.IGNORECASE)
_VENUE_NAME = re.compile(r"\b(?:journal|transactions|annals|proceedings|review|letters|bulletin)\b|"
                         r"^(?:ieee|acm|siam)\b", re.IGNORECASE)
"""Words of a journal's or proceedings' name ("Annals of Statistics"), which no paper's title is."""
_INITIALS = re.compile(r"^(?:[A-Z]\.\s?-?)+$|^[A-Z]{1,3}$")


def papers(document: Document, parts: Layout) -> tuple[list[PaperText], str | None]:
    """The publications a page lists, and the page's owner when the entries show one."""
    found: list[PaperText] = []
    year: int | None = None
    page_year = _page_year(document, parts)
    page_title = page_title_of(document)
    cells = [cell for table in parts.tables for row in table.rows for n, cell in enumerate(row)
             if cell.text and not any(cell is other for other in row[:n])]
    previous: Block | None = None
    doubtful: list[tuple[Block, int | None]] = []  # entries read again once the page shows it lists papers
    alone: list[tuple[Block, int | None]] = []  # entries with no authors under a publications heading
    for block in [*parts.blocks, *cells]:
        above, previous = previous, block
        if re.fullmatch(r"\W*((?:19|20)\d{2})\W*", block.text):
            year = int(re.sub(r"\D", "", block.text))  # a year standing alone heads the entries below
            continue
        if block.level:
            year = _section_year(block.text)
        labelled = label_of(block.text)
        if labelled and labelled[0] == "paper" and labelled[1]:
            title = _marked_title(labelled[1], block.spans) or clean_title(labelled[1])
            if title and len(title.split()) >= 2:
                found.append(PaperText(title, None, [], line=block.line, confidence=0.6,
                                       url=_first_link(block.spans), at=f"line {block.line}"))
            continue
        if block.level:
            continue
        named = next((h for h in reversed(block.context) if not YEAR_ALONE.fullmatch(h)), block.section)
        in_section = bool(_SECTION.search(named)) and not _NOT_SECTION.search(named)
        by_line = lines_as_entries(document, block, in_section)
        if by_line:
            found.extend(by_line)
            continue
        if len(block.text) > 900:
            continue
        if not in_section and in_talks_only(block, page_title):
            continue  # an entry of a list of talks given ("*Title.* Venue, City, 2024"): no paper
        if len(block.text) < 25:  # too short for a citation; maybe the byline under a title
            short = _title_above(block, above, in_section) if above is not None else None
            if short is not None:
                if found and fold(found[-1].title) == fold(short.title):
                    found.pop()
                short.year = short.year or year or (page_year if in_section else None)
                found.append(short)
            continue
        stacked = _title_above(block, above, in_section) if above is not None and _stacked(above) else None
        stacked = stacked or title_then_byline(block, in_section)
        block = _soft_joined(document, block)
        paper = stacked or citation(block, in_section)
        if stacked is None and (paper is None or _whole_entry(paper.title)):
            paper = structured(block, in_section) or (None if paper is None or YEAR.search(paper.title)
                                                      else paper)
        elif paper is not None:
            _agree(paper, structured(block, in_section))
        if stacked is not None:
            if found and fold(found[-1].title) == fold(stacked.title):
                found.pop()  # the title read alone as a linked paper
        elif paper is not None and above is not None and _VENUE_NAME.search(paper.title) and not above.level \
                and 3 <= len(above.text.split()) <= 40 and not _VENUE_NAME.search(above.text) \
                and abs(block.line - above.line) <= 3 and not _author_list(above.text):
            # the title on its own line above "Authors / Journal of ...": that title, not the venue
            paper.title = clean_title(above.text) or paper.title
            if found and fold(found[-1].title) == fold(paper.title):
                found.pop()  # read alone as a linked paper
            paper.url = paper.url or _first_link(above.spans)
        if paper is None and above is not None:
            paper = _title_above(block, above, in_section)
            if paper is not None and found and fold(found[-1].title) == fold(paper.title):
                found.pop()  # the title read alone as a linked paper
        if paper is not None:
            paper.year = paper.year or year or (page_year if in_section else None)
            found.append(paper)
            continue
        linked = linked_paper(block, named)
        if linked is not None:
            found.append(linked)
        elif not in_section:
            doubtful.append((block, year))
        else:
            alone.append((block, year))
    found.extend(_like_the_others(found, doubtful))
    found.extend(_owner_alone(found, alone))
    found = _sole_entries(found, alone, parts.blocks)
    found.extend(_bibtex(document, parts))
    found.extend(front_matter_papers(document))
    found.extend(data_file_papers(document))
    for section in landing_sections(document):
        found.extend(papers(section, layout(section))[0])
    found = with_units(found, unit_papers(document))
    owner = _owner([p for p in found if "owner" not in p.guessed], parts.blocks)
    joint = [p for p in found if "owner" in p.guessed]
    # coauthors in brackets name the owner's colleagues, not the owner (the site's files are read
    # only for such a page)
    joint_owner = (page_owner(document) or owner) if joint else None
    for paper in joint:
        paper.guessed = ["authors"]  # the owner first: the page does not say where they stand
        if joint_owner and all(fold(a) != fold(joint_owner) for a in paper.authors):
            paper.authors = [joint_owner, *paper.authors]
    for paper in found:
        paper.title = _LINK_LABELS.sub("", paper.title) or paper.title
    found = [p for p in found if not _not_a_title(p.title) and holds_a_citation(p)]
    return _unique(_with_the_owner(found, owner)), owner


def lines_as_entries(document: Document, block: Block, in_section: bool) -> list[PaperText]:
    """The entries of a block whose lines are citations each (entries parted by line breaks only,
    as ``<br>`` lists print them): [] unless at least three lines, and most of its long lines, read
    as a citation on their own. As for a list of blocks, once two lines read as citations with
    coauthors, a line with one author is read as an entry too."""
    lines = [line.strip() for line in block.text.split("\n") if line.strip()]
    if len(lines) < 3:
        return []
    numbered = [n for n, line in enumerate(lines) if _ENUMERATED.match(line)]
    if len(numbered) >= 2 and numbered[0] <= 1:  # "[8] Title" / "Authors" / "arXiv" / "[7] Title"...
        bounds = [*numbered, len(lines)]
        lines = [re.sub(r"(?:,|\band)\n", lambda m: m.group(0)[:-1] + " ", "\n".join(lines[start:end]))
                 for start, end in zip(bounds, bounds[1:], strict=False)]  # (a byline wrapped after a comma)
    long = [line for line in lines if len(line) >= 60]
    least = 2 if len(numbered) >= 2 else 3
    need = max(least, 0.5 * len(long))
    strict: list[PaperText] = []
    loose: list[PaperText] = []
    for n, line in enumerate(lines):
        if max(len(strict), len(loose)) + len(lines) - n < need:
            return []  # too few lines left to make the block a list of entries
        spans = [s for s in block.spans if s.text and s.text in line]
        one = dataclasses.replace(block, text=line, spans=spans, line=_line_of(document, line, block.line))
        readings = {listed: _line_entry(one, listed) for listed in {in_section, True}}
        for paper, chosen in ((readings[in_section], strict), (readings[True], loose)):
            if paper is not None:
                chosen.append(paper)
    found = loose if len(strict) >= 2 else strict
    return found if len(found) >= least and len(found) >= 0.5 * len(long) else []


def _line_entry(block: Block, listed: bool) -> PaperText | None:
    """One line read as a citation, by its structure when the citation reader takes it whole."""
    paper = citation(block, listed)
    if paper is None or _whole_entry(paper.title):
        paper = structured(block, listed)
    return paper


_ENUMERATED = re.compile(r"(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s+\S")
"""An entry's number opening its line ("[8] Title", "(3) Title", "12. Title")."""


def _line_of(document: Document, text: str, start: int) -> int:
    """The file line, from ``start`` on, where a line of a block's text begins."""
    head = " ".join(text.split()[:8])
    for n, line in enumerate(document.lines[start - 1:], start):
        if head and head in " ".join(line.split()):
            return n
    return start


def with_units(found: list[PaperText], units: list[UnitPaper]) -> list[PaperText]:
    """The papers read block by block, completed by the entries read whole as repeated units: where
    the blocks of a unit gave no paper with its authors (the title alone, or the title with the
    venue and the byline run into it), the unit's reading stands instead. A unit whose blocks were
    read as a paper with authors is left as the blocks read it, unless that paper's title is made of
    the unit's byline and venue words, or the unit's markup names its fields by class."""
    kept = list(found)
    for unit in units:
        inside = [p for p in kept if p.line in unit.lines]
        key = fold(unit.paper.title)
        same = [p for p in kept if not p.authors and fold(p.title) == key]
        rest = set(fold(unit.rest).split())
        if unit.sure:  # the markup names the fields: the unit's reading stands for the blocks'
            words = set(fold(f"{unit.paper.title} {unit.rest}").split())
            inside = [p for p in kept if fold(p.title) == key  # (other units may share its lines)
                      or p.line in unit.lines and set(fold(p.title).split()) <= words]
            same = []
        elif any(p.authors and fold(p.title) == key for p in kept) or any(p.authors and not fold(
                p.title).startswith(key) and not set(fold(p.title).split()) <= rest for p in inside):
            continue  # the blocks read this entry already, or read another paper there
        for paper in [*inside, *same]:
            if paper in kept:
                kept.remove(paper)
        paper = unit.paper
        old = next(iter([*same, *inside]), None)
        if old is not None:
            paper.year, paper.url = paper.year or old.year, old.url or paper.url
        kept.append(paper)
    return kept


def _with_the_owner(found: list[PaperText], owner: str | None) -> list[PaperText]:
    """On a page where nearly every entry names its owner, an entry read outside a publications
    section whose authors do not is no paper of the list."""
    if owner is None:
        return found
    last = fold(owner).split()[-1]
    named = [p for p in found if p.authors]
    if not named or sum(any(last in fold(a).split() for a in p.authors) for p in named) < 0.8 * len(named):
        return found
    return [p for p in found if not p.authors or "kind" not in p.guessed
            or any(last in fold(a).split() for a in p.authors)]


def _not_a_title(title: str) -> bool:
    """A venue ("In Proceedings of ..."), a row of link labels ("PDF Code Slides arXiv ICML"), the
    tail of a byline ("et F-X. Jollois"), the coauthors ("with A and B") or an honour ("John Van Ryzin
    Award") read as a title."""
    labels = all(_LINK_WORD.fullmatch(w) or re.fullmatch(r"(?-i:[A-Z][A-Za-z]*[A-Z][a-z]?)", w)
                 for w in title.split())
    tail = re.match(r"(?:et|and|&|with)\s", title, re.IGNORECASE) \
        and _author_list(re.sub(r"^(?:et|and|&|with)\s+", "", title, flags=re.IGNORECASE))
    honour = re.search(r"\b(?:award|prize|competition|fellowship|scholarship|finalist)s?\W*$", title,
                       re.IGNORECASE)
    return bool(_VENUE_TITLE.search(title)) or labels or bool(tail) or bool(honour)


def _little_unmarked(block: Block, text: str) -> bool:
    """Whether ``text`` holds at most three words outside the block's marked runs: a venue set in
    italics and a link label may follow a marked title, a byline of authors may not."""
    for span in block.spans:
        if span.kind in ("i", "b", "a") and span.text.strip():
            text = text.replace(span.text.strip(), " ")
    return len(re.findall(r"[^\W\d_]{2,}", text)) <= 3


def holds_a_citation(paper: PaperText) -> bool:
    """Whether a paper read from an entry holds the parts of a citation: a title of several words
    that is not a labelled run of names ("Organizers: A, B, C" is a byline), or a one-word title
    with both the other parts, authors and a year or venue ("PMBS24 [Proceedings] (Denver, CO)",
    a workshop's past editions, holds neither)."""
    labelled = re.match(r"\s*[^\W\d_]+(?:\s[^\W\d_]+)?\s*:\s*(.+)$", paper.title)
    if labelled and len(_author_list(labelled.group(1))) >= 2:
        return False  # the title is a label and the names under it
    return len(paper.title.split()) >= 2 or bool(paper.authors and (paper.year or paper.venue))


_VENUE_TITLE = re.compile(
    r"^(?:in:?\s+)?(?:the\s+)?(?:proceedings\b|(?:\d+(?:st|nd|rd|th)\s+)?(?:annual\s+)?"
    r"(?:[A-Z]{2,}\s+|american\s+|european\s+|asian\s+)?(?:international\s+)?(?:conference|symposium|"
    r"workshop)\s+on\b)|^(?-i:(?:[A-Z0-9][\w&-]*\s+){0,4})(?:conference|symposium|workshop)(?:\s*\([A-Z]+\))?"
    r"(?:\s*,\s*(?:to appear|accepted|collocated with\b.*))?$", re.IGNORECASE)
"""A venue read as a title ("In Proceedings of ...", "American Control Conference, To appear")."""


_VOLUME_TAIL = re.compile(r"\s*,\s*(?:vol(?:ume|\.)?\s*)?\d{1,4}(?:\s*\(\d{1,4}\))?\.?\s*$",
                          re.IGNORECASE)
"""A venue's volume, issue or year after a comma (", 2026", ", Volume 216", ", 62(2)")."""
_ACRONYM_TAIL = re.compile(r"\s*\([A-Z][A-Za-z-]*[A-Z][A-Za-z-]*\)\s*$")
"""A meeting's acronym in brackets after its name ("(NeurIPS)", "(SODA)")."""
_VENUE_START = re.compile(
    r"^(?:in:?\s+)?(?:the\s+)?(?:proceedings of|advances in neural information processing|"
    r"lecture notes in)\b|"
    r"^(?:in:?\s+)?arxiv(?:\s+preprint)?(?:\s+arxiv)?\s*:?\s*\d{4}\.\d{4,5}(?:v\d+)?\W*$|"
    r"^(?:the\s+)?\d+(?:st|nd|rd|th)\s.*\b(?:conference|symposium|workshop|meeting|congress)\b|"
    r"^(?:in:?\s+)?(?-i:(?:[A-Z][\w-]*\s+){0,3}(?:Journal|Transactions|Annals|Proceedings|Bulletin)\s+(?:of|on)\b|"
    r"(?:IEEE|ACM|SIAM)\b)", re.IGNORECASE)
"""How a venue's name begins: "Proceedings of", "The 30th ... Conference", "SIAM Journal on"; or an
arXiv number alone ("In arXiv preprint arXiv:1602.07428")."""


def venue_named(title: str) -> bool:
    """Whether a paper's title is the name of the venue it appeared in, with or without its volume
    and year ("Annals of Operations Research, 320", "IEEE Transactions on Information Theory, 62(2)",
    "Advances in Neural Information Processing Systems (NeurIPS)"): the venue line of an entry read
    apart from its title, often as a link of its own to the publisher. A short name before a volume
    is a venue's; before a year alone, only when it holds a venue's word ("Mathematical Programming,
    2026", not "Deep Learning, 2016")."""
    tail = _VOLUME_TAIL.search(title)
    head = _ACRONYM_TAIL.sub("", title[:tail.start()] if tail else title).strip()
    if _VENUE_START.search(head) or _VENUE_TITLE.search(head):
        return True
    if tail is None or not 1 <= len(head.split()) <= 6 or not head[:1].isupper():
        return False
    # a year alone may follow a short title too ("Deep Learning, 2016"): then a venue's word is needed
    return not YEAR_ALONE.fullmatch(tail.group()) or bool(VENUE.search(head))


def no_papers_title(title: str) -> bool:
    """Whether a paper's title is another part of its entry read apart: the venue's name
    (``venue_named``), a journal's abbreviated name ("Comm. Math. Sci. 11(2)") or a byline of last
    names ("Zhang, Ma, Chen, Yin, et al")."""
    return venue_named(title) or abbreviated(title) or len(_surnames(_ET_AL.sub(" ", title).strip())) >= 3


_LINK_LABELS = re.compile(r"(?:\s*\[[^\[\]]{1,30}\])+\s*$")
"""Bracketed link labels after a title ("Title [Arxiv] [Code] [4 min video]")."""


def _agree(paper: PaperText, reading: PaperText | None) -> None:
    """The structure of the entry corrects the rules where both read the same paper: authors the
    same but for words the rules kept on the last names (a venue run into the byline: "Olga
    Russakovsky ICCV" before the italic "ICCV 2021") or for the names they stopped before (a byline
    over two lines, a last name with a venue after it), a title the same but for the venue the rules
    kept after it ("Title, Statistica Sinica, 34: 527-546")."""
    if reading is None or len(reading.authors) < len(paper.authors) \
            or not fold(paper.title).startswith(fold(reading.title)):
        return
    pairs = list(zip(paper.authors, reading.authors[:len(paper.authors)], strict=True))
    if not all(fold(a).startswith(fold(b)) for a, b in pairs):
        return
    paper.authors = list(reading.authors)
    if len(reading.title) < len(paper.title) and re.match(r"\s*[,.;:]", paper.title[len(reading.title):]):
        paper.title = reading.title
        paper.year = paper.year or reading.year


_PUBLICATION_KEYS = ("publication", "publication_types", "publication_type", "journal", "venue", "doi",
                     "booktitle", "pub_type")


def is_publication(data: dict[str, object]) -> bool:
    """Whether front matter describes a publication (Hugo Academic, academicpages): authors and a
    venue, a DOI or a publication type; or an item of a ``publications`` collection."""
    keys = {str(k).lower() for k in data}
    if str(data.get("collection") or "").lower() in ("publications", "publication", "papers"):
        return True  # academicpages: an item of the site's publications collection
    return "authors" in keys and bool(keys & set(_PUBLICATION_KEYS)) and "event" not in keys


def front_matter_papers(document: Document) -> list[PaperText]:
    """The paper a page's front matter describes (a publication's own page), and the papers of a
    list in it whose items each give a title and authors (``publications: [{title, authors, ...}]``,
    as Jekyll layouts read them)."""
    data = document.front_matter
    if not data:
        return []
    found = _front_matter_paper(document, data) if is_publication(data) else []
    for value in data.values():
        found.extend(p for item in listed_publications(value) for p in _front_matter_paper(document, item))
    return found


def data_file_papers(document: Document) -> list[PaperText]:
    """The publications of a data file (Jekyll's ``_data/papers.yml``, a list of mappings each with a
    title, authors and a venue or a year, or a year's key over its list): the lists that
    ``listed_publications`` takes, and elsewhere each mapping that ``is_publication`` takes, those
    whose keys are a paper's (``paper_like``), each on the line of its title."""
    found: list[PaperText] = []
    pending: list[Any] = list(data_trees(document))
    while pending and len(pending) < 10_000:
        value = pending.pop(0)
        if isinstance(value, dict):
            pending.extend(v for v in value.values() if isinstance(v, (list, dict)))
            continue
        if not isinstance(value, list):
            continue
        items = [v for v in listed_publications(value) or [v for v in value if isinstance(v, dict)
                                                              and is_publication(v)] if paper_like(v)]
        for item in items:
            for paper in _front_matter_paper(document, item):
                paper.title = _markup_dropped(str(item["title"]).strip())  # the whole of its title's value
                probe = paper.title[:30]
                line = next((n for n, text in enumerate(document.lines, start=1)
                             if re.match(r"\s*(?:-\s*)?title\s*:", text) and probe in _markup_dropped(text)),
                            paper.line)
                paper.line, paper.at = line, f"line {line}"
                found.append(paper)
        pending.extend(v for v in value if isinstance(v, (list, dict)) and not any(v is i for i in items))
    return found


def _markup_dropped(text: str) -> str:
    """A data file's text without the HTML it carries ("<em>memery</em>: Analyzing ...")."""
    if "<" not in text:
        return text
    return str(lxml.html.fragment_fromstring(text, create_parent="span").text_content()).strip()


_TALK_KEYS = frozenset({"speaker", "speakers", "presenter", "start", "end", "time", "when", "room",
                        "session", "slot", "location"})
"""Keys of a talk's item in front matter (its speaker, its time, its room), which a paper's has not."""


def listed_publications(value: object) -> list[dict[str, Any]]:
    """The items of a front matter list that are publications: each gives a title and its authors,
    at least two and most of the list doing so (a list of talks names speakers, or gives times)."""
    items: list[dict[str, Any]] = [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
    listed = [v for v in items if isinstance(v.get("title"), str) and (v.get("authors") or v.get("author"))
              and not any(str(k).lower() in _TALK_KEYS for k in v)]
    return listed if len(listed) >= 2 and len(listed) >= 0.5 * len(items) else []


def _front_matter_paper(document: Document, data: dict[str, Any]) -> list[PaperText]:
    title = data.get("title")
    listed = data.get("authors") or data.get("author") or []
    if isinstance(listed, str):  # "P. Perrault, E. Boursier and M. Valko"
        listed = _HTML_TAG.sub("", listed)  # "A, <strong>The Owner</strong>, B": the owner marked in bold
        listed = _author_list(listed) or [listed]
    authors = [bare for a in listed if isinstance(a, str) and (bare := _HTML_TAG.sub("", a).strip())]
    if not isinstance(title, str) or not title.strip() or not authors:
        return []
    year = YEAR.search(str(data.get("date") or data.get("year") or data.get("publishDate") or ""))
    venue = data.get("publication") or data.get("journal") or data.get("venue") or data.get("conference")
    heads = [(n, text) for n, text in enumerate(document.lines[:document.front_matter_lines], start=1)
             if re.match(r"\s*(?:-\s*)?title\s*[:=]", text)]
    line = next((n for n, text in heads if title.strip()[:30] in text), heads[0][0] if heads else 1)
    return [PaperText(clean_title(title) or title.strip(), int(year.group(1)) if year else None,
                      [strip_honorifics(a) for a in authors],
                      venue=str(venue).strip("*_ ") if venue else None, line=line, at=f"line {line}",
                      confidence=0.95)]


_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
"""An HTML tag left in a front-matter value ("<strong>", "</b>", "<u>")."""


def landing_sections(document: Document) -> list[Document]:
    """The Markdown (or HTML) a landing page keeps in its front matter, one document each: Hugo
    Wowchemy's ``sections: - block: markdown / content: text: |`` blocks, which the site renders as the
    page's body. Each keeps the lines it has in the file, sought after the section before it."""
    sections = document.front_matter.get("sections") if document.front_matter else None
    if not isinstance(sections, list):
        return []
    head = document.lines[:document.front_matter_lines]
    found = []
    start = 0  # sections often open alike ("<div style=...>"): each is sought after the one before
    for section in sections:
        content = section.get("content") if isinstance(section, dict) else None
        text = content.get("text") if isinstance(content, dict) else None
        if not isinstance(text, str) or text.count("\n") < 2:
            continue
        first = next(line.strip() for line in text.splitlines() if line.strip())
        at = next((n for n in range(start, len(head)) if head[n].strip() == first), 0)
        start = max(start, at + 1)
        source = "\n" * at + text
        found.append(Document(document.path, source, markdown_tree(markdown_source(source))))
    return found


_HARD_BREAK_END = re.compile(r"(?: {2,}|\\|<br\s*/?>)\s*$", re.IGNORECASE)


def _soft_joined(document: Document, block: Block) -> Block:
    """A Markdown block whose source lines end in no hard break (two spaces, a backslash, ``<br>``)
    with its line breaks read as spaces: a citation reflowed in the source ("... Semiparametric
    Density" / "Ratio Model ...") is one sentence, as the rendered page shows it. Not when the title
    is marked (linked, bold, quoted): there the breaks still part the authors from the venue."""
    if document.is_html or "\n" not in block.text or block.line < 1 or _marked_title(block.text, block.spans):
        return block  # a marked title needs no joining, and the breaks still part authors from venue
    source = document.lines[block.line - 1:block.line + block.text.count("\n")]
    if any(_HARD_BREAK_END.search(line) for line in source[:-1]) or any(
            re.match(r"\s*(?:[-*+]|\d+[.)])\s", line) for line in source[1:]):
        return block
    return dataclasses.replace(block, text=re.sub(r"\s*\n\s*", " ", block.text))


def _title_above(block: Block, above: Block, in_section: bool) -> PaperText | None:
    """A paper whose title is the block above and whose byline opens this block: "Title" then
    "A. Smith, B. Jones" (and maybe the venue on the next line), as cards of two parts print it."""
    line = block.text.split("\n")[0]
    first = re.split(r"\s+[—–|·](?:\s+|$)", line)[0]  # "A. Smith, B. Jones — Venue"
    sentences = _sentences(first)
    authors = _author_list(line) or (_stacked(above) and (  # "A. Smith, B. Jones. Venue, 2022"
        _author_list(first) or (_author_list(sentences[0]) if len(sentences) > 1 else [])
        or _author_list(_leading_authors(first) or "")))
    if not authors or 0 < above.level < 3 or above.level and _SECTION.search(above.text) \
            or not -1 <= block.line - above.line <= (4 if above.level else 2) \
            or _one_link_item(block) and _one_link_item(above):
        return None  # (a card's own line may come first: its title is a child element on the next)
    title = clean_title(above.text.replace("\n", " "))
    if not title or not 3 <= len(title.split()) <= 40 or is_name(title) or _author_list(title) \
            or _VENUE_NAME.search(title) or label_of(title):
        return None
    years = YEAR.findall(block.text)
    if not (in_section or years and (len(authors) >= 2 or VENUE.search(block.text)
                                      or any(s.kind == "i" for s in block.spans))):  # an italic journal
        return None
    return PaperText(title, int(years[-1]) if years else None, authors, line=above.line,
                     url=_first_link(above.spans), at=f"line {above.line}",
                     confidence=0.8 if in_section else 0.6, guessed=[] if in_section else ["kind"])


def _one_link_item(block: Block) -> bool:
    """Whether a list item is one link and nothing else: items so alike are a list of linked titles
    ("Multi-Property Synthesis" under another linked title is the next paper, not its byline)."""
    text = " ".join(block.text.split())
    return block.tag == "li" and any(s.kind == "a" and " ".join(s.text.split()) == text for s in block.spans)


def title_then_byline(block: Block, in_section: bool) -> PaperText | None:
    """An entry printed on lines of its own: the title, then the authors, then the venue and year
    ("Title" / "T Muranushi, J Makino" / "Procedia Computer Science 51 (2015)"), as Google Scholar
    exports and hand-written cards lay it out; ``None`` unless the second line is all names."""
    lines = [line.strip() for line in _NUMBERED.sub("", block.text).split("\n") if line.strip()]
    if not 2 <= len(lines) <= 6:
        return None
    authors = _author_list(lines[1])
    quoted = _marked_title(lines[0], [])  # 'U.S. Patent 11124196 "Receding horizon state estimator"'
    title = quoted or clean_title(lines[0])
    if not authors or not title or not 3 <= len(title.split()) <= 40 or is_name(title) \
            or not quoted and re.search(r"[.;]\s+\S", lines[0].rstrip(". ")) \
            or _author_list(lines[0]) or _VENUE_NAME.search(title) or label_of(title) or YEAR.search(title):
        return None
    rest = " ".join(lines[2:])
    years = YEAR.findall(rest)
    if not (in_section or years and (len(authors) >= 2 or VENUE.search(rest))):
        return None
    url = _first_link([s for s in block.spans if s.text in lines[0]]) or _first_link(block.spans)
    return PaperText(title, int(years[-1]) if years else None, authors, line=block.line, url=url,
                     at=f"line {block.line}", confidence=0.8 if in_section else 0.6,
                     guessed=[] if in_section else ["kind"])


def _owner_alone(found: list[PaperText], alone: list[tuple[Block, int | None]]) -> list[PaperText]:
    """The owner's single-author papers on a page that never prints the owner: where at least three
    entries name only the coauthors ("**Title**, 2018, *joint with A*, Venue"), an entry of the same
    shape with no coauthors ("**Title**, 2016, Political Analysis") is the owner's alone."""
    if sum("owner" in p.guessed for p in found) < 3:
        return _titles_and_years(alone)
    more = []
    for block, _year in alone:
        text = _NUMBERED.sub("", block.text).strip()
        opening = next((s for s in block.spans if s.kind == "b" and text.startswith(s.text.strip())), None)
        title = clean_title(opening.text) if opening is not None else None
        after = text[len(opening.text.strip()):] if opening is not None else ""
        years = YEAR.findall(after[:20])  # "**Title**, 2016, Venue": the year right after the title
        if not title or len(title.split()) < 3 or is_name(title) or not years:
            continue
        more.append(PaperText(title, int(years[0]), [], line=block.line,
                              url=_first_link(block.spans), at=f"line {block.line}", confidence=0.6,
                              guessed=["owner"]))
    return more


def _sole_entries(found: list[PaperText], alone: list[tuple[Block, int | None]],
                  blocks: list[Block]) -> list[PaperText]:
    """On a page whose entries name only the owner's coauthors ("Title (with A and B)" / "Venue,
    2020"), at least three of them, an entry of the same two-part shape without coauthors ("Title" /
    "Journal 131 (2006), 119-165") is the owner's alone: its first line the title, the lines under it
    the venue and year. Such an entry read as a link with no authors, or with "authors" from its venue
    line ("Duke Math. J."), or not read, becomes that."""
    if sum("owner" in p.guessed for p in found) < 3:
        return found
    at = {b.line: b for b in blocks}
    kept = list(found)
    for n, paper in enumerate(found):
        block = at.get(paper.line or -1)
        under = fold(" ".join(block.text.split("\n")[1:])) if block is not None else ""
        read_from_venue = all(fold(a) in under for a in paper.authors)
        sole = _sole_entry(block) if block is not None and read_from_venue and "owner" not in paper.guessed \
            else None
        if sole is not None:
            kept[n] = sole
    return kept + [p for p in (_sole_entry(b) for b, _ in alone) if p is not None]


def _sole_entry(block: Block) -> PaperText | None:
    lines = [line.strip() for line in _NUMBERED.sub("", block.text).split("\n") if line.strip()]
    if not 2 <= len(lines) <= 4:
        return None
    title, rest = clean_title(lines[0]), " ".join(lines[1:])
    if not title or len(title.split()) < 2 or YEAR.search(title) or is_name(title) or _author_list(title) \
            or re.search(r"\bwith\b", rest, re.IGNORECASE) or _WITH.search(lines[0]) or abbreviated(title) \
            or _VENUE_NAME.search(title) or _author_list(lines[1]) or author_names(lines[1]) \
            or _leading_authors(lines[1]):
        return None  # (a byline under the title: the entry names its authors)
    years = YEAR.findall(rest)
    if not years or not (VENUE.search(rest) or abbreviated(rest) or _NUMBERS_OF.search(rest)):
        return None
    return PaperText(title, int(years[0]), [], line=block.line, url=_first_link(block.spans),
                     at=f"line {block.line}", confidence=0.6, guessed=["owner"])


_NUMBERS_OF = re.compile(r"\d+\s*[-–]\s*\d+|\bno\.\s*\d|\bvol\.", re.IGNORECASE)
"""Volume, number and pages ("131, no. 1 (2006), 119-165")."""


def _titles_and_years(alone: list[tuple[Block, int | None]]) -> list[PaperText]:
    """The owner's papers a publications section lists by title and year alone ("Title, 2025+",
    "Title / 2024, Under review", "*Title*, *Venue*, 2017" whose marked opening run is the title): kept
    when at least three entries of the section have that shape, the shape repeated being the evidence;
    an entry stating a day or a time is an announcement, not such an entry."""
    more = []
    for block, _year in alone:
        text = _NUMBERED.sub("", block.text).strip()
        year = YEAR.search(text)
        if year is None or find_times(text) or any(getattr(f.value, "day", None) for f in find_dates(text)):
            continue  # (a day or a time: a dated announcement, "Seminar #3 Title Speaker, July 3rd, 2025")
        head = text[:year.start()]
        opening = next((s.text.strip() for s in block.spans if s.kind in ("i", "b", "a") and s.text.strip()
                        and head.startswith(s.text.strip())), None)
        if opening is not None and len(opening.split()) >= 3 and _little_unmarked(block, head[len(opening):]):
            head = opening  # "*Title*, *Venue*, 2017": the marked run opening the entry is its title
        title = clean_title(re.sub(r"[\s,;:.$~\\(\[–—-]+$", "", head))
        rest = text[year.end():]
        if not title or len(title.split()) < 3 or is_name(title) or title.count(",") > 1 \
                or _VENUE_TITLE.search(title) or len(rest.strip(" ,.;:()+")) > 40 \
                or re.search(r"\b(?:prize|award|finalist|version)\b", title, re.IGNORECASE):
            continue
        more.append(PaperText(title, int(year.group(1)), [], line=block.line, url=_first_link(block.spans),
                              at=f"line {block.line}", confidence=0.5, guessed=["owner"]))
    return more if len(more) >= 3 else []


def title_of_citation(text: str) -> str:
    """The title inside a whole citation read as one title ("Title. Journal of X, 61(1-4)", "Ph.D
    Dissertation. Title"): its first sentence of three words or more that names no authors and no
    venue, when the other sentences are short or a venue; else the text as it is."""
    pieces = _sentences(text)
    if len(pieces) < 2:
        return text
    for n, piece in enumerate(pieces):
        if len(piece.split()) < 3 or _author_list(piece) or _VENUE_NAME.search(piece) \
                or _MEETING.search(piece):
            continue
        others = pieces[:n] + pieces[n + 1:]
        if all(len(o.split()) <= 3 or VENUE.search(o) or re.search(r"\d", o) for o in others):
            return clean_title(piece) or text
        return text
    return text


def _stacked(above: Block) -> bool:
    """Whether a block can be a title standing alone above its byline ("Title" / "A. Smith and
    B. Jones" / "Journal, 2020", as list-group items and cards print an entry): one line, no year,
    and not itself a citation."""
    text = above.text.strip()
    return "\n" not in text and not YEAR.search(text) and not re.search(r"[.;]\s+\S", text.rstrip(". ")) \
        and not text.endswith(":") and above.tag not in ("td", "th") \
        and not re.search(r"\d[/:.]\d\d", text)  # a list's lead ("Selected publications:"), a date, a cell


def _like_the_others(found: list[PaperText], doubtful: list[tuple[Block, int | None]]) -> list[PaperText]:
    """The entries of a publication list that did not pass alone (one author, no venue word): read
    again as citations, each with a year, when the page already lists at least three papers with
    their authors (a single-author paper among coauthored ones is still a paper)."""
    read = [p for p in found if "owner" not in p.guessed and p.authors and p.line is not None]
    if len(read) < 3:
        return []
    more = []
    for block, year in doubtful:
        paper = _line_entry(block, True)  # "Fishman, Alon. (2023). Title. Venue": one author
        if paper is not None and (paper.year or year):
            paper.year = paper.year or year
            paper.confidence, paper.guessed = 0.6, ["kind"]
            more.append(paper)
    return more


def _page_year(document: Document, parts: Layout) -> int | None:
    """The one year a page's title or first heading names (a workshop's accepted papers)."""
    title = document.front_matter.get("title") if document.front_matter else None
    heading = next((b.text for b in parts.blocks if b.level == 1), "")
    years = set(YEAR.findall(f"{title if isinstance(title, str) else ''} {heading}"))
    return int(years.pop()) if len(years) == 1 else None


def _first_link(spans: list[Span]) -> str | None:
    return next((s.href for s in spans if s.kind == "a" and s.href and s.href.startswith("http")), None)


_ARXIV_ID = re.compile(r"^arxiv\b|\barxiv:\s?\d{4}\.\d{4,5}", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?:\[\d+\]|\(?\d{1,3}[.)]|[-–—•]\s)\s*")


def citation(block: Block, in_section: bool) -> PaperText | None:
    """A paper read from one entry, or ``None`` when the block is not a citation."""
    text = _NUMBERED.sub("", block.text)
    text = re.sub(r"\s+", " ", text.replace("\n", " ; ")).strip()
    years = YEAR.findall(text)
    year = int(years[-1]) if years else _section_year(block.section)
    title = _marked_title(text, block.spans)
    authors_text = ""
    joint = _WITH.search(text)
    coauthors = _author_list(joint["co"] or joint["line"]) if joint else []
    if joint and coauthors:  # "Title (with A and B), Venue 2020", "Title / with A and B / Venue"
        title = title or clean_title(text[:joint.start()])
        if not title or len(title.split()) < 3 or is_name(title) or not (years or in_section):
            return None
        return PaperText(title, year, coauthors, line=block.line,
                         url=_first_link(block.spans), at=f"line {block.line}", confidence=0.6,
                         guessed=["owner"])
    bracketed = re.match(r"^(?:#?\d+\s*[:.]\s*)?(?P<title>[^()]{12,}?)\s*\((?P<authors>[^()]+)\)", text)
    if not title and bracketed and _author_list(bracketed["authors"]):
        title, authors_text = clean_title(bracketed["title"]), bracketed["authors"]  # "Title (A and B)"
    if title and not authors_text:
        at = text.find(title)
        before, after = text[:max(at, 0)], text[at + len(title):] if at >= 0 else ""
        before = before.rstrip(" \"“‘«`")  # the quotes around the title
        after = re.sub(r"^[,.;:]?[\"”’»']+", "", after)
        # APA: "A, B (2020). Title."
        before = re.sub(r"\s*[(\[]?(?:19|20)\d{2}[a-z+]?(?:,[^()\[\]]{1,20})?[)\]]?\s*[.,:]?\s*$", "", before)
        following = [p for p in re.split(r"\s;\s|(?<![A-Z])\.\s", after) if p.strip(" .,;:")]
        byline_text = following[0] if following else ""
        led = re.match(r"^\s*(?:by\b|[-–—:])\s*", byline_text, re.IGNORECASE)  # "Title by A", "Title — A"
        byline_text = _BYLINE_END.split(byline_text[led.end():] if led else byline_text)[0]
        byline = _leading_authors(byline_text) if byline_text else None
        authors_text = before if _author_list(before) else byline if byline else before
        if not _author_list(authors_text):
            surnames = _leading_surnames(byline_text) if led else []
            if surnames:
                authors_text = ", ".join(surnames)
            else:
                coauthors = _with_after(after)
                if coauthors and (years or in_section):  # "Title ; Venue 2024, with A, B and C."
                    return PaperText(title, year, coauthors, line=block.line, url=_first_link(block.spans),
                                     at=f"line {block.line}", confidence=0.6, guessed=["owner"])
    elif not title:
        pieces = _sentences(re.sub(r"\s*\((?:19|20)\d{2}[a-z+]?\)\.?", ".", text))  # APA: "N. (2020)."
        pieces = [part.strip() for piece in pieces for part in (  # DBLP: "A, B: Title. Venue"
            piece.split(":", 1) if ":" in piece and _author_list(piece.split(":", 1)[0]) else [piece])]
        for n, piece in enumerate(pieces):
            if _author_list(piece) and len(pieces) > 1:
                ahead = pieces[n - 1] if n >= 1 else None
                behind = pieces[n + 1] if n + 1 < len(pieces) else None
                title_first = ahead and not VENUE.search(ahead) and len(ahead.split()) >= 3
                chosen = ahead if title_first else behind
                title = clean_title(chosen) if chosen else None
                authors_text = piece
                break
        if not title:
            found = _by_commas(text)
            if found:
                authors_text, title = ", ".join(found[0]), clean_title(found[1])
    if not title or len(title.split()) < 3 or is_name(title) or _ARXIV_ID.search(title):
        return None  # "arXiv preprint arXiv:1307.0411": the venue, the title missing
    others = bool(_ET_AL.search(authors_text))  # "Saxton et al.": coauthors not named
    authors = _author_list(authors_text) or _surnames(authors_text) or (
        _first_of_others(_ET_AL.sub(" ", authors_text)) if others else [])
    venue_like = bool(VENUE.search(text)) or bool(years)
    if not authors or not (venue_like or in_section):
        return None
    if not in_section and (len(authors) < 2 and not others or not (year or _PAPER_HREF.search(text) or any(
            s.href and _PAPER_HREF.search(s.href) for s in block.links))):
        return None  # outside a publications section: coauthors, and a year or a link to the paper
    return PaperText(title, year, authors, line=block.line, url=_first_link(block.spans),
                     at=f"line {block.line}", confidence=0.85 if in_section else 0.6,
                     guessed=[] if in_section else ["kind"])


def structured(block: Block, in_section: bool) -> PaperText | None:
    """A paper read from the structure of an entry (``segments.read_citation``), when the rules
    above find no title or take the whole entry for one."""
    text = re.sub(r"[^\S\n]+", " ", _NUMBERED.sub("", block.text)).strip()
    text = re.sub(r"\[([^\[\]]+)\]\(\S+?\)", r"\1", text)  # Markdown left as text ("[Title](url)")
    reading = read_citation(text.replace("\n", " "), block.spans, listed=True) \
        or read_citation(text, block.spans, listed=True)
    if reading is None or is_name(reading.title) or _ARXIV_ID.search(reading.title):
        return None
    if not in_section and (len(reading.authors) < 2 or reading.year is None):
        return None
    return PaperText(clean_title(reading.title) or reading.title, reading.year, reading.authors,
                     line=block.line, url=_first_link(block.spans), at=f"line {block.line}",
                     confidence=0.8 if in_section else 0.6, guessed=[] if in_section else ["kind"])


def _whole_entry(title: str) -> bool:
    """Whether a title read by the rules is the whole entry: it holds a year, or opens with the
    authors ("A, B (2023). Title. Venue")."""
    parts = segments(title)
    return bool(YEAR.search(title)) or "](" in title or len(parts) >= 2 and bool(author_names(parts[0]))


_DATED_VENUE = re.compile(r"\b\d+\s*(?:\(\d+\))?\s*[:,]\s*\d+\s*[-–]\s*\d+\b.*\b(?:19|20)\d{2}\b|"
                          r"\w{2,},\s*(?:19|20)\d{2}\W*$")
"""A volume, its pages and the year ("8: 119-167, 2026", "67(9), 1336-1349, 2020"), or a name the
year ends after a comma ("Cambridge University Press, UK, 2018."): a venue, which no title holds."""
_BYLINE_END = re.compile(r"\s*[(\[]\s*(?:19|20)\d{2}[a-z+]?\s*[)\]]|\s[·|•]\s")
"""Where a byline after its title ends: a year in brackets or a middle dot ("A, B (2017) · arXiv")."""
_SURNAME = re.compile(r"[^\W\d_][\w'’-]+")


def _surnames(text: str) -> list[str]:
    """Authors given by their last names only, after a title's "by" or dash ("by Fisher, Nemhauser
    and Wolsey", "— Cohen & Welling"); [] unless every part is one capitalised word that is no
    title word."""
    pieces = [p.strip(" .") for p in re.split(r",\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*",
                                                   text.strip(" .,;:\"“”'‘’"))]
    if not pieces or not all(pieces) or len(pieces) > 30:
        return []
    for piece in pieces:
        if not _SURNAME.fullmatch(piece) or not piece[0].isupper() or piece.lower() in TITLE_WORDS \
                or word_leaning(piece) == "title":
            return []
    return pieces


def _first_of_others(text: str) -> list[str]:
    """The first author before "et al.": a last name ("Saxton et al.") or, in the MLA order, a last
    and a first name ("Biamonte, Jacob, et al." is Jacob Biamonte)."""
    names = _surnames(text)
    if len(names) == 2 and re.fullmatch(r"\W*[^\W\d_][\w'’-]+,\s*[^\W\d_][\w'’-]+\W*", text):
        return [f"{names[1]} {names[0]}"]
    return names


def _leading_surnames(text: str) -> list[str]:
    """The last names a byline opens with, before its venue and year ("Bardenet, Doucet and Holmes,
    JMLR 2017"); [] when what follows the names is no venue."""
    names = _surnames(text)
    if names:
        return names
    pieces = [p.strip() for p in text.split(",")]
    for end in range(len(pieces) - 1, 0, -1):
        rest = ",".join(pieces[end:])
        if YEAR.search(rest) or VENUE.search(rest):
            names = _surnames(",".join(pieces[:end]))
            if names:
                return names
    return []


def _with_after(after: str) -> list[str]:
    """Coauthors named after a title by "with" ("NeurIPS 2024, with A, B, and C. [bib]")."""
    found = re.search(r"(?:^|[\s,;(])with\s+(?P<co>.+)", after, re.IGNORECASE)
    if found is None or found.start() > 120:
        return []
    sentence = _sentences(found["co"])
    return _author_list(sentence[0]) if sentence else []


def _leading_authors(text: str) -> str | None:
    """The authors a byline starts with, before its venue or status ("A, B, and C, Submitted, 2019")."""
    pieces = text.split(",")
    for end in range(len(pieces), 0, -1):
        head = ",".join(pieces[:end])
        if _author_list(head):
            return head
    return None


def _section_year(section: str) -> int | None:
    years = YEAR.findall(section)
    return int(years[0]) if len(set(years)) == 1 else None


def _marked_title(text: str, spans: list[Span]) -> str | None:
    """The part of a citation marked as its title: quoted, linked, bold, or italics not a venue."""
    for quoted in re.finditer(r"“([^”]{10,})”|\"([^\"]{10,})\"|``(.{10,}?)''|‘([^’]{10,})’", text):
        inside = next(g for g in quoted.groups() if g)
        if " " in inside.strip() and not _quoted_in_title(text, quoted, spans):
            return clean_title(inside)  # (not a file name in an attribute: filename="paper.bib")
    for kind in ("a", "b", "i"):
        for span in spans:
            words = [w for w in span.text.split() if len(re.sub(r"[\W\d_]", "", w)) >= 2]
            if span.kind != kind or len(words) < 3 or is_name(span.text) or _author_list(span.text):
                continue  # (words of letters: "(2024), no. 20, 1-35" is the volume and pages)
            if kind == "i" and (_italic_venue(span.text) or _after_authors_and_title(text, span.text)) \
                    or re.match(r"\W*(?:joint work )?with\s", span.text):
                continue  # a venue in italics, or the coauthors ("*with A and B*")
            if len(words) <= 5 and _VENUE_NAME.search(span.text) or abbreviated(span.text):
                continue  # a linked or bold journal ("[Physical Review Letters](doi) 103.15", "Adv. Math.")
            if kind != "i" and _DATED_VENUE.search(span.text):
                continue  # a linked venue with its volume, pages and year ("Data Science 8: 119-167, 2026.")
            if kind == "a" and re.fullmatch(r"\W*(?:pdf|arxiv|code|slides|link|doi|html|paper)\W*",
                                            span.text, re.IGNORECASE):
                continue
            marked = _NUMBERED.sub("", span.text)  # "**1. Title**": the number is the list's
            if marked in text and len(marked.split()) >= 3:
                return clean_title(marked)
    return None


def _quoted_in_title(text: str, quoted: re.Match[str], spans: list[Span]) -> bool:
    """Whether a quoted run is a part of the title rather than the title: a bold or linked run opens
    with it and goes on past it ("**“Any Other Thoughts, Hedgehog?” Linking Deliberation Chains**"; not
    a link around a whole citation, '[Frankle, Carbin "Title" (2019)](url)'), or a word of a sentence
    leads into it ('Comment on "Weak Signal Asymptotics" by A and B')."""
    run = " ".join(quoted.group(0).split())
    for span in spans:
        marked = " ".join(span.text.split())
        if span.kind in ("a", "b") and marked.startswith(run) and len(marked.split()) >= len(run.split()) + 2:
            return True
    before = text[:quoted.start()].split()
    return bool(before) and before[-1] in _LEADING_INTO


_LEADING_INTO = frozenset({"on", "of", "to", "for", "about", "from", "beyond", "towards", "toward"})
"""Words that lead into a quoted phrase inside a title ("Comment on", "A reply to", "Beyond")."""


_MEETING = re.compile(rf"\b(?:{MEETING_WORDS}|arxiv|preprint|proc\.|in:|to appear|"
                      r"accepted|submitted|in press|forthcoming|under review)|^in\s", re.IGNORECASE)
"""A meeting's word or a publication's status: a venue, not a title."""


_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,5}\.")


def abbreviated(text: str) -> bool:
    """Whether a marked run is a journal's abbreviated name ("Bull. Lond. Math. Soc.", "Int. Math. Res.
    Not.", also with its volume and pages after it): most of its words before any number are short
    capitalised abbreviations, which a title's words are not."""
    words = re.split(r"[\d(\[]", text, maxsplit=1)[0].split()
    return len(words) >= 2 and sum(bool(_ABBREVIATION.fullmatch(w)) for w in words) >= 0.6 * len(words)


def _after_authors_and_title(text: str, italic: str) -> bool:
    """Whether italics follow a byline and a plain sentence ("A, B, and C. Title. *Venue*, 2016", as
    bibtex2html prints): then they are the venue, whatever its words."""
    at = text.find(italic)
    before = _sentences(text[:at]) if at > 0 else []
    return len(before) >= 2 and bool(_author_list(before[0])) and len(before[1].split()) >= 2


def _italic_venue(text: str) -> bool:
    """Whether italics hold a venue ("Annals of Statistics", "In NeurIPS 2019") rather than a title
    with a venue word in it ("More efficient manual review of transcribed tabular data"): a journal's
    or a meeting's word, or a venue word in a short phrase."""
    return bool(_VENUE_NAME.search(text) or _MEETING.search(text) or YEAR.search(text)
                or VENUE.search(text) and len(text.split()) <= 6)


_WITH = re.compile(r"\s*[(\[]\s*(?:joint(?: work)?\s+)?with\s+(?P<co>[^()\[\]]{3,300})[)\]]|"
                   r"\s;\s[:\s]*(?:joint(?: work)?\s+)?with\s+(?P<line>[^;]{3,300}?)\s*(?=\s;\s|$)",
                   re.IGNORECASE)
"""Coauthors in brackets after a title ("(with A and B)", "(joint work with A)"): the page's owner
wrote the paper with them."""


_NOT_A_STOP = re.compile(r"[A-Z]|[A-Z]\.[A-Z]|[A-Z]-[A-Z]|vs|Proc|Conf|Vol|pp|no|No|Jr|Sr|St|Inc|eds?|Ed",
                         re.ASCII)


def _sentences(text: str) -> list[str]:
    """A citation cut at ". " (not after an initial or an abbreviation) and at " ; " line breaks."""
    pieces, start = [], 0
    for match in re.finditer(r"\.\s+|\s;\s", text):
        before = text[start:match.start()].split()
        last = before[-1].strip("(") if before else ""
        if match.group(0).startswith(".") and _NOT_A_STOP.fullmatch(last):
            continue
        pieces.append(text[start:match.start()])
        start = match.end()
    pieces.append(text[start:])
    return [p.strip(" .,") for p in pieces if p.strip(" .,")]


def _by_commas(text: str) -> tuple[list[str], str] | None:
    """"A. Smith, M. Jones, Title, Venue, 2019": the names that open a comma list, and the part after,
    up to its comma ("and" parts the names, not the title: "Matrix and Tensor Query Languages")."""
    names: list[str] = []
    start = 0
    for separator in [*re.finditer(r",\s*(?:and\s+|&\s*)?|\s+and\s+", text), None]:
        part = text[start:separator.start() if separator else len(text)].strip()
        if _author_list(part):
            names.append(part)
            start = separator.end() if separator else len(text)
            continue
        comma = text.find(",", start)
        title = text[start:comma if comma >= 0 else len(text)].strip()
        if names and len(part.split()) >= 3:
            return names, title
        return None
    return None


def _author_list(text: str) -> list[str]:
    """The authors of a byline, in order; [] when the text is not one."""
    text = _ET_AL.sub(" ", text).strip(" .,;:()\"“”'‘’«»")
    text = re.sub(r"[,\s]+(?:19|20)\d{2}[a-z]?$", "", text)  # "(A & B, 2023)": the year after the names
    text = re.sub(r"\*|†|‡|\^\S*|(?<=[^\W\d])\d{1,2}(?=,|\s|$)", "", text)  # footnote marks, not years
    text = re.sub(r"\s*\((?:eds?|equal contribution|(?:in )?(?:alphabetical|random) order[^()]*)\.?\)?",
                  "", text, flags=re.IGNORECASE)
    if not text or len(text) > 600:
        return []
    pieces = [p.strip(" .") for p in re.split(r",\s*(?:and\s+|&\s*)?|\s+and\s+|\s*[&®ⓡ]\s*|;\s*", text)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return []
    if len(pieces) >= 2 and all(_INITIALS.match(p.replace(" ", "")) for p in pieces[1::2]) and all(
            re.fullmatch(r"[^\W\d][\w'’-]+(?: [^\W\d][\w'’-]+)?", p) for p in pieces[0::2]):
        pieces = [f"{pieces[i]}, {pieces[i + 1]}." .replace("..", ".")
                  for i in range(0, len(pieces) - 1, 2)]  # APA: "Truong, C., & Oudre, L."
        return pieces
    if len(pieces) >= 3 and _SURNAME.fullmatch(pieces[0]) and _GIVEN.fullmatch(pieces[1]):
        rest = _author_list(", ".join(pieces[2:]))
        if rest and all(len(r.split()) >= 2 and r[0].isupper() for r in rest):
            # MLA: "Wilson, Andrew G., and Pavel Izmailov": the first author's names turned, the others'
            # in order ("Chambaz, Neuvial and van der Laan" is three last names)
            given = re.sub(r"(?<=\b[A-Z])$", ".", pieces[1])
            return [f"{given} {pieces[0]}", *rest]
    if len(pieces) >= 2 and re.search(r"\s(?:and|&)\s", text) and all(_last_name(p) for p in pieces):
        return pieces  # last names alone, joined by "and" ("Chambaz, Neuvial and van der Laan")
    names, doubtful = [], 0
    for piece in pieces:
        name = strip_honorifics(piece)
        if is_name(name) or re.fullmatch(r"(?:[A-Z](?:\.-?|-)\s?)+\s*[^\W\d][\w'’-]+(?: [^\W\d][\w'’-]+)?",
                                         name) or _VANCOUVER.fullmatch(name):
            names.append(name)
        elif _CAPITALISED.fullmatch(name) and not any(w.lower() in TITLE_WORDS for w in name.split()):
            names.append(name)  # a name the word lists do not know ("Ahmet Alper Özüdoğru"), among names
            doubtful += 1
        else:
            return []
    return names if 2 * doubtful <= len(names) - doubtful else []


PARTICLE = r"(?:van|von|de|der|den|del|della|di|da|du|le|la|ter)"
"""A particle before a last name ("van der Laan", "de Sa")."""
_PARTICLED = re.compile(rf"(?:{PARTICLE}\s+)*"
                        r"[A-Z][^\W\d_]+(?:[-'’][A-Z][^\W\d_]+)?")


def _last_name(piece: str) -> bool:
    """Whether a piece of a byline is a last name alone ("Neuvial", "van der Laan"), no word of a
    title and no acronym."""
    last = piece.split()[-1] if piece.split() else ""
    return bool(_PARTICLED.fullmatch(piece)) and last[1:].islower() and last.lower() not in TITLE_WORDS \
        and word_leaning(last) != "title"  # (not an acronym: "JMLR")


_VANCOUVER = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-ÿ][\w'’-]*(?: [A-ZÀ-ÖØ-Þ][a-zß-ÿ][\w'’-]*)? [A-Z]{1,3}")
"""A name in the Vancouver style of medicine and PubMed: the last name, then the initials run together
("Holsbø E", "Olsen KS", "Pedersen BR")."""
_GIVEN = re.compile(r"[A-Z][\w'’-]*\.?(?: [A-Z][\w'’-]*\.?){0,2}")
"""A first author's given names in the MLA order ("Andrew G", "Danilo Jimenez", "Aram W")."""
_CAPITALISED = re.compile(r"[^\W\d_][\w'’-]+(?: [^\W\d_][\w'’-]+){1,3}")


_READING = re.compile(r"read|papers?\b|material|literature|references?|suggest|further|supplement|discussion|"
                      r"bibliograph|resources|articles?", re.IGNORECASE)
_PAPER_HREF = re.compile(r"arxiv\.org|doi\.org|openreview\.net|proceedings|papers\.nips|jmlr\.org|"
                         r"aclanthology|\.pdf(?:$|[?#])|/doi/", re.IGNORECASE)
"""A link to a paper: a preprint server's, a DOI (also as a publisher's path, "/doi/pdf/10.1145/..."),
proceedings, a PDF."""
_LINK_WORD = re.compile(r"\W*(?:paper|pdf|arxiv|preprint|article|video|slides|code|talk|poster|blog|"
                        r"website|project|html|bib(?:tex)?|recording|youtube|github)\W*", re.IGNORECASE)
_PAPER_WORD = re.compile(r"^\W*(?:paper|pdf|arxiv|preprint|article)\W*$", re.IGNORECASE)


def linked_paper(block: Block, section: str) -> PaperText | None:
    """A paper a reading list gives as a link: an item that is mostly a link to a paper (arXiv, DOI,
    a PDF) under a reading, material or publications heading, or an entry "Title [Paper]" whose "Paper" link
    points to one. Its authors are not printed."""
    links = [s for s in block.spans if s.kind == "a" and s.href and _PAPER_HREF.search(s.href)]
    listing = bool(_READING.search(section) or _SECTION.search(section) and not _NOT_SECTION.search(section))
    if not links or block.depth == 0 and block.tag != "li" and not listing:
        return None
    text = re.sub(r"\s+", " ", block.text).strip()
    main = max(links, key=lambda s: len(s.text))
    title: str | None = None
    if len(main.text) >= 0.6 * len(text) and listing:
        title = clean_title(main.text)
    elif any(_PAPER_WORD.match(s.text) for s in links):  # "Title [ [Paper](arxiv) ]"
        rest = re.sub(r"\[[^\]]*\]|\(\s*\)", " ", text)
        for span in reversed(block.links):  # "Title video | paper": the words of the links after it
            if _LINK_WORD.fullmatch(span.text):
                rest = re.sub(r"(?:\s*[|·,/]\s*|\s+)" + re.escape(span.text) + r"\s*$", "",
                              rest.rstrip(" |·,/"))
        rest = re.sub(r"^\s*(?:\[?[\d/.-]+\]?)?\s*(?:\*\*[^*]+\*\*|[A-Z][\w ]{0,30}?)\s+[-–—:]\s+", "", rest)
        marked = next((s.text for s in block.spans if s.kind in ("b", "i") and len(s.text.split()) >= 3),
                      None)
        title = clean_title(marked or rest.strip(" -–—[]"))
    if not title or len(title.split()) < 3 or is_name(title) or len(title) > 250:
        return None
    return PaperText(title, None, [], url=main.href, line=block.line, at=f"line {block.line}",
                     confidence=0.5, guessed=["authors"])


def _bibtex(document: Document, parts: Layout) -> list[PaperText]:
    """Papers of the BibTeX a page shows in ``<pre>`` blocks or links to (a ``.bib`` file beside
    the page), read by the project's BibTeX reader."""
    texts: list[tuple[str, int, str]] = [(b.text, b.line, f"line {b.line}") for b in parts.blocks
                                         if b.tag == "pre" and re.search(r"@\w+\s*\{", b.text)]
    if document.path.suffix.lower() == ".bib":  # a BibTeX file given as the page itself
        texts = [(document.source, 1, document.path.name)]
    for link in {s.href for b in parts.blocks for s in b.links if s.href}:
        if link.lower().endswith(".bib") and not re.match(r"\w+://", link):
            path = (document.path.parent / link.lstrip("/")).resolve()
            if path.is_file():
                texts.append((path.read_text(encoding="utf-8", errors="replace"), 0, path.name))
    found = []
    for text, line, where in texts:
        for entry in bibtex.parse(text):
            if isinstance(entry, Problem):
                continue
            paper = bibtex.paper_of(entry, where)
            if isinstance(paper, Problem):
                continue
            found.append(PaperText(clean_title(paper.title) or paper.title, paper.year, paper.authors,
                                   venue=paper.venue, url=paper.url, at=paper.at, confidence=0.9,
                                   line=line + entry.line - 1 if line else None))
    return found


def _owner(found: list[PaperText], blocks: list[Block]) -> str | None:
    """The name most entries share: the owner of a publication page."""
    counts = Counter(fold(a) for p in found for a in p.authors)
    if not counts or len(found) < 3:
        return None
    top, n = counts.most_common(1)[0]
    if n < 0.5 * len(found):
        return None
    return next(a for p in found for a in p.authors if fold(a) == top)


_PUBLICATION_PAGE = re.compile(r"(?:publications?|papers?|pubs|preprints?|research)", re.IGNORECASE)
"""The stem of a personal site's publication page ("publications.md", "papers.html", "research.html")."""


def listed_owner(document: Document, parts: Layout) -> str | None:
    """The owner of a personal page shown by the papers it lists, else by those of the publication
    page beside it (``publications.md``, ``papers.html``, ``research.html`` in its folder, in the
    order of ``_publication_pages``): the author most of its entries share, first name first."""
    owner = papers(document, parts)[1]
    for path in _publication_pages(document.path) if owner is None else []:
        try:
            sibling = read_document(path)
        except DataError:  # "papers.pdf", an empty page: no list to read the owner from
            continue
        owner = papers(sibling, layout(sibling))[1]
        if owner:
            break
    return _first_name_first(owner) if owner else None


_PAGE_SUFFIXES = frozenset(".md .markdown .html .htm .txt .rst .qmd .rmd .php .jemdoc".split())
"""The files a publication page beside a talk list may be (not its PDF or its picture)."""


def _publication_pages(path: Path) -> list[Path]:
    """The publication pages in ``path``'s folder, by name in reverse order (``research``, then
    ``publications``, then ``papers``; of one name the dated copies newest first, then the undated)."""
    try:
        beside = [p for p in path.parent.iterdir() if p.is_file() and p.name != path.name]
    except OSError:
        return []
    pages = [p for p in beside if _PUBLICATION_PAGE.fullmatch(p.stem.split("@")[0])
             and p.suffix.lower() in _PAGE_SUFFIXES]
    return sorted(pages, key=lambda p: (p.stem.split("@")[0], p.name), reverse=True)


def _first_name_first(name: str) -> str:
    """"Dablander, F." → "F. Dablander"; a name written first name first is kept."""
    last, comma, first = name.partition(",")
    return f"{first.strip()} {last.strip()}" if comma and first.strip() else name


def _unique(found: list[PaperText]) -> list[PaperText]:
    """One paper per title, the first listed; its authors from the reading that names the most
    ("Biamonte, Wittek and Lloyd" over "Biamonte, Jacob, et al." of the same paper)."""
    kept: dict[str, PaperText] = {}
    for paper in found:
        first = kept.setdefault(fold(paper.title), paper)
        if len(paper.authors) > len(first.authors) and first.authors:
            first.authors = paper.authors
    return list(kept.values())
