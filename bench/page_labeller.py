"""A learned second reader of pages, measured and kept as a harness: pieces of a page's blocks
labelled speaker / title / other by a small trained model, then assembled into talks by one
generic rule (issue 10, round 9; figures in BENCHMARKS.md, "Learned line labeller").

The rule readers (``kg.ingest.pages.talks``, ``units``) know the layouts people wrote rules for.
This reader knows none: it cuts every block of the page (and every table row) into candidate
pieces (the whole block, its parts between strong separators, its clauses, the parts between weak ones, its
bold, italic and linked spans), describes each piece by its layout and content (tag, heading level,
list depth, how often the page repeats the block's shape, the label before it, separators around
it, name-like or title-like words, dates, times, length, quotes, the neighbouring blocks, and the
pairs of the key ones) and scores it with a multinomial logistic regression that
``bench/train_labeller.py`` fits on the gold of the corpus's development half. Inference is a sum
of weights per piece, from a plain dict.

``learned_talks`` walks the labelled pieces in reading order and closes a talk when a second
speaker (not beside the first), a second title or a new date comes; it assembles the page twice,
with the speaker and with the title opening each talk, and keeps the assembly that pairs them in
one block more often. Dates take the year of the last heading naming one, else the page's most
stated year.

It stayed out of ``src/``: beside the rule readers it added about a talk in a hundred on the
check half and the blind lists, at about as many spurious rows (``bench/labeller_eval.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from kg.ingest.pages.blocks import Block, Layout
from kg.ingest.pages.extracted import SpeakerText, TalkText
from kg.ingest.pages.fields import (
    find_dates,
    find_times,
    fold,
    is_given_name,
    is_name,
    is_organization,
    is_placeholder,
    strip_honorifics,
    word_leaning,
)

LABELS = ("speaker", "title", "other")
_STRONG = re.compile(r"\n|\s+\|\s+|\t|\s+[-–—]{1,2}\s+|\s*;\s+|\s+[·•]\s+|\s*–\s*(?=[A-Z])")
_CLAUSE = re.compile(_STRONG.pattern + r"|:\s+|,\s+|\s*\(|\)\s*")
_WEAK = re.compile(_CLAUSE.pattern + r"|\s+(?:by|with|and|at|from)\s+|\s+@\s+")
_LABEL = re.compile(r"(\w[\w ]{0,20}?)\s*:\s*$")
_LABEL_WORDS = {"speaker": "speaker", "speakers": "speaker", "presenter": "speaker", "by": "speaker",
                "title": "title", "talk": "title", "topic": "title", "paper": "title",
                "abstract": "abstract", "date": "date", "when": "date", "time": "date",
                "where": "place", "location": "place", "venue": "place", "room": "place",
                "bio": "bio", "biography": "bio", "affiliation": "place", "host": "host",
                "hosts": "host", "chair": "host", "organizer": "host", "organizers": "host"}
_SECTION_TALKS = re.compile(r"talk|seminar|schedule|program|agenda|speaker|session|lecture|upcoming|"
                            r"past|calendar|colloqui|meeting|reading|invited", re.IGNORECASE)
_SECTION_PAPERS = re.compile(r"publication|paper|preprint|news|teaching|student|award|service|"
                             r"contact|about|member|people|organi[sz]er|sponsor", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_QUOTES = "\"“”«»‘’'"
_MAX_BLOCK = 600
"""Longer blocks (abstracts, biographies) are read only through their spans and first parts."""
_MAX_PIECES = 40


@dataclass
class Piece:
    """A candidate piece of one block's text: where it is and how it was cut."""

    text: str
    block: int
    start: int
    end: int
    grain: str
    """``block`` (the whole), ``part`` (strong separators), ``clause`` (and commas, colons, brackets),
    ``piece`` (and words such as "by", "and"), or a span kind."""
    href: str | None = None


