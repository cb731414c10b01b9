"""How well a page supports each talk read from it, and the talks ``kg ingest`` abstains from.

A talk a page really announces shows the shape of one: a day, a time, a marked title, a speaker
whose name is a person's, on a page whose other speakers are people too, read the way most of the
page's talks were read (a table row among table rows). A reading that lacks most of these (a
heading read as a speaker, an untitled undated line, a place or a country read as a name, a stray
paragraph beside a schedule table), or that shows what a talk is not (an entry of a list of
publications, a "speaker" whose affiliation lists co-authors, a title that is a field's label) is
weakly supported. ``support`` weighs that evidence into a probability that the reading is a talk of
the page; the weights are those of a logistic regression fitted on the development half of the real
pages (``bench/talk_support.py`` fits and scores them), rounded; ``paper_entry``, of which the
development half holds too few rows to fit it, is set to take a named, titled reading dated by its
year alone under the threshold. ``cited_byline`` (every speaker printed family name first, before
a comma, as a reference prints its authors) is weighed by hand too, at -2.0: the development half
shows a few rows of it, all entries of reference lists, and no talk. ``own_list``, set by hand too,
takes a titled entry of a personal talk list whose owner the page never names (its speaker left to
``--speaker``) over the threshold. A talk below ``ABSTAIN_BELOW`` is kept in the extraction with that
low confidence and marked ``weak``: ``kg ingest --dry-run`` lists it, ``kg ingest`` leaves it out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from kg.ingest.pages.blocks import Block
from kg.ingest.pages.entries import heading_label
from kg.ingest.pages.extracted import PageExtract, TalkText
from kg.ingest.pages.fields import is_name, word_leaning

ABSTAIN_BELOW = 0.5
"""Talks whose support is under this are left out by ``kg ingest`` (chosen on the development half)."""

BIAS = -2.75
WEIGHTS = {"dated": 2.25, "timed": 0.65, "titled": 1.15, "has_title": 0.65, "named": 1.3,
           "name_words": 1.45, "page_name_words": 1.25, "few": -0.6, "several_speakers": -0.45,
           "other_reading": -2.05, "author_list": -3.55, "label_title": -2.3, "paper_entry": -3.5,
           "cited_byline": -2.0, "own_list": 1.0}
"""Log-odds that a reading is a talk: each piece of evidence a talk shows, and the page's."""

_CJK_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def has_name_words(talk: TalkText) -> bool:
    """Whether a speaker of the talk holds a word mostly seen in people's names in the field's
    bibliographies ("Felix", "Chen"), or is written in a CJK script (whose names the list lacks)."""
    for speaker in talk.speakers:
        if _CJK_NAME.search(speaker.name) or any(
                word_leaning(w) == "name" for w in speaker.name.split() if _name_word_shaped(w)):
            return True
    return False


def _name_word_shaped(word: str) -> bool:
    """Whether a word can stand for a name by itself: capitalised ("de" and "da" are in many names,
    and in "Departamento de Estatística" too; "Du" and "Van" are names' own words)."""
    return word[:1].isupper()


_PAPER_LIST = re.compile(r"\b(?:publications?|papers?|preprints?|articles?|bibliography|"
                         r"publicaciones|publicações|publikationen)\b", re.IGNORECASE)
"""A heading over a list of papers ("Publications", "Selected papers", "Preprints")."""
_TALK_LIST = re.compile(r"\b(?:talks?|presentations?|lectures?|seminars?|colloqui\w*|schedule|programm?e?|"
                        r"agenda|speakers?|sessions?|workshops?|meetings?|reading group)\b", re.IGNORECASE)
"""A heading that names talks or the meeting they are given at: papers under it are presented."""


def paper_list_lines(blocks: Iterable[Block], page_title: str = "") -> frozenset[int]:
    """The lines of the blocks that stand in a list of papers: a heading above them (or the page's
    title) names publications and none names talks, a meeting or a programme."""
    lines = set()
    for block in blocks:
        heads = (*block.context, page_title)
        if any(_PAPER_LIST.search(h) for h in heads) and not any(_TALK_LIST.search(h) for h in heads):
            lines.add(block.line)
    return frozenset(lines)


