"""Relations stated in biographies: advisors, degrees, positions, each with its sentence.

A biography is taken to be about its speaker ("He", "She", the name or the last name). Found:

- advisors: "advised by A and B", "under (the) supervision of Prof. A", "postdoc(toral
  researcher) at X working with A", "PhD advisor was A": a PhD advisor unless the clause is about
  a postdoc; the institution is the one named just before in the same clause;
- degrees: "received/obtained/completed his PhD (in FIELD) from/at INSTITUTION (in YEAR)", several
  degrees in one sentence included;
- positions: "is a ROLE at INSTITUTION" (current), "was / served as / previous appointments
  include ROLE at INSTITUTION" (past), with "from 2005 to 2013" or "Since 2021" as years.

Institutions and names are as printed; ``records`` resolves them to ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.pages import common
from kg.ingest.resolve import institutions


@dataclass(frozen=True)
class AdvisingText:
    """An advisor relation as printed."""

    student: str
    advisor: str
    kind: str
    institution: str | None
    evidence: str


@dataclass(frozen=True)
class EducationText:
    """A degree as printed."""

    person: str
    institution: str
    degree: str
    field: str | None
    year: int | None
    evidence: str


@dataclass(frozen=True)
class PositionText:
    """A position (current or past) as printed."""

    person: str
    institution: str
    role: str | None
    current: bool
    start_year: int | None
    end_year: int | None
    evidence: str


@dataclass
class Relations:
    """Everything one biography states."""

    advising: list[AdvisingText]
    education: list[EducationText]
    positions: list[PositionText]


_DEGREE = (r"(?P<degree>Ph\.?\s?D\.?|doctorate|B\.?\s?S\.?c?\.?|M\.?\s?S\.?c?\.?|B\.?\s?A\.?|M\.?\s?A\.?|"
           r"Masters?|Master's|Bachelors?|Bachelor's|B\.?\s?Tech\.?|M\.?\s?Tech\.?|M\.?\s?Eng\.?|MBA)")
_ORG = r"(?P<inst>(?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|at|for|and|in|de|the|on|&)?\s*" \
       r"(?!(?:Bachelors?|Masters?|Ph\.?\s?D)\b)[A-Z(][\w.&'’()-]*)*" \
       r"(?:,\s+(?:Berkeley|Irvine|San Diego|Los Angeles|Santa Barbara|Davis|Austin|Madison|" \
       r"Turkey|Santa Cruz|Amherst|Urbana-Champaign))?)"
_EDUCATION = re.compile(
    rf"(?:(?:his|her|their|a|an)\s+)?{_DEGREE}(?:\s+degree)?(?:\s+in\s+(?P<field>[^,;]+?))?"
    rf"\s+(?:from|at)\s+{_ORG}(?:\s+in\s+(?P<year>(?:19|20)\d{{2}}))?")
_EARNED = re.compile(r"\b(?:received|obtained|earned|completed|finished|holds|got|graduated)\b")
_ADVISOR_TRIGGER = re.compile(
    r"(?:advised by|under (?:the )?(?:joint )?supervision of|supervised by|working with|"
    r"(?:doctoral|ph\.?d\.?) (?:advisor|adviser|supervisor)s? (?:was|were|is|are)|"
    r"postdoc(?:toral)?(?: \w+)? (?:with|under))\s+", re.IGNORECASE)
_POSTDOC = re.compile(r"\bpost-?doc", re.IGNORECASE)
_PHD = re.compile(r"\b(?:ph\.?\s?d|doctoral|doctorate|dissertation|thesis|graduate student)",
                  re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|served|worked|previous|prior to|formerly|had been|has been|"
                   r"has worked|taught)\b", re.IGNORECASE)
_AT_ORG = re.compile(rf"\b(?:at|in|with)\s+{_ORG}")
_YEARS = re.compile(r"\bfrom\s+((?:19|20)\d{2})\s+(?:to|until|through|-|–)\s+((?:19|20)\d{2})")
_SINCE = re.compile(r"\b[Ss]ince\s+((?:19|20)\d{2})")
DEGREES = {"phd": "PhD", "doctorate": "PhD", "bs": "BS", "bsc": "BS", "ms": "MS", "msc": "MS",
           "ba": "BA", "ma": "MA", "master": "Masters", "masters": "Masters",
           "master's": "Masters", "bachelor": "Bachelors", "bachelors": "Bachelors",
           "bachelor's": "Bachelors", "btech": "BTech", "mtech": "MTech", "meng": "MEng",
           "mba": "MBA"}


def relations(person: str, biography: str, known: frozenset[str] = frozenset()) -> Relations:
    """Advisors, degrees and positions stated in ``biography`` about ``person``."""
    found = Relations([], [], [])
    for sentence in common.sentences(biography):
        found.advising.extend(_advising(person, sentence, known))
        found.education.extend(_education(person, sentence, known))
        found.positions.extend(_positions(person, sentence, known))
    return found


def degree_name(printed: str) -> str:
    """A degree as the records write it: "Ph.D." → PhD, "B.S." → BS, "Masters" stays."""
    folded = re.sub(r"[\s.]", "", printed).lower()
    return DEGREES.get(folded, printed)


def _has_institution(text: str, known: frozenset[str]) -> bool:
    return any(institutions.is_institution(n, known) for n in institutions.institutions(text, known))


def _trim(institution: str) -> str:
    """An institution as printed, without the sentence's full stop ("U." keeps its point)."""
    institution = institution.strip()
    if institution.endswith(".") and not re.search(r"\b[A-Z]\.$", institution):
        institution = institution[:-1]
    return institution.strip()