def _cuts(text: str, separators: re.Pattern[str]) -> list[tuple[int, int]]:
    """The stretches of ``text`` between separators, spaces trimmed."""
    found, at = [], 0
    for match in separators.finditer(text):
        found.append((at, match.start()))
        at = match.end()
    found.append((at, len(text)))
    trimmed = []
    for start, end in found:
        while start < end and text[start] in " \t*_#>":
            start += 1
        while end > start and text[end - 1] in " \t.,;:*_":
            end -= 1
        if end - start >= 2:
            trimmed.append((start, end))
    return trimmed


def pieces(blocks: list[Block]) -> list[Piece]:
    """Every candidate piece of the blocks, each text once per block."""
    found: list[Piece] = []
    for index, block in enumerate(blocks):
        text = block.text
        seen: set[tuple[int, int]] = set()
        own: list[Piece] = []

        def add(start: int, end: int, grain: str, href: str | None = None,
                _text: str = text, _own: list[Piece] = own, _seen: set[tuple[int, int]] = seen,
                _index: int = index) -> None:
            if (start, end) in _seen or end - start > 300 or len(_own) >= _MAX_PIECES:
                return
            _seen.add((start, end))
            _own.append(Piece(_text[start:end], _index, start, end, grain, href))

        if not text.strip():
            continue
        if len(text) <= _MAX_BLOCK:
            add(0, len(text.rstrip(" .")), "block")
        head = text[:_MAX_BLOCK]
        for start, end in _cuts(head, _STRONG):
            add(start, end, "part")
        for start, end in _cuts(head, _CLAUSE):
            add(start, end, "clause")
        for start, end in _cuts(head, _WEAK):
            add(start, end, "piece")
        for span in block.spans:
            if span.kind not in ("b", "i", "a") or len(span.text.strip()) < 2:
                continue
            start = text.find(span.text.strip())
            if start >= 0:
                add(start, start + len(span.text.strip()), f"span-{span.kind}", span.href)
        found.extend(own)
    return found


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _shape(block: Block) -> str:
    """The shape of a block a page repeats for each of its units."""
    kinds = "".join(sorted({s.kind for s in block.spans}))
    dated = "d" if find_dates(block.text[:200]) else ""
    timed = "t" if find_times(block.text[:200]) else ""
    return f"{block.tag}/{block.level}/{min(block.depth, 3)}/{kinds}/{dated}{timed}"


def _block_features(block: Block, repeats: int) -> dict[str, float]:
    """What a block says about the pieces in it."""
    text = block.text
    features = {f"tag={block.tag}": 1.0, f"level={block.level}": 1.0,
                f"depth={min(block.depth, 3)}": 1.0, f"repeats={_bucket(repeats, (1, 3, 10))}": 1.0,
                f"block_words={_bucket(len(text.split()), (3, 8, 20, 60))}": 1.0}
    if block.role:
        features[f"role={block.role}"] = 1.0
    if find_dates(text[:300]):
        features["block_date"] = 1.0
    if find_times(text[:300]):
        features["block_time"] = 1.0
    section = " ".join(block.context[-2:])
    if _SECTION_TALKS.search(section):
        features["section_talks"] = 1.0
    if _SECTION_PAPERS.search(section):
        features["section_papers"] = 1.0
    if block.struck:
        features["struck"] = 1.0
    return features


def _neighbour_features(block: Block | None, side: str) -> dict[str, float]:
    if block is None:
        return {f"{side}_none": 1.0}
    text = block.text
    features = {f"{side}_tag={block.tag}": 1.0}
    if find_dates(text[:200]):
        features[f"{side}_date"] = 1.0
    if len(text) < 80 and is_name(strip_honorifics(text)):
        features[f"{side}_name"] = 1.0
    if block.level:
        features[f"{side}_heading"] = 1.0
    return features