def _author_list(talk: TalkText) -> bool:
    """Whether the first speaker's "affiliation" is a list of people ("Ada Lovelace (Charles
    Babbage, Mary Somerville)"): the first author of a paper, its co-authors after it."""
    affiliation = (talk.speakers[0].affiliation or "") if talk.speakers else ""
    parts = [p.strip(" *.") for p in re.split(r",|;|\band\b", affiliation.strip("() .*")) if p.strip(" *.")]
    names = sum(is_name(p) for p in parts)
    return names >= 2 and 3 * names >= 2 * len(parts)  # not a place's parts ("Gif-sur-Yvette, France")


def _cited_byline(talk: TalkText) -> bool:
    """Whether every one of two speakers or more is printed family name first, before a comma
    ("Wang, Y.", "Blei, D. M."): the byline of a reference, which a programme never prints."""
    return len(talk.speakers) >= 2 and all("," in s.name for s in talk.speakers)


def _label_title(title: str | None) -> bool:
    """Whether a title is the label of a field or of a part of the page ("Speakers",
    "Organisateurs:", "Morning 2:"), not a talk's title."""
    title = (title or "").strip()
    return bool(title) and (title.endswith((":", "：")) or heading_label(title) is not None)


@dataclass(frozen=True)
class PageShape:
    """What the evidence of every talk of a page shares: how many talks, the share of their
    speakers with name words, and the way most of them were read."""

    talks: int
    name_words: float
    reading: str | None
    paper_lines: frozenset[int] = field(default_factory=frozenset)
    """The lines of the page that stand in a list of papers (``paper_list_lines``)."""

    @classmethod
    def of(cls, talks: list[TalkText], paper_lines: frozenset[int] = frozenset()) -> PageShape:
        """The shape of the talks read from one page (``paper_lines``: the lines in its lists of papers)."""
        if not talks:
            return cls(0, 0.0, None, paper_lines)
        names = sum(has_name_words(t) for t in talks) / len(talks)
        return cls(len(talks), names, Counter(t.read_as for t in talks).most_common(1)[0][0], paper_lines)


def evidence(talk: TalkText, talks: list[TalkText], shape: PageShape | None = None) -> dict[str, float]:
    """The evidence ``support`` weighs, for one talk among the talks read from its page."""
    shape = shape or PageShape.of(talks)
    day = talk.day or ""
    named = bool(talk.speakers) and all(is_name(s.name) for s in talk.speakers)
    return {"dated": float(len(day) >= 7), "timed": float(talk.clock is not None),
            "titled": float(bool(talk.title) and "title" not in talk.guessed),
            "has_title": float(bool(talk.title)), "named": float(named),
            "name_words": float(has_name_words(talk)), "page_name_words": shape.name_words,
            "few": float(shape.talks <= 2), "several_speakers": float(len(talk.speakers) >= 2),
            "other_reading": float(shape.talks >= 3 and talk.read_as != shape.reading),
            "author_list": float(_author_list(talk)), "label_title": float(_label_title(talk.title)),
            "paper_entry": float(talk.line in shape.paper_lines and len(day) < 7 and talk.clock is None),
            "cited_byline": float(_cited_byline(talk)),
            "own_list": float(not talk.speakers and "speaker" in talk.guessed and bool(talk.title))}


def support(talk: TalkText, talks: list[TalkText], shape: PageShape | None = None) -> float:
    """How likely the reading is a talk the page announces (0 to 1), from its evidence."""
    score = BIAS + sum(WEIGHTS[k] * v for k, v in evidence(talk, talks, shape).items())
    return 1 / (1 + math.exp(-score))


def weigh(found: PageExtract, paper_lines: frozenset[int] = frozenset()) -> None:
    """Lower each talk's confidence to its support, and mark ``weak`` those ``kg ingest`` leaves out
    (``paper_lines``: the lines of the page that stand in a list of papers)."""
    shape = PageShape.of(found.talks, paper_lines)
    for talk in found.talks:
        chance = support(talk, found.talks, shape)
        talk.confidence = round(min(talk.confidence, chance), 2)
        talk.weak = chance < ABSTAIN_BELOW


def kept(found: PageExtract) -> PageExtract:
    """The extraction without its weak talks (and the day events only they stood on)."""
    talks = [t for t in found.talks if not t.weak]
    if len(talks) == len(found.talks):
        return found
    used = {t.event for t in talks}
    events = [e for e in found.events if e.part_of is None or e.key in used]
    return replace(found, talks=talks, events=events)
