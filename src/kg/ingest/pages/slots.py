"""A programme slot's talk read past the label that names the kind of slot.

A programme often opens a slot's text with what kind of slot it is, set apart by a colon, a dash,
bold type or brackets, and only then gives the speaker and the title: "**Invited talk 1:** Julia
Kiseleva", "Keynote – Ada Lovelace: Notes on engines", "**Talk** (Tristan Deleu): Causal Discovery".
Read whole, the label passes for a title, or the bracketed speaker for a remark. ``read_slot``
reads the text as ``entries.read`` does, and when that finds no speaker and the text opens with such
a label, reads what follows the label instead; a speaker in brackets just after the label is the
slot's speaker whatever the whole text gave ("(Tristan Deleu): Causal Discovery" is read as
"Tristan Deleu: Causal Discovery").
"""

from __future__ import annotations

import re

from kg.ingest.pages.blocks import Span
from kg.ingest.pages.entries import Fields, read, speakers_of
from kg.ingest.pages.fields import find_times

_LABEL = re.compile(
    r"^\W*(?P<label>(?:(?:invited|keynote|contributed|spotlight|plenary|oral|lightning|short|long|featured|"
    r"guest|student|tutorial|opening|closing|special|distinguished|main|mini)\s+)*"
    r"(?:talks?|lectures?|presentations?|keynotes?|tutorials?|address|speakers?|speech|plenary|spotlight)"
    r"(?:\s*#?\d{1,2}[a-z]?)?)(?P<mark>\s*[:–—-]\s*|\s*(?=\())?", re.IGNORECASE)
"""The label of a slot's kind at the head of its text ("Invited talk 1:", "Keynote –", "Talk ("),
the colon, dash or bracket after it included."""
_BRACKETED_FIRST = re.compile(r"^\(\s*(?P<who>[^()]{3,120}?)\s*\)\s*[:–—-]?\s*(?P<rest>.*)$", re.DOTALL)


def read_slot(text: str, spans: list[Span] | None = None, day_first: bool = False) -> Fields:
    """The fields of a slot's text (``entries.read``), read past a leading label of the slot's kind
    when the whole text gives no speaker."""
    fields = read(text, spans, day_first)
    if not fields.speakers or any(_overlaps(p.name, s.text) for p in fields.speakers for s in spans or []
                                  if s.kind in _MARKS):
        split = _split_at_mark(text, spans or [], day_first)
        if split is not None:
            return split
    rest = after_label(text, spans or [])
    if rest is None:
        return fields
    bracketed = _BRACKETED_FIRST.match(rest)
    if bracketed and speakers_of(bracketed["who"]):  # "Talk (Ada Lovelace): Notes": the label's speaker
        rest = f"{bracketed['who']}: {bracketed['rest']}" if bracketed["rest"].strip() else bracketed["who"]
    elif fields.speakers:
        return fields
    kept = [s for s in spans or [] if s.text.strip() and s.text.strip() in rest]
    inner = read(rest, kept, day_first)
    return inner if inner.speakers else fields


_MARKS = frozenset({"b", "i", "a"})
_MIN_MARKED = 8


def _overlaps(name: str, marked: str) -> bool:
    """Whether a speaker's name read from a slot ran into the slot's marked title."""
    return len(marked) >= _MIN_MARKED and (marked in name or name in marked)


def _split_at_mark(text: str, spans: list[Span], day_first: bool) -> Fields | None:
    """A timed slot whose title is set apart only by its type ("10:30 Armin Biere **The Art of SAT**"):
    the words between the time and the marked run are the speaker when they read as names, the run
    (and what follows it) the title."""
    first = text.split("\n", 1)[0]
    for span in spans:
        marked = span.text.strip()
        at = first.find(marked) if span.kind in _MARKS and len(marked) >= _MIN_MARKED else -1
        if at <= 0:
            continue
        before = first[:at]
        times = find_times(before)
        if not times or times[0].start > 2:
            return None  # a slot opens with its time; a line of a name and a link is no slot
        who = before[times[0].end:].strip(" \t:,;|–—-")
        if not who or not speakers_of(who):
            continue
        head = before[:times[0].end]  # the slot's time stays
        fields = read(f"{head.strip()} {who} | {marked}{first[at + len(marked):]}".strip(), [span], day_first)
        if fields.speakers and fields.title and not any(_overlaps(p.name, marked) for p in fields.speakers):
            return fields
    return None


_NOTE_FIRST = re.compile(r"^\([^()]{1,40}\)\s*[:–—-]\s*")
"""A note in brackets between a slot's label and its title ("(Best Paper): ")."""


def title_past_label(title: str) -> str:
    """A title without the label of the slot's kind written before it and set apart by a colon or
    a dash ("Invited Talk #4: Defending Against Adversarial Examples", "Contributed Talk #3 (Best
    Paper): BadNets"); a lecture's number stays ("Lecture 3: Convexity" is a course's title)."""
    match = _LABEL.match(title)
    if match is None or "lecture" in match["label"].lower():
        return title
    rest = title[match.end():]
    if not (match["mark"] or "").strip():
        if not _NOTE_FIRST.match(rest.lstrip()):
            return title  # "Talks on engines", "Talk (Ada): ...": no label set apart
        rest = rest.lstrip()
    rest = _NOTE_FIRST.sub("", rest).strip()
    return rest if len(rest.split()) >= 2 else title


def is_label(text: str) -> bool:
    """Whether ``text`` is only the label of a slot's kind ("Invited Talk", "Keynote Speech:")."""
    match = _LABEL.match(text)
    return match is not None and not text[match.end():].strip(" :*_")


def after_label(text: str, spans: list[Span]) -> str | None:
    """What follows the label of a slot's kind that opens ``text`` ("Invited talk 1: Julia
    Kiseleva" → "Julia Kiseleva"), or ``None`` when no label, set apart, opens it."""
    first = text.split("\n", 1)[0]
    times = find_times(first)
    start = 0
    if times and times[0].start <= 2:  # "09:00–09:40 Invited talk 1: ...": the slot's time stays
        start = times[0].end + len(first[times[0].end:]) - len(first[times[0].end:].lstrip(" |,–—-"))
    match = _LABEL.match(first[start:])
    if match is None:
        return None
    label = match["label"]
    marked = any(s.kind in ("b", "i") and s.text.strip(" :–—-").lower() == label.lower() for s in spans)
    if not (match["mark"] or marked):
        return None  # "Talks on engines": a title that starts with the word
    rest = text[start + match.end():].strip()
    return (text[:start] + rest) if rest else None