def piece_features(piece: Piece, block: Block, block_features: dict[str, float]) -> dict[str, float]:
    """The layout and content features of one piece (its block's and neighbours' included)."""
    text = piece.text.strip()
    words = text.split()
    features = dict(block_features)
    features[f"grain={piece.grain}"] = 1.0
    features["bias"] = 1.0
    n = _bucket(len(words), (1, 2, 3, 4, 7, 15))
    features[f"words={n}"] = 1.0
    features[f"grain={piece.grain}&words={n}"] = 1.0
    bare = strip_honorifics(text.strip(_QUOTES + " "))
    name = len(words) <= 8 and is_name(bare)
    if name:
        features["is_name"] = 1.0
        features[f"is_name&grain={piece.grain}"] = 1.0
        features[f"is_name&tag={block.tag}"] = 1.0
    if words and is_given_name(strip_honorifics(text).split()[0] if strip_honorifics(text) else ""):
        features["given_first"] = 1.0
    if bare != text.strip(_QUOTES + " "):
        features["honorific"] = 1.0
    leanings = Counter(word_leaning(w.strip(".,:;()\"'")) for w in words[:20])
    if words:
        features[f"name_words={_bucket(round(4 * leanings['name'] / len(words)), (0, 1, 2, 3))}"] = 1.0
        features[f"title_words={_bucket(round(4 * leanings['title'] / len(words)), (0, 1, 2, 3))}"] = 1.0
        capital = sum(1 for w in words if w[:1].isupper())
        features[f"capital={_bucket(round(4 * capital / len(words)), (0, 1, 2, 3))}"] = 1.0
        lower = sum(1 for w in words if w[:1].islower())
        if lower >= 2:
            features["lower_words"] = 1.0
    if text.isupper() and len(text) > 3:
        features["all_caps"] = 1.0
    if len(words) <= 8 and is_organization(text):
        features["organization"] = 1.0
    if find_dates(text):
        features["has_date"] = 1.0
    if find_times(text):
        features["has_time"] = 1.0
    if re.search(r"\d", text):
        features["digits"] = 1.0
    if re.search(r"https?://|www\.|@\w", text):
        features["url"] = 1.0
    if text[:1] in _QUOTES or text[-1:] in _QUOTES:
        features["quoted"] = 1.0
    if text.endswith("?"):
        features["question"] = 1.0
    if is_placeholder(text):
        features["placeholder"] = 1.0
    before = block.text[:piece.start]
    after = block.text[piece.end:]
    label = _LABEL.search(before)
    if label:
        kind = _LABEL_WORDS.get(fold(label.group(1)).split()[-1] if fold(label.group(1)) else "", "other")
        features[f"label={kind}"] = 1.0
        features[f"label={kind}&grain={piece.grain}"] = 1.0
    stripped = before.rstrip()
    features[f"before={stripped[-1:] if stripped else '^'}"] = 1.0
    stripped = after.lstrip()
    features[f"after={stripped[:1] if stripped else '$'}"] = 1.0
    if piece.start == 0 or not before.strip():
        features["first"] = 1.0
    if not after.strip(" .,;:"):
        features["last"] = 1.0
    if piece.href:
        host = re.sub(r"^https?://(?:www\.)?", "", piece.href).split("/")[0]
        if re.search(r"arxiv|doi|youtube|youtu\.be|vimeo|slides|\.pdf", piece.href, re.IGNORECASE):
            features["href=media"] = 1.0
        elif host:
            features["href=page"] = 1.0
    return features


_KEYS = ("grain=", "is_name", "words=", "label=", "tag=", "before=", "after=", "first", "last", "capital=",
         "name_words=", "title_words=", "block_date", "has_date", "given_first", "organization", "repeats=",
         "quoted", "level=", "lower_words", "section_")
"""The features whose pairs the model weighs too (a name in bold, a long piece after a colon...)."""


def with_pairs(features: dict[str, float]) -> dict[str, float]:
    """The features and the conjunction of each two of the key ones: a linear model's interactions."""
    keys = sorted(k for k in features if k.startswith(_KEYS) and "&" not in k)
    paired = dict(features)
    for i, first in enumerate(keys):
        for second in keys[i + 1:]:
            paired[f"{first}&{second}"] = 1.0
    return paired