def institution_names(printed: str, known: frozenset[str] = frozenset()) -> str:
    """The institutions in "a unit at an institution" ("Computer Science at Princeton University" →
    "Princeton University"); a unit is kept only when it is a known organization ("MIT-IBM Watson AI
    Lab in IBM Research" keeps both). A campus ("University of Texas at Austin") stays whole."""
    pieces = re.split(r"\s+(?:at|in)\s+(?:the\s+)?", printed.strip())
    merged = [pieces[0]]
    for piece in pieces[1:]:
        if len(piece.split()) <= 2 and not institutions.is_institution(piece, known):
            merged[-1] = f"{merged[-1]} at {piece}"  # a campus or city, part of the name
        else:
            merged.append(piece)
    kept = [p for p in merged[:-1] if institutions.key(p) in known] + merged[-1:]
    return "; ".join(re.sub(r"^[Tt]he\s+", "", p) for p in kept)


def _education(person: str, sentence: str, known: frozenset[str]) -> list[EducationText]:
    if not _EARNED.search(sentence):
        return []
    found = []
    for match in _EDUCATION.finditer(sentence):
        institution = _trim(match["inst"])
        if not _has_institution(institution, known):
            continue
        year = int(match["year"]) if match["year"] else None
        found.append(EducationText(person, institution, degree_name(match["degree"]),
                                   (match["field"] or "").strip() or None, year, sentence))
    return found


def _advising(person: str, sentence: str, known: frozenset[str]) -> list[AdvisingText]:
    found = []
    for trigger in _ADVISOR_TRIGGER.finditer(sentence):
        before = _clause_before(sentence, trigger.start())
        is_postdoc = bool(_POSTDOC.search(before) or _POSTDOC.search(trigger.group(0)))
        if "working with" in trigger.group(0).lower() and not is_postdoc:
            continue
        if not is_postdoc and not _PHD.search(before) and not _PHD.search(trigger.group(0)):
            continue
        institution = _last_institution(before, known)
        for advisor in _names_after(sentence[trigger.end():]):
            found.append(AdvisingText(person, advisor, "postdoc" if is_postdoc else "phd",
                                      institution, sentence))
    return found


def _clause_before(sentence: str, end: int) -> str:
    """The part of the sentence before ``end``, from the last ", and" / ";" / ", " + pronoun."""
    text = sentence[:end]
    cut = max((m.end() for m in re.finditer(r",\s+and\s+|;\s+|,\s+(?=(?:his|her|their|postdoc|and)\b)",
                                            text)), default=0)
    return text[cut:]


def _last_institution(text: str, known: frozenset[str]) -> str | None:
    candidates = [m["inst"] for m in re.finditer(rf"\b(?:at|from)\s+{_ORG}", text)]
    for candidate in reversed(candidates):
        found = institutions.institutions(candidate, known)
        if len(found) == 1 and len(institutions.split_parts(candidate)) == 1:
            return _trim(candidate)
        if found:
            return None  # two institutions ("U. Toronto and UCL"): none is the advisor's
    return None


def _names_after(text: str) -> list[str]:
    """The names listed at the start of ``text`` ("Prof. A and Prof. B", "A, B and C")."""
    text = re.split(r"(?<!\b[A-Z])(?<![Pp]rof)(?<!Dr)[.;]\s|[.;]$|,\s+(?:and\s+)?(?=[a-z])|"
                    r"\s+(?:at|in|from|on|for|during)\s+", text)[0]
    found = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text):
        words = part.strip().split()
        for start in range(len(words)):
            candidate = common.clean_name(" ".join(words[start:]))
            if common.looks_like_name(candidate):
                found.append(candidate)
                break
    return found


def _positions(person: str, sentence: str, known: frozenset[str]) -> list[PositionText]:
    if _EARNED.search(sentence) and re.search(_DEGREE, sentence):
        return []
    found = []
    past_sentence = bool(_PAST.search(sentence))
    years = _YEARS.search(sentence)
    since = _SINCE.search(sentence)
    for clause in re.split(r";\s+|,\s+and\s+(?=(?:he|she|they)\b)", sentence):
        for match in _AT_ORG.finditer(clause):
            chunk = _trim(match["inst"])
            if not _has_institution(chunk, known) or re.match(r"(?:the\s+)?(?:Department|Dept|School|"
                                                             r"Division)\b", chunk) and \
                    _AT_ORG.search(clause[match.end():]):
                continue
            role = _role_before(clause[: match.start()])
            if role is None and not re.search(r"\b(?:is|was|as)\s*$", clause[: match.start()].strip()
                                              + " ") and not re.search(r"\bis\s+at\b", clause):
                continue
            past = past_sentence and not re.search(r"\b(?:currently|now)\b", clause)
            found.append(PositionText(
                person, chunk, role, not past,
                int(years.group(1)) if years else int(since.group(1)) if since else None,
                int(years.group(2)) if years else None, sentence))
    return found


def _role_before(text: str) -> str | None:
    """The position named just before " at X": "is an associate professor in EECS" → the role."""
    pieces = re.split(r"\s+(?:is|was|as|been|include|includes)\s+|\s+and\s+(?=(?:a|an|the)\s)|,\s+",
                      text.strip())
    role = re.sub(r"^(?:and\s+)?(?:(?:also|currently|now)\s+)?(?:(?:a|an|the)\s+)?", "",
                  pieces[-1]).strip()
    if not 3 <= len(role) <= 100 or not common.is_role(role):
        return None
    return role
