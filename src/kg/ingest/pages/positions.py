"""Positions and honorifics printed around a person's name, read from one table.

A page prints a speaker as "Associate Professor Ada Lovelace", "Prof. Dr. Ada Lovelace", "Ada
Lovelace, PhD" or "Ada Lovelace, Senior Lecturer": the words around the name are the
speaker's position or a form of address, not their name. ``split_position`` takes them off and hands
the position on (a form of address such as "Dr." or "Ms" is no position); ``strip_position`` keeps
the name only. The table lists each position once, in English and in the other languages pages are
written in; ranks ("Associate", "Senior", "Visiting") combine with the positions they qualify.
"""

from __future__ import annotations

import re

_ADDRESS = (
    r"Mr|Mrs|Ms|Mx|Mme|Mlle|Sir|Dame|Herr|Frau|Sig\.?ra|Sig(?=\.)|Dott(?:\.ssa|ssa)?|Dra|Drs|Dr|"
    r"Ing|Mag|Dipl\.-Ing|M\.\s?Sc|MSc|B\.\s?Sc|BSc|Pr(?=\.)|PD(?=\s+Dr\b)"
)
"""Forms of address and degrees printed before a name: stripped, and no position."""

_RANK = (
    r"associate|assistant|adjunct|full|visiting|emeritus|emerita|distinguished|honorary|clinical|"
    r"tenured|tenure-track|chair|chaired|research|senior|principal|staff|lead|chief|junior|"
    r"postdoctoral|post-doctoral|teaching|doctoral|graduate|"
    r"assoc\.?|asst\.?|adj\.?|a/|univ\.-|jun\.-|apl\.|hon\.?"
)
"""Ranks that qualify a position ("Associate" Professor, "Senior" Lecturer)."""

_POSITION = (
    # English
    r"professor|prof|lecturer|research\s+scientist|scientist|research\s+fellow|fellow|"
    r"researcher|postdoc|ph\.?\s?d\.?\s+(?:candidate|student|researcher)|candidate|student|"
    # German, Dutch, Scandinavian
    r"professorin|priv\.-doz|doz|dozent|dozentin|docent|hoogleraar|universitair\s+docent|"
    r"lektor|forsker|"
    # French, Spanish, Portuguese, Italian
    r"professeur|professeure|ma[iî]tre\s+de\s+conf[eé]rences|profesor|profesora|catedr[aá]tic[oa]|"
    r"professora|profa|prof\.ssa|prof\.a|profª|ricercatore|ricercatrice|investigador|investigadora"
)
"""Positions themselves, in English and in the other languages pages are written in."""

_ALONE = frozenset({"candidate", "student", "fellow", "scientist", "researcher", "lektor", "forsker",
                    "investigador", "investigadora", "ricercatore", "ricercatrice"})
"""Positions that say too little to be read before a name without a rank ("Fellow Ada" is rare,
"Student Ada" a label): they count only after a rank ("Research Fellow", "PhD Student")."""

_AFTER_RANK = (
    r"emeritus|emerita|titular|titulaire|associado|associada|adjunto|adjunta|associato|associata|"
    r"aggregato|associ[eé]e?|invitado|invitada|invit[eé]e?|ordinario|ordinaria"
)
"""Ranks printed after their position ("Professor Emeritus", "Profesor Titular")."""

_ONE = rf"(?:(?:{_RANK})\s*)*(?:{_POSITION})(?:\s+(?:{_AFTER_RANK})\b)?"
_BEFORE = re.compile(
    rf"^(?P<run>(?:(?:{_ONE}|{_ADDRESS})\.?(?:\s+|(?<=\.)(?-i:(?=[A-Z]))))+)", re.IGNORECASE)
"""A run of positions and forms of address before a name ("Associate Professor ", "Prof. Dr. ")."""

_DEGREES = r"Ph\.?\s?D\.?|D\.?\s?Phil\.?|M\.D\.|Sc\.D\.|M\.?\s?Sc\.?|FRS|FRSE|FBA|FREng|FIEEE"
_AFTER = re.compile(
    rf"(?:,?\s+(?:{_DEGREES})(?!\w)\.?|,\s*(?P<position>{_ONE})\.?)+$", re.IGNORECASE)
"""Degrees and one position after a name ("Ada Lovelace, PhD", "Ada Lovelace, Senior Lecturer")."""

LEADING_DEGREE = re.compile(rf"^(?:{_DEGREES})(?:,\s*|\s*$)", re.IGNORECASE)
"""A degree opening what follows a name and its comma ("Ada Lovelace, PhD, Analytical University")."""

def _is_position(text: str) -> bool:
    words = text.lower().split()
    return not (len(words) == 1 and words[0].strip(".") in _ALONE)


def split_position(text: str) -> tuple[str, str | None]:
    """A printed name → (the name, the position printed around it, or ``None``).

    "Associate Professor Ada Lovelace" → ("Ada Lovelace", "Associate Professor"); "Prof. Dr. Ada
    Lovelace" → ("Ada Lovelace", "Prof."); "Ada Lovelace, PhD" → ("Ada Lovelace", None).
    """
    name, positions = text.strip(), []
    while True:
        match = _BEFORE.match(name)
        if not match or not match["run"].strip() or not _keep_before(match):
            break
        rest = name[match.end():].strip()
        if not rest or not rest[0].isupper():
            break
        positions += [p.strip() for p in _positions_in(match["run"])]
        name = rest
    after = _AFTER.search(name)
    if after and after.start() > 0 and (not after["position"] or _is_position(after["position"])):
        if after["position"]:
            positions.append(after["position"].strip())
        name = name[: after.start()].strip(" ,")
    position = next((p for p in positions if _is_position(p) and p.lower().strip(".") not in ("prof", "pr")),
                    None)
    return name, position


def _keep_before(match: re.Match[str]) -> bool:
    """Whether a run read before a name holds no lone weak position ("Student Ada" is a label)."""
    return all(_is_position(p) for p in _positions_in(match["run"]))


def _positions_in(run: str) -> list[str]:
    return [m.group(0) for m in re.finditer(rf"\b{_ONE}\b\.?", run, re.IGNORECASE)
            if not re.fullmatch(rf"(?:{_ADDRESS})", m.group(0), re.IGNORECASE)]


def is_position(text: str) -> bool:
    """Whether ``text`` is one position and nothing else ("Associate Professor", "PhD candidate";
    not "Fellow" alone, which says too little)."""
    text = text.strip(" ,.;:")
    return bool(re.fullmatch(rf"{_ONE}\.?", text, re.IGNORECASE)) and _is_position(text)


def strip_position(text: str) -> str:
    """A printed name without the positions and forms of address around it."""
    return split_position(text)[0]