def probabilities(features: dict[str, float], model: dict[str, Any]) -> dict[str, float]:
    """The model's probability of each label for one piece (``model``: labels, intercept, weights)."""
    weights: dict[str, list[float]] = model["weights"]
    scores = list(model["intercept"])
    for name, value in features.items():
        row = weights.get(name)
        if row is not None:
            for i, weight in enumerate(row):
                scores[i] += weight * value
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {label: e / total for label, e in zip(model["labels"], exps, strict=True)}


def reading_blocks(parts: Layout) -> list[Block]:
    """The blocks of a page in reading order, each row of its tables among them (at the table's line)
    as one block whose cells are parts (" | " between them)."""
    merged = list(parts.blocks)
    for table in sorted(parts.tables, key=lambda t: t.line, reverse=True):
        rows = []
        for row in table.rows:
            cells = [c for c in row if c.text.strip()]
            if cells:
                rows.append(Block(" | ".join(c.text.replace("|", "/") for c in cells), cells[0].line, "tr",
                                  spans=[s for c in cells for s in c.spans], section=table.section,
                                  context=table.context))
        at = next((i for i, b in enumerate(merged) if b.line > table.line), len(merged))
        merged[at:at] = rows
    return merged


def labelled_pieces(parts: Layout) -> list[tuple[Piece, dict[str, float]]]:
    """Every candidate piece of a page with its features (for training and for reading)."""
    blocks = reading_blocks(parts)
    shapes = [_shape(b) for b in blocks]
    counts = Counter(shapes)
    described: dict[int, dict[str, float]] = {}
    found = []
    for piece in pieces(blocks):
        block = blocks[piece.block]
        if piece.block not in described:
            features = _block_features(block, counts[shapes[piece.block]])
            features.update(_neighbour_features(blocks[piece.block - 1] if piece.block else None, "prev"))
            features.update(_neighbour_features(blocks[piece.block + 1] if piece.block + 1 < len(blocks)
                                                else None, "next"))
            described[piece.block] = features
        found.append((piece, with_pairs(piece_features(piece, block, described[piece.block]))))
    return found


SPEAKER_AT, TITLE_AT = 0.85, 0.85
"""The probability a piece needs to be read as a speaker or a title (the classes are weighted
balanced in training, so the probabilities run high; 0.5 doubled the spurious rows)."""


def _chosen(scored: list[tuple[Piece, dict[str, float]]]) -> list[tuple[Piece, str, float]]:
    """The pieces read as speakers and titles: the likeliest first, none overlapping another."""
    ranked = []
    for piece, probs in scored:
        label = max(("speaker", "title"), key=lambda k: probs[k])
        least = SPEAKER_AT if label == "speaker" else TITLE_AT
        if probs[label] >= least:
            ranked.append((probs[label], piece, label))
    ranked.sort(key=lambda r: (-r[0], r[1].block, r[1].start))
    taken: dict[int, list[tuple[int, int]]] = {}
    chosen = []
    for prob, piece, label in ranked:
        spans = taken.setdefault(piece.block, [])
        if any(piece.start < end and start < piece.end for start, end in spans):
            continue
        spans.append((piece.start, piece.end))
        chosen.append((piece, label, prob))
    chosen.sort(key=lambda c: (c[0].block, c[0].start))
    return chosen


@dataclass
class _Draft:
    speakers: list[tuple[Piece, float]]
    title: tuple[Piece, float] | None
    date: str | None
    clock: Any
    line: int
    speaker_block: int = -1
    own_date: bool = False
    """Whether the date was seen inside the talk (not carried from the talk before it)."""


def _events(blocks: list[Block], chosen: list[tuple[Piece, str, float]],
            day_first: bool) -> list[tuple[Any, ...]]:
    """The page in reading order as what the assembler meets: dates, clock times and labelled pieces."""
    by_block: dict[int, list[tuple[Piece, str, float]]] = {}
    for item in chosen:
        by_block.setdefault(item[0].block, []).append(item)
    events: list[tuple[Any, ...]] = []
    stated = Counter(int(y) for b in blocks for y in _YEAR.findall(b.text[:300]))
    year: int | None = stated.most_common(1)[0][0] if stated else None  # until a heading names one
    for index, block in enumerate(blocks):
        if block.level or block.tag in ("h1", "h2", "h3", "h4"):
            years = _YEAR.findall(block.text)
            if years:
                year = int(years[-1])
        dates = find_dates(block.text[:300], day_first)
        if dates:
            value: Any = dates[0].value
            when = value.with_year(year).iso()
            if when:
                events.append(("date", index, when))
        times = find_times(block.text[:300])
        if times:
            events.append(("time", index, times[0].value[0]))  # type: ignore[index]
        for piece, label, prob in by_block.get(index, []):
            events.append((label, index, piece, prob))
    return events


def _assemble(events: list[tuple[Any, ...]], blocks: list[Block], anchor: str) -> list[_Draft]:
    """Labelled pieces grouped into talks: a piece of the ``anchor`` label opens a talk (a speaker beside
    the speaker before it joins it); any label met twice closes one; so does a second date."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    date: str | None = None
    clock: Any = None
    date_block = -1

    def close() -> None:
        nonlocal current
        if current is not None:
            drafts.append(current)
        current = None

    for event in events:
        kind, index = event[0], event[1]
        if kind == "date":
            if current is not None and current.own_date and current.date != event[2] \
                    and (current.speakers or current.title):
                close()
            date, date_block = event[2], index
            if current is not None:
                current.date, current.own_date = event[2], True
            continue
        if kind == "time":
            clock = event[2]
            if current is not None and current.clock is None:
                current.clock = clock
            continue
        piece, prob = event[2], event[3]
        if current is not None:
            if kind == "speaker":
                beside = current.speakers and current.speaker_block == index and current.title is None
                if (current.speakers and not beside) or (anchor == "speaker" and current.title is not None):
                    close()
            elif current.title is not None or (anchor == "title" and current.speakers):
                close()
        if current is None:
            current = _Draft([], None, date, clock, blocks[index].line, own_date=date_block == index)
        if kind == "speaker":
            current.speakers.append((piece, prob))
            current.speaker_block = index
        else:
            current.title = (piece, prob)
    close()
    return drafts


def _together(drafts: list[_Draft]) -> int:
    """How well an assembly pairs speakers with titles: a pair in one block counts twice."""
    return sum(2 if d.title[0].block == d.speaker_block else 1 for d in drafts if d.speakers and d.title)


def learned_talks(parts: Layout, model: dict[str, Any], day_first: bool = False) -> list[TalkText]:
    """The talks the learned labeller reads on a page, in reading order: assembled with the speaker
    opening each talk and with the title opening it, the assembly that pairs them better kept."""
    blocks = reading_blocks(parts)
    if not blocks:
        return []
    scored = [(piece, probabilities(features, model)) for piece, features in labelled_pieces(parts)]
    events = _events(blocks, _chosen(scored), day_first)
    drafts = max((_assemble(events, blocks, anchor) for anchor in ("speaker", "title")), key=_together)
    talks = []
    seen: dict[tuple[str, str], TalkText] = {}
    for draft in drafts:
        if not draft.speakers:
            continue
        names = [strip_honorifics(p.text.strip(_QUOTES + " ")) for p, _ in draft.speakers]
        title = draft.title[0].text.strip(_QUOTES + " ") if draft.title else None
        if title is not None and is_placeholder(title):
            title = None
        key = (fold(names[0]), fold(title or ""))
        if key in seen and not (draft.date and not seen[key].day):
            continue
        if key in seen:
            talks.remove(seen[key])  # the same talk stated again with its day (a table, then details)
        probs = [p for _, p in draft.speakers] + ([draft.title[1]] if draft.title else [])
        seen[key] = TalkText([SpeakerText(n) for n in names], title, at=f"line {draft.line}",
                             day=draft.date, clock=draft.clock, line=draft.line,
                             confidence=round(0.5 * min(probs), 2), guessed=["speaker", "title"])
        talks.append(seen[key])
    return talks
